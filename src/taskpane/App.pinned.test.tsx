/** @jest-environment ./test/setup/jsdom-with-fetch.ts */
/**
 * A pinned pane follows the selection: fast switches must never show one sender's
 * verdict on another, a revisited sender shows its verdict at once, and a promotion
 * started for one sender lands while another is shown.
 */
import { act, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { StrictMode } from "react";
import type { ContactDirectory, MailContact } from "../contacts/directory";
import { App } from "./App";
import { useEmulatedPane } from "./test-support/emulator-services";
import { FakeMailHost } from "./test-support/fake-mail-host";
import { mailContact } from "./test-support/fixtures";
import { displayedState, expectNoAxeViolations, recordDisplayedStates } from "./test-support/pane-testing";

const ANNA = { displayName: "Anna Alvarez", emailAddress: "anna@fabrikam.com" };
const BORIS = { displayName: "Boris Berg", emailAddress: "boris@northwind.example" };
const CHLOE = { displayName: "Chloe Chen", emailAddress: "chloe@tailspin.example" };

/** Who is in the address book in these tests: Anna and Chloe; Boris is not. */
const VERDICT_OF: Record<string, string> = {
  "Anna Alvarez": "In the address book",
  "Boris Berg": "Not in the address book yet",
  "Chloe Chen": "In the address book",
};

const pane = useEmulatedPane({}, () => ({
  contacts: [
    {
      ContactExternalEmailAddress: ANNA.emailAddress,
      ContactName: "Anna Alvarez",
      ContactDisplayName: "Anna Alvarez",
    },
    {
      ContactExternalEmailAddress: CHLOE.emailAddress,
      ContactName: "Chloe Chen",
      ContactDisplayName: "Chloe Chen",
    },
  ],
}));

function searchCount(): number {
  return pane.emulator.requests().filter((request) => request.path.endsWith("/GetContacts")).length;
}

/** Every state shown was either "checking" or the verdict that belongs to the sender shown with it. */
function expectNoForeignVerdict(states: { sender: string | null; verdict: string | null }[]): void {
  for (const state of states) {
    if (state.sender === null || state.verdict === null || state.verdict === "checking") continue;
    expect({ sender: state.sender, verdict: state.verdict }).toEqual({
      sender: state.sender,
      verdict: VERDICT_OF[state.sender],
    });
  }
}

test("three quick switches with slow, out-of-order answers end on the last sender's verdict, with no stale verdict in between", async () => {
  // Anna's search answers last, Boris's second, Chloe's first.
  pane.emulator.addFault({ route: "search", latencyMs: 400 });
  pane.emulator.addFault({ route: "search", latencyMs: 200 });
  const host = new FakeMailHost();
  const { container } = render(<App services={{ ...pane.services, host }} />);
  const recorder = recordDisplayedStates(container);

  // Each ItemChanged arrives in its own task, as Outlook delivers them.
  await act(async () => host.selectMessage(ANNA));
  await act(async () => host.selectMessage(BORIS));
  await act(async () => host.selectMessage(CHLOE));
  await screen.findByText("In the address book");
  // Give the superseded searches time to come back; they must change nothing.
  await act(() => new Promise((resolve) => setTimeout(resolve, 500)));
  recorder.stop();

  expect(displayedState(container)).toEqual({ sender: "Chloe Chen", verdict: "In the address book" });
  expectNoForeignVerdict(recorder.states);
  // The recorder saw every sender (so the check above covered each of them).
  expect(recorder.states.map((state) => state.sender)).toEqual(
    expect.arrayContaining(["Anna Alvarez", "Boris Berg", "Chloe Chen"]),
  );
  expect(recorder.states.at(-1)).toEqual({ sender: "Chloe Chen", verdict: "In the address book" });
  expect(host.itemChangedSubscriptions).toBe(1);
});

test("with a directory that ignores cancellation and answers out of order, the last sender still wins", async () => {
  const pending = new Map<string, (contact: MailContact | null) => void>();
  const directory: ContactDirectory = {
    findByAddress: (address) => new Promise((resolve) => pending.set(address, resolve)),
    create: () => Promise.reject(new Error("not used")),
    updateGeneral: () => Promise.reject(new Error("not used")),
    updateOptions: () => Promise.reject(new Error("not used")),
  };
  const host = new FakeMailHost();
  const { container } = render(<App services={{ ...pane.services, directory, host }} />);
  const recorder = recordDisplayedStates(container);

  // Each ItemChanged arrives in its own task, as Outlook delivers them.
  await act(async () => host.selectMessage(ANNA));
  await act(async () => host.selectMessage(BORIS));
  await act(async () => host.selectMessage(CHLOE));
  await act(async () => pending.get(CHLOE.emailAddress)?.(mailContact({ address: CHLOE.emailAddress })));
  await act(async () => pending.get(BORIS.emailAddress)?.(null));
  await act(async () => pending.get(ANNA.emailAddress)?.(mailContact({ address: ANNA.emailAddress })));
  recorder.stop();

  expect(displayedState(container)).toEqual({ sender: "Chloe Chen", verdict: "In the address book" });
  expectNoForeignVerdict(recorder.states);
  expect(recorder.states.map((state) => state.sender)).toEqual(
    expect.arrayContaining(["Anna Alvarez", "Boris Berg", "Chloe Chen"]),
  );
});

test("a revisited sender shows the cached verdict at once, without 'checking' and without another search", async () => {
  const host = new FakeMailHost();
  const { container } = render(<App services={{ ...pane.services, host }} />);
  act(() => host.selectMessage(ANNA));
  await screen.findByText("In the address book");
  act(() => host.selectMessage(BORIS));
  await screen.findByText("Not in the address book yet");
  const searchesBefore = searchCount();

  const recorder = recordDisplayedStates(container);
  act(() => host.selectMessage(ANNA));
  expect(displayedState(container)).toEqual({ sender: "Anna Alvarez", verdict: "In the address book" });
  await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
  recorder.stop();

  expect(recorder.states.some((state) => state.verdict === "checking")).toBe(false);
  expect(searchCount()).toBe(searchesBefore);
});

test("the pane subscribes to item changes once, and unsubscribes when closed", () => {
  const host = new FakeMailHost();
  const { unmount } = render(<App services={{ ...pane.services, host }} />);
  for (let i = 0; i < 5; i += 1) act(() => host.selectMessage(i % 2 ? ANNA : BORIS));
  expect(host.itemChangedSubscriptions).toBe(1);
  expect(host.itemChangedListenerCount).toBe(1);
  unmount();
  expect(host.itemChangedListenerCount).toBe(0);
});

test("under StrictMode's mount-unmount-mount the pane still listens exactly once and works", async () => {
  const host = new FakeMailHost();
  render(
    <StrictMode>
      <App services={{ ...pane.services, host }} />
    </StrictMode>,
  );
  expect(host.itemChangedListenerCount).toBe(1);
  act(() => host.selectMessage(BORIS));
  expect(await screen.findByText("Not in the address book yet")).toBeInTheDocument();
});

test("switching to nothing and to a meeting clears the sender", async () => {
  const host = new FakeMailHost();
  const { container } = render(<App services={{ ...pane.services, host }} />);
  act(() => host.selectMessage(ANNA));
  await screen.findByText("In the address book");
  act(() => host.selectItem({ kind: "none" }));
  expect(screen.getByText("Select a message to see its sender.")).toBeInTheDocument();
  expect(screen.queryByText("Anna Alvarez")).not.toBeInTheDocument();
  act(() => host.selectItem({ kind: "not-message", itemType: "appointment" }));
  expect(screen.getByText("This works on messages; this item is a meeting.")).toBeInTheDocument();
  await expectNoAxeViolations(container);
});

test("a promotion continues when another message is selected; coming back shows the added contact", async () => {
  const host = new FakeMailHost();
  const user = userEvent.setup();
  render(<App services={{ ...pane.services, host }} />);
  act(() => host.selectMessage(BORIS));
  await screen.findByText("Not in the address book yet");
  pane.emulator.addFault({ route: "create", latencyMs: 300 });
  // Add is enabled once the draft (asked for after the verdict) has arrived.
  await waitFor(() => expect(screen.getByRole("button", { name: "Add to address book" })).toBeEnabled());
  await user.click(screen.getByRole("button", { name: "Add to address book" }));
  await screen.findByText("Adding to the address book…");

  act(() => host.selectMessage(ANNA));
  expect(await screen.findByText("In the address book")).toBeInTheDocument();
  expect(screen.queryByRole("region", { name: "Adding the contact" })).not.toBeInTheDocument();
  await waitFor(() =>
    expect(
      pane.emulator.contacts().find((contact) => contact.ContactExternalEmailAddress === BORIS.emailAddress)
        ?.ContactCompany,
    ).toBe("Northwind"),
  );
  // Anna's card is untouched by Boris's promotion finishing.
  expect(displayedState(document.body)).toEqual({ sender: "Anna Alvarez", verdict: "In the address book" });

  (document.activeElement as HTMLElement | null)?.blur();
  act(() => host.selectMessage(BORIS));
  // (The emulator stores the change a moment before the client has read the answer.)
  // On the screen (the live region says it too: the promotion finished while Anna was away).
  expect(
    await screen.findByText("Added to the address book.", {
      ignore: "script, style, [data-pane-announcements] *",
    }),
  ).toBeInTheDocument();
  expect(displayedState(document.body)).toEqual({ sender: "Boris Berg", verdict: "In the address book" });
  // A message switch never pulls focus into the pane (it would leave Outlook's message list).
  expect(document.activeElement).toBe(document.body);
  expect(screen.getByText("Company: Northwind")).toBeInTheDocument();
});
