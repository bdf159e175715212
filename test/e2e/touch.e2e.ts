/**
 * The pane on a touch screen 320 px wide (Outlook mobile's narrowest): nothing scrolls
 * sideways, and every button a finger needs is at least 44 px tall.
 */
import { strings } from "../../src/taskpane/strings";
import { screenshotPane, startDemoSession, type DemoPage, type DemoSession } from "./demo-session";

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
  demo = await session.open({ touch: true });
  // The stand-in frames the pane at Outlook on the web's 350 px; narrow it to 320.
  await demo.page
    .locator('iframe[title="GAL Contact add-in"]')
    .evaluate((frame) => ((frame.parentElement as HTMLElement).style.width = "320px"));
});

afterEach(async () => {
  const problems = demo.problems;
  await demo.page.close();
  expect(problems).toEqual([]);
});

/** The pane's own width, its scrollable width, and the height of each visible button. */
async function measure(): Promise<{ width: number; scrollWidth: number; short: string[] }> {
  const frame = demo.page.frame({ url: /taskpane\.html/ });
  if (!frame) throw new Error("The pane's frame is not there.");
  return frame.evaluate(() => {
    const buttons = [...document.querySelectorAll<HTMLElement>("button, [role='switch']")].filter(
      (element) => element.getClientRects().length > 0,
    );
    const target = (element: HTMLElement) =>
      element.getAttribute("role") === "switch" ? (element.closest(".fui-Switch") as HTMLElement) : element;
    return {
      width: document.documentElement.clientWidth,
      scrollWidth: document.documentElement.scrollWidth,
      short: buttons
        .filter((element) => target(element).getBoundingClientRect().height < 44)
        .map(
          (element) =>
            `${element.textContent || element.getAttribute("aria-label")}: ${target(element).getBoundingClientRect().height}px`,
        ),
    };
  });
}

it.each([
  [
    "not yet in the address book",
    "fabrikam-redlines",
    strings.verdict.missing,
    "pane-touch-320-not-in-address-book",
  ],
  ["already there", "northwind-delivery", strings.verdict.exists, "pane-touch-320-existing-contact"],
])("%s: fits 320 px, 44 px buttons", async (_label, message, verdict, screenshot) => {
  await demo.select(message);
  await demo.paneShows(verdict);
  await demo.pane.getByRole("button").first().waitFor();
  const { width, scrollWidth, short } = await measure();
  expect(width).toBe(320);
  expect(scrollWidth).toBeLessThanOrEqual(width);
  expect(short).toEqual([]);
  await screenshotPane(demo, screenshot);
});
