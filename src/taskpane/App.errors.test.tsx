/** @jest-environment ./test/setup/jsdom-with-fetch.ts */
/**
 * Failures in words a person can act on, each with the action that helps. The API's
 * failures come from the emulator over HTTP; the throttling countdown is rendering
 * against a scripted directory with jest's fake timers.
 */
import { act, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { DirectoryError } from "../contacts/directory-error";
import { EXCHANGE_WRITE_ROLES } from "../contacts/exchange-rules";
import type { ContactDirectory, MailContact } from "../contacts/directory";
import { DEMO_TOKENS } from "../emulator/server";
import { App } from "./App";
import { strings } from "./strings";
import { startEmulatedPane, useEmulatedPane } from "./test-support/emulator-services";
import { FakeMailHost, messageFrom } from "./test-support/fake-mail-host";
import { expectNoAxeViolations } from "./test-support/pane-testing";

const SAM = { displayName: "Sam Smith", emailAddress: "sam@northwind.example" };

const pane = useEmulatedPane();

function renderSam(services = pane.services) {
  const host = new FakeMailHost({ item: messageFrom(SAM) });
  return { user: userEvent.setup(), ...render(<App services={{ ...services, host }} />) };
}

test("forbidden: names the roles that can change contacts", async () => {
  const readOnly = await startEmulatedPane({ token: DEMO_TOKENS.readOnly });
  try {
    const { user, container } = renderSam(readOnly.services);
    await screen.findByText("Not in the address book yet");
    // Add is enabled once the draft (asked for after the verdict) has arrived.
    await waitFor(() => expect(screen.getByRole("button", { name: "Add to address book" })).toBeEnabled());
    await user.click(screen.getByRole("button", { name: "Add to address book" }));
    const message = await screen.findByText(/Changing contacts needs one of these roles/);
    for (const role of EXCHANGE_WRITE_ROLES) expect(message).toHaveTextContent(role);
    expect(readOnly.emulator.contacts()).toHaveLength(0);
    await expectNoAxeViolations(container);
  } finally {
    await readOnly.emulator.close();
  }
});

test("without the role: after the first 403 the session shows verdicts without Add, Edit, Clear or the switch, naming the roles", async () => {
  const readOnly = await startEmulatedPane({
    token: DEMO_TOKENS.readOnly,
    seed: {
      contacts: [
        {
          ContactExternalEmailAddress: "jane@fabrikam.com",
          ContactName: "Jane Doe",
          ContactDisplayName: "Jane Doe",
          ContactMailTip: "Jane handles invoices.",
        },
      ],
    },
  });
  try {
    const host = new FakeMailHost({ item: messageFrom(SAM) });
    const user = userEvent.setup();
    const { container } = render(<App services={{ ...readOnly.services, host }} />);
    await screen.findByText("Not in the address book yet");
    await user.click(screen.getByRole("button", { name: "Add to address book" }));
    const note = await screen.findByText(/so adding and editing are not offered/);
    for (const role of EXCHANGE_WRITE_ROLES) expect(note).toHaveTextContent(role);
    expect(screen.getByText("Not in the address book yet")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Add to address book" })).not.toBeInTheDocument();
    expect(screen.queryByRole("region", { name: "Adding the contact" })).not.toBeInTheDocument();
    await expectNoAxeViolations(container);

    // Remembered for the session: an existing contact shows without write controls at once.
    act(() => host.selectMessage({ displayName: "Jane Doe", emailAddress: "jane@fabrikam.com" }));
    await screen.findByText("In the address book");
    expect(screen.getByText("Jane handles invoices.")).toBeInTheDocument();
    expect(screen.getByText(/so adding and editing are not offered/)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Edit the mail tip" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Clear the mail tip" })).not.toBeInTheDocument();
    expect(screen.queryByRole("switch")).not.toBeInTheDocument();
    expect(readOnly.emulator.contacts()).toHaveLength(1);
  } finally {
    await readOnly.emulator.close();
  }
});

test("without the role, known up front (the token's directory roles): no Add is offered before any click", async () => {
  const { container } = renderSam({ ...pane.services, writeAllowed: async () => false });
  await screen.findByText("Not in the address book yet");
  expect(await screen.findByText(/so adding and editing are not offered/)).toBeInTheDocument();
  expect(screen.queryByRole("button", { name: "Add to address book" })).not.toBeInTheDocument();
  expect(pane.emulator.requests().filter((request) => request.path.endsWith("/Contact"))).toHaveLength(0);
  await expectNoAxeViolations(container);
});

