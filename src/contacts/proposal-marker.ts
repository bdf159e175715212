/**
 * The proposal block's first line, apart from the format (src/contacts/proposal.ts, with zod):
 * the pane's first download looks for it in a colleague's message and asks for the proposal
 * code only when it is there.
 */
export const PROPOSAL_BEGIN = "-----BEGIN GAL CONTACT PROPOSAL-----";
