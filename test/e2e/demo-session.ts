/**
 * What every e2e test needs: the demo started in-process on an ephemeral port (the same
 * code path as `npm run demo`), Debian's Chromium driven by playwright-core, and small
 * helpers to act on the stand-in page and read the pane inside its iframe.
 *
 * Every page is watched for uncaught errors, for a token in any URL and for any request off
 * the demo's own origin (the demo needs no network); each fails the test.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type FrameLocator, type Locator, type Page } from "playwright-core";
import type { ContactRecord } from "../../src/admin-api/wire";
import { addressKey, sameAddress } from "../../src/contacts/address";
import { DEMO_BUILD_PATHS, PROJECT_ROOT } from "../../src/harness/demo-build";
import type { DemoFaultName } from "../../src/harness/demo-routes";
import { demoText } from "../../src/harness/page/demo-strings";
import { startDemo, type RunningDemo } from "../../src/harness/demo-server";
import { DEMO_TOKENS } from "../../src/emulator/seed";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];
export const SCREENSHOT_DIR = path.join(PROJECT_ROOT, "docs/screenshots");

/** How long a step may take before the test fails (the throttled retry alone waits 2 s). */
export const STEP_TIMEOUT_MS = 15_000;

export interface DemoSession {
  demo: RunningDemo;
  browser: Browser;
  /** Opens the stand-in page and waits until the pane listens for item changes; `touch`: a touch screen. */
  open(options?: { touch?: boolean }): Promise<DemoPage>;
  close(): Promise<void>;
}

export interface DemoPage {
  page: Page;
  pane: FrameLocator;
  /** Uncaught errors and token leaks seen so far. */
  problems: string[];
  select(messageId: string): Promise<void>;
  /** The pane's visible text contains `text`. */
  paneShows(text: string | RegExp): Promise<void>;
  paneButton(name: string | RegExp): Locator;
  paneLoads(): Promise<number>;
  injectFault(name: DemoFaultName): Promise<void>;
  signInAs(role: "admin" | "readonly"): Promise<void>;
  /** The demo's Trust policy switch: the pane restarts as if built with ADDIN_TRUST_POLICY. */
  setTrustPolicy(policy: "warn" | "block"): Promise<void>;
  /** Picks the backend in the top bar and waits for the pane to restart on it. */
  useBackend(backend: "admin-center" | "exchange"): Promise<void>;
  /** The demo's Language switch: Outlook's display language; the pane restarts in it. */
  useLanguage(language: "en-US" | "de-DE" | "qps-ploc" | "qps-plocm"): Promise<void>;
  addressBookRow(address: string): Locator;
}

export interface DemoSessionOptions {
  /** Serve the demo under a path ("/gal"), as an add-in hosted at https://host/gal/. */
  basePath?: string;
}

/**
 * One demo for a test file: started before its tests, reset before each; each test's page is
 * closed after it, and whatever the page logged as a problem fails that test.
 */
export function useDemoSession(options: DemoSessionOptions = {}): {
  readonly session: DemoSession;
  open(): Promise<DemoPage>;
} {
  let session: DemoSession | undefined;
  let current: DemoPage | null = null;
  const started = (): DemoSession => {
    if (!session) throw new Error("The demo session has not started.");
    return session;
  };
  beforeAll(async () => {
    session = await startDemoSession(options);
  });
  afterAll(async () => {
    await session?.close();
  });
  beforeEach(() => {
    started().demo.reset();
  });
  afterEach(async () => {
    const problems = current?.problems ?? [];
    await current?.page.close();
    current = null;
    expect(problems).toEqual([]);
  });
  return {
    get session() {
      return started();
    },
    async open() {
      current = await started().open();
      return current;
    },
  };
}

