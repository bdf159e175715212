/**
 * What the server reads from a raw request target before any handler routes it: the path
 * to log (never the query, `;params`, or the origin and userinfo of an absolute-form target)
 * and whether it holds dot segments. Dot segments are refused outright (server.ts), so no
 * handler that matches a prefix (`/__emulator/`) can be walked out of (`/__emulator/../admin/api`).
 */

const MAX_DECODE_ROUNDS = 4;
/** `http://user:pass@host:port` at the start of an absolute-form target. */
const ABSOLUTE_FORM_ORIGIN = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i;

/**
 * The path of a request target with the origin (and any userinfo) of an absolute-form target,
 * the query, the fragment and each segment's `;params` removed. Percent-escapes are kept as sent.
 */
export function targetPath(rawTarget: string | undefined): string {
  const withoutOrigin = (rawTarget ?? "").replace(ABSOLUTE_FORM_ORIGIN, "");
  const path = withoutOrigin.split(/[?#]/, 1)[0] ?? "";
  const withoutParams = path
    .split("/")
    .map((segment) => segment.split(";", 1)[0] ?? "")
    .join("/");
  return withoutParams.startsWith("/") ? withoutParams : `/${withoutParams}`;
}

/**
 * True when the target's path has a "." or ".." segment, written literally, percent-encoded
 * (`%2e%2e`, also double-encoded) or with backslashes or encoded slashes as separators.
 */
export function hasDotSegments(rawTarget: string | undefined): boolean {
  let path = targetPath(rawTarget);
  for (let round = 0; round <= MAX_DECODE_ROUNDS; round += 1) {
    if (
      path
        .replace(/\\/g, "/")
        .split("/")
        .some((segment) => /^\s*\.{1,2}\s*$/.test(segment))
    )
      return true;
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      // A malformed escape: decode what can be decoded ("%2e" pieces) and look once more.
      decoded = path.replace(/%2e/gi, ".").replace(/%2f/gi, "/").replace(/%5c/gi, "\\");
    }
    if (decoded === path) return false;
    path = decoded;
  }
  return false;
}
