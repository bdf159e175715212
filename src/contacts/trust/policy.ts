/**
 * Tenant policy (ADDIN_TRUST_POLICY), in a module of its own so that the configuration reader
 * does not pull the trust checks (and the Public Suffix List) into the pane's first download.
 * warn: a risky sender is added only after a confirmation naming the risk; block: a sender who
 * failed authentication cannot be added from the pane at all.
 */
export type TrustPolicy = "warn" | "block";
export const TRUST_POLICIES: readonly TrustPolicy[] = ["warn", "block"];

/**
 * May a new contact be created under this decision (sender-trust.ts's AddDecision)? The one rule
 * for every Add, the sender's card and a list's batch alike: one click when nothing is wrong,
 * after a confirmation naming the risks when risky, never when blocked. Here, not beside the
 * checks, so that the pane's first download can ask it without carrying them.
 */
export function mayAdd(decision: "one-click" | "confirm" | "blocked", confirmed: boolean): boolean {
  return decision === "one-click" || (decision === "confirm" && confirmed);
}
