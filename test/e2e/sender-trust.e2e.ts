/**
 * The sender-trust guard end to end in Chromium: the demo's stand-in Office.js returns each
 * message's internet headers through getAllInternetHeadersAsync, the pane judges them beside
 * the lookup. A passing sender keeps the one-click Add; a failing one cannot be added in one
 * click, can after the confirmation, and cannot at all under the block policy.
 */
import { strings } from "../../src/taskpane/strings";
import { TRUST_SENTENCES } from "../../src/taskpane/locales/trust-sentences";
import {
  contactsWithAddress,
  emulatorContacts,
  screenshotPane,
  useDemoSession,
  waitUntil,
  type DemoPage,
} from "./demo-session";

const ISABEL = "isabel.ferreira@fabrikam.com";

const suite = useDemoSession();
const open = (): Promise<DemoPage> => suite.open();

async function isabelContacts() {
  return contactsWithAddress(await emulatorContacts(suite.session.demo), ISABEL);
}

it("a passing sender keeps the one-click Add", async () => {
  const demo = await open();
  await demo.select("fabrikam-redlines");
  await demo.paneShows(strings.trust.status.verified);
  await demo.paneShows(strings.verdict.missing);
  expect(await demo.paneButton(strings.trust.addAnyway).count()).toBe(0);
  await demo.paneButton(strings.promote.add).click();
  await demo.paneShows(strings.progress.added);
  expect(await isabelContacts()).toHaveLength(1);
});

it("a failing sender cannot be added in one click; the confirmation names the risk and creates the contact", async () => {
  const demo = await open();
  await demo.select("fabrikam-bank-details");
  await demo.paneShows(strings.trust.status.failed);
  await demo.paneShows(strings.verdict.missing);
  expect(await demo.paneButton(strings.promote.add).count()).toBe(0);

  await demo.paneButton(strings.trust.addAnyway).click();
  await demo.paneShows(TRUST_SENTENCES.en.risk.authenticationFailed("fabrikam.com"));
  expect(await isabelContacts()).toHaveLength(0);

  // The raw verdicts: EOP's fail, not the passing header the sender wrote below it.
  await demo.paneButton(strings.trust.details).click();
  await demo.paneShows(strings.trust.compauth("fail", "000"));
  await screenshotPane(demo, "pane-sender-failed-confirm");

  await demo.paneButton(strings.trust.confirmAdd).click();
  await demo.paneShows(strings.progress.added);
  await waitUntil(async () => (await isabelContacts()).length === 1, "the contact in the emulator");
});

it("with the block policy a failing sender cannot be added at all; the verdict stays visible", async () => {
  const demo = await open();
  await demo.setTrustPolicy("block");
  await demo.select("fabrikam-bank-details");
  await demo.paneShows(strings.trust.status.failed);
  await demo.paneShows(strings.trust.blocked);
  expect(await demo.paneButton(strings.promote.add).count()).toBe(0);
  expect(await demo.paneButton(strings.trust.addAnyway).count()).toBe(0);
  // The same person on a passing message is still one click away under block.
  await demo.select("fabrikam-redlines");
  await demo.paneShows(strings.trust.status.verified);
  await demo.paneButton(strings.promote.add).waitFor();
  expect(await isabelContacts()).toHaveLength(0);
});

it("a verified look-alike of the organization's domain asks first and borrows no company", async () => {
  const demo = await open();
  await demo.select("contoso-gift-cards");
  await demo.paneShows(strings.trust.status.verified);
  await demo.paneShows(TRUST_SENTENCES.en.risk.lookAlike("c0ntoso.com", "contoso.com", "organization"));
  await demo.paneShows(strings.sender.noCompany);
  expect(await demo.paneButton(strings.promote.add).count()).toBe(0);
  await demo.paneButton(strings.trust.addAnyway).waitFor();
  await screenshotPane(demo, "pane-look-alike");
});

it("a look-alike of a contact's domain the pane has seen, and a message without headers", async () => {
  const demo = await open();
  await demo.select("northwind-delivery");
  await demo.paneShows(strings.verdict.exists);
  await demo.select("northwind-invoice");
  await demo.paneShows(
    TRUST_SENTENCES.en.risk.lookAlike("northwind-traders.com", "northwindtraders.com", "contact"),
  );
  await demo.select("graphic-design-copy");
  await demo.paneShows(TRUST_SENTENCES.en.reason["headers-empty"]());
  await demo.paneButton(strings.promote.add).waitFor();
});

/** The pane's layout shifts since its last load, as Chrome's CLS counts them, each with what moved. */
declare global {
  interface Window {
    __paneShifts?: string[];
  }
}

it("nothing on screen moves once the verdict is shown: the check and the draft arrive below Add", async () => {
  const demo = await open();
  await demo.page.addInitScript(() => {
    if (!window.location.pathname.endsWith("/taskpane.html")) return;
    const shifts: string[] = (window.__paneShifts = []);
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Array<
        PerformanceEntry & { value: number; sources?: Array<{ node?: Node | null }> }
      >) {
        const moved = (entry.sources ?? []).map((source) => source.node?.textContent?.slice(0, 40) ?? "?");
        shifts.push(`${entry.value.toFixed(4)}: ${moved.join(" | ")}`);
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
  // Unpinned, the pane reloads on each selection: from navigation to the settled pane.
  await demo.page.getByRole("button", { name: "Pin pane" }).click();
  for (const [message, settled] of [
    ["fabrikam-redlines", strings.trust.status.verified],
    ["contoso-gift-cards", TRUST_SENTENCES.en.risk.lookAlike("c0ntoso.com", "contoso.com", "organization")],
  ] as const) {
    const loads = await demo.paneLoads();
    await demo.select(message);
    await waitUntil(async () => (await demo.paneLoads()) > loads, "the pane to reload");
    await demo.paneShows(settled);
    await demo.paneButton(strings.promote.editDetails).waitFor();
    // Time for anything late (the after-click views' prefetch, fonts) to land.
    await demo.page.waitForTimeout(500);
    const frame = demo.page.frames().find((candidate) => candidate.url().includes("/taskpane.html"));
    expect({ message, shifts: await frame?.evaluate(() => window.__paneShifts) }).toEqual({
      message,
      shifts: [],
    });
  }
});
