/**
 * The pages around the pane speak the reader's language in a real browser, from the demo build:
 * - the pane's page opened in a plain tab (no Office: its library blocked) explains itself in
 *   the browser's language (Chromium's locale sets navigator.languages), mirrored in qps-plocm;
 * - the sign-in dialog and redirect pages say their status line in the browser's language;
 * - the demo bar follows the demo's Language switch, and the page mirrors in qps-plocm.
 */
import type { BrowserContext, Page } from "playwright-core";
import { demoText } from "../../src/harness/page/demo-strings";
import { OUTSIDE_SENTENCES } from "../../src/taskpane/locales/outside-sentences";
import { hasPlainLatin } from "../../src/taskpane/locales/pseudo-text";
import { PAGE_STRINGS } from "../../src/taskpane/page-strings";
import { useDemoSession } from "./demo-session";

const demo = useDemoSession();
let context: BrowserContext | null = null;

afterEach(async () => {
  await context?.close();
  context = null;
});

/** A plain tab whose browser prefers `languages`; Office's library (the demo's stand-in) never loads. */
async function plainTab(languages: readonly string[]): Promise<Page> {
  context = await demo.session.browser.newContext({ locale: languages[0] });
  // Chromium's locale gives one language; the page reads the whole list, as a browser set so would give.
  await context.addInitScript((list) => {
    Object.defineProperty(navigator, "languages", { get: () => list });
    Object.defineProperty(navigator, "language", { get: () => list[0] });
  }, languages);
  await context.route(/office-stand-in\.js$/, (route) => route.abort());
  return context.newPage();
}

it("the pane's page in a plain tab explains itself in the browser's German", async () => {
  const page = await plainTab(["de-DE", "en-US"]);
  await page.goto(`${demo.session.demo.url}/taskpane.html`);
  await page.getByRole("heading", { name: OUTSIDE_SENTENCES.de.officeJsMissing.title }).waitFor();
  expect(await page.getByText(OUTSIDE_SENTENCES.de.howTo).count()).toBe(1);
  expect(await page.locator("html").getAttribute("lang")).toBe("de");
});

it("in the right-to-left pseudo-locale, the plain tab's page is mirrored and all pseudo-text", async () => {
  const page = await plainTab(["qps-plocm"]);
  await page.goto(`${demo.session.demo.url}/taskpane.html`);
  await page.locator("main h1").waitFor();
  expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
  const text = (await page.locator("main").innerText()).split("GAL Contact").join("");
  expect(hasPlainLatin(text)).toBe(false);
});

it("the sign-in dialog and the redirect page say their status in the browser's German", async () => {
  const page = await plainTab(["de-AT"]);
  await page.goto(`${demo.session.demo.url}/auth-dialog.html`);
  await page.getByText(PAGE_STRINGS.de.signInDialog.preparing).waitFor();
  expect(await page.title()).toBe(PAGE_STRINGS.de.signInDialog.title);
  // Opened without a sign-in response, the redirect page has nothing to hand on: it says so.
  await page.goto(`${demo.session.demo.url}/auth-redirect.html`);
  await page.getByText(PAGE_STRINGS.de.signInDialog.redirectFailed).waitFor();
  expect(await page.locator("html").getAttribute("lang")).toBe("de");
});

it("the demo bar follows the Language switch: German, then mirrored pseudo-text, then English", async () => {
  const page = await demo.open();
  await page.useLanguage("de-DE");
  const german = demoText("de-DE").text;
  await page.page.getByRole("toolbar", { name: german.controls }).waitFor();
  await page.page
    .getByRole("status")
    .filter({ hasText: german.status.language("Deutsch", "de-DE") })
    .waitFor();
  await page.page.getByRole("button", { name: german.reset }).waitFor();
  await page.useLanguage("qps-plocm");
  expect(await page.page.locator("html").getAttribute("dir")).toBe("rtl");
  const bar = await page.page.getByRole("toolbar").innerText();
  // English's and German's own names stay as they are, so the way back is readable; the tag is data.
  const rest = ["English", "Deutsch", "qps-plocm"].reduce((left, name) => left.split(name).join(""), bar);
  expect(hasPlainLatin(rest) ? rest : "").toBe("");
  await page.useLanguage("en-US");
  expect(await page.page.locator("html").getAttribute("dir")).toBe("ltr");
  await page.page.getByRole("button", { name: "Reset demo" }).waitFor();
});
