/**
 * Approve is the pane's own Add on the proposed address: the same guard decides (a reported
 * failure only adds caution), the proposer's values replace the prefill once it is there, and a
 * look-alike domain's company stays withheld whatever the proposal says.
 */
import type { ContactDirectory, MailContact, NewMailContact } from "../../contacts/directory";
import type { ContactProposal } from "../../contacts/proposal";
import type { SenderTrust } from "../../contacts/trust/sender-trust";
import type { PaneServices } from "../pane-services";
import { RetryNoticeHub } from "../services/retry-notices";
import { personFor } from "../state/pane-state";
import { FakeMailHost, messageFrom } from "../test-support/fake-mail-host";
import { mailContact } from "../test-support/fixtures";
import { ProposalSession, withReportedCheck } from "./proposal-session";

const ADELE = { displayName: "Adele Vance", emailAddress: "adele@contoso.com" };

const PROPOSAL: ContactProposal = {
  address: "noah.fischer@relecloud.com",
  displayName: "Noah Fischer",
  firstName: "Noah",
  lastName: "Fischer",
  company: "Relecloud Customer Success",
  mailTip: "Noah runs our Relecloud rollout.",
  hiddenFromAddressLists: true,
  reason: "",
  proposer: { displayName: ADELE.displayName, address: ADELE.emailAddress },
  senderCheck: { status: "verified", reason: "compauth-pass" },
  risks: [],
};

class RecordingDirectory implements ContactDirectory {
  created: NewMailContact[] = [];
  async findByAddress(): Promise<MailContact | null> {
    return null;
  }
  async create(contact: NewMailContact): Promise<MailContact | null> {
    this.created.push(contact);
    return mailContact({ address: contact.address, name: contact.name, displayName: contact.displayName });
  }
  async updateGeneral(current: MailContact, changes: Partial<MailContact>): Promise<MailContact> {
    return { ...current, ...changes };
  }
  async updateOptions(current: MailContact, changes: Partial<MailContact>): Promise<MailContact> {
    return { ...current, ...changes };
  }
}

function setUp(proposal: ContactProposal) {
  // The approver's own pane is on the proposal message, from a colleague.
  const host = new FakeMailHost({ item: messageFrom(ADELE) });
  const directory = new RecordingDirectory();
  const services: PaneServices = {
    host,
    directory,
    org: { internalDomains: ["contoso.com"], mailTipTemplate: "External contact at {domain}." },
    signInAgain: async () => {},
    onRetryNotice: new RetryNoticeHub().subscribe,
  };
  const session = new ProposalSession(services, proposal);
  return { session, directory };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

async function ready(session: ProposalSession) {
  session.start();
  for (let i = 0; i < 40; i++) {
    const state = session.controller.getState();
    const key = state.selection.kind === "sender" ? state.selection.key : null;
    const draft = key === null ? null : personFor(state, key).draft;
    if (draft && draft.company !== "Relecloud" && session.controller.trust.getState().kind === "ready")
      return draft;
    await settle();
  }
  throw new Error("the proposal's draft did not arrive");
}

test("the proposer's values replace the prefill, and Approve creates them through the normal Add", async () => {
  const { session, directory } = setUp(PROPOSAL);
  const draft = await ready(session);
  expect(draft).toMatchObject({
    address: PROPOSAL.address,
    company: PROPOSAL.company,
    mailTip: PROPOSAL.mailTip,
    hiddenFromAddressLists: true,
  });
  session.controller.promote();
  await settle();
  expect(directory.created).toHaveLength(1);
  expect(directory.created[0]).toMatchObject({ address: PROPOSAL.address, displayName: "Noah Fischer" });
  session.stop();
});

test("a failed authentication the proposer's pane reported needs the approver's confirmation", async () => {
  const { session, directory } = setUp({
    ...PROPOSAL,
    senderCheck: { status: "failed", reason: "compauth-fail" },
  });
  await ready(session);
  const view = session.controller.trust.getState();
  expect(view.kind === "ready" && view.decision).toBe("confirm");
  session.controller.promote();
  await settle();
  expect(directory.created).toHaveLength(0);
  session.controller.promote({ confirmed: true });
  await settle();
  expect(directory.created).toHaveLength(1);
  session.stop();
});

test("a look-alike of the organization's domain keeps no company, whatever the proposal says, and needs confirmation", async () => {
  const { session, directory } = setUp({
    ...PROPOSAL,
    address: "it-support@c0ntoso.com",
    company: "Contoso",
  });
  session.start();
  for (let i = 0; i < 40 && session.controller.trust.getState().kind !== "ready"; i++) await settle();
  await settle();
  const state = session.controller.getState();
  const key = state.selection.kind === "sender" ? state.selection.key : null;
  expect(personFor(state, key).draft?.company).toBe("");
  expect(personFor(state, key).draft?.mailTip).toBe(PROPOSAL.mailTip);
  session.controller.promote();
  await settle();
  expect(directory.created).toHaveLength(0);
  session.stop();
});

test("a report can add caution, never remove it", () => {
  const failed: SenderTrust = {
    authentication: { status: "failed", reason: "dmarc-fail", details: null },
    lookAlike: null,
    impersonation: null,
  };
  expect(withReportedCheck(PROPOSAL)(failed)).toBe(failed);
  const notChecked: SenderTrust = {
    ...failed,
    authentication: { status: "not-checked", reason: "headers-unavailable", details: null },
  };
  expect(withReportedCheck(PROPOSAL)(notChecked).authentication.status).toBe("not-checked");
});
