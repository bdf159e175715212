/** @jest-environment ./test/setup/jsdom-with-fetch.ts */
/**
 * Proposals as the pane shows them, against the emulator over HTTP: a colleague without a write
 * role asks the approvers (a message form with the block, nothing sent, nothing created); an
 * approver's pane reads the proposal, approves it through the normal Add, or refuses a tampered
 * one in plain words with nothing to click.
 */
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { checkProposalMessage, composeProposal, type ContactProposal } from "../contacts/proposal";
import { internalHeadersFor } from "../harness/internet-headers";
import { App } from "./App";
import { proposalWords } from "./proposals/proposal-words";
import { TEST_ORGANIZATION, useEmulatedPane } from "./test-support/emulator-services";
import { FakeMailHost, messageFrom } from "./test-support/fake-mail-host";
import { strings } from "./strings";
import { PROPOSAL_SENTENCES } from "./locales/proposal-sentences";

/** The English the tests look for (the pane speaks English here). */
const proposalStrings = PROPOSAL_SENTENCES.en;

const pane = useEmulatedPane();

const SAM = { displayName: "Sam Smith", emailAddress: "sam.smith@northwind.example" };
const ADELE = { displayName: "Adele Vance", emailAddress: "adele@contoso.com" };
const MEGAN = { userAddress: "megan@contoso.com", userDisplayName: "Megan Bowen" };
const APPROVERS = ["gal-approvers@contoso.com"];
/** The card's note on a colleague (strings.sender.reason's internal sentences). */
const COLLEAGUE_NOTE = /colleagues are already in the address list/;

const PROPOSAL: ContactProposal = {
  address: SAM.emailAddress,
  displayName: SAM.displayName,
  firstName: "Sam",
  lastName: "Smith",
  company: "Northwind Partners",
  mailTip: "Sam handles our Northwind orders.",
  hiddenFromAddressLists: false,
  reason: "We order from Sam every week.",
  proposer: { displayName: ADELE.displayName, address: ADELE.emailAddress },
  senderCheck: { status: "not-checked", reason: "headers-empty" },
  risks: [],
};

function stored(address: string) {
  return pane.emulator.contacts().filter((contact) => contact.ContactExternalEmailAddress === address);
}

describe("asking an admin to add", () => {
  async function renderForUserWithoutRole(approvers: string) {
    const host = new FakeMailHost({ item: messageFrom(SAM) });
    const user = userEvent.setup();
    render(
      <App
        services={{
          ...pane.services,
          host,
          org: { ...TEST_ORGANIZATION, approvers },
          writeAllowed: async () => false,
        }}
      />,
    );
    await screen.findByText(strings.verdict.missing);
    return { host, user };
  }

  test("opens a message to the approvers with the draft and the reason; nothing is sent or created", async () => {
    const { host, user } = await renderForUserWithoutRole("GAL Approvers <gal-approvers@contoso.com>");
    const ask = await screen.findByRole("button", { name: proposalStrings.ask });
    expect(screen.queryByRole("button", { name: strings.promote.add })).toBeNull();
    await user.type(screen.getByRole("textbox", { name: proposalStrings.reasonLabel }), "Weekly orders.");
    // The draft comes with the prefill chunk: the first test of the file also pays for importing it.
    await waitFor(() => expect(ask).toBeEnabled(), { timeout: 5000 });
    await user.click(ask);
    await screen.findByText(proposalStrings.opened);
    expect(host.opened).toHaveLength(1);
    const [message] = host.opened;
    expect(message?.to).toEqual(APPROVERS);
    expect(message?.subject).toBe(`Proposal: add Sam Smith (${SAM.emailAddress}) to the address book`);
    expect(message?.htmlBody).toContain("-----BEGIN GAL CONTACT PROPOSAL-----");
    expect(message?.htmlBody).toContain("Weekly orders.");
    expect(stored(SAM.emailAddress)).toHaveLength(0);
  });

  test("without approvers, the button says the organization has set none and does nothing", async () => {
    const { host } = await renderForUserWithoutRole("");
    await screen.findByText(proposalStrings.noApprovers);
    expect(screen.getByRole("button", { name: proposalStrings.ask })).toBeDisabled();
    expect(host.opened).toHaveLength(0);
  });

  test("approvers that are not addresses: a configuration problem named, nothing to send", async () => {
    const { host } = await renderForUserWithoutRole("it-team, nestor@contoso.com");
    await screen.findByText(proposalStrings.badApprovers(["it-team"]));
    expect(screen.getByRole("button", { name: proposalStrings.ask })).toBeDisabled();
    expect(host.opened).toHaveLength(0);
  });

  test("a reason with markup is refused before the message is written", async () => {
    const { host, user } = await renderForUserWithoutRole("GAL Approvers <gal-approvers@contoso.com>");
    await user.type(
      await screen.findByRole("textbox", { name: proposalStrings.reasonLabel }),
      "<b>urgent</b>",
    );
    await screen.findByText(proposalStrings.reasonMarkup);
    expect(screen.getByRole("button", { name: proposalStrings.ask })).toBeDisabled();
    expect(host.opened).toHaveLength(0);
  });
});