test("unauthenticated: 'Sign in again' signs in, then repeats the lookup", async () => {
  // Two refusals: the client's own silent refresh is refused as well.
  pane.emulator.addFault({ route: "search", status: 401, times: 2 });
  const signInsBefore = pane.signInCalls();
  const { user, container } = renderSam();
  expect(await screen.findByText("Your sign-in has expired or was not accepted.")).toBeInTheDocument();
  expect(screen.getByText("Could not check the address book")).toBeInTheDocument();
  await expectNoAxeViolations(container);

  await user.click(screen.getByRole("button", { name: "Sign in again" }));
  expect(await screen.findByText("Not in the address book yet")).toBeInTheDocument();
  expect(pane.signInCalls()).toBe(signInsBefore + 1);
  expect(screen.queryByText("Your sign-in has expired or was not accepted.")).not.toBeInTheDocument();
});

test("server error: explains and offers Try again, which repeats the lookup", async () => {
  pane.emulator.addFault({ route: "search", status: 500 });
  const { user, container } = renderSam();
  expect(await screen.findByText(strings.errors.serverError)).toBeInTheDocument();
  await expectNoAxeViolations(container);
  await user.click(screen.getByRole("button", { name: "Try again" }));
  expect(await screen.findByText("Not in the address book yet")).toBeInTheDocument();
});

test("a sign-in page instead of data is explained as a refused sign-in, and offers to sign in again", async () => {
  pane.emulator.addFault({
    route: "search",
    status: 200,
    body: "<html><head><title>Sign in to your account</title></head><body>Sign in</body></html>",
  });
  const signInsBefore = pane.signInCalls();
  const { user, container } = renderSam();
  expect(await screen.findByText(strings.errors.signInPage)).toBeInTheDocument();
  await expectNoAxeViolations(container);
  await user.click(screen.getByRole("button", { name: strings.errors.signInAgain }));
  expect(await screen.findByText("Not in the address book yet")).toBeInTheDocument();
  expect(pane.signInCalls()).toBe(signInsBefore + 1);
});

test("a sign-in page again after signing in again: explains the organization may not allow the add-in, with the admin setup guide, and offers no more sign-ins", async () => {
  pane.emulator.addFault({
    route: "search",
    status: 200,
    times: 2,
    body: "<html><head><title>Sign in to your account</title></head><body>Sign in</body></html>",
  });
  const { user, container } = renderSam();
  expect(await screen.findByText(strings.errors.signInPage)).toBeInTheDocument();
  await user.click(screen.getByRole("button", { name: strings.errors.signInAgain }));
  const message = await screen.findByText(/may not allow this add-in's access/);
  expect(message).toHaveTextContent("docs/admin-setup.md");
  expect(screen.queryByRole("button", { name: strings.errors.signInAgain })).not.toBeInTheDocument();
  expect(screen.queryByRole("button", { name: "Try again" })).not.toBeInTheDocument();
  await expectNoAxeViolations(container);
});

describe("throttled (fake timers)", () => {
  afterEach(() => jest.useRealTimers());

  test("the client's budget spent: says so and offers Try again, with no hidden retry of the pane's own", async () => {
    jest.useFakeTimers();
    const answers: Array<(error: DirectoryError | null) => void> = [];
    const directory: ContactDirectory = {
      findByAddress: () =>
        new Promise<MailContact | null>((resolve, reject) =>
          answers.push((error) => (error ? reject(error) : resolve(null))),
        ),
      create: () => Promise.reject(new Error("not used")),
      updateGeneral: () => Promise.reject(new Error("not used")),
      updateOptions: () => Promise.reject(new Error("not used")),
    };
    renderSam({ ...pane.services, directory });
    await act(async () => answers[0]?.(new DirectoryError({ kind: "throttled", retryAfterMs: 3_000 })));
    expect(screen.getByRole("group", { name: "Looking up the sender" })).toHaveTextContent(
      /still asking us to slow down/,
    );
    await act(async () => jest.advanceTimersByTime(60_000));
    expect(answers).toHaveLength(1);

    await act(async () => screen.getByRole("button", { name: "Try again" }).click());
    expect(answers).toHaveLength(2);
    await act(async () => answers[1]?.(null));
    expect(screen.getByText("Not in the address book yet")).toBeInTheDocument();
  });
});
