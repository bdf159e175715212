/**
 * The demo end to end in Chromium: the real pane build in the stand-in page's iframe,
 * over the relay, against the emulator. Each test starts from the seeded address book.
 */
import { EXCHANGE_WRITE_ROLES } from "../../src/admin-api/wire";
import { strings } from "../../src/taskpane/strings";
import { PROGRESS_SENTENCES } from "../../src/taskpane/locales/progress-sentences";
import { PEOPLE_SENTENCES } from "../../src/taskpane/locales/people-sentences";
import {
  contactsWithAddress,
  emulatorContacts,
  useDemoSession,
  waitUntil,
  type DemoPage,
} from "./demo-session";

const suite = useDemoSession();
const open = (): Promise<DemoPage> => suite.open();

function apiCalls(route: string) {
  return suite.session.demo.emulator.requests().filter((request) => request.path === route);
}

/** The same user-facing behaviour on each backend; only the names of the calls differ. */
const BACKENDS = [
  {
    backend: "admin-center",
    search: { method: "POST", path: "/admin/api/Contact/GetContacts" },
    create: { method: "POST", path: "/admin/api/Contact" },
    /** What a failed general update leaves missing: the admin center's create already stored the mail tip. */
    missingAfterGeneralFailure: PROGRESS_SENTENCES.en.missingCompany,
  },
  {
    backend: "exchange",
    search: { method: "POST", cmdlet: "Get-MailContact" },
    create: { method: "POST", cmdlet: "New-MailContact" },
    missingAfterGeneralFailure: PROGRESS_SENTENCES.en.missingBoth,
  },
] as const;

type BackendCase = (typeof BACKENDS)[number];

/** The emulator's log of one kind of call, whichever backend made it. */
function callsOf(call: { method: string; path?: string; cmdlet?: string }) {
  return suite.session.demo.emulator
    .requests()
    .filter(
      (request) =>
        request.method === call.method &&
        (call.cmdlet !== undefined ? request.cmdlet === call.cmdlet : request.path === call.path),
    );
}

describe.each(BACKENDS)("promoting a sender on the $backend backend", ({ backend }: BackendCase) => {
  beforeEach(() => suite.session.demo.setBackend(backend));

  it("adds an external sender in one click; the page's address book and the emulator show company and mail tip", async () => {
    const demo = await open();
    await demo.select("fabrikam-redlines");
    await demo.paneShows(strings.verdict.missing);
    await demo.paneButton(strings.promote.add).click();
    await demo.paneShows(strings.progress.added);

    const row = demo.addressBookRow("isabel.ferreira@fabrikam.com");
    await row.waitFor();
    // The panel polls once a second: a read between the two updates shows the company without the mail tip yet.
    await waitUntil(
      async () =>
        (await row.locator('[data-column="company"]').textContent()) === "Fabrikam" &&
        /Fabrikam/.test((await row.locator('[data-column="mail-tip"]').textContent()) ?? ""),
      "the company and the mail tip in the address book panel",
    );
    const tipInPanel = (await row.locator('[data-column="mail-tip"]').textContent()) ?? "";

    const stored = contactsWithAddress(
      await emulatorContacts(suite.session.demo),
      "isabel.ferreira@fabrikam.com",
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      ContactDisplayName: "Isabel Ferreira",
      ContactCompany: "Fabrikam",
      ContactHiddenFromAddressListsEnabled: false,
    });
    expect(stored[0]?.ContactMailTip).toContain(tipInPanel.trim());
  });

  it("shows a sender already in the address book as such, and edits the mail tip and the visibility", async () => {
    const demo = await open();
    await demo.select("northwind-delivery");
    await demo.paneShows(strings.verdict.exists);
    // On Exchange the verdict's Get-MailContact has no company: Get-Contact reads it after the verdict.
    await demo.paneShows(`${strings.existing.company}: Northwind Traders`);
    await demo.paneShows("External contact at Northwind Traders (northwindtraders.com).");
    expect(await demo.paneButton(strings.promote.add).count()).toBe(0);

    await demo.paneButton(strings.existing.editMailTip).click();
    const editor = demo.pane.getByRole("textbox", { name: strings.existing.mailTip });
    await editor.fill("Ships our spare parts. Call before sending drawings.");
    await demo.paneButton(strings.existing.save).click();
    await demo.paneShows("Ships our spare parts. Call before sending drawings.");
    await waitUntil(async () => {
      const [contact] = contactsWithAddress(
        await emulatorContacts(suite.session.demo),
        "d.okafor@northwindtraders.com",
      );
      return contact?.ContactMailTip === "Ships our spare parts. Call before sending drawings.";
    }, "the new mail tip in the emulator");

    const shown = demo.pane.getByRole("switch", { name: strings.existing.shownInAddressBook });
    expect(await shown.isChecked()).toBe(true);
    await shown.click();
    await waitUntil(async () => {
      const [contact] = contactsWithAddress(
        await emulatorContacts(suite.session.demo),
        "d.okafor@northwindtraders.com",
      );
      return contact?.ContactHiddenFromAddressListsEnabled === true;
    }, "the contact hidden in the emulator");
    await demo.page
      .locator('tr[data-contact-address="d.okafor@northwindtraders.com"]')
      .getByText("Hidden from address lists")
      .waitFor();
  });

  it("shows a contact mastered on-premises read-only", async () => {
    const demo = await open();
    await demo.select("proseware-tests");
    await demo.paneShows(strings.verdict.exists);
    await demo.paneShows(strings.existing.dirSynced);
    expect(await demo.paneButton(strings.existing.editMailTip).count()).toBe(0);
  });

  it("tells a look-alike address apart: the .com.au contact does not make priya@tailspintoys.com present", async () => {
    const demo = await open();
    await demo.select("tailspin-proofs");
    await demo.paneShows(strings.verdict.missing);
  });
});