describe("an approver's pane on a proposal", () => {
  function proposalMessage(body: string) {
    const host = new FakeMailHost({ item: messageFrom(ADELE), context: MEGAN });
    host.bodyText = body;
    host.internetHeaders = internalHeadersFor({
      from: ADELE,
      to: [{ displayName: "Megan Bowen", emailAddress: "megan@contoso.com" }],
      subject: "Proposal",
      receivedAt: "2026-11-30T10:00:00Z",
      id: "p1",
    });
    const user = userEvent.setup();
    const { container } = render(<App services={{ ...pane.services, host }} />);
    return { host, user, container };
  }

  const body = () => composeProposal(PROPOSAL, proposalWords()).textBody;

  test("shows who proposed whom, with their reason; Approve creates the proposed contact", async () => {
    // The fixture's message is one the check accepts.
    expect(
      checkProposalMessage(
        {
          body: body(),
          from: ADELE,
          sender: ADELE,
          headers: internalHeadersFor({
            from: ADELE,
            to: [],
            subject: "",
            receivedAt: "2026-11-30T10:00:00Z",
            id: "x",
          }),
          ...MEGAN,
        },
        TEST_ORGANIZATION,
      ).kind,
    ).toBe("accepted");
    const { user, container } = proposalMessage(body());
    await screen.findByText(proposalStrings.title("Adele Vance", "Sam Smith"));
    expect(screen.getByText(PROPOSAL.reason)).toBeInTheDocument();
    // The card's note on the colleague would be noise above the proposal, which says who proposed.
    expect(screen.queryByText(COLLEAGUE_NOTE)).toBeNull();
    await screen.findByText(strings.verdict.missing);
    const approve = await screen.findByRole("button", { name: proposalStrings.approve });
    await waitFor(() => expect(approve).toBeEnabled(), { timeout: 5000 });
    await user.click(approve);
    await screen.findByText(strings.progress.added, { ignore: "script, style, [data-pane-announcements] *" });
    // Said by the pane's live region, as the card's Add's outcome is.
    await waitFor(() =>
      expect(container.querySelector("[data-pane-announcements]")).toHaveTextContent(strings.progress.added),
    );
    expect(stored(SAM.emailAddress)).toEqual([
      expect.objectContaining({ ContactDisplayName: "Sam Smith", ContactCompany: "Northwind Partners" }),
    ]);
  });

  test("Decline opens a reply to the proposer with the reason; nothing is created", async () => {
    const { host, user } = proposalMessage(body());
    await user.click(await screen.findByRole("button", { name: proposalStrings.decline }));
    await user.type(
      screen.getByRole("textbox", { name: proposalStrings.declineReasonLabel }),
      "Not a partner.",
    );
    await user.click(screen.getByRole("button", { name: proposalStrings.declineWrite }));
    await screen.findByText(proposalStrings.declineOpened);
    expect(host.replies).toHaveLength(1);
    expect(host.replies[0]).toContain("Reason: Not a partner.");
    expect(stored(SAM.emailAddress)).toHaveLength(0);
  });

  test("an address changed in the readable part: refused in plain words, nothing to approve", async () => {
    proposalMessage(body().replace(`Address: ${SAM.emailAddress}`, "Address: sam@northwind-billing.example"));
    await screen.findByText(proposalStrings.refusedTitle);
    expect(
      screen.getByText(proposalStrings.problem["text-disagrees"](proposalStrings.mail.labels.address), {
        exact: false,
      }),
    ).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: proposalStrings.approve })).toBeNull();
    expect(screen.queryByText(strings.verdict.missing)).toBeNull();
  });

  test("an ordinary message from a colleague shows no proposal", async () => {
    proposalMessage("Lunch on Friday?");
    await screen.findByText(strings.verdict.internal);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.getByText(COLLEAGUE_NOTE)).toBeInTheDocument();
    expect(screen.queryByText(proposalStrings.refusedTitle)).toBeNull();
    expect(screen.queryByRole("button", { name: proposalStrings.approve })).toBeNull();
  });
});

test("a colleague without the role who opens a proposal sees it read-only: no Approve, no Decline", async () => {
  const host = new FakeMailHost({ item: messageFrom(ADELE), context: MEGAN });
  host.bodyText = composeProposal(PROPOSAL, proposalWords()).textBody;
  host.internetHeaders = internalHeadersFor({
    from: ADELE,
    to: [],
    subject: "Proposal",
    receivedAt: "2026-11-30T10:00:00Z",
    id: "p2",
  });
  render(<App services={{ ...pane.services, host, writeAllowed: async () => false }} />);
  await screen.findByText(proposalStrings.title("Adele Vance", "Sam Smith"));
  await screen.findByText(strings.verdict.missing);
  expect(screen.queryByRole("button", { name: proposalStrings.approve })).toBeNull();
  expect(screen.queryByRole("button", { name: proposalStrings.decline })).toBeNull();
  // Nor does it offer to propose again from inside the proposal.
  expect(screen.queryByRole("button", { name: proposalStrings.ask })).toBeNull();
});
