/**
 * The part of the domain the pane loads after its first paint (chunk "prefill"): the
 * draft prefill, whose company guess needs the Public Suffix List (tldts) and the
 * free-mail list, and the promotion workflow, whose alternative Name needs the list too.
 * Neither is needed to show the sender or the verdict. The sender-trust checks come with it:
 * their look-alike test needs the same list, and they run beside the lookup.
 */
export { prefillDraft } from "../../contacts/draft";
export { promoteContact } from "../../contacts/promote";
export { addDecision, assessSenderTrust, trustRisks } from "../../contacts/trust/sender-trust";