describe("the backend switch", () => {
  beforeEach(() => suite.session.demo.setBackend("admin-center"));

  it("restarts the pane on Exchange: lookups go through InvokeCommand, and the call log names the cmdlet", async () => {
    const demo = await open();
    await demo.useBackend("exchange");
    expect(suite.session.demo.session().backend).toBe("exchange");
    await demo.select("northwind-delivery");
    await demo.paneShows(strings.verdict.exists);
    expect(callsOf({ method: "POST", cmdlet: "Get-MailContact" }).length).toBeGreaterThan(0);
    await demo.page.getByRole("tab", { name: /API calls/ }).click();
    await demo.page.getByRole("cell", { name: "Get-MailContact" }).first().waitFor();
  });
});

describe("following Outlook's selection", () => {
  beforeEach(() => suite.session.demo.setBackend("admin-center"));

  it("pinned: fast switches end on the last sender, without reloading the pane", async () => {
    const demo = await open();
    const loads = await demo.paneLoads();
    for (const id of [
      "northwind-delivery",
      "contoso-lunch",
      "litware-renewal",
      "woodgrove-statement",
      "alpine-offsite",
    ]) {
      await demo.select(id);
    }
    await demo.paneShows("Olivia Brennan");
    await demo.paneShows(strings.verdict.missing);
    // Nothing from an earlier message lingers.
    expect(await demo.pane.getByText("Marcus Webb").count()).toBe(0);
    expect(await demo.pane.getByText(strings.verdict.automated).count()).toBe(0);
    expect(await demo.paneLoads()).toBe(loads);
  });

  it("shows the empty state when nothing is selected (a null item)", async () => {
    const demo = await open();
    await demo.page.getByRole("button", { name: "Select nothing" }).click();
    await demo.paneShows(strings.empty.noItem);
    await demo.select("relecloud-onboarding");
    await demo.paneShows("Kenji Watanabe");
  });

  it("unpinned: the pane reloads on each selection and starts on the new message", async () => {
    const demo = await open();
    await demo.page.getByRole("button", { name: "Pin pane" }).click();
    const loads = await demo.paneLoads();
    await demo.select("freelance-quote");
    await waitUntil(async () => (await demo.paneLoads()) === loads + 1, "the pane to reload");
    await demo.paneShows("Sophie Laurent");
    await demo.paneShows(strings.sender.noCompany);
  });

  it("follows the keyboard: arrow keys move the selection in the message list, and the pane with it", async () => {
    const demo = await open();
    await demo.page.locator('[data-message-id="fabrikam-redlines"]').focus();
    await demo.page.keyboard.press("ArrowDown");
    await demo.paneShows("Daniel Okafor");
    await demo.page.keyboard.press("ArrowDown");
    await demo.paneShows("Rafael Costa");
    const selected = demo.page.locator('[role="option"][aria-selected="true"]');
    expect(await selected.getAttribute("data-message-id")).toBe("adventure-works-kickoff");
    expect(await demo.page.evaluate(() => document.activeElement?.getAttribute("data-message-id"))).toBe(
      "adventure-works-kickoff",
    );
    await demo.page.keyboard.press("End");
    await demo.paneShows("Kenji Watanabe");
  });

  it("lists a meeting's organizer and attendees (it is not a message)", async () => {
    const demo = await open();
    await demo.select("qbr-invite");
    await demo.paneShows(PEOPLE_SENTENCES.en.people.heading.meeting);
  });
});

