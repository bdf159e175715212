/** @jest-environment ./test/setup/jsdom-with-fetch.ts */
/**
 * While the admin center client retries a throttled call by itself, the pane says so for
 * the sender the call is about, and stops saying so when the call is over. Real client
 * (its own retries on), emulator over HTTP, 429 with Retry-After: 1.
 */
import { act, render, screen, waitFor } from "@testing-library/react";
import { App } from "./App";
import { strings } from "./strings";
import { useEmulatedPane } from "./test-support/emulator-services";
import { FakeMailHost, messageFrom } from "./test-support/fake-mail-host";
import { expectNoAxeViolations } from "./test-support/pane-testing";

const pane = useEmulatedPane({ retry: { maxAttempts: 3 } });

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

/** Every "trying again in N s" text on screen, each time the DOM changes, with when it was seen. */
function watchCountdowns(container: HTMLElement): { seen: { at: number; texts: string[] }[]; stop(): void } {
  const seen: { at: number; texts: string[] }[] = [];
  const record = () => {
    // Each element whose own text (not its children's) says it; a notice's countdown is one such text.
    // The visually hidden live region (which says the notice once, for screen readers) is not a notice.
    const texts = [...container.querySelectorAll("*")]
      .filter((element) => !element.closest("[data-pane-announcements]"))
      .map((element) =>
        [...element.childNodes]
          .filter((node) => node.nodeType === Node.TEXT_NODE)
          .map((node) => node.textContent)
          .join(""),
      )
      .filter((text) => /trying again in/i.test(text));
    const last = seen.at(-1);
    if (!last || last.texts.join("|") !== texts.join("|")) seen.push({ at: Date.now(), texts });
  };
  const observer = new MutationObserver(record);
  observer.observe(container, { childList: true, subtree: true, characterData: true });
  record();
  return { seen, stop: () => observer.disconnect() };
}

test("throttled past the client's budget: one busy notice at a time, each wait counted down from its Retry-After to the second, then Try again and no hidden retry", async () => {
  pane.emulator.addFault({ route: "search", status: 429, headers: { "Retry-After": "2" }, times: 3 });
  const host = new FakeMailHost({ item: messageFrom(SAM) });
  const { container } = render(<App services={{ ...pane.services, host }} />);
  const countdowns = watchCountdowns(container);

  const tryAgain = await screen.findByRole("button", { name: "Try again" }, { timeout: 8000 });
  countdowns.stop();
  expect(screen.getByText(strings.errors.throttledGaveUp)).toBeInTheDocument();
  expect(screen.queryByText(/trying again in/i)).not.toBeInTheDocument();

  // Never two notices at once, and only the client's waits were counted down.
  expect(Math.max(...countdowns.seen.map((entry) => entry.texts.length))).toBe(1);
  const shown = countdowns.seen.filter((entry) => entry.texts.length === 1);
  expect(shown.map((entry) => entry.texts[0])).toEqual([
    "Trying again in 2 s…",
    "Trying again in 1 s…",
    "Trying again in 2 s…",
    "Trying again in 1 s…",
  ]);
  // Each wait starts at 2 s, and its "1 s" comes one second after that start (less the render
  // latency of the first text), not on a
  // ticker left over from the previous wait.
  for (const start of [0, 2]) {
    const tick = shown[start + 1]!.at - shown[start]!.at;
    expect(tick).toBeGreaterThanOrEqual(900);
    expect(tick).toBeLessThan(1300);
  }

  // The client spent its budget: the pane does not start a second, hidden retry loop.
  await new Promise((resolve) => setTimeout(resolve, 2500));
  expect(searches()).toBe(3);
  expect(screen.queryByText("Not in the address book yet")).not.toBeInTheDocument();

  // Try again is the person's choice, and then the lookup goes through.
  act(() => tryAgain.click());
  expect(await screen.findByText("Not in the address book yet")).toBeInTheDocument();
  expect(searches()).toBe(4);
}, 20_000);
