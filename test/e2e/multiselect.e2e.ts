/**
 * Several people at once (issue 14, items 2 and 3), in Chromium on the demo: five messages
 * selected with Ctrl-click (the stand-in fires SelectedItemsChanged; the pane reads each sender
 * with loadItemByIdAsync) and their senders added in one click; the Suggestions view lists the
 * seeded frequent senders from the demo's Graph stand-in and adds one. Each view is also
 * photographed at the pane's width, light and dark, for a person to look at (test-results/multiselect/).
 */
import path from "node:path";
import { strings } from "../../src/taskpane/strings";
import { PEOPLE_SENTENCES } from "../../src/taskpane/locales/people-sentences";
import { contactsWithAddress, emulatorContacts, useDemoSession, type DemoPage } from "./demo-session";

const suite = useDemoSession();
const open = (): Promise<DemoPage> => suite.open();

const OUTPUT = path.resolve(__dirname, "../../test-results/multiselect");

/** The pane at 320 px wide, light then dark, as PNGs beside the test run. */
async function photograph(demo: DemoPage, name: string): Promise<void> {
  const frame = demo.page.locator('iframe[title="GAL Contact add-in"]');
  for (const theme of ["light", "dark"] as const) {
    const dark = demo.page.getByRole("switch", { name: "Dark theme" });
    if ((await dark.isChecked()) !== (theme === "dark")) await dark.click();
    await frame.screenshot({ path: path.join(OUTPUT, `${name}-${theme}.png`) });
  }
  await demo.page.getByRole("switch", { name: "Dark theme" }).uncheck();
}

const SELECTED = {
  "fabrikam-redlines": "isabel.ferreira@fabrikam.com",
  "adventure-works-kickoff": "rafael.costa@adventure-works.com",
  "wwi-shipping": "layla.haddad@wideworldimporters.com",
  "alpine-offsite": "olivia.brennan@alpineskihouse.com",
  "relecloud-onboarding": "kenji.watanabe@relecloud.com",
} as const;

it("selects 5 messages with Ctrl-click and adds their senders in one click", async () => {
  const demo = await open();
  const [first, ...others] = Object.keys(SELECTED);
  await demo.select(first!);
  await demo.paneShows(strings.verdict.missing);
  for (const id of others)
    await demo.page.locator(`[data-message-id="${id}"]`).click({ modifiers: ["Control"] });

  const list = demo.pane.getByRole("region", { name: PEOPLE_SENTENCES.en.people.heading.selection(5) });
  await list.getByText("Rafael Costa").waitFor();
  const add = list.getByRole("button", { name: PEOPLE_SENTENCES.en.people.add(5) });
  await add.waitFor();
  await photograph(demo, "pane-selection");
  await add.click();
  await list.getByText(PEOPLE_SENTENCES.en.people.summary(5, 0, 0, null)).waitFor();

  const contacts = await emulatorContacts(suite.session.demo);
  for (const address of Object.values(SELECTED))
    expect(contactsWithAddress(contacts, address)).toHaveLength(1);

  // A plain click on one message is the single-message pane again, its sender now in the address book.
  await demo.select("wwi-shipping");
  await demo.paneShows(strings.verdict.exists);
  expect(
    await demo.pane.getByRole("region", { name: PEOPLE_SENTENCES.en.people.heading.selection(5) }).count(),
  ).toBe(0);
});

it("Shift-click selects a range; going back to one message leaves the list", async () => {
  const demo = await open();
  // The inbox is newest first: the range is whatever lies between the two in the list.
  const order = await demo.page
    .locator("[data-message-id]")
    .evaluateAll((items) => items.map((item) => item.getAttribute("data-message-id")));
  const range = order.slice(
    Math.min(order.indexOf("fabrikam-redlines"), order.indexOf("wwi-shipping")),
    Math.max(order.indexOf("fabrikam-redlines"), order.indexOf("wwi-shipping")) + 1,
  );
  // A meeting in the range is selected but has no sender to read.
  const messages = range.filter((id) => id !== "qbr-invite").length;
  expect(messages).toBeGreaterThan(2);
  await demo.select("fabrikam-redlines");
  await demo.paneShows(strings.verdict.missing);
  await demo.page.locator('[data-message-id="wwi-shipping"]').click({ modifiers: ["Shift"] });
  const list = demo.pane.getByRole("region", {
    name: PEOPLE_SENTENCES.en.people.heading.selection(messages),
  });
  // Layla's messages name her in Arabic script: her address identifies her row.
  await list.getByText(SELECTED["wwi-shipping"]).waitFor();
  await list.getByText("Isabel Ferreira").waitFor();
  await demo.page.locator('[data-message-id="northwind-delivery"]').click();
  await demo.paneShows(strings.verdict.exists);
  expect(await list.count()).toBe(0);
});

it("Suggestions lists the seeded frequent senders not in the address book and adds one", async () => {
  const demo = await open();
  await demo.select("fabrikam-redlines");
  await demo.pane.getByRole("button", { name: strings.multiPeople.suggestions, exact: true }).click();
  const list = demo.pane.getByRole("region", { name: PEOPLE_SENTENCES.en.people.heading.suggestions });
  await list.getByText("Isabel Ferreira").waitFor();
  for (const name of ["Rafael Costa", "Layla Haddad", "Kenji Watanabe", "Olivia Brennan", "Bea Schmidt"])
    await list.getByText(name).waitFor();
  await list
    .getByText(
      new RegExp(
        `${PEOPLE_SENTENCES.en.people.source.suggestion}: ${PEOPLE_SENTENCES.en.people.messages(14)}, `,
      ),
    )
    .waitFor();
  // Left out: already a contact (Marcus Webb), a colleague, automated mail.
  for (const name of ["Marcus Webb", "Alex Wilber", "Woodgrove Bank"])
    expect(await list.getByText(name).count()).toBe(0);
  await demo.pane.getByText(PEOPLE_SENTENCES.en.multiPeople.excluded(1, 0)).waitFor();
  await list.getByRole("button", { name: /to the address book/ }).waitFor();
  await photograph(demo, "pane-suggestions");

  // A suggestion is someone the user did not choose: nobody is ticked for them.
  expect(await list.getByRole("checkbox", { checked: true }).count()).toBe(0);
  await list.getByRole("checkbox", { name: "Rafael Costa" }).check();
  await list.getByRole("button", { name: PEOPLE_SENTENCES.en.people.add(1) }).click();
  await list.getByText(PEOPLE_SENTENCES.en.people.summary(1, 0, 0, null)).waitFor();
  const contacts = await emulatorContacts(suite.session.demo);
  expect(contactsWithAddress(contacts, "rafael.costa@adventure-works.com")).toHaveLength(1);
  expect(contactsWithAddress(contacts, "isabel.ferreira@fabrikam.com")).toHaveLength(0);
});
