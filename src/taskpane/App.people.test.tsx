/** @jest-environment ./test/setup/jsdom-with-fetch.ts */
/**
 * Everyone on a message or meeting (issue 14): the list with its verdicts, greyed rows, ticks,
 * "Add N" and the summary, against the real client and the emulator over HTTP.
 */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FixedTokenProvider } from "../auth/token-provider";
import { createFrequentSenderReader } from "../composition/suggestions-module";
import { syntheticMail } from "../emulator/graph-mail";
import userEvent from "@testing-library/user-event";
import type { ItemParticipants } from "../contacts/people";
import { EXCHANGE_WRITE_ROLES } from "../contacts/exchange-rules";
import { DEMO_TOKENS } from "../emulator/server";
import { trustChecksModule } from "./lazy-modules";
import { App } from "./App";
import { PROPOSAL_SENTENCES } from "./locales/proposal-sentences";
import { strings } from "./strings";
import { PEOPLE_SENTENCES } from "./locales/people-sentences";
import { TEST_ORGANIZATION, startEmulatedPane, useEmulatedPane } from "./test-support/emulator-services";
import { FakeMailHost } from "./test-support/fake-mail-host";
import { expectNoAxeViolations } from "./test-support/pane-testing";

const KNOWN = { ContactExternalEmailAddress: "known@litware.example", ContactDisplayName: "Known" };
const pane = useEmulatedPane({}, () => ({ contacts: [KNOWN] }));

/** The list looks people up through the gate (60 ms between calls) and loads two chunks: more than RTL's 1 s on a busy machine. */
const SLOW = { timeout: 8000 };
const person = (emailAddress: string, displayName: string) => ({ displayName, emailAddress });
const MESSAGE: ItemParticipants = {
  kind: "message",
  from: person("ana@litware.example", "Ana Lima"),
  sender: person("ana@litware.example", "Ana Lima"),
  to: [person("adele@contoso.com", "Adele Vance")],
  cc: [
    person("bo@adatum.example", "Bo Berg"),
    person("cy@adatum.example", "Cy Chen"),
    person("known@litware.example", "Known Person"),
    person("no-reply@adatum.example", "Adatum robot"),
    person("col@contoso.com", "Colleague"),
  ],
};

function creates(): number {
  return pane.emulator
    .requests()
    .filter((request) => request.method === "POST" && request.path === "/admin/api/Contact").length;
}

/** What the pane's live region says now. */
function announced(container: HTMLElement): string {
  return container.querySelector("[data-pane-announcements]")?.textContent ?? "";
}

async function openList(participants: ItemParticipants = MESSAGE) {
  const host = new FakeMailHost();
  host.selectParticipants(participants);
  const user = userEvent.setup();
  const view = render(<App services={{ ...pane.services, host }} />);
  return { ...view, user, host };
}

test("lists everyone on the message with verdicts; adds the ticked ones in one click and sums it up", async () => {
  const { user, container } = await openList();
  await user.click(await screen.findByRole("button", { name: strings.people.show(7) }, SLOW));
  const list = await screen.findByRole("region", { name: PEOPLE_SENTENCES.en.people.heading.message }, SLOW);
  // External people not yet there are ticked once their checks are in; the known one is not offered.
  await waitFor(() => expect(within(list).getAllByRole("checkbox", { checked: true })).toHaveLength(4), SLOW);
  await within(list).findByText(strings.verdict.exists, undefined, SLOW);
  expect(within(list).getByText(PEOPLE_SENTENCES.en.people.reason.yourself)).toBeInTheDocument();
  expect(within(list).getByText(PEOPLE_SENTENCES.en.people.reason.automated["no-reply"])).toBeInTheDocument();
  expect(
    within(list).getByText(PEOPLE_SENTENCES.en.people.reason["internal-domain"]("contoso.com")),
  ).toBeInTheDocument();
  await expectNoAxeViolations(container);

  // Three people ticked, and 'select all'. Untick Cy: two are added.
  await user.click(within(list).getByRole("checkbox", { name: "Cy Chen" }));
  await user.click(within(list).getByRole("button", { name: PEOPLE_SENTENCES.en.people.add(2) }));
  await within(list).findByText(PEOPLE_SENTENCES.en.people.summary(2, 0, 0, null), undefined, SLOW);
  expect(creates()).toBe(2);
  // The summary is said by the pane's live region too, not only shown.
  await waitFor(
    () => expect(announced(container)).toContain(PEOPLE_SENTENCES.en.people.summary(2, 0, 0, null)),
    SLOW,
  );
  const stored = pane.emulator.contacts().map((contact) => contact.ContactExternalEmailAddress);
  expect(stored).toEqual(expect.arrayContaining(["ana@litware.example", "bo@adatum.example"]));
  expect(stored).not.toContain("cy@adatum.example");
  // A second click cannot add them again: they are in the address book, no longer offered.
  expect(within(list).getByRole("button", { name: PEOPLE_SENTENCES.en.people.add(0) })).toBeDisabled();
  // The card above learnt it from the shared cache.
  await screen.findAllByText(strings.verdict.exists);
});

