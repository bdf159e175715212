/** @jest-environment ./test/setup/jsdom-with-fetch.ts */
/**
 * Failures in words a person can act on, each with the action that helps. The API's
 * failures come from the emulator over HTTP; the throttling countdown is rendering
 * against a scripted directory with jest's fake timers.
 */
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { DirectoryError } from "../contacts/directory-error";
import { EXCHANGE_WRITE_ROLES } from "../contacts/exchange-rules";
import type { ContactDirectory, MailContact } from "../contacts/directory";
import { DEMO_TOKENS } from "../emulator/server";
import { App } from "./App";
import { strings } from "./strings";
import { startEmulatedPane, type EmulatedPane } from "./test-support/emulator-services";
import { FakeMailHost, messageFrom } from "./test-support/fake-mail-host";
import { expectNoAxeViolations } from "./test-support/pane-testing";

const SAM = { displayName: "Sam Smith", emailAddress: "sam@northwind.example" };

let pane: EmulatedPane;

beforeAll(async () => {
  pane = await startEmulatedPane();
});
afterAll(async () => {
  await pane.emulator.close();
});
beforeEach(() => {
  pane.emulator.reset({});
});

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

describe("throttled (fake timers)", () => {
  afterEach(() => jest.useRealTimers());

  test("counts down to the server's Retry-After, retries once by itself, then offers Try again", async () => {
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

    // (The accessibility check of this message runs with real timers in App.promote.test.tsx: axe needs them.)
    // The bar's countdown (the live region said the first figure once, and keeps it).
    const bar = () => within(screen.getByRole("group", { name: "Looking up the sender" }));
    expect(bar().getByText(/Trying again in 3 seconds\./)).toBeInTheDocument();
    await act(async () => jest.advanceTimersByTime(1_000));
    expect(bar().getByText(/Trying again in 2 seconds\./)).toBeInTheDocument();
    await act(async () => jest.advanceTimersByTime(1_000));
    expect(bar().getByText(/Trying again in 1 second\./)).toBeInTheDocument();
    expect(answers).toHaveLength(1);
    await act(async () => jest.advanceTimersByTime(1_000));
    expect(answers).toHaveLength(2);

    await act(async () => answers[1]?.(new DirectoryError({ kind: "throttled", retryAfterMs: 3_000 })));
    expect(screen.getByText(/still asking us to slow down/)).toBeInTheDocument();
    await act(async () => jest.advanceTimersByTime(60_000));
    expect(answers).toHaveLength(2);

    await act(async () => screen.getByRole("button", { name: "Try again" }).click());
    expect(answers).toHaveLength(3);
    await act(async () => answers[2]?.(null));
    expect(screen.getByText("Not in the address book yet")).toBeInTheDocument();
  });
});
