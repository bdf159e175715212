/** @jest-environment ./test/setup/jsdom-with-fetch.ts */
/**
 * A contact that already exists: mail tip edited in place, cleared, visibility toggled,
 * and a directory-synced contact shown read-only. Real client, emulator over HTTP.
 */
import { render, screen, waitForElementToBeRemoved, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "./App";
import { strings } from "./strings";
import { useEmulatedPane } from "./test-support/emulator-services";
import { FakeMailHost, messageFrom } from "./test-support/fake-mail-host";
import { expectNoAxeViolations } from "./test-support/pane-testing";

const JANE = { displayName: "Jane Doe", emailAddress: "jane@fabrikam.com" };
const OLAF = { displayName: "Olaf Premises", emailAddress: "olaf@tailspin.example" };
const HANNA = { displayName: "Hanna Hidden", emailAddress: "hanna@litware.example" };

const pane = useEmulatedPane({}, () => ({
  contacts: [
    {
      ContactExternalEmailAddress: JANE.emailAddress,
      ContactName: "Jane Doe",
      ContactDisplayName: "Jane Doe",
      ContactCompany: "Fabrikam",
      ContactMailTip: "Jane handles Fabrikam's invoices.",
    },
    {
      ContactExternalEmailAddress: OLAF.emailAddress,
      ContactName: "Olaf Premises",
      ContactDisplayName: "Olaf Premises",
      ContactMailTip: "Managed on-premises.",
      IsDirSynced: true,
    },
    {
      ContactExternalEmailAddress: HANNA.emailAddress,
      ContactName: "Hanna Hidden",
      ContactDisplayName: "Hanna Hidden",
      ContactHiddenFromAddressListsEnabled: true,
    },
  ],
}));

async function renderContact(from: { displayName: string; emailAddress: string }) {
  const host = new FakeMailHost({ item: messageFrom(from) });
  const user = userEvent.setup();
  const view = render(<App services={{ ...pane.services, host }} />);
  await screen.findByText(/^In the (address book|directory, hidden from the address book)$/);
  return { ...view, user, details: screen.getByRole("region", { name: "Contact details" }) };
}

function stored(address: string) {
  return pane.emulator.contacts().find((contact) => contact.ContactExternalEmailAddress === address);
}

function optionsUpdates(): number {
  return pane.emulator.requests().filter((request) => request.path.endsWith("/Contact/options")).length;
}

test("edit the mail tip in place: Edit → text with a count → Save stores it and shows it", async () => {
  const { user, details, container } = await renderContact(JANE);
  await user.click(within(details).getByRole("button", { name: "Edit the mail tip" }));
  const editor = within(details).getByRole("textbox", { name: "Mail tip" });
  expect(editor).toHaveValue("Jane handles Fabrikam's invoices.");
  expect(within(details).getByText("33 of 175 characters")).toBeInTheDocument();
  await expectNoAxeViolations(container);

  await user.clear(editor);
  await user.type(editor, "Ask Jane about invoices.");
  expect(within(details).getByText("24 of 175 characters")).toBeInTheDocument();
  await user.click(within(details).getByRole("button", { name: "Save" }));

  // The editor closes once the save is done, and the stored text is shown.
  await waitForElementToBeRemoved(() => within(details).queryByRole("textbox", { name: "Mail tip" }));
  expect(within(details).getByText("Ask Jane about invoices.")).toBeInTheDocument();
  expect(stored(JANE.emailAddress)?.ContactMailTip).toBe("Ask Jane about invoices.");
});

test("a mail tip with <, > and & is plain text: counted as typed, saved, shown exactly as typed", async () => {
  const { user, details } = await renderContact(JANE);
  await user.click(within(details).getByRole("button", { name: "Edit the mail tip" }));
  const editor = within(details).getByRole("textbox", { name: "Mail tip" });
  await user.clear(editor);
  await user.click(editor);
  const typed = "R&D: use <ticket no.>, <b>hi</b>";
  await user.paste(typed);
  expect(within(details).getByText(`${typed.length} of 175 characters`)).toBeInTheDocument();
  await user.click(within(details).getByRole("button", { name: "Save" }));

  await waitForElementToBeRemoved(() => within(details).queryByRole("textbox", { name: "Mail tip" }));
  expect(within(details).getByText(typed)).toBeInTheDocument();
  expect(details.querySelector("b")).toBeNull();
  expect(stored(JANE.emailAddress)?.ContactMailTip).toBe(
    "R&amp;D: use &lt;ticket no.&gt;, &lt;b&gt;hi&lt;/b&gt;",
  );
});

test("Cancel leaves the mail tip as it was and sends nothing", async () => {
  const { user, details } = await renderContact(JANE);
  await user.click(within(details).getByRole("button", { name: "Edit the mail tip" }));
  await user.type(within(details).getByRole("textbox", { name: "Mail tip" }), " More.");
  await user.click(within(details).getByRole("button", { name: "Cancel" }));
  expect(within(details).getByText("Jane handles Fabrikam's invoices.")).toBeInTheDocument();
  expect(optionsUpdates()).toBe(0);
});

test("a mail tip over 175 characters is refused while typing and cannot be saved", async () => {
  const { user, details } = await renderContact(JANE);
  await user.click(within(details).getByRole("button", { name: "Edit the mail tip" }));
  const editor = within(details).getByRole("textbox", { name: "Mail tip" });
  await user.clear(editor);
  await user.click(editor);
  await user.paste("y".repeat(180));
  expect(
    within(details).getByText("A mail tip can be at most 175 characters (this one has 180)."),
  ).toBeInTheDocument();
  expect(within(details).getByRole("button", { name: "Save" })).toBeDisabled();
  expect(optionsUpdates()).toBe(0);
});

test("Clear removes the mail tip", async () => {
  const { user, details } = await renderContact(JANE);
  await user.click(within(details).getByRole("button", { name: "Clear the mail tip" }));
  expect(await within(details).findByText("No mail tip.")).toBeInTheDocument();
  expect(stored(JANE.emailAddress)?.ContactMailTip ?? "").toBe("");
});

test("a 404 on an edit (deleted meanwhile): the pane looks afresh, shows the new verdict, and keeps the typed text", async () => {
  const { user, details } = await renderContact(JANE);
  await user.click(within(details).getByRole("button", { name: "Edit the mail tip" }));
  const editor = within(details).getByRole("textbox", { name: "Mail tip" });
  await user.clear(editor);
  await user.type(editor, "Ask Jane about invoices.");
  // Someone deletes Jane while the editor is open.
  pane.emulator.reset({});
  await user.click(within(details).getByRole("button", { name: "Save" }));
  expect(await screen.findByText("Not in the address book yet")).toBeInTheDocument();
  expect(screen.queryByText("In the address book")).not.toBeInTheDocument();
  // What was typed is what one click now creates.
  expect(screen.getByText("Ask Jane about invoices.")).toBeInTheDocument();
  expect(screen.getByRole("button", { name: "Add to address book" })).toBeEnabled();
});

test("Clear offers Undo for a few seconds, which restores the previous text", async () => {
  const { user, details, container } = await renderContact(JANE);
  await user.click(within(details).getByRole("button", { name: "Clear the mail tip" }));
  expect(await within(details).findByText("Mail tip cleared.")).toBeInTheDocument();
  expect(stored(JANE.emailAddress)?.ContactMailTip ?? "").toBe("");
  await expectNoAxeViolations(container);
  await user.click(within(details).getByRole("button", { name: "Undo" }));
  expect(await within(details).findByText("Jane handles Fabrikam's invoices.")).toBeInTheDocument();
  expect(stored(JANE.emailAddress)?.ContactMailTip).toBe("Jane handles Fabrikam's invoices.");
  expect(within(details).queryByRole("button", { name: "Undo" })).not.toBeInTheDocument();
});

test("the switch hides the contact from the address book and shows it again", async () => {
  const { user, details } = await renderContact(JANE);
  const visible = within(details).getByRole("switch", { name: "Shown in the address book" });
  expect(visible).toBeChecked();
  await user.click(visible);
  await screen.findByRole("switch", { name: "Shown in the address book", checked: false });
  expect(stored(JANE.emailAddress)?.ContactHiddenFromAddressListsEnabled).toBe(true);
  expect(screen.getByText(strings.verdict.existsHidden)).toBeInTheDocument();
  expect(screen.queryByText(strings.verdict.exists)).not.toBeInTheDocument();

  await user.click(within(details).getByRole("switch", { name: "Shown in the address book" }));
  await screen.findByRole("switch", { name: "Shown in the address book", checked: true });
  expect(stored(JANE.emailAddress)?.ContactHiddenFromAddressListsEnabled).toBe(false);
});

test("a contact hidden from address lists has its own verdict, not the green 'In the address book'", async () => {
  const { container } = await renderContact(HANNA);
  expect(screen.getByText("In the directory, hidden from the address book")).toBeInTheDocument();
  expect(screen.queryByText(strings.verdict.exists)).not.toBeInTheDocument();
  expect(screen.getByRole("switch", { name: "Shown in the address book" })).not.toBeChecked();
  await expectNoAxeViolations(container);
});

test("a directory-synced contact is read-only, with the reason", async () => {
  const { details, container } = await renderContact(OLAF);
  expect(within(details).getByText(/managed in your on-premises directory/)).toBeInTheDocument();
  expect(within(details).getByText("Managed on-premises.")).toBeInTheDocument();
  expect(within(details).queryByRole("button", { name: "Edit the mail tip" })).not.toBeInTheDocument();
  expect(within(details).queryByRole("button", { name: "Clear the mail tip" })).not.toBeInTheDocument();
  expect(within(details).getByRole("switch", { name: "Shown in the address book" })).toBeDisabled();
  await expectNoAxeViolations(container);
});

test("a failed save keeps the editor and what was typed, and Try again saves it", async () => {
  const { user, details, container } = await renderContact(JANE);
  await user.click(within(details).getByRole("button", { name: "Edit the mail tip" }));
  const editor = within(details).getByRole("textbox", { name: "Mail tip" });
  await user.clear(editor);
  await user.type(editor, "Call before sending.");
  pane.emulator.addFault({ route: "updateOptions", status: 500 });
  await user.click(within(details).getByRole("button", { name: "Save" }));

  expect(await within(details).findByText(strings.errors.serverError, { exact: false })).toBeInTheDocument();
  expect(within(details).getByRole("textbox", { name: "Mail tip" })).toHaveValue("Call before sending.");
  await expectNoAxeViolations(container);
  await user.click(within(details).getByRole("button", { name: "Try again" }));
  await waitForElementToBeRemoved(() => within(details).queryByRole("textbox", { name: "Mail tip" }));
  expect(within(details).getByText("Call before sending.")).toBeInTheDocument();
  expect(stored(JANE.emailAddress)?.ContactMailTip).toBe("Call before sending.");
});

test("a contact deleted elsewhere: the save's 404 makes the pane forget it and look again, keeping the typed tip", async () => {
  const { user, details } = await renderContact(JANE);
  await user.click(within(details).getByRole("button", { name: "Edit the mail tip" }));
  const editor = within(details).getByRole("textbox", { name: "Mail tip" });
  await user.clear(editor);
  await user.type(editor, "Call before sending.");
  pane.emulator.reset({}); // someone deleted Jane meanwhile (this also clears the request log)
  await user.click(within(details).getByRole("button", { name: "Save" }));

  // Not the cached contact: a fresh search, whose verdict is shown.
  expect(await screen.findByText("Not in the address book yet")).toBeInTheDocument();
  expect(pane.emulator.requests().map((request) => request.path)).toEqual([
    "/admin/api/Contact/options",
    "/admin/api/Contact/GetContacts",
  ]);
  // What was typed is not lost: it is the mail tip Add would create the contact with.
  expect(screen.getByText("Call before sending.")).toBeInTheDocument();
});