test("a failed row says why and is retried alone; the summary names the failure", async () => {
  const { user, container } = await openList();
  await user.click(await screen.findByRole("button", { name: strings.people.show(7) }, SLOW));
  const list = await screen.findByRole("region", { name: PEOPLE_SENTENCES.en.people.heading.message }, SLOW);
  await waitFor(() => expect(within(list).getAllByRole("checkbox", { checked: true })).toHaveLength(4), SLOW);
  pane.emulator.addFault({
    route: "create",
    status: 400,
    body: { error: { code: "x", message: "Refused." } },
  });
  await user.click(within(list).getByRole("button", { name: PEOPLE_SENTENCES.en.people.add(3) }));
  await within(list).findByText(/2 added, 1 failed/, undefined, SLOW);
  await waitFor(() => expect(announced(container)).toMatch(/2 added, 1 failed \(.+\)/), SLOW);
  expect(creates()).toBe(3);
  await user.click(within(list).getByRole("button", { name: PEOPLE_SENTENCES.en.people.retry }));
  await within(list).findByText(PEOPLE_SENTENCES.en.people.summary(3, 0, 0, null), undefined, SLOW);
  expect(pane.emulator.contacts()).toHaveLength(4);
});

test("mid-batch, the card's Add for the same person, a second click and a message switch create nothing twice", async () => {
  const { user, host } = await openList();
  await user.click(await screen.findByRole("button", { name: strings.people.show(7) }, SLOW));
  const list = await screen.findByRole("region", { name: PEOPLE_SENTENCES.en.people.heading.message }, SLOW);
  await waitFor(() => expect(within(list).getAllByRole("checkbox", { checked: true })).toHaveLength(4), SLOW);
  await waitFor(
    () => expect(screen.getByRole("button", { name: "Add to address book" })).toBeEnabled(),
    SLOW,
  );
  // Every create answers slowly, so that the batch is still running while the person clicks on.
  pane.emulator.addFault({ route: "create", latencyMs: 400, times: 3 });
  const add = within(list).getByRole("button", { name: PEOPLE_SENTENCES.en.people.add(3) });
  await user.click(add);
  await user.click(add);
  // The card's own Add for the sender, whom the batch is adding right now.
  await user.click(screen.getByRole("button", { name: "Add to address book" }));
  // Away to another message and back, mid-batch.
  act(() => {
    host.selectParticipants({ ...MESSAGE, from: person("zoe@other.example", "Zoe"), sender: null, cc: [] });
    host.selectParticipants(MESSAGE);
  });
  const again = await screen.findByRole("region", { name: PEOPLE_SENTENCES.en.people.heading.message }, SLOW);
  await within(again).findByText(PEOPLE_SENTENCES.en.people.summary(3, 0, 0, null), undefined, SLOW);
  expect(creates()).toBe(3);
  const stored = pane.emulator.contacts().map((contact) => contact.ContactExternalEmailAddress);
  expect(new Set(stored).size).toBe(stored.length);
});

