/**
 * Which requests the relay forwards: exactly the four method+path pairs of
 * ADMIN_API_ROUTES, and Exchange's InvokeCommand path (whose body invoke-command-policy.ts
 * inspects), matched byte for byte against the raw request target.
 *
 * Exact matching is the whole defence. The raw target is compared before any decoding or
 * normalisation, so `%2F`, `%2e`, `..`, `//`, backslashes, trailing slashes, case variants,
 * path parameters and query strings simply do not equal one of the four strings. The real
 * API's paths are PascalCase as listed; the relay never "helps" a near miss.
 */
import { ADMIN_API_ROUTES, type AdminApiRouteName } from "../admin-api/wire";
import { INVOKE_COMMAND_PATH_PATTERN } from "../exchange-rest/wire-constants";

const ROUTE_ENTRIES = Object.entries(ADMIN_API_ROUTES) as [
  AdminApiRouteName,
  (typeof ADMIN_API_ROUTES)[AdminApiRouteName],
][];

/** The allowlisted route for this exact method and raw request target, or null. */
export function matchAllowedRoute(
  method: string | undefined,
  rawTarget: string | undefined,
): AdminApiRouteName | null {
  if (method === undefined || rawTarget === undefined) return null;
  for (const [name, route] of ROUTE_ENTRIES) {
    if (route.method === method && route.path === rawTarget) return name;
  }
  return null;
}

/**
 * Exchange's InvokeCommand: `POST /adminapi/beta/{tenant}/InvokeCommand`, or the form an
 * `@odata.nextLink` takes (the same path with one `$skiptoken` query parameter). Returns the
 * path and query to forward, or null. The tenant is a GUID or a domain name (letters,
 * digits, dots, hyphens); the skip token an opaque URL-safe value.
 */
export function matchInvokeCommand(
  method: string | undefined,
  rawTarget: string | undefined,
): { path: string; query: string } | null {
  if (method !== "POST" || rawTarget === undefined) return null;
  const [path = "", query, ...rest] = rawTarget.split("?");
  if (rest.length > 0 || !INVOKE_COMMAND_PATH_PATTERN.test(path)) return null;
  if (query === undefined) return { path, query: "" };
  return /^(?:\$|%24)skiptoken=[A-Za-z0-9._~=-]{1,512}$/.test(query) ? { path, query: `?${query}` } : null;
}

const CLAIMED_PREFIXES = ["/admin/api", "/adminapi"];
const MAX_DECODE_ROUNDS = 4;

/**
 * True when a request target is, or tries to look like, an admin API path: the relay
 * answers it (forwarding or refusing with 404) instead of passing it on to other
 * handlers. Deliberately generous: decodes repeatedly, folds case and backslashes,
 * collapses slashes, resolves dot segments and drops an absolute-form origin, so every
 * disguise of `/admin/api` is claimed and refused here rather than reaching a handler that
 * might interpret it differently.
 */
export function claimsAdminApiPath(rawTarget: string | undefined): boolean {
  if (rawTarget === undefined) return false;
  const normalized = normalizeForClaim(rawTarget);
  return CLAIMED_PREFIXES.some((prefix) => normalized === prefix || normalized.startsWith(`${prefix}/`));
}

function normalizeForClaim(rawTarget: string): string {
  let target = rawTarget;
  for (let round = 0; round < MAX_DECODE_ROUNDS; round += 1) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(target);
    } catch {
      break;
    }
    if (decoded === target) break;
    target = decoded;
  }
  target = target.replace(/\\/g, "/").toLowerCase();
  // Absolute-form target (`POST http://host/admin/api/... HTTP/1.1`): keep only the path.
  target = target.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/, "");
  target = target.split(/[?#;]/, 1)[0] ?? "";
  const segments: string[] = [];
  for (const segment of target.split("/")) {
    const trimmed = segment.trim();
    if (trimmed === "" || trimmed === ".") continue;
    if (trimmed === "..") {
      segments.pop();
      continue;
    }
    segments.push(trimmed);
  }
  return `/${segments.join("/")}`;
}
