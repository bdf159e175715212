/** @jest-environment ./test/setup/jsdom-with-fetch.ts */
/**
 * Adding a sender: the create-then-update run as the pane shows it, against the real
 * client and the emulator over HTTP, including failures half-way and Finish.
 */
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "./App";
import { strings } from "./strings";
import { useEmulatedPane } from "./test-support/emulator-services";
import { FakeMailHost, messageFrom } from "./test-support/fake-mail-host";
import { expectNoAxeViolations } from "./test-support/pane-testing";

const pane = useEmulatedPane();

const SAM = { displayName: "Sam Smith", emailAddress: "sam.smith@northwind.example" };

async function renderMissingSender() {
  const host = new FakeMailHost({ item: messageFrom(SAM) });
  const user = userEvent.setup();
  const view = render(<App services={{ ...pane.services, host }} />);
  await screen.findByText("Not in the address book yet");
  // The draft (its chunk is asked for once the verdict is in) enables Add a moment later.
  await waitFor(() => expect(screen.getByRole("button", { name: "Add to address book" })).toBeEnabled());
  return { ...view, user, host };
}

function requestsTo(method: string, suffix: string): number {
  return pane.emulator
    .requests()
    .filter((request) => request.method === method && request.path.endsWith(suffix)).length;
}

function storedContacts() {
  return pane.emulator
    .contacts()
    .filter((contact) => contact.ContactExternalEmailAddress === SAM.emailAddress);
}

test("one click adds the contact with what is shown; the card switches to 'in the address book' with company and mail tip", async () => {
  const { user, container } = await renderMissingSender();
  await user.click(screen.getByRole("button", { name: "Add to address book" }));

  const added = await screen.findByText("Added to the address book.");
  // The clicked button is gone: focus lands on the confirmation, not on the document.
  expect(added.closest("[tabindex='-1']")).toHaveFocus();
  expect(screen.getByText("In the address book")).toBeInTheDocument();
  const details = screen.getByRole("region", { name: "Contact details" });
  expect(within(details).getByText("Company: Northwind")).toBeInTheDocument();
  expect(
    within(details).getByText("External contact: Sam Smith from Northwind (northwind.example)."),
  ).toBeInTheDocument();
  const [stored] = storedContacts();
  expect(storedContacts()).toHaveLength(1);
  expect(stored?.ContactCompany).toBe("Northwind");
  expect(stored?.ContactMailTip).toBe("External contact: Sam Smith from Northwind (northwind.example).");
  const link = within(details).getByRole("link", { name: /Open in the Exchange admin center/ });
  expect(link).toHaveAttribute("href", expect.stringContaining(String(stored?.ContactId)));
  expect(link).toHaveAttribute("target", "_blank");
  expect(link).toHaveAttribute("rel", "noopener noreferrer");
  // The verdict came from what the write returned: no search after the first lookup.
  expect(requestsTo("POST", "/GetContacts")).toBe(1);
  await expectNoAxeViolations(container);
});

test("while adding, the steps show with their progress", async () => {
  const { user, container } = await renderMissingSender();
  pane.emulator.addFault({ route: "updateGeneral", latencyMs: 300 });
  await user.click(screen.getByRole("button", { name: "Add to address book" }));

  const progress = await screen.findByRole("region", { name: "Adding the contact" });
  // The region appears with the first step; the held update (300 ms) keeps the third in progress.
  await waitFor(() =>
    expect(
      within(progress)
        .getAllByRole("listitem")
        .map((step) => step.textContent),
    ).toEqual([
      "Creating the contactDone",
      "Finding the new contactDone",
      "Setting company and namesIn progress",
      "Setting the mail tip and visibilityWaiting",
    ]),
  );
  expect(within(progress).getByRole("progressbar")).toBeInTheDocument();
  expect(screen.getByText("Adding to the address book…")).toBeInTheDocument();
  expect(within(progress).getByRole("heading")).toHaveFocus();
  await expectNoAxeViolations(container);
  await screen.findByText("Added to the address book.");
});

test("details are validated as typed, and a draft Exchange would refuse is not sent", async () => {
  const { user } = await renderMissingSender();
  await user.click(screen.getByRole("button", { name: "Edit details" }));
  const company = screen.getByRole("textbox", { name: "Company" });
  await user.clear(company);
  await user.paste("N".repeat(70));
  expect(screen.getByText("Company can be at most 64 characters (this one has 70).")).toBeInTheDocument();

  await user.click(screen.getByRole("button", { name: "Add to address book" }));
  expect(requestsTo("POST", "/admin/api/Contact")).toBe(0);
  expect(screen.getByRole("button", { name: "Add to address book" })).toBeInTheDocument();
});