test("a person the trust guard flags is not ticked; ticking them asks first, naming the risk", async () => {
  const { user } = await openList({
    ...MESSAGE,
    cc: [person("bo@adatum.example", "Bo Berg"), person("alex.wilber@c0ntoso.com", "Alex Wilber")],
  });
  await user.click(await screen.findByRole("button", { name: strings.people.show(4) }, SLOW));
  const list = await screen.findByRole("region", { name: PEOPLE_SENTENCES.en.people.heading.message }, SLOW);
  await within(list).findByRole("button", { name: PEOPLE_SENTENCES.en.people.add(2) }, SLOW);
  const lookAlike = await within(list).findByRole("checkbox", { name: "Alex Wilber" }, SLOW);
  expect(lookAlike).not.toBeChecked();
  await user.click(lookAlike);
  await user.click(within(list).getByRole("button", { name: PEOPLE_SENTENCES.en.people.addAnyway(3) }));
  const confirm = within(list).getByRole("alertdialog", { name: PEOPLE_SENTENCES.en.people.confirmTitle(1) });
  expect(within(confirm).getByText(/Alex Wilber: .*contoso\.com/)).toBeInTheDocument();
  expect(creates()).toBe(0);
  await user.click(within(confirm).getByRole("button", { name: PEOPLE_SENTENCES.en.people.confirmAdd }));
  await within(list).findByText(PEOPLE_SENTENCES.en.people.summary(3, 0, 0, null), undefined, SLOW);
  expect(creates()).toBe(3);
});

test("without write access the list shows verdicts only: no ticks, no Add", async () => {
  const host = new FakeMailHost();
  host.selectParticipants(MESSAGE);
  const user = userEvent.setup();
  render(<App services={{ ...pane.services, host, writeAllowed: async () => false }} />);
  await user.click(await screen.findByRole("button", { name: strings.people.show(7) }, SLOW));
  const list = await screen.findByRole("region", { name: PEOPLE_SENTENCES.en.people.heading.message }, SLOW);
  await within(list).findByText(PEOPLE_SENTENCES.en.people.readOnly, undefined, SLOW);
  await waitFor(() => expect(within(list).getAllByText(strings.verdict.missing)).toHaveLength(3), SLOW);
  expect(within(list).queryAllByRole("checkbox")).toHaveLength(0);
  expect(within(list).queryByRole("button", { name: /Add/ })).toBeNull();
});

test("a 403 mid-batch makes the session read-only, as on the card: no further creates, the rest un-attempted, the proposal offered", async () => {
  const readOnly = await startEmulatedPane({ token: DEMO_TOKENS.readOnly, seed: { contacts: [KNOWN] } });
  try {
    const host = new FakeMailHost();
    host.selectParticipants(MESSAGE);
    const user = userEvent.setup();
    const services = {
      ...readOnly.services,
      host,
      org: { ...TEST_ORGANIZATION, approvers: "gal-approvers@contoso.com" },
    };
    render(<App services={services} />);
    await user.click(await screen.findByRole("button", { name: strings.people.show(7) }, SLOW));
    const list = await screen.findByRole(
      "region",
      { name: PEOPLE_SENTENCES.en.people.heading.message },
      SLOW,
    );
    await waitFor(
      () => expect(within(list).getAllByRole("checkbox", { checked: true })).toHaveLength(4),
      SLOW,
    );
    await user.click(within(list).getByRole("button", { name: PEOPLE_SENTENCES.en.people.add(3) }));
    await within(list).findByText(PEOPLE_SENTENCES.en.people.readOnly, undefined, SLOW);
    await within(list).findByText(/0 added, [12] failed/, undefined, SLOW);
    // The first refusal stops the batch: at most the one already in flight (two at a time) was also tried.
    const attempted = readOnly.emulator
      .requests()
      .filter((request) => request.method === "POST" && request.path === "/admin/api/Contact").length;
    expect(attempted).toBeGreaterThanOrEqual(1);
    expect(attempted).toBeLessThan(3);
    expect(within(list).getAllByText(PEOPLE_SENTENCES.en.people.failed)).toHaveLength(attempted);
    // Those never tried are as they were: not in the address book, nothing to retry, no ticks.
    expect(within(list).getAllByText(strings.verdict.missing)).toHaveLength(3 - attempted);
    expect(within(list).queryAllByRole("checkbox")).toHaveLength(0);
    expect(within(list).queryByRole("button", { name: PEOPLE_SENTENCES.en.people.retry })).toBeNull();
    // The card learnt it too, as after its own Add's 403: the roles named, and the proposal route offered.
    const note = await screen.findByText(/so adding and editing are not offered/);
    for (const role of EXCHANGE_WRITE_ROLES) expect(note).toHaveTextContent(role);
    expect(screen.queryByRole("button", { name: strings.promote.add })).toBeNull();
    await screen.findByRole("button", { name: PROPOSAL_SENTENCES.en.ask }, SLOW);
    expect(readOnly.emulator.contacts()).toHaveLength(1);
  } finally {
    await readOnly.emulator.close();
  }
});

