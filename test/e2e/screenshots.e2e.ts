/**
 * Pictures of the pane in each main state, written to docs/screenshots/ and checked in,
 * so a person sees the pane without running it. Written only by `npm run screenshots`
 * (WRITE_SCREENSHOTS=1); in a plain e2e run the states are reached and shot, nothing written. Each state is reached through the UI,
 * exactly as in demo.e2e.ts; the test fails if a state cannot be reached.
 */
import { DEMO_TOKENS } from "../../src/emulator/seed";
import { EXCHANGE_WRITE_ROLES } from "../../src/admin-api/wire";
import { german } from "../../src/taskpane/locales/de";
import { pseudoCatalogue } from "../../src/taskpane/locales/pseudo";
import { strings } from "../../src/taskpane/strings";
import { PROGRESS_SENTENCES } from "../../src/taskpane/locales/progress-sentences";
import { PEOPLE_SENTENCES } from "../../src/taskpane/locales/people-sentences";
import { PROPOSAL_SENTENCES } from "../../src/taskpane/locales/proposal-sentences";
import {
  screenshotPane,
  screenshotPath,
  startDemoSession,
  type DemoPage,
  type DemoSession,
} from "./demo-session";

/** The English the tests look for (the pane speaks English here). */
const proposalStrings = PROPOSAL_SENTENCES.en;

let session: DemoSession;
let demo: DemoPage;

beforeAll(async () => {
  session = await startDemoSession();
});

afterAll(async () => {
  await session?.close();
});

beforeEach(async () => {
  session.demo.reset();
  demo = await session.open();
});

afterEach(async () => {
  const problems = demo.problems;
  await demo.page.close();
  expect(problems).toEqual([]);
});

it("the whole demo page, after adding a sender", async () => {
  await demo.select("fabrikam-redlines");
  await demo.paneButton(strings.promote.add).click();
  await demo.paneShows(strings.progress.added);
  await demo.addressBookRow("isabel.ferreira@fabrikam.com").waitFor();
  await demo.page.waitForTimeout(400);
  await demo.page.screenshot({ path: screenshotPath("demo-page"), animations: "disabled" });
});

it("the whole demo page on the Exchange backend, its call log naming the cmdlets", async () => {
  try {
    await demo.useBackend("exchange");
    await demo.select("fabrikam-redlines");
    await demo.paneButton(strings.promote.add).click();
    await demo.paneShows(strings.progress.added);
    await demo.page.getByRole("tab", { name: /API calls/ }).click();
    await demo.page.getByRole("cell", { name: "Set-MailContact" }).first().waitFor();
    await demo.page.waitForTimeout(400);
    await demo.page.screenshot({ path: screenshotPath("demo-page-exchange"), animations: "disabled" });
  } finally {
    session.demo.setBackend("admin-center");
  }
});

it("an external sender not yet in the address book", async () => {
  await demo.select("fabrikam-redlines");
  await demo.paneShows(strings.verdict.missing);
  await screenshotPane(demo, "pane-not-in-address-book");
});

it("the contact just added", async () => {
  await demo.select("fabrikam-redlines");
  await demo.paneButton(strings.promote.add).click();
  await demo.paneShows(strings.progress.added);
  await screenshotPane(demo, "pane-added");
});

it("a sender already in the address book", async () => {
  await demo.select("northwind-delivery");
  await demo.paneShows(strings.verdict.exists);
  await screenshotPane(demo, "pane-existing-contact");
});

it("a sender already in the address book, seen through Exchange's InvokeCommand (company read by Get-Contact)", async () => {
  try {
    await demo.useBackend("exchange");
    await demo.select("northwind-delivery");
    await demo.paneShows(strings.verdict.exists);
    await demo.paneShows(`${strings.existing.company}: Northwind Traders`);
    await screenshotPane(demo, "pane-exchange-existing-contact");
  } finally {
    session.demo.setBackend("admin-center");
  }
});

it("a contact hidden from the address book", async () => {
  await demo.select("litware-renewal");
  await demo.paneShows(strings.verdict.exists);
  await screenshotPane(demo, "pane-hidden-contact");
});

it("send-on-behalf, with an RTL name and an IDN domain side by side", async () => {
  await demo.select("adventure-works-kickoff");
  await demo.paneShows(strings.verdict.missing);
  await screenshotPane(demo, "pane-on-behalf");
  await demo.select("wwi-shipping");
  await demo.paneShows(strings.verdict.missing);
  await screenshotPane(demo, "pane-rtl-name");
  await demo.select("muller-quote");
  await demo.paneShows(strings.verdict.missing);
  await screenshotPane(demo, "pane-idn-domain");
});

it("an internal colleague and an automated sender", async () => {
  await demo.select("contoso-lunch");
  await demo.paneShows(strings.verdict.internal);
  await screenshotPane(demo, "pane-internal");
  await demo.select("woodgrove-statement");
  await demo.paneShows(strings.verdict.automated);
  await screenshotPane(demo, "pane-automated");
});

it("nothing selected, and a meeting", async () => {
  await demo.page.getByRole("button", { name: "Select nothing" }).click();
  await demo.paneShows(strings.empty.noItem);
  await screenshotPane(demo, "pane-nothing-selected");
  await demo.select("qbr-invite");
  await demo.paneShows(PEOPLE_SENTENCES.en.people.heading.meeting);
  await screenshotPane(demo, "pane-meeting");
});