test("the mail tip shows a live count to 175", async () => {
  const { user } = await renderMissingSender();
  await user.click(screen.getByRole("button", { name: "Edit details" }));
  const mailTip = screen.getByRole("textbox", { name: "Mail tip" });
  await user.clear(mailTip);
  await user.type(mailTip, "Buyer at Northwind");
  expect(screen.getByText(/18 of 175 characters/)).toBeInTheDocument();
  await user.paste("x".repeat(160));
  expect(screen.getByText(/178 of 175 characters/)).toBeInTheDocument();
  expect(screen.getByText("Mail tip can be at most 175 characters (this one has 178).")).toBeInTheDocument();
});

test("edited details are what gets created", async () => {
  const { user } = await renderMissingSender();
  await user.click(screen.getByRole("button", { name: "Edit details" }));
  const displayName = screen.getByRole("textbox", { name: "Display name" });
  await user.clear(displayName);
  await user.type(displayName, "Samuel Smith");
  await user.click(screen.getByRole("switch", { name: "Hide from the address book" }));
  await user.click(screen.getByRole("button", { name: "Add to address book" }));
  await screen.findByText("Added to the address book.");

  const [stored] = storedContacts();
  expect(stored?.ContactDisplayName).toBe("Samuel Smith");
  expect(stored?.ContactName).toBe("Samuel Smith");
  expect(stored?.ContactHiddenFromAddressListsEnabled).toBe(true);
  expect(screen.getByRole("switch", { name: "Shown in the address book" })).not.toBeChecked();
});

test("a failure on the settings update: says what is not done, keeps what was typed, and Finish completes without creating again", async () => {
  const { user, container } = await renderMissingSender();
  await user.click(screen.getByRole("button", { name: "Edit details" }));
  const company = screen.getByRole("textbox", { name: "Company" });
  await user.clear(company);
  await user.type(company, "Northwind Traders");
  // Hidden differs from the default, so the settings update has something to send.
  await user.click(screen.getByRole("switch", { name: "Hide from the address book" }));
  pane.emulator.addFault({ route: "updateOptions", status: 500 });

  await user.click(screen.getByRole("button", { name: "Add to address book" }));
  expect(
    // Create already stored the mail tip: only the visibility is really missing.
    await screen.findByText("The contact exists, but its address book visibility is not set yet."),
  ).toBeInTheDocument();
  expect(storedContacts()[0]?.ContactMailTip).toBe(
    "External contact: Sam Smith from Northwind (northwind.example).",
  );
  expect(screen.getByText("In the address book, not finished")).toBeInTheDocument();
  expect(screen.getByRole("textbox", { name: "Company" })).toHaveValue("Northwind Traders");
  expect(screen.queryByRole("button", { name: "Add to address book" })).not.toBeInTheDocument();
  const steps = within(screen.getByRole("region", { name: "Adding the contact" })).getAllByRole("listitem");
  expect(steps.map((step) => step.textContent)).toEqual([
    "Creating the contactDone",
    "Finding the new contactDone",
    "Setting company and namesDone",
    "Setting the mail tip and visibilityNot done",
  ]);
  await expectNoAxeViolations(container);

  await user.click(screen.getByRole("button", { name: "Finish" }));
  expect(await screen.findByText("Added to the address book.")).toBeInTheDocument();
  expect(storedContacts()).toHaveLength(1);
  expect(storedContacts()[0]).toMatchObject({
    ContactCompany: "Northwind Traders",
    ContactHiddenFromAddressListsEnabled: true,
  });
  expect(requestsTo("POST", "/admin/api/Contact")).toBe(1);
});

test("a failure on the general update says only the company is not set yet (create stored the mail tip); Finish sets it", async () => {
  const { user } = await renderMissingSender();
  pane.emulator.addFault({ route: "updateGeneral", status: 500 });
  await user.click(screen.getByRole("button", { name: "Add to address book" }));
  expect(await screen.findByText("The contact exists, but its company is not set yet.")).toBeInTheDocument();
  expect(storedContacts()[0]?.ContactMailTip).not.toBe("");
  await user.click(screen.getByRole("button", { name: "Finish" }));
  await screen.findByText("Added to the address book.");
  expect(storedContacts()).toHaveLength(1);
  expect(storedContacts()[0]?.ContactCompany).toBe("Northwind");
  expect(requestsTo("POST", "/admin/api/Contact")).toBe(1);
});