describe("senders that are not promoted", () => {
  beforeEach(() => suite.session.demo.setBackend("admin-center"));

  it("offers nothing for an internal colleague or a no-reply sender", async () => {
    const demo = await open();
    await demo.select("contoso-lunch");
    await demo.paneShows(strings.verdict.internal);
    expect(await demo.paneButton(strings.promote.add).count()).toBe(0);

    await demo.select("woodgrove-statement");
    await demo.paneShows(strings.verdict.automated);
    expect(await demo.paneButton(strings.promote.add).count()).toBe(0);
    // Neither needed the admin API.
    expect(apiCalls("/admin/api/Contact/GetContacts").length).toBeLessThanOrEqual(1);
  });
});

describe("resetting the demo", () => {
  beforeEach(() => suite.session.demo.setBackend("admin-center"));

  it("restores the seeded address book and signs in as admin again", async () => {
    const demo = await open();
    const seeded = (await emulatorContacts(suite.session.demo)).length;
    await demo.select("fabrikam-redlines");
    await demo.paneButton(strings.promote.add).click();
    await demo.paneShows(strings.progress.added);
    await demo.signInAs("readonly");
    await demo.page.getByRole("button", { name: "Reset demo" }).click();
    await waitUntil(
      async () => (await emulatorContacts(suite.session.demo)).length === seeded,
      "the seed to be back",
    );
    expect(suite.session.demo.session().role).toBe("admin");
    await demo.addressBookRow("isabel.ferreira@fabrikam.com").waitFor({ state: "detached" });
    await demo.page
      .getByRole("combobox", { name: "Signed in as" })
      .filter({ hasText: "Exchange admin" })
      .waitFor();
    await demo.paneShows(strings.verdict.missing);
    // The seeded contacts are the seed again, not "New".
    await demo.addressBookRow("d.okafor@northwindtraders.com").waitFor();
    expect(
      await demo.page
        .locator("tr[data-contact-address]")
        .filter({ hasText: /\bNew\b/ })
        .count(),
    ).toBe(0);
  });
});

describe("failure switches", () => {
  it("'Fail before mail tip' on a one-click Add that sets the tip with create: says it did not fire, and a later edit works", async () => {
    const demo = await open();
    await demo.injectFault("fail-options-update");
    await demo.select("fabrikam-redlines");
    await demo.paneShows(strings.verdict.missing);
    await demo.paneButton(strings.promote.add).click();
    await demo.paneShows(strings.progress.added);
    await demo.page.getByRole("status").filter({ hasText: "did not fire" }).waitFor();
    const before = apiCalls("/admin/api/Contact/options").length;
    await demo.pane.getByRole("switch", { name: strings.existing.shownInAddressBook }).click();
    await waitUntil(
      async () =>
        contactsWithAddress(await emulatorContacts(suite.session.demo), "isabel.ferreira@fabrikam.com")[0]
          ?.ContactHiddenFromAddressListsEnabled === true,
      "the later edit to be stored",
    );
    expect(
      apiCalls("/admin/api/Contact/options")
        .slice(before)
        .map((call) => call.status),
    ).toEqual([200]);
  });
});

