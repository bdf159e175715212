/**
 * What the probe asks each backend, read-only, and the verdict it draws: was a token
 * issued (or which AADSTS code refused it), was the call allowed / forbidden / refused,
 * and did the answers have the shapes the client expects (or which field differed).
 *
 *   admin-center  GetContacts for an address that cannot exist
 *   exchange      Get-MailContact -Filter for an address that cannot exist, and
 *                 Get-Recipient of the signed-in user (also proves X-AnchorMailbox routing)
 *
 * Nothing here writes, prints a token, or prints a value from the tenant (statuses,
 * field paths, request ids and role names only).
 */
import { exchangeWithAdminApi, type FetchFunction } from "../admin-api/http";
import { inspectExchange } from "../admin-api/probe";
import { describeIssues, formatIssues } from "../admin-api/response-parsing";
import { DEFAULT_ADMIN_CENTER_BASE_URL, EXCHANGE_WRITE_ROLES } from "../admin-api/wire";
import { FixedTokenProvider } from "../auth/token-provider";
import { isDirectoryError } from "../contacts/directory-error";
import { ExchangeRestClient } from "../exchange-rest/client";
import {
  DEFAULT_EXCHANGE_BASE_URL,
  InvokeCommandResponseSchema,
  MailContactObjectSchema,
  RecipientObjectSchema,
  emailAddressesFilter,
  externalAddressFilter,
} from "../exchange-rest/wire";

export type BackendName = "admin-center" | "exchange";

export interface TokenOutcome {
  issued: boolean;
  /** AADSTS code (or MSAL error code) when no token was issued. */
  errorCode?: string;
}

export type CallVerdict = "allowed" | "forbidden" | "refused" | "failed";

export interface CheckResult {
  /** What was asked, e.g. "Get-Recipient of the signed-in user". */
  what: string;
  call: CallVerdict;
  status?: number;
  /** For forbidden: the roles that would allow it. For refused/failed: why, in a few words. */
  note?: string;
  /** Shape issues (field path and problem); empty when the answer matched. */
  shapeIssues: string[];
  requestId?: string;
}

export interface BackendVerdict {
  backend: BackendName;
  token: TokenOutcome;
  checks: CheckResult[];
  /** True when a token was issued and every check was allowed with matching shapes. */
  works: boolean;
  /** Exchange: the X-AnchorMailbox form that worked, when one did. */
  anchor?: string;
}

/** An address no directory can hold: the reserved .invalid top-level domain. */
export function impossibleAddress(random: () => string = () => crypto.randomUUID()): string {
  return `gal-probe-${random().slice(0, 8)}@probe.invalid`;
}

/** The roles the Exchange backend needs, as the admin assigns them. */
export const EXCHANGE_READ_ROLES = ["View-Only Recipients", "Mail Recipients"] as const;
export const EXCHANGE_WRITE_RBAC_ROLES = ["Mail Recipient Creation", "Mail Recipients"] as const;

export interface ProbeTarget {
  token: string;
  baseUrl?: string;
  fetch?: FetchFunction;
  timeoutMs?: number;
}

export async function probeAdminCenter(target: ProbeTarget, address: string): Promise<BackendVerdict> {
  const what = "GetContacts for an address that cannot exist";
  let check: CheckResult;
  try {
    const raw = await exchangeWithAdminApi(
      {
        baseUrl: target.baseUrl ?? DEFAULT_ADMIN_CENTER_BASE_URL,
        tokens: new FixedTokenProvider(target.token),
        fetch: target.fetch,
        timeoutMs: target.timeoutMs,
      },
      "search",
      { SearchString: address, NextLink: "" },
    );
    const page = inspectExchange(raw, 1);
    const call = verdictOfStatus(raw.status, page.bodyKind === "html");
    check = {
      what,
      call,
      status: raw.status,
      requestId: raw.requestId,
      ...(call === "forbidden" ? { note: `needs one of: ${EXCHANGE_WRITE_ROLES.join(", ")}` } : {}),
      ...(call === "refused" ? { note: refusedNote(raw.status, page.bodyKind === "html") } : {}),
      shapeIssues:
        call === "allowed" ? page.schemaIssues.map((issue) => `${issue.path} ${issue.problem}`) : [],
    };
  } catch (error) {
    check = { what, call: "failed", note: failureNote(error), shapeIssues: [] };
  }
  return finish("admin-center", [check]);
}