test("a 5xx on create: says the service answered with an error and what the check found, with no 'Not in the address book yet' beside it", async () => {
  const { user } = await renderMissingSender();
  pane.emulator.addFault({ route: "create", status: 500 });
  await user.click(screen.getByRole("button", { name: "Add to address book" }));
  const title = await screen.findByText(/The service answered the create with an error/);
  expect(title).toHaveTextContent("Checked just after, the contact was not there");
  expect(screen.queryByText(/could not be reached/)).not.toBeInTheDocument();
  expect(screen.queryByText("Not in the address book yet")).not.toBeInTheDocument();
  expect(screen.getByText(strings.verdict.uncertain)).toBeInTheDocument();

  await user.click(screen.getByRole("button", { name: "Try again" }));
  await screen.findByText("Added to the address book.");
  expect(storedContacts()).toHaveLength(1);
});

test("a 5xx on create and the check after it failed too: says whether it stored the contact could not be checked", async () => {
  const { user } = await renderMissingSender();
  pane.emulator.addFault({ route: "create", status: 502, afterApply: true });
  pane.emulator.addFault({ route: "search", status: 500 });
  await user.click(screen.getByRole("button", { name: "Add to address book" }));
  const title = await screen.findByText(/The service answered the create with an error/);
  expect(title).toHaveTextContent("Whether it stored the contact anyway could not be checked.");
  expect(screen.queryByText("Not in the address book yet")).not.toBeInTheDocument();
  await user.click(screen.getByRole("button", { name: "Try again" }));
  await screen.findByText("Added to the address book.");
  expect(storedContacts()).toHaveLength(1);
  expect(requestsTo("POST", "/admin/api/Contact")).toBe(1);
});

test("create applied but its answer lost, and the check after it failed too: the pane says it is not certain; trying again looks first and does not create twice", async () => {
  const { user } = await renderMissingSender();
  pane.emulator.addFault({ route: "create", afterApply: true, drop: true });
  pane.emulator.addFault({ route: "search", status: 500 });
  await user.click(screen.getByRole("button", { name: "Add to address book" }));
  expect(await screen.findByText(/It is not certain whether the contact was created/)).toBeInTheDocument();
  expect(screen.queryByRole("button", { name: "Add to address book" })).not.toBeInTheDocument();

  await user.click(screen.getByRole("button", { name: "Try again" }));
  await screen.findByText("Added to the address book.");
  expect(storedContacts()).toHaveLength(1);
  expect(storedContacts()[0]?.ContactCompany).toBe("Northwind");
  expect(requestsTo("POST", "/admin/api/Contact")).toBe(1);
});

test("throttled while finishing (the client's retries spent): says so, and Finish completes it without a second create", async () => {
  const { user, container } = await renderMissingSender();
  pane.emulator.addFault({ route: "updateGeneral", status: 429, headers: { "Retry-After": "2" } });
  await user.click(screen.getByRole("button", { name: "Add to address book" }));
  expect(await screen.findByText(strings.errors.throttledGaveUp)).toBeInTheDocument();
  await expectNoAxeViolations(container);
  await user.click(screen.getByRole("button", { name: "Finish" }));
  expect(await screen.findByText("Added to the address book.")).toBeInTheDocument();
  expect(storedContacts()).toHaveLength(1);
  expect(storedContacts()[0]?.ContactCompany).toBe("Northwind");
  expect(requestsTo("POST", "/admin/api/Contact")).toBe(1);
  expect(requestsTo("PUT", "/admin/api/Contact")).toBe(2);
});

test("an acknowledged create (no contact in the answer): the new contact is found by its address, and Finish completes it", async () => {
  pane.emulator.reset({ variants: { createResponse: "ack" } });
  const { user } = await renderMissingSender();
  pane.emulator.addFault({ route: "updateGeneral", status: 500 });
  await user.click(screen.getByRole("button", { name: "Add to address book" }));
  await screen.findByRole("button", { name: "Finish" });
  const steps = within(screen.getByRole("region", { name: "Adding the contact" })).getAllByRole("listitem");
  expect(steps.map((step) => step.textContent)).toEqual([
    "Creating the contactDone",
    "Finding the new contactDone",
    "Setting company and namesNot done",
    "Setting the mail tip and visibilityWaiting",
  ]);
  await user.click(screen.getByRole("button", { name: "Finish" }));
  await screen.findByText("Added to the address book.");
  expect(storedContacts()).toHaveLength(1);
});

