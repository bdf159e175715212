/**
 * The words of a proposal message (src/contacts/proposal.ts composes it), from strings.ts.
 */
import type { ProposalWords } from "../../contacts/proposal";
import { strings } from "../strings";
import { proposalStrings } from "./proposal-strings";

export function proposalWords(): ProposalWords {
  const mail = proposalStrings.mail;
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