export interface ExchangeProbeTarget extends ProbeTarget {
  tenant: string;
  /** The signed-in user's UPN (for X-AnchorMailbox and the Get-Recipient of oneself). */
  user: string;
}

export async function probeExchange(target: ExchangeProbeTarget, address: string): Promise<BackendVerdict> {
  // The contract's routing hints, the user's own first; the probe reports the first that works.
  const anchors = [target.user];
  if (/\./.test(target.tenant)) {
    anchors.push(`SystemMailbox{8cc370d3-822a-4ab8-a926-bb94bd0641a9}@${target.tenant}`);
  }
  let last: BackendVerdict | null = null;
  for (const anchor of anchors) {
    const verdict = await probeExchangeWith(target, anchor, address);
    if (verdict.works) {
      return { ...verdict, anchor: anchor === target.user ? "UPN:<the signed-in user>" : `UPN:${anchor}` };
    }
    // Only a call that failed outright may be a routing problem; a refusal or a shape is not.
    if (!verdict.checks.some((check) => check.call === "failed")) return verdict;
    last = verdict;
  }
  return last!;
}

async function probeExchangeWith(
  target: ExchangeProbeTarget,
  anchorUser: string,
  address: string,
): Promise<BackendVerdict> {
  let lastBody = "";
  let lastStatus = 0;
  const fetchFunction: FetchFunction = target.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const client = new ExchangeRestClient({
    baseUrl: target.baseUrl ?? DEFAULT_EXCHANGE_BASE_URL,
    tokens: new FixedTokenProvider(target.token),
    tenant: target.tenant,
    user: anchorUser,
    timeoutMs: target.timeoutMs,
    // One attempt: the probe reports what each answer was, and never waits out a throttle.
    retry: { maxAttempts: 1 },
    fetch: async (input, init) => {
      const response = await fetchFunction(input, init);
      lastBody = await response.clone().text();
      lastStatus = response.status;
      return response;
    },
  });
  const run = async (
    what: string,
    cmdlet: "Get-MailContact" | "Get-Recipient",
    filter: string,
    itemSchema: typeof MailContactObjectSchema | typeof RecipientObjectSchema,
    expectItem: boolean,
  ): Promise<CheckResult> => {
    try {
      const result = await client.invoke(cmdlet, { Filter: filter }, { operation: "findByAddress" });
      const issues = shapeIssues(lastBody, itemSchema, expectItem);
      return { what, call: "allowed", status: lastStatus, requestId: result.requestId, shapeIssues: issues };
    } catch (error) {
      if (!isDirectoryError(error))
        return { what, call: "failed", note: failureNote(error), shapeIssues: [] };
      const base = { what, requestId: error.requestId, status: error.status };
      switch (error.kind) {
        case "forbidden":
          return {
            ...base,
            call: "forbidden",
            note: `needs one of: ${EXCHANGE_READ_ROLES.join(", ")} (to read); ${EXCHANGE_WRITE_RBAC_ROLES.join(" and ")} to create and edit`,
            shapeIssues: [],
          };
        case "unauthenticated":
          return {
            ...base,
            call: "refused",
            note: refusedNote(error.status ?? 0, error.reason === "sign-in-page"),
            shapeIssues: [],
          };
        case "protocol":
          return { ...base, call: "allowed", shapeIssues: shapeIssues(lastBody, itemSchema, expectItem) };
        default:
          return {
            ...base,
            call: "failed",
            note: `${error.kind}${error.reason !== "unspecified" ? ` (${error.reason})` : ""}`,
            shapeIssues: [],
          };
      }
    }
  };
  const checks = [
    await run(
      "Get-MailContact for an address that cannot exist",
      "Get-MailContact",
      externalAddressFilter(address),
      MailContactObjectSchema,
      false,
    ),
  ];
  if (checks[0]!.call === "allowed") {
    checks.push(
      await run(
        "Get-Recipient of the signed-in user",
        "Get-Recipient",
        emailAddressesFilter(target.user),
        RecipientObjectSchema,
        true,
      ),
    );
  }
  return finish("exchange", checks);
}