export async function startDemoSession(options: DemoSessionOptions = {}): Promise<DemoSession> {
  const demo = await startDemo({ ...DEMO_BUILD_PATHS, port: 0, ...options });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const pages: Page[] = [];

  const open = async (options: { touch?: boolean } = {}): Promise<DemoPage> => {
    const page = await browser.newPage({
      viewport: { width: 1440, height: 900 },
      ...(options.touch ? { hasTouch: true, isMobile: true } : {}),
    });
    pages.push(page);
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(`Uncaught in the page: ${error.message}`));
    const demoOrigin = new URL(demo.url).origin;
    page.on("request", (request) => {
      const url = request.url();
      if (Object.values(DEMO_TOKENS).some((token) => url.includes(token))) {
        problems.push(`Token in a URL: ${url}`);
      }
      // The demo needs no network: everything comes from its own origin.
      if (/^https?:/.test(url) && new URL(url).origin !== demoOrigin) {
        problems.push(`Request off the demo's origin: ${url}`);
      }
    });
    await page.goto(`${demo.url}/`);
    const pane = page.frameLocator('iframe[title="GAL Contact add-in"]');
    // The demo bar speaks the language its switch shows: find its controls by that language's words.
    let words = demoText("en-US").text;
    const demoPage: DemoPage = {
      page,
      pane,
      problems,
      async select(messageId) {
        await page.locator(`[data-message-id="${messageId}"]`).click();
      },
      async paneShows(text) {
        await pane.getByText(text).first().waitFor({ state: "visible" });
      },
      paneButton(name) {
        return pane.getByRole("button", { name });
      },
      async paneLoads() {
        return Number(await page.locator("aside[data-pane-loads]").getAttribute("data-pane-loads"));
      },
      async injectFault(name) {
        await page.getByRole("button", { name: words.injectFailure }).click();
        await page.getByRole("menuitem", { name: words.faults[name].label }).click();
        await page
          .getByRole("status")
          .filter({ hasText: words.status.armed(words.faults[name].description) })
          .waitFor();
      },
      async useLanguage(language) {
        const loadsBefore = await demoPage.paneLoads();
        await page.getByRole("combobox", { name: words.language }).selectOption(language);
        words = demoText(language).text;
        await waitUntil(async () => (await demoPage.paneLoads()) > loadsBefore, "the pane to restart");
        await paneListening(page);
      },
      async signInAs(role) {
        const loadsBefore = await demoPage.paneLoads();
        await page.getByRole("combobox", { name: words.signedInAs }).selectOption(role);
        // Signing in as someone else restarts the pane; wait until the new one listens.
        await waitUntil(async () => (await demoPage.paneLoads()) > loadsBefore, "the pane to reload");
        await paneListening(page);
      },
      async setTrustPolicy(policy) {
        const loadsBefore = await demoPage.paneLoads();
        await page.getByRole("combobox", { name: words.trustPolicy }).selectOption(policy);
        await waitUntil(async () => (await demoPage.paneLoads()) > loadsBefore, "the pane to reload");
        await paneListening(page);
      },
      async useBackend(backend) {
        const loadsBefore = await demoPage.paneLoads();
        await page.getByRole("combobox", { name: words.backend }).selectOption(backend);
        await waitUntil(async () => (await demoPage.paneLoads()) > loadsBefore, "the pane to restart");
        await paneListening(page);
      },
      addressBookRow(address) {
        return page.locator(`tr[data-contact-address="${addressKey(address)}"]`);
      },
    };
    await paneListening(page);
    return demoPage;
  };

  return {
    demo,
    browser,
    open,
    async close() {
      await browser.close();
      await demo.close();
    },
  };
}

async function paneListening(page: Page): Promise<void> {
  await page.locator('aside[data-pane-listening="true"]').waitFor({ state: "attached" });
}

/** Polls `condition` until it holds; fails with `what` after STEP_TIMEOUT_MS. Never asserts speed. */
export async function waitUntil(condition: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The address book as the emulator's control surface reports it over HTTP. */
export async function emulatorContacts(demo: RunningDemo): Promise<ContactRecord[]> {
  const response = await fetch(`${demo.url}/__emulator/contacts`);
  return ((await response.json()) as { Contacts: ContactRecord[] }).Contacts;
}

export function contactsWithAddress(contacts: ContactRecord[], address: string): ContactRecord[] {
  return contacts.filter((contact) => sameAddress(contact.ContactExternalEmailAddress, address));
}

/**
 * Where a screenshot goes: docs/screenshots/<name>.png only when asked (`npm run screenshots`
 * sets WRITE_SCREENSHOTS=1), so running the e2e suite never leaves tracked pictures modified.
 * Otherwise the picture is still taken (the state must render) and thrown away.
 */
export function screenshotPath(name: string): string | undefined {
  if (process.env.WRITE_SCREENSHOTS !== "1") return undefined;
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return path.join(SCREENSHOT_DIR, `${name}.png`);
}

/** Takes a screenshot of the pane (the iframe as Outlook frames it); see `screenshotPath` for where it goes. */
export async function screenshotPane(demoPage: DemoPage, name: string): Promise<void> {
  // Let Fluent's transitions and the pane's focus move settle, so the picture is stable.
  await demoPage.page.waitForTimeout(400);
  await demoPage.page
    .locator('iframe[title="GAL Contact add-in"]')
    .screenshot({ path: screenshotPath(name), animations: "disabled" });
}