test("nothing created (a refusal on create): the details stay editable and Add is offered again", async () => {
  const { user } = await renderMissingSender();
  pane.emulator.addFault({
    route: "create",
    status: 400,
    body: { error: { code: "BadRequest", message: "Invalid value." } },
  });
  await user.click(screen.getByRole("button", { name: "Add to address book" }));
  expect(await screen.findByText("The contact was not created.")).toBeInTheDocument();
  await user.click(screen.getByRole("button", { name: "Edit details" }));
  const company = screen.getByRole("textbox", { name: "Company" });
  expect(company).not.toHaveAttribute("readonly");
  await user.type(company, " Ltd");
  await user.click(screen.getByRole("button", { name: "Add to address book" }));
  await screen.findByText("Added to the address book.");
  await waitFor(() => expect(storedContacts()[0]?.ContactCompany).toBe("Northwind Ltd"));
});

test("the address is held by a guest: says who, offers no Add and no Try again, says what an admin can do, and leaves no step 'Waiting'", async () => {
  pane.emulator.reset({
    recipients: [{ address: SAM.emailAddress, name: "Sam Smith (Guest)", kind: "guest" }],
  });
  const { user, container } = await renderMissingSender();
  await user.click(screen.getByRole("button", { name: "Add to address book" }));
  expect(
    await screen.findByText(/Sam Smith \(Guest\) already uses this address/, {}, { timeout: 15_000 }),
  ).toHaveTextContent(strings.errors.addressHeldAdvice);
  expect(screen.getByText(strings.verdict.heldByOther)).toBeInTheDocument();
  expect(screen.queryByText("Not in the address book yet")).not.toBeInTheDocument();
  expect(screen.queryByRole("button", { name: "Add to address book" })).not.toBeInTheDocument();
  expect(screen.queryByRole("button", { name: "Try again" })).not.toBeInTheDocument();
  const steps = within(screen.getByRole("region", { name: "Adding the contact" })).getAllByRole("listitem");
  expect(steps.map((step) => step.textContent)).toEqual([
    "Creating the contactNot done",
    "Finding the new contactNot started",
    "Setting company and namesNot started",
    "Setting the mail tip and visibilityNot started",
  ]);
  expect(storedContacts()).toHaveLength(0);
  await expectNoAxeViolations(container);
}, 30_000);

test("not yet: the mail tip one click creates is shown before 'Edit details', and 'hidden' when chosen", async () => {
  const { user, container } = await renderMissingSender();
  const tip = "External contact: Sam Smith from Northwind (northwind.example).";
  expect(screen.getByText(tip)).toBeInTheDocument();
  expect(screen.getByRole("button", { name: "Edit details" })).toHaveAttribute("aria-expanded", "false");
  expect(screen.queryByRole("textbox")).not.toBeInTheDocument();
  expect(screen.queryByText("Hidden from the address book")).not.toBeInTheDocument();
  await expectNoAxeViolations(container);

  await user.click(screen.getByRole("button", { name: "Edit details" }));
  expect(screen.getByRole("button", { name: "Edit details" })).toHaveAttribute("aria-expanded", "true");
  const mailTip = await screen.findByRole("textbox", { name: "Mail tip" });
  await user.clear(mailTip);
  await user.type(mailTip, "Buyer at Northwind");
  await user.click(screen.getByRole("switch", { name: "Hide from the address book" }));
  await user.click(screen.getByRole("button", { name: "Edit details" }));

  // Collapsed again: the summary says what the edited draft will create.
  expect(screen.queryByRole("textbox")).not.toBeInTheDocument();
  expect(screen.getByText("Buyer at Northwind")).toBeInTheDocument();
  expect(screen.getByText("Hidden from the address book")).toBeInTheDocument();
  await expectNoAxeViolations(container);

  await user.click(screen.getByRole("button", { name: "Add to address book" }));
  await screen.findByText("Added to the address book.");
  const [stored] = storedContacts();
  expect(stored?.ContactMailTip).toBe("Buyer at Northwind");
  expect(stored?.ContactHiddenFromAddressListsEnabled).toBe(true);
});