it("everyone on a message, before and after adding three, light and dark", async () => {
  await demo.select("wingtip-project-team");
  await demo.paneButton(strings.people.show(9)).click();
  await demo.paneButton(PEOPLE_SENTENCES.en.people.add(5)).waitFor();
  await demo.pane.getByText(strings.verdict.exists, { exact: true }).waitFor();
  await demo.pane.getByRole("button", { name: strings.people.hide }).scrollIntoViewIfNeeded();
  await screenshotPane(demo, "pane-people");
  await demo.pane.getByRole("checkbox", { name: "Jonas Berg" }).uncheck();
  await demo.pane.getByRole("checkbox", { name: "Nadia Petrova" }).uncheck();
  await demo.paneButton(PEOPLE_SENTENCES.en.people.add(3)).click();
  await demo.paneShows(PEOPLE_SENTENCES.en.people.summary(3, 0, 0, null));
  await demo.page.getByRole("switch", { name: "Dark theme" }).click();
  // The live region says the summary too: scroll to the list's own.
  await demo.pane
    .getByTestId("people-list")
    .getByText(PEOPLE_SENTENCES.en.people.summary(3, 0, 0, null))
    .scrollIntoViewIfNeeded();
  await screenshotPane(demo, "pane-people-dark");
});

it("a user without the admin role", async () => {
  await demo.signInAs("readonly");
  await demo.select("alpine-offsite");
  await demo.paneButton(strings.promote.add).click();
  await demo.paneShows(strings.errors.forbidden(EXCHANGE_WRITE_ROLES));
  await screenshotPane(demo, "pane-forbidden");
});

it("throttled, retrying", async () => {
  await demo.injectFault("throttle-sustained");
  await demo.select("relecloud-onboarding");
  await demo.paneShows(strings.retrying.title);
  await screenshotPane(demo, "pane-throttled");
  await demo.paneShows(strings.errors.throttledGaveUp);
});

it("a failure between create and update, with Finish", async () => {
  await demo.injectFault("fail-general-update");
  await demo.select("alpine-offsite");
  await demo.paneButton(strings.promote.add).click();
  await demo.paneButton(PROGRESS_SENTENCES.en.finish).waitFor();
  await screenshotPane(demo, "pane-partial-finish");
});

/** Outlook's narrowest task pane, for the translations (longer words, the other direction). */
async function narrowPane(): Promise<void> {
  await demo.page
    .locator('aside[aria-label="Add-in task pane"]')
    .evaluate((aside: HTMLElement) => (aside.style.width = "320px"));
}

it("in German, a new sender and a contact already there, 320 px", async () => {
  await narrowPane();
  await demo.useLanguage("de-DE");
  await demo.select("fabrikam-redlines");
  await demo.paneShows(german.verdict.missing);
  await demo.paneButton(german.promote.add).waitFor();
  await screenshotPane(demo, "pane-german");
  await demo.select("northwind-delivery");
  await demo.paneShows(german.verdict.exists);
  await screenshotPane(demo, "pane-german-existing-contact");
});

it("right to left, in the Hebrew-lettered pseudo-locale, 320 px", async () => {
  const rightToLeft = pseudoCatalogue("rtl");
  await narrowPane();
  await demo.useLanguage("qps-plocm");
  await demo.select("fabrikam-redlines");
  await demo.paneShows(rightToLeft.verdict.missing);
  await demo.paneButton(rightToLeft.promote.add).waitFor();
  expect(await demo.pane.locator("html").getAttribute("dir")).toBe("rtl");
  await screenshotPane(demo, "pane-rtl-pseudo");
});

it("the dark theme", async () => {
  await demo.page.getByRole("switch", { name: "Dark theme" }).click();
  await demo.select("northwind-delivery");
  await demo.paneShows(strings.verdict.exists);
  await screenshotPane(demo, "pane-dark-theme");
});

it("proposals: asking an admin, the compose panel, the admin's view, a tampered one", async () => {
  await demo.signInAs("readonly");
  await demo.select("relecloud-workspace");
  await demo.paneShows(strings.verdict.missing);
  await demo.paneButton(strings.promote.add).click();
  await demo.pane
    .getByRole("textbox", { name: proposalStrings.reasonLabel })
    .fill("Noah runs our Relecloud rollout.");
  await screenshotPane(demo, "pane-proposal-ask");
  await demo.paneButton(proposalStrings.ask).click();
  await demo.page.getByRole("region", { name: "New message" }).waitFor();
  await demo.page.waitForTimeout(400);
  await demo.page.screenshot({ path: screenshotPath("demo-page-proposal-compose"), animations: "disabled" });
  await demo.page.getByRole("button", { name: "Send" }).click();
  await demo.signInAs("admin");
  await demo.select("sent-1");
  await demo.paneButton(proposalStrings.approve).waitFor();
  await screenshotPane(demo, "pane-proposal-approve");
  await demo.select("adele-proposal-tampered");
  await demo.paneShows(proposalStrings.refusedTitle);
  await screenshotPane(demo, "pane-proposal-refused");
});

it("keeps the demo's tokens out of every picture's page", async () => {
  // A sanity check on the pages the pictures come from: no token in the rendered text.
  await demo.select("northwind-delivery");
  const text = (await demo.page.content()) + (await demo.pane.locator("body").innerText());
  for (const token of Object.values(DEMO_TOKENS)) expect(text).not.toContain(token);
});
