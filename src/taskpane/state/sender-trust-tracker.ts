/**
 * The sender-trust guard's part of the pane: for the message on screen, reads its internet
 * headers and runs the checks (src/contacts/trust) beside the address-book lookup, never
 * before it, and keeps what the checks compare against: the domains of contacts the pane
 * has seen and the names of colleagues it has seen. The checks' chunk carries the Public
 * Suffix List (~50 KB gzip): until it has arrived it is asked for only once the first lookup
 * has settled, so it never competes with what the first verdict needs.
 *
 * Per message, not per person: the same address can be genuine on one message and spoofed
 * on the next, so a verdict is tagged with the selection's generation and never outlives it.
 */
import { normalizeAddress } from "../../contacts/address";
import { mayAdd } from "../../contacts/trust/policy";
import type { AddDecision, SenderTrust, TrustRisk } from "../../contacts/trust/sender-trust";
import type { InternetHeaders } from "../../contacts/trust/message-authentication";
import type { OrganizationConfig, SenderAnalysis } from "../../contacts/types";
import type { MailHost } from "../../office/mail-host";
import { toASCII } from "punycode/";
import { trustChecksModule, type ModuleLoader, type TrustChecks } from "../lazy-modules";

export type TrustView =
  /** No external sender on screen. */
  | { kind: "none" }
  | { kind: "checking"; generation: number; key: string }
  | {
      kind: "ready";
      generation: number;
      key: string;
      trust: SenderTrust;
      risks: readonly TrustRisk[];
      decision: AddDecision;
    }
  /** The checks could not run (their code did not download): nothing is claimed either way. */
  | { kind: "unavailable"; generation: number; key: string };

export interface SenderTrustTrackerOptions {
  /** Where the checks come from; by default the pane's "trust" chunk (with the shared "psl" chunk). */
  workflow?: ModuleLoader<TrustChecks>;
  /** Outlook may never answer getAllInternetHeadersAsync; after this long the message counts as not checked. */
  headerTimeoutMs?: number;
  /** Called with each finished assessment (the controller drops a borrowed company from the draft). */
  onAssessed?(key: string, trust: SenderTrust): void;
}

const DEFAULT_HEADER_TIMEOUT_MS = 3000;

function asciiDomain(domain: string): string | null {
  const trimmed = domain.trim().toLowerCase().replace(/^@/, "").replace(/\.$/, "");
  if (trimmed === "") return null;
  try {
    return toASCII(trimmed.normalize("NFC"));
  } catch {
    return null;
  }
}

/** The message's headers, or null when Outlook fails or takes longer than `timeoutMs` (checks then say "not checked"). */
export function readHeadersWithin(host: MailHost, timeoutMs: number): Promise<InternetHeaders> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), timeoutMs);
    host.readInternetHeaders().then(
      (headers) => {
        clearTimeout(timer);
        resolve(headers);
      },
      () => {
        clearTimeout(timer);
        resolve(null);
      },
    );
  });
}

/** The organization's own domains in ASCII: the signed-in user's, then the configured internal ones. */
export function organizationDomains(host: MailHost, org: OrganizationConfig): string[] {
  const domains: string[] = [];
  const user = normalizeAddress(host.context.userAddress);
  if (user.ok) domains.push(user.value.domain);
  for (const entry of org.internalDomains) {
    const domain = asciiDomain(entry);
    if (domain !== null && !domains.includes(domain)) domains.push(domain);
  }
  return domains;
}

export class SenderTrustTracker {
  readonly #host: MailHost;
  readonly #org: OrganizationConfig;
  readonly #workflow: ModuleLoader<TrustChecks>;
  readonly #headerTimeoutMs: number;
  readonly #onAssessed: ((key: string, trust: SenderTrust) => void) | undefined;
  readonly #listeners = new Set<() => void>();
  readonly #contactDomains = new Set<string>();
  readonly #colleagueNames = new Set<string>();
  #view: TrustView = { kind: "none" };
  /** The check in flight, if any: an Add clicked meanwhile waits for it. */
  #pending: Promise<void> = Promise.resolve();

  constructor(host: MailHost, org: OrganizationConfig, options: SenderTrustTrackerOptions = {}) {
    this.#host = host;
    this.#org = org;
    this.#workflow = options.workflow ?? trustChecksModule;
    this.#headerTimeoutMs = options.headerTimeoutMs ?? DEFAULT_HEADER_TIMEOUT_MS;
    this.#onAssessed = options.onAssessed;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  };

  readonly getState = (): TrustView => this.#view;

  #set(view: TrustView): void {
    this.#view = view;
    for (const listener of [...this.#listeners]) listener();
  }

  /** A selection without an external sender: nothing to show. Internal senders are remembered as colleagues. */
  clear(analysis: SenderAnalysis | null): void {
    if (analysis?.kind === "internal" && analysis.displayName.trim() !== "") {
      this.#colleagueNames.add(analysis.displayName.trim());
    }
    if (this.#view.kind !== "none") this.#set({ kind: "none" });
  }

  /** An address the directory holds a contact for (a lookup found it): its domain is a known one. */
  noteContact(address: string): void {
    const normalized = normalizeAddress(address);
    if (normalized.ok) this.#contactDomains.add(normalized.value.domain);
  }

  /**
   * Starts the checks for the external sender now on screen. Reads the headers at once (the
   * current item is this message until the next ItemChanged) and returns without waiting.
   * While the checks' code has not arrived, it is asked for only once `notBefore` (the
   * lookup) settles; from then on every check runs at once.
   */
  check(generation: number, key: string, analysis: SenderAnalysis, notBefore?: Promise<unknown>): void {
    const address = analysis.address;
    if (analysis.kind !== "external" || address === null) {
      this.clear(analysis);
      return;
    }
    this.#set({ kind: "checking", generation, key });
    const headers = readHeadersWithin(this.#host, this.#headerTimeoutMs);
    const contactDomains = [...this.#contactDomains].filter((domain) => domain !== address.domain);
    const input = {
      displayName: analysis.displayName,
      address: address.address,
      domain: address.domain,
      organizationDomains: organizationDomains(this.#host, this.#org),
      contactDomains,
      userDisplayName: this.#host.context.userDisplayName,
      colleagueNames: [...this.#colleagueNames],
    };
    const load = () => this.#workflow.load();
    const checks = notBefore && !this.#workflow.loaded() ? notBefore.then(load, load) : load();
    this.#pending = Promise.all([headers, checks])
      .then(async ([internetHeaders, workflow]) => {
        const trust = await workflow.assessSenderTrust({ ...input, headers: internetHeaders });
        if (!this.#isCurrent(generation)) return;
        const policy = this.#org.trustPolicy ?? "warn";
        this.#set({
          kind: "ready",
          generation,
          key,
          trust,
          risks: workflow.trustRisks(trust),
          decision: workflow.addDecision(trust, policy),
        });
        this.#onAssessed?.(key, trust);
      })
      .catch(() => {
        if (this.#isCurrent(generation)) this.#set({ kind: "unavailable", generation, key });
      });
  }

  /** Resolves when the check in flight (if any) has finished, whatever it found. */
  settled(): Promise<void> {
    return this.#pending;
  }

  /** May `key` be added now? One click when nothing is wrong; after a confirmation when risky; never when blocked or not yet checked. */
  allowsAdd(key: string, confirmed: boolean): boolean {
    const view = this.#view;
    if (view.kind !== "ready" || view.key !== key) return false;
    return mayAdd(view.decision, confirmed);
  }

  #isCurrent(generation: number): boolean {
    const view = this.#view;
    return view.kind !== "none" && view.generation === generation;
  }
}
