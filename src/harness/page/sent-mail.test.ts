/**
 * @jest-environment ./test/setup/jsdom-with-fetch.ts
 */
import { checkProposalMessage, composeProposal, type ContactProposal } from "../../contacts/proposal";
import { proposalWords } from "../../taskpane/proposals/proposal-words";
import { deliveredMessage, htmlToText } from "./sent-mail";

const PROPOSAL: ContactProposal = {
  address: "noah.fischer@relecloud.com",
  displayName: "Noah Fischer",
  firstName: "Noah",
  lastName: "Fischer",
  company: "Relecloud",
  mailTip: "External contact: Noah Fischer from Relecloud (relecloud.com).",
  hiddenFromAddressLists: false,
  reason: 'Runs our rollout <script>alert("x")</script> & more.',
  proposer: { displayName: "Adele Vance", address: "adele@contoso.com" },
  senderCheck: { status: "verified", reason: "compauth-pass" },
  risks: [],
};

describe("mail sent from the demo's compose panel", () => {
  it("the HTML the pane composes reads back as the proposal, through the text an approver's Outlook gives", () => {
    // The reason's markup is refused by the approver's check; a plain one goes through.
    const plain = { ...PROPOSAL, reason: "Runs our rollout & more." };
    const text = htmlToText(composeProposal(plain, proposalWords()).htmlBody);
    expect(text).toContain("Address: noah.fischer@relecloud.com\nDisplay name: Noah Fischer");
    const message = deliveredMessage({
      from: { displayName: "Adele Vance", emailAddress: "adele@contoso.com" },
      to: [{ displayName: "Megan Bowen", emailAddress: "megan@contoso.com" }],
      subject: "Proposal",
      body: text,
      sentAt: new Date("2026-11-30T10:00:00Z"),
      id: "sent-1",
    });
    const check = checkProposalMessage(
      {
        body: message.item.bodyText ?? "",
        from: message.item.from,
        sender: message.item.sender,
        headers: message.item.internetHeaders,
        userAddress: "megan@contoso.com",
        userDisplayName: "Megan Bowen",
      },
      { internalDomains: [] },
      proposalWords(),
    );
    expect(check.kind === "accepted" && check.proposal).toEqual(plain);
  });

  it("shows escaped markup as the text that was typed, never as elements", () => {
    const text = htmlToText(composeProposal(PROPOSAL, proposalWords()).htmlBody);
    expect(text).toContain('Reason: Runs our rollout <script>alert("x")</script> & more.');
  });
});