describe.each(BACKENDS)("failures on the $backend backend", (calls: BackendCase) => {
  beforeEach(() => suite.session.demo.setBackend(calls.backend));

  it("a user without the admin role can look up but not add, and is told which roles can", async () => {
    const demo = await open();
    await demo.signInAs("readonly");
    await demo.select("alpine-offsite");
    await demo.paneShows(strings.verdict.missing);
    await demo.paneButton(strings.promote.add).click();
    await demo.paneShows(strings.errors.forbidden(EXCHANGE_WRITE_ROLES));
    expect(
      contactsWithAddress(await emulatorContacts(suite.session.demo), "olivia.brennan@alpineskihouse.com"),
    ).toEqual([]);
  });

  it("rides out one 429, saying it is waiting: Retry-After is honoured and the lookup completes", async () => {
    const demo = await open();
    await demo.injectFault("throttle");
    await demo.select("relecloud-onboarding");
    await demo.paneShows("Kenji Watanabe");
    await demo.paneShows(strings.retrying.title);
    await demo.paneShows(strings.verdict.missing);
    await waitUntil(
      async () => (await demo.pane.getByText(strings.retrying.title).count()) === 0,
      "the busy notice to go once the call succeeded",
    );
    expect(await demo.pane.getByText(strings.errors.throttledGaveUp).count()).toBe(0);
    const statuses = callsOf(calls.search).map((request) => request.status);
    expect(statuses.slice(-2)).toEqual([429, 200]);
  });

  it("says so when throttling outlasts the client's retries, and Try again then recovers", async () => {
    const demo = await open();
    await demo.injectFault("throttle-sustained");
    await demo.select("relecloud-onboarding");
    await demo.paneShows(strings.retrying.title);
    await demo.paneShows(strings.errors.throttledGaveUp);
    // One notice at a time: the client's countdown is gone, and nothing retries behind the person's back.
    expect(await demo.pane.getByText(strings.retrying.title).count()).toBe(0);
    expect(
      callsOf(calls.search)
        .map((request) => request.status)
        .slice(-4),
    ).toEqual([429, 429, 429, 429]);
    await demo.paneButton(strings.errors.tryAgain).click();
    await demo.paneShows(strings.verdict.missing);
    const statuses = callsOf(calls.search).map((request) => request.status);
    expect(statuses.slice(-5)).toEqual([429, 429, 429, 429, 200]);
  });

  it("retries a search that met a server error, unseen", async () => {
    const demo = await open();
    await demo.injectFault("server-error");
    await demo.select("freelance-quote");
    await demo.paneShows(strings.verdict.missing);
    const statuses = callsOf(calls.search).map((request) => request.status);
    expect(statuses.slice(-2)).toEqual([500, 200]);
  });

  it("slows every call down with the slow-network switch, and still completes", async () => {
    const demo = await open();
    await demo.page.getByRole("switch", { name: /Slow network/ }).click();
    await waitUntil(
      async () => suite.session.demo.emulator.settings().latencyMs === 1500,
      "the emulator's latency",
    );
    await demo.select("muller-quote");
    await demo.paneShows(strings.verdict.missing);
  });

  it("after a failure between create and update, Finish completes the same contact: exactly one, complete", async () => {
    const demo = await open();
    await demo.injectFault("fail-general-update");
    await demo.select("adventure-works-kickoff");
    await demo.paneShows(strings.verdict.missing);
    await demo.paneButton(strings.promote.add).click();
    await demo.paneShows(PROGRESS_SENTENCES.en.partial(calls.missingAfterGeneralFailure).replace(/\.$/, ""));
    const finish = demo.paneButton(PROGRESS_SENTENCES.en.finish);
    await finish.click();
    await demo.paneShows(strings.progress.added);

    const stored = contactsWithAddress(
      await emulatorContacts(suite.session.demo),
      "rafael.costa@adventure-works.com",
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]?.ContactCompany).toBeTruthy();
    expect(stored[0]?.ContactMailTip).toBeTruthy();
    expect(callsOf(calls.create)).toHaveLength(1);
  });
});