/** The shape problems of an InvokeCommand answer (by path, never by value). */
function shapeIssues(
  bodyText: string,
  itemSchema: typeof MailContactObjectSchema | typeof RecipientObjectSchema,
  expectItem: boolean,
): string[] {
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    return ["(body) is not JSON"];
  }
  const envelope = InvokeCommandResponseSchema.safeParse(body);
  if (!envelope.success)
    return describeIssues(body, envelope.error.issues).map((i) => `${i.path} ${i.problem}`);
  const items = envelope.data.value;
  if (expectItem && items.length === 0) return ["value is empty (expected the signed-in user)"];
  const issues: string[] = [];
  items.forEach((item, index) => {
    const parsed = itemSchema.safeParse(item);
    if (!parsed.success) {
      issues.push(formatIssues(describeIssues(item, parsed.error.issues)).replace(/^/, `value[${index}].`));
    }
  });
  return issues;
}

function verdictOfStatus(status: number, html: boolean): CallVerdict {
  if (status >= 200 && status < 300) return html ? "refused" : "allowed";
  if (status === 403) return "forbidden";
  if (status === 401) return "refused";
  return "failed";
}

function refusedNote(status: number, html: boolean): string {
  if (html) return "a sign-in page came back instead of data: the service did not accept the token";
  return `${status}: the service did not accept the token (audience, consent or expiry)`;
}

function failureNote(error: unknown): string {
  if (isDirectoryError(error))
    return `${error.kind}${error.reason !== "unspecified" ? ` (${error.reason})` : ""}`;
  return "no answer";
}

function finish(backend: BackendName, checks: CheckResult[]): BackendVerdict {
  return {
    backend,
    token: { issued: true },
    checks,
    works: checks.every((check) => check.call === "allowed" && check.shapeIssues.length === 0),
  };
}

/** The line to build with: Exchange when it works (it has a consentable permission), else the admin center. */
export function buildLine(verdicts: readonly BackendVerdict[]): string | null {
  for (const backend of ["exchange", "admin-center"] as const) {
    if (verdicts.some((verdict) => verdict.backend === backend && verdict.works))
      return `ADDIN_BACKEND=${backend}`;
  }
  return null;
}

export function formatVerdicts(verdicts: readonly BackendVerdict[]): string {
  const lines: string[] = [];
  for (const verdict of verdicts) {
    lines.push(`${verdict.backend}:`);
    lines.push(
      verdict.token.issued
        ? "  token: issued"
        : `  token: NOT issued (${verdict.token.errorCode ?? "unknown error"})`,
    );
    for (const check of verdict.checks) {
      const status = check.status ? ` (${check.status})` : "";
      const note = check.note ? `: ${check.note}` : "";
      lines.push(
        `  ${check.what}: ${check.call}${status}${note}${check.requestId ? ` [request id ${check.requestId}]` : ""}`,
      );
      if (check.call === "allowed") {
        lines.push(
          check.shapeIssues.length === 0
            ? "    shapes: matched"
            : `    shapes: DIFFERED: ${check.shapeIssues.join("; ")}`,
        );
      }
    }
    if (verdict.anchor) lines.push(`  X-AnchorMailbox that worked: ${verdict.anchor}`);
    lines.push(`  verdict: ${verdict.works ? "WORKS" : "does not work yet"}`);
  }
  const line = buildLine(verdicts);
  lines.push(
    "",
    line
      ? `Build with: ${line}`
      : "No backend works yet: fix what is reported above, then run the probe again.",
  );
  return lines.join("\n");
}
