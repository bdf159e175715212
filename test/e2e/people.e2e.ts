/**
 * Several people at once (issue 14), in Chromium on the demo: everyone on a message's Cc added
 * in one click, and a meeting's organizer and attendees in place of "not a message".
 */
import { strings } from "../../src/taskpane/strings";
import { PEOPLE_SENTENCES } from "../../src/taskpane/locales/people-sentences";
import { contactsWithAddress, emulatorContacts, useDemoSession, type DemoPage } from "./demo-session";

const suite = useDemoSession();
const open = (): Promise<DemoPage> => suite.open();

const CC = {
  amira: "amira.haddad@wingtiptoys.com",
  lucas: "lucas.moreau@wingtiptoys.com",
  sofia: "sofia.rossi@wingtiptoys.com",
  nadia: "nadia.petrova@relecloud.com",
};

it("adds 3 of the 6 people on a message's Cc in one click", async () => {
  const demo = await open();
  await demo.select("wingtip-project-team");
  // From, To (the user) and seven on Cc.
  await demo.paneButton(strings.people.show(9)).click();
  const list = demo.pane.getByRole("region", { name: PEOPLE_SENTENCES.en.people.heading.message });
  // Ticked once looked up and checked: the sender, three colleagues of theirs and Nadia (a guest holds her address).
  await list.getByRole("button", { name: PEOPLE_SENTENCES.en.people.add(5) }).waitFor();
  await list.getByText(strings.verdict.exists, { exact: true }).waitFor(); // Daniel Okafor, already a contact
  await list.getByText(PEOPLE_SENTENCES.en.people.reason["internal-domain"]("contoso.com")).waitFor();
  await list.getByText(PEOPLE_SENTENCES.en.people.reason.automated.notifications).waitFor();

  await list.getByRole("checkbox", { name: "Jonas Berg" }).uncheck();
  await list.getByRole("checkbox", { name: "Nadia Petrova" }).uncheck();
  await list.getByRole("button", { name: PEOPLE_SENTENCES.en.people.add(3) }).click();
  await list.getByText(PEOPLE_SENTENCES.en.people.summary(3, 0, 0, null)).waitFor();

  const contacts = await emulatorContacts(suite.session.demo);
  for (const address of [CC.amira, CC.lucas, CC.sofia])
    expect(contactsWithAddress(contacts, address)).toHaveLength(1);
  expect(contactsWithAddress(contacts, CC.nadia)).toHaveLength(0);
  expect(contactsWithAddress(contacts, "jonas.berg@wingtiptoys.com")).toHaveLength(0);
  // Added rows are no longer offered: a second click has nothing to add.
  expect(await list.getByRole("checkbox", { name: "Amira Haddad" }).count()).toBe(0);
  // The card above shares the cache: its sender is still not in the address book, and the three now show as there.
  expect(await list.getByText(PEOPLE_SENTENCES.en.people.added, { exact: true }).count()).toBe(3);
});

it("a meeting lists its organizer and attendees instead of 'not a message'", async () => {
  const demo = await open();
  await demo.select("qbr-invite");
  const list = demo.pane.getByRole("region", { name: PEOPLE_SENTENCES.en.people.heading.meeting });
  await list.getByText("Lena Fischer").waitFor();
  await list.getByText(PEOPLE_SENTENCES.en.people.source.organizer).waitFor();
  await list.getByRole("button", { name: PEOPLE_SENTENCES.en.people.add(1) }).waitFor();
  expect(await demo.pane.getByText(strings.empty.notMessage("appointment")).count()).toBe(0);
});
