/**
 * The sender-trust checks the pane loads on their own (chunk "trust"), beside the lookup: the
 * authentication-results parse, the look-alike tests (with their Public Suffix List) and the
 * display-name checks. Apart from the draft workflow ("prefill"), which waits for the first
 * verdict: the guard must decide before Add is offered, not after the draft has arrived.
 */
// The sender check's sentences are a section of the catalogue that comes with this chunk.
import "../locales/trust-sentences";

export { addDecision, assessSenderTrust, mayAdd, trustRisks } from "../../contacts/trust/sender-trust";
