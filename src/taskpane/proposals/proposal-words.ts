/**
 * The words of a proposal message (src/contacts/proposal.ts composes it), in the pane's language:
 * the proposer's when composing, the approver's when comparing the readable part.
 */
import type { ProposalWords } from "../../contacts/proposal";
import { proposalSentences } from "../locales/proposal-sentences";
import { strings } from "../strings";

export function proposalWords(): ProposalWords {
  const mail = proposalSentences().mail;
  return {
    subject: (proposal) => mail.subject(proposal.displayName, proposal.address),
    intro: (proposal) =>
      mail.intro(proposal.proposer.displayName || proposal.proposer.address, proposal.displayName),
    labels: mail.labels,
    yes: mail.yes,
    no: mail.no,
    none: mail.none,
    senderCheck: (check) => strings.trust.status[check.status],
    risk: (risk) => mail.risk[risk],
    howToApprove: mail.howToApprove,
    blockNote: mail.blockNote,
  };
}
