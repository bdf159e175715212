/**
 * A fetch function for unit tests where HTTP itself is not the point: it answers
 * from a script, in order, and records what was sent. Integration tests use the
 * emulator over real HTTP instead.
 */
import type { FetchFunction } from "../http";

export interface RecordedCall {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

export type ScriptedAnswer =
  | { status: number; body?: string | object; headers?: Record<string, string> }
  | { networkError: true }
  /** Never answers; rejects only when the request's signal aborts (timeouts, cancellation). */
  | { hang: true };

export interface ScriptedFetch {
  fetch: FetchFunction;
  calls: RecordedCall[];
}

export function scriptedFetch(answers: ScriptedAnswer[]): ScriptedFetch {
  const calls: RecordedCall[] = [];
  const queue = [...answers];
  const fetch: FetchFunction = async (input, init) => {
    const headers = Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>));
    calls.push({
      url: input,
      method: init.method ?? "GET",
      headers,
      body: typeof init.body === "string" ? (JSON.parse(init.body) as unknown) : undefined,
    });
    const answer = queue.shift();
    if (!answer) throw new Error(`scripted fetch: no answer left for call ${calls.length}`);
    if ("networkError" in answer) throw new TypeError("fetch failed");
    if ("hang" in answer) {
      return new Promise<Response>((_, reject) => {
        const signal = init.signal;
        if (signal?.aborted) reject(new DOMException("aborted", "AbortError"));
        signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
      });
    }
    const body =
      answer.body === undefined
        ? ""
        : typeof answer.body === "string"
          ? answer.body
          : JSON.stringify(answer.body);
    const contentType: Record<string, string> =
      typeof answer.body === "object" ? { "content-type": "application/json; charset=utf-8" } : {};
    return new Response(body === "" && [204, 205, 304].includes(answer.status) ? null : body, {
      status: answer.status,
      headers: { ...contentType, ...answer.headers },
    });
  };
  return { fetch, calls };
}

/** A minimal valid contact record for scripted responses. */
export function contactRecord(address: string, overrides: Record<string, unknown> = {}) {
  return {
    ContactId: `id-${address}`,
    ContactName: address.split("@")[0],
    ContactDisplayName: address.split("@")[0],
    ContactExternalEmailAddress: address,
    ContactMailTip: null,
    ContactCompany: null,
    ContactHiddenFromAddressListsEnabled: false,
    IsDirSynced: false,
    EditExchangeSettingsUrl: null,
    ...overrides,
  };
}

/** Hands out `tokens` in order (the last one repeatedly) and records every request for one. */
export class SequenceTokenProvider {
  readonly requests: { forceRefresh: boolean }[] = [];
  readonly #tokens: string[];
  constructor(...tokens: string[]) {
    this.#tokens = tokens;
  }
  async getToken(request: { forceRefresh?: boolean } = {}): Promise<string> {
    this.requests.push({ forceRefresh: request.forceRefresh === true });
    return this.#tokens[Math.min(this.requests.length - 1, this.#tokens.length - 1)]!;
  }
}
