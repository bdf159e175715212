/**
 * Whether the signed-in account holds a directory role that may change mail contacts, read
 * from the access token's `wids` claim (Entra directory role template ids) where the token
 * carries it. Reads the claim only: the token is never logged, stored or returned.
 */
/** Template ids of the roles in EXCHANGE_WRITE_ROLES (same order). */
export const EXCHANGE_WRITE_ROLE_TEMPLATE_IDS = [
  "29232cdf-9323-42fd-ade2-1d097af3e4de", // Exchange Administrator
  "31392ffb-586c-42d1-9346-e59415a2cc4e", // Exchange Recipient Administrator
  "62e90394-69f5-4237-9190-012177145e10", // Global Administrator
] as const;

/**
 * True when `wids` names a write role, false when it is present without one, null when it
 * cannot be told (not a JWT, no `wids`: an opaque or demo token, or an app without the claim).
 */
export function writeRoleFromToken(token: string): boolean | null {
  const payload = token.split(".")[1];
  if (!payload) return null;
  let claims: unknown;
  try {
    claims = JSON.parse(decodeBase64Url(payload));
  } catch {
    return null;
  }
  // A hand check, not zod: this runs in the pane's first download, where zod would cost 24 KB gzip.
  const wids =
    typeof claims === "object" && claims !== null ? (claims as { wids?: unknown }).wids : undefined;
  if (!Array.isArray(wids) || !wids.every((id): id is string => typeof id === "string")) return null;
  const lowered = wids.map((id) => id.toLowerCase());
  return EXCHANGE_WRITE_ROLE_TEMPLATE_IDS.some((id) => lowered.includes(id));
}

function decodeBase64Url(text: string): string {
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
  return new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}
