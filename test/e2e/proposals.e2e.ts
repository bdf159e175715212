/**
 * Proposals end to end in Chromium: the colleague without a role (Adele Vance) asks from her own
 * mailbox, the message arrives in the admin's (Megan Bowen's) inbox on the page, and the admin
 * approves (the contact is created with the proposed fields; Adele's pane then finds it) or
 * declines (a reply reaches Adele, nothing is created). Plus a tampered proposal, refused.
 */
import { strings } from "../../src/taskpane/strings";
import { PROPOSAL_SENTENCES } from "../../src/taskpane/locales/proposal-sentences";
import {
  contactsWithAddress,
  emulatorContacts,
  useDemoSession,
  waitUntil,
  type DemoPage,
} from "./demo-session";

/** The English the tests look for (the pane speaks English here). */
const proposalStrings = PROPOSAL_SENTENCES.en;

const NOAH = "noah.fischer@relecloud.com";
/** Typed by the proposer under Edit details: not the domain's guess ("Relecloud"), so the block's value shows. */
const PROPOSED_COMPANY = "Relecloud Customer Success";
const REASON = "Noah runs our Relecloud rollout; the whole team writes to him.";

const suite = useDemoSession();
const open = (): Promise<DemoPage> => suite.open();

async function noahContacts() {
  return contactsWithAddress(await emulatorContacts(suite.session.demo), NOAH);
}

/** Adele, without a role, proposes Noah with her own company text and a reason, and sends it. */
async function propose(demo: DemoPage): Promise<void> {
  await demo.signInAs("readonly");
  await demo.page.getByText("Adele Vance · no admin role").waitFor();
  await demo.select("relecloud-workspace");
  await demo.paneShows(strings.verdict.missing);
  // The demo's token says nothing of roles: the first write's 403 tells the pane.
  await demo.paneButton(strings.promote.add).click();
  const ask = demo.paneButton(proposalStrings.ask);
  await ask.waitFor();
  await demo.paneButton(strings.promote.editDetails).click();
  await demo.pane.getByRole("textbox", { name: strings.promote.company }).fill(PROPOSED_COMPANY);
  await demo.pane.getByRole("textbox", { name: proposalStrings.reasonLabel }).fill(REASON);
  await ask.click();
  await demo.paneShows(proposalStrings.opened);

  const form = demo.page.getByRole("region", { name: "New message" });
  expect(await form.getByRole("textbox", { name: "To" }).inputValue()).toBe("megan@contoso.com");
  expect(await form.getByRole("textbox", { name: "Subject" }).inputValue()).toBe(
    `Proposal: add Noah Fischer (${NOAH}) to the address book`,
  );
  const body = await form.getByRole("textbox", { name: "Message" }).inputValue();
  expect(body).toContain(`Company: ${PROPOSED_COMPANY}`);
  expect(body).toContain(`Reason: ${REASON}`);
  expect(body).toContain("-----BEGIN GAL CONTACT PROPOSAL-----");
  await form.getByRole("button", { name: "Send" }).click();
  await demo.page.getByRole("status").filter({ hasText: "Sent to Megan Bowen" }).waitFor();
  // Sending is the person's own act: nothing was created.
  expect(await noahContacts()).toEqual([]);
}

/** Megan, the admin, opens the proposal that arrived in her inbox. */
async function openProposalAsAdmin(demo: DemoPage): Promise<void> {
  await demo.signInAs("admin");
  await demo.page.getByText("Megan Bowen · Exchange admin").waitFor();
  await demo.select("sent-1");
  await demo.paneShows(proposalStrings.title("Adele Vance", "Noah Fischer"));
  await demo.paneShows(REASON);
  await demo.paneShows(strings.verdict.missing);
}

it("user proposes → the admin's inbox shows it → approve → the contact exists with the proposed fields → the proposer's pane shows it", async () => {
  const demo = await open();
  await propose(demo);
  await openProposalAsAdmin(demo);

  const approve = demo.paneButton(proposalStrings.approve);
  await waitUntil(async () => !(await approve.isDisabled()), "Approve to be ready");
  await approve.click();
  await demo.paneShows(strings.progress.added);
  const stored = await noahContacts();
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatchObject({
    ContactDisplayName: "Noah Fischer",
    ContactFirstName: "Noah",
    ContactLastName: "Fischer",
    ContactCompany: PROPOSED_COMPANY,
  });
  expect(stored[0]?.ContactMailTip ?? "").toContain("Noah Fischer");

  await demo.signInAs("readonly");
  await demo.select("relecloud-workspace");
  await demo.paneShows(strings.verdict.exists);
});

it("the decline path: a reply with the reason reaches the proposer, and nothing is created", async () => {
  const demo = await open();
  await propose(demo);
  await openProposalAsAdmin(demo);

  await demo.paneButton(proposalStrings.decline).click();
  await demo.pane
    .getByRole("textbox", { name: proposalStrings.declineReasonLabel })
    .fill("We only add partners with a signed contract.");
  await demo.paneButton(proposalStrings.declineWrite).click();
  await demo.paneShows(proposalStrings.declineOpened);
  const reply = demo.page.getByRole("region", { name: "Reply" });
  expect(await reply.getByRole("textbox", { name: "To" }).inputValue()).toBe("adele@contoso.com");
  expect(await reply.getByRole("textbox", { name: "Message" }).inputValue()).toContain(
    "Reason: We only add partners with a signed contract.",
  );
  await reply.getByRole("button", { name: "Send" }).click();
  await demo.page.getByRole("status").filter({ hasText: "Sent to Adele Vance" }).waitFor();

  await demo.signInAs("readonly");
  await demo.select("sent-2");
  await demo.page
    .getByRole("region", { name: "Reading pane" })
    .getByText("We only add partners with a signed contract.", { exact: false })
    .waitFor();
  expect(await noahContacts()).toEqual([]);
});

it("a proposal whose readable address was changed is refused in plain words, with no Approve", async () => {
  const demo = await open();
  await demo.select("adele-proposal-tampered");
  await demo.paneShows(proposalStrings.refusedTitle);
  await demo.paneShows(proposalStrings.problem["text-disagrees"](proposalStrings.mail.labels.address));
  expect(await demo.paneButton(proposalStrings.approve).count()).toBe(0);
  expect(await demo.paneButton(proposalStrings.decline).count()).toBe(0);
});
