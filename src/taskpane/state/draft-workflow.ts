/**
 * The part of the domain the pane loads after its first paint (chunk "prefill"): the
 * draft prefill, whose company guess needs the Public Suffix List (tldts) and the
 * free-mail list, and the promotion workflow, whose alternative Name needs the list too.
 * Neither is needed to show the sender or the verdict: the controller asks for this chunk once
 * the first verdict is on screen. The sender-trust checks are not here (chunk "trust",
 * state/trust-checks.ts): they must run beside the lookup, not after the verdict.
 */
// The drafts' notes are worded by a section of the catalogue that comes with this chunk.
import "../locales/draft-notes";

export { prefillDraft } from "../../contacts/draft";
export { promoteContact } from "../../contacts/promote";