describe("suggestions", () => {
  const now = new Date();
  const inbox = syntheticMail(now, [
    { name: "Ana Lima", address: "ana@litware.example", messages: 9, withinDays: 20 },
    { name: "Bo Berg", address: "bo@adatum.example", messages: 6, withinDays: 20 },
    // A look-alike of the organization's own domain: the guard flags it.
    { name: "Alex Wilber", address: "alex.wilber@c0ntoso.com", messages: 4, withinDays: 20 },
  ]);
  // Writes more than anyone, all of it filtered to Junk Email: nobody to suggest.
  const junk = syntheticMail(now, [
    { name: "Prize Desk", address: "win@prize.example", messages: 30, withinDays: 10 },
  ]).map((message) => ({ ...message, folder: "junkemail" as const }));

  function renderSuggestions() {
    pane.emulator.reset({ contacts: [KNOWN], mail: [...inbox, ...junk] });
    const host = new FakeMailHost();
    const read = createFrequentSenderReader({
      graphBaseUrl: pane.emulator.url,
      tokens: new FixedTokenProvider(DEMO_TOKENS.graph),
      windowDays: 30,
      userAddress: host.context.userAddress,
      org: TEST_ORGANIZATION,
    });
    const user = userEvent.setup();
    render(<App services={{ ...pane.services, host, suggestions: { windowDays: 30, read } }} />);
    return { user };
  }

  test("nobody is ticked for the person (they chose none of them); 'select all' still skips the flagged one; no junk sender", async () => {
    const { user } = renderSuggestions();
    await user.click(screen.getByRole("button", { name: strings.multiPeople.suggestions }));
    const list = await screen.findByRole(
      "region",
      { name: PEOPLE_SENTENCES.en.people.heading.suggestions },
      SLOW,
    );
    await waitFor(() => expect(within(list).getAllByText(strings.verdict.missing)).toHaveLength(3), SLOW);
    expect(within(list).queryByText("Prize Desk")).toBeNull();
    // The checks answer within milliseconds of their module: give them time to (wrongly) tick anyone.
    await waitFor(() => expect(trustChecksModule.loaded()).not.toBeNull(), SLOW);
    await act(() => new Promise((resolve) => setTimeout(resolve, 300)));
    expect(within(list).getAllByRole("checkbox", { checked: false })).toHaveLength(4);
    expect(within(list).getByRole("button", { name: PEOPLE_SENTENCES.en.people.add(0) })).toBeDisabled();

    // "Select all" ticks those the guard lets through in one click (once its checks are in), never the look-alike.
    const selectAll = within(list).getByRole("checkbox", { name: PEOPLE_SENTENCES.en.people.selectAll });
    await waitFor(() => {
      if (!within(list).queryByRole("button", { name: PEOPLE_SENTENCES.en.people.add(2) }))
        fireEvent.click(selectAll);
      expect(within(list).getByRole("button", { name: PEOPLE_SENTENCES.en.people.add(2) })).toBeEnabled();
    }, SLOW);
    expect(within(list).getByRole("checkbox", { name: "Alex Wilber" })).not.toBeChecked();
    expect(within(list).getByRole("checkbox", { name: "Ana Lima" })).toBeChecked();
  });
});

test("a meeting lists its organizer and attendees instead of 'not a message'", async () => {
  await openList({
    kind: "meeting",
    organizer: person("hiro@fourthcoffee.example", "Hiroshi Sato"),
    attendees: [person("adele@contoso.com", "Adele Vance"), person("guest@adatum.example", "Guest Person")],
  });
  const list = await screen.findByRole("region", { name: PEOPLE_SENTENCES.en.people.heading.meeting }, SLOW);
  expect(within(list).getByText("Hiroshi Sato")).toBeInTheDocument();
  expect(within(list).getByText(PEOPLE_SENTENCES.en.people.source.organizer)).toBeInTheDocument();
  expect(screen.queryByText(strings.empty.notMessage("appointment"))).toBeNull();
  // Both external people and "select all".
  await waitFor(() => expect(within(list).getAllByRole("checkbox", { checked: true })).toHaveLength(3), SLOW);
});
