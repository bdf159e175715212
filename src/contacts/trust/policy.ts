/**
 * Tenant policy (ADDIN_TRUST_POLICY), in a module of its own so that the configuration reader
 * does not pull the trust checks (and the Public Suffix List) into the pane's first download.
 * warn: a risky sender is added only after a confirmation naming the risk; block: a sender who
 * failed authentication cannot be added from the pane at all.
 */
export type TrustPolicy = "warn" | "block";
export const TRUST_POLICIES: readonly TrustPolicy[] = ["warn", "block"];
