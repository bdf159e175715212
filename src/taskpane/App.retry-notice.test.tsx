/** @jest-environment ./test/setup/jsdom-with-fetch.ts */
/**
 * While the admin center client retries a throttled call by itself, the pane says so for
 * the sender the call is about, and stops saying so when the call is over. Real client
 * (its own retries on), emulator over HTTP, 429 with Retry-After: 1.
 */
import { act, render, screen, waitFor } from "@testing-library/react";
import { App } from "./App";
import { strings } from "./strings";
import { startEmulatedPane, type EmulatedPane } from "./test-support/emulator-services";
import { FakeMailHost, messageFrom } from "./test-support/fake-mail-host";
import { expectNoAxeViolations } from "./test-support/pane-testing";

let pane: EmulatedPane;

beforeAll(async () => {
  pane = await startEmulatedPane({ retry: { maxAttempts: 3 } });
});
afterAll(async () => {
  await pane.emulator.close();
});
beforeEach(() => {
  pane.emulator.reset({});
});

const SAM = { displayName: "Sam Smith", emailAddress: "sam.smith@northwind.example" };
const JANE = { displayName: "Jane Doe", emailAddress: "jane@fabrikam.com" };
const BUSY = strings.retrying.title;

function searches(): number {
  return pane.emulator.requests().filter((request) => request.path.endsWith("/GetContacts")).length;
}

test("a throttled lookup: 'busy, trying again in 1 s' while the client waits, then the verdict and no notice", async () => {
  pane.emulator.addFault({ route: "search", status: 429, headers: { "Retry-After": "1" } });
  const host = new FakeMailHost({ item: messageFrom(SAM) });
  const { container } = render(<App services={{ ...pane.services, host }} />);

  expect(await screen.findByText(BUSY)).toBeInTheDocument();
  expect(screen.getByText("Trying again in 1 s…")).toBeInTheDocument();
  // Not an error: nothing to click, the verdict is still being checked.
  expect(screen.queryByRole("button", { name: "Try again" })).not.toBeInTheDocument();
  expect(screen.getByRole("group", { name: "Address book status", busy: true })).toBeInTheDocument();
  await expectNoAxeViolations(container);

  expect(await screen.findByText("Not in the address book yet", {}, { timeout: 5000 })).toBeInTheDocument();
  expect(screen.queryByText(BUSY)).not.toBeInTheDocument();
  expect(searches()).toBe(2);
});

test("the notice belongs to the sender the call is about: another sender does not show it", async () => {
  pane.emulator.addFault({ route: "search", status: 429, headers: { "Retry-After": "1" } });
  const host = new FakeMailHost({ item: messageFrom(SAM) });
  render(<App services={{ ...pane.services, host }} />);
  await screen.findByText(BUSY);

  act(() => host.selectMessage(JANE));
  await screen.findByText("Not in the address book yet");
  expect(screen.getByRole("heading", { name: "Jane Doe" })).toBeInTheDocument();
  expect(screen.queryByText(BUSY)).not.toBeInTheDocument();

  // Back to Sam: his superseded call was cancelled, so nothing is pending for him either.
  act(() => host.selectMessage(SAM));
  await screen.findByRole("heading", { name: "Sam Smith" });
  await waitFor(() => expect(screen.getByText("Not in the address book yet")).toBeInTheDocument());
  expect(screen.queryByText(BUSY)).not.toBeInTheDocument();
});
