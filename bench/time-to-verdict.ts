/**
 * Part 2: time to verdict, in Debian's headless Chromium against the demo (the pane as
 * built by the demo build, the Office stand-in, the production relay, the emulator
 * answering every admin API call after a fixed latency L).
 *
 * - Switches: on a pinned pane, from the pane's ItemChanged handler being called to the
 *   frame that paints the expected verdict for the new sender (bench/verdict/pane-probe.js).
 *   First visits: each round opens a fresh page (empty session cache) and visits the 10
 *   senders once; revisits: the same senders again (cached), then, in the last round, once
 *   more with the pane's clock moved past the cache's freshness (60 s), so each revisit
 *   also triggers a background refresh, which must not repaint an unchanged verdict.
 * - Cold start: an unpinned pane reloads on selection, as Outlook reopens it: from the
 *   pane's navigation to the frame painting its first verdict, with the browser cache
 *   disabled (cold) and enabled (warm); beside it, the floor page's first contentful paint.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Frame, type Page } from "playwright-core";
import { ensureDemoBuild } from "../src/harness/demo-build";
import { startDemo, type RunningDemo } from "../src/harness/demo-server";
import { startServer, type RunningServer } from "../src/server/server";
import { strings } from "../src/taskpane/strings";
import { CHROMIUM_PATH } from "./lib/machine";
import { shuffled } from "./lib/order";
import { summarize, type Summary } from "./lib/stats";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];

const FIXTURE_PATH = path.resolve(__dirname, "fixtures/messages.json");
const ADDRESS_BOOK_PATH = path.resolve(__dirname, "fixtures/address-book.json");
const PROBE_PATH = path.resolve(__dirname, "verdict/pane-probe.js");
/** The fixture's measured messages; the others only set the scene. */
const MEASURED_MESSAGE_PREFIX = "bench-";
const PANE_FRAME = 'iframe[title="GAL Contact add-in"]';
const STEP_TIMEOUT_MS = 20_000;
/** After each verdict: lets a background refresh (L + a little) land, and watches for repaints meanwhile. */
export const SETTLE_MS = 300;
/** Past ContactLookup's default freshness (60 s): a revisit then refreshes in the background. */
const STALE_CLOCK_JUMP_MS = 61_000;

/** Verdicts a sender can end on (not "checking" or the promotion's transient states). */
const FINAL_VERDICTS = [
  strings.verdict.exists,
  strings.verdict.missing,
  strings.verdict.internal,
  strings.verdict.automated,
  strings.verdict.unusable,
  strings.verdict.unknown,
];

export interface TimeToVerdictOptions {
  /** The emulator's latency for every admin API call, ms. Default 100. */
  latencyMs?: number;
  /** Rounds of (10 first visits + 10 revisits). Default 5: 50 + 50 switches. */
  rounds?: number;
  /** Cold and warm starts each, for the pane and for the floor. Default 5. */
  starts?: number;
  /** The floor build (floor.html and its bundle), from the bundle part. */
  floorDirectory: string;
  log?: (line: string) => void;
}

interface Sender {
  id: string;
  address: string;
  verdict: string;
}

interface SwitchRecord {
  itemChangedAt: number;
  domAt: number;
  frameAt: number;
  repaints: number;
}

export interface SwitchSummary {
  switches: number;
  /** ItemChanged → frame painting the verdict, ms. */
  toFrameMs: Summary;
  /** ItemChanged → verdict in the DOM (before that frame), ms. */
  toDomMs: Summary;
  /** Admin API calls the emulator received during these switches, per switch. */
  callsPerSwitch: number;
  /** Switches after which the verdict element changed again although the verdict did not. */
  switchesWithRepaint: number;
}

export interface StartSample {
  /** Pane: navigation → frame painting the first verdict. Floor: navigation → first contentful paint. */
  ms: number;
  /** The pane's own first contentful paint (its HTML skeleton); the floor: same as ms. */
  firstContentfulPaintMs: number | null;
}

export interface LoadedResource {
  /** Path on the demo origin. */
  path: string;
  initiatorType: string;
  /** Bytes over the network; 0 when the browser's cache served it. */
  transferSize: number;
}

export interface TimeToVerdictResult {
  latencyMs: number;
  /** Pause after each verdict, during which repaints are watched for. */
  settleMs: number;
  senders: number;
  firstVisit: SwitchSummary;
  revisit: SwitchSummary;
  staleRevisit: SwitchSummary;
  coldStart: { pane: Summary; paneFirstPaint: Summary; floor: Summary; samples: number };
  warmStart: { pane: Summary; paneFirstPaint: Summary; floor: Summary; samples: number };
  /** What the pane's frame had loaded from our origin when its first verdict appeared (first cold start). */
  loadedBeforeFirstVerdict: LoadedResource[];
  /** Scripts the pane's frame loaded before its first verdict, and how many came from the cache, over all starts. */
  scriptsFromCache: { cold: { scripts: number; cached: number }; warm: { scripts: number; cached: number } };
  paneBuildDirectory: string;
}

function loadSenders(): Sender[] {
  const fixture = JSON.parse(readFileSync(FIXTURE_PATH, "utf8")) as {
    messages: Array<{ id: string; from: { emailAddress: string } }>;
  };
  const book = JSON.parse(readFileSync(ADDRESS_BOOK_PATH, "utf8")) as {
    contacts: Array<{ ContactExternalEmailAddress: string }>;
  };
  const known = new Set(book.contacts.map((contact) => contact.ContactExternalEmailAddress.toLowerCase()));
  // The newest message (selected when the page opens) is an internal colleague's: no lookup, not measured.
  return fixture.messages
    .filter((message) => message.id.startsWith(MEASURED_MESSAGE_PREFIX))
    .map((message) => {
      const address = message.from.emailAddress.toLowerCase();
      return {
        id: message.id,
        address,
        verdict: known.has(address) ? strings.verdict.exists : strings.verdict.missing,
      };
    });
}

function probeScript(): string {
  const config = { finalVerdicts: FINAL_VERDICTS };
  return `window.__benchConfig = ${JSON.stringify(config)};\n${readFileSync(PROBE_PATH, "utf8")}`;
}

async function paneFrame(page: Page): Promise<Frame> {
  await page.locator(PANE_FRAME).waitFor({ state: "attached" });
  for (;;) {
    const frame = page.frames().find((candidate) => candidate.url().includes("/taskpane.html"));
    if (frame) return frame;
    await page.waitForTimeout(20);
  }
}

async function paneListening(page: Page): Promise<void> {
  await page.locator('aside[data-pane-listening="true"]').waitFor({ state: "attached" });
}

async function paneLoads(page: Page): Promise<number> {
  return Number(await page.locator("aside[data-pane-loads]").getAttribute("data-pane-loads"));
}

/** A fresh browser context: its own, empty HTTP cache. */
async function newContext(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript({ content: probeScript() });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  page.on("pageerror", (error) => {
    throw new Error(`Uncaught in the page: ${error.message}`);
  });
  return { context, page };
}

/** One switch on a pinned pane: arm the probe, click the message, wait for the verdict, let things settle. */
async function switchTo(page: Page, frame: Frame, sender: Sender): Promise<void> {
  const before = await frame.evaluate(
    ([address, verdict]) => {
      const bench = (
        window as unknown as { __bench: { records: unknown[]; expect(a: string, v: string): void } }
      ).__bench;
      bench.expect(address, verdict);
      return bench.records.length;
    },
    [sender.address, sender.verdict] as const,
  );
  await page.locator(`[data-message-id="${sender.id}"]`).click();
  await frame.waitForFunction(
    (count) => (window as unknown as { __bench: { records: unknown[] } }).__bench.records.length > count,
    before,
    { timeout: STEP_TIMEOUT_MS },
  );
  await page.waitForTimeout(SETTLE_MS);
}

async function takeRecords(frame: Frame): Promise<SwitchRecord[]> {
  return frame.evaluate(() => {
    const bench = (window as unknown as { __bench: { records: SwitchRecord[]; watching: unknown } }).__bench;
    const records = bench.records.splice(0);
    bench.watching = null;
    return records;
  });
}

function summarizeSwitches(records: SwitchRecord[], calls: number): SwitchSummary {
  return {
    switches: records.length,
    toFrameMs: summarize(records.map((record) => record.frameAt - record.itemChangedAt)),
    toDomMs: summarize(records.map((record) => record.domAt - record.itemChangedAt)),
    callsPerSwitch: calls / records.length,
    switchesWithRepaint: records.filter((record) => record.repaints > 0).length,
  };
}

async function measureSwitches(
  browser: Browser,
  demo: RunningDemo,
  senders: Sender[],
  rounds: number,
  log: (line: string) => void,
): Promise<{ first: SwitchSummary; revisit: SwitchSummary; stale: SwitchSummary }> {
  const first: SwitchRecord[] = [];
  const revisit: SwitchRecord[] = [];
  const stale: SwitchRecord[] = [];
  const calls = { first: 0, revisit: 0, stale: 0 };
  const apiCalls = () => demo.emulator.requests().length;

  for (let round = 1; round <= rounds; round++) {
    const { context, page } = await newContext(browser);
    try {
      await page.goto(demo.url);
      await paneListening(page);
      const frame = await paneFrame(page);
      await frame.waitForFunction(() => "__bench" in window);

      let last: Sender | undefined;
      const visit = async (order: Sender[], into: SwitchRecord[], counter: keyof typeof calls) => {
        const callsBefore = apiCalls();
        for (const sender of order) {
          await switchTo(page, frame, sender);
          last = sender;
        }
        calls[counter] += apiCalls() - callsBefore;
        into.push(...(await takeRecords(frame)));
      };

      await visit(shuffled(senders, round), first, "first");
      await visit(shuffled(senders, 1000 + round, last), revisit, "revisit");
      if (round === rounds) {
        await frame.evaluate((jump) => {
          (window as unknown as { __bench: { clockOffsetMs: number } }).__bench.clockOffsetMs += jump;
        }, STALE_CLOCK_JUMP_MS);
        await visit(shuffled(senders, 2000 + round, last), stale, "stale");
      }
      log(`  round ${round}/${rounds}: ${first.length} first visits, ${revisit.length} revisits`);
    } finally {
      await context.close();
    }
  }
  return {
    first: summarizeSwitches(first, calls.first),
    revisit: summarizeSwitches(revisit, calls.revisit),
    stale: summarizeSwitches(stale, calls.stale),
  };
}

interface ProbeResource {
  url: string;
  initiatorType: string;
  transferSize: number;
}

interface PaneStart {
  ms: number;
  firstContentfulPaintMs: number | null;
  resources: ProbeResource[];
}

/**
 * Unpinned pane: selecting a message reloads it with that message, as Outlook reopens a
 * pane. Warm: the page has loaded the pane once, so the reload finds its files cached.
 * Cold: the page's first request for the pane gets an empty document instead, so the
 * reload is the first time this browser context loads the pane's files.
 */
async function paneStart(
  browser: Browser,
  demo: RunningDemo,
  sender: Sender,
  cold: boolean,
): Promise<PaneStart> {
  const { context, page } = await newContext(browser);
  try {
    if (cold) {
      await page.route(
        "**/taskpane.html*",
        (route) =>
          route.fulfill({
            status: 200,
            contentType: "text/html",
            body: "<!doctype html><title>not yet</title>",
          }),
        { times: 1 },
      );
    }
    await page.goto(demo.url);
    if (cold) await page.locator(`[data-message-id="${sender.id}"]`).waitFor();
    else await paneListening(page);
    await page.getByRole("button", { name: "Pin pane" }).click();
    const loads = await paneLoads(page);
    await page.locator(`[data-message-id="${sender.id}"]`).click();
    const deadline = Date.now() + STEP_TIMEOUT_MS;
    while ((await paneLoads(page)) <= loads) {
      if (Date.now() > deadline) throw new Error("the unpinned pane did not reload");
      await page.waitForTimeout(10);
    }
    const frame = await paneFrame(page);
    await frame.waitForFunction(
      () => {
        const bench = (window as unknown as { __bench?: { firstVerdict: { frameAt: number | null } | null } })
          .__bench;
        return bench?.firstVerdict?.frameAt != null;
      },
      undefined,
      { timeout: STEP_TIMEOUT_MS },
    );
    return await frame.evaluate(() => {
      const first = (
        window as unknown as {
          __bench: {
            firstVerdict: {
              text: string;
              frameAt: number;
              resources: ProbeResource[];
            };
          };
        }
      ).__bench.firstVerdict;
      const paint = performance.getEntriesByName("first-contentful-paint")[0];
      return {
        ms: first.frameAt,
        firstContentfulPaintMs: paint ? paint.startTime : null,
        resources: first.resources,
      };
    });
  } finally {
    await context.close();
  }
}

/** The floor's first contentful paint: on its first load (cold) or on a reload (warm, files cached). */
async function floorStart(browser: Browser, floor: RunningServer, cold: boolean): Promise<number> {
  const { context, page } = await newContext(browser);
  const firstPaint = async () =>
    (await (
      await page.waitForFunction(
        () => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null,
        undefined,
        { timeout: STEP_TIMEOUT_MS },
      )
    ).jsonValue()) as number;
  try {
    await page.goto(`${floor.url}/floor.html`);
    if (cold) return await firstPaint();
    await firstPaint();
    await page.reload();
    return await firstPaint();
  } finally {
    await context.close();
  }
}

export async function measureTimeToVerdict(options: TimeToVerdictOptions): Promise<TimeToVerdictResult> {
  const latencyMs = options.latencyMs ?? 100;
  const rounds = options.rounds ?? 5;
  const starts = options.starts ?? 5;
  const log = options.log ?? (() => undefined);
  const senders = loadSenders();

  log("  building the demo where stale…");
  const build = await ensureDemoBuild({ log: (line) => log(`  ${line}`) });
  const demo = await startDemo({
    ...build,
    port: 0,
    fixturePath: FIXTURE_PATH,
    addressBookPath: ADDRESS_BOOK_PATH,
  });
  const floor = await startServer({
    port: 0,
    distDir: options.floorDirectory,
    indexFile: "floor.html",
    log: () => undefined,
  });
  let browser: Browser | undefined;
  try {
    demo.emulator.updateSettings({ latencyMs });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });

    const switches = await measureSwitches(browser, demo, senders, rounds, log);

    const cold: PaneStart[] = [];
    const warm: PaneStart[] = [];
    const floorCold: number[] = [];
    const floorWarm: number[] = [];
    for (let run = 0; run < starts; run++) {
      const sender = senders[run % senders.length] as Sender;
      cold.push(await paneStart(browser, demo, sender, true));
      floorCold.push(await floorStart(browser, floor, true));
      warm.push(await paneStart(browser, demo, sender, false));
      floorWarm.push(await floorStart(browser, floor, false));
    }
    log(`  ${starts} cold and ${starts} warm starts of the pane and of the floor`);

    const origin = new URL(demo.url).origin;
    const firstCold = cold[0];
    const loadedBeforeFirstVerdict = (firstCold?.resources ?? [])
      .filter((resource) => resource.url.startsWith(origin))
      .map((resource) => ({
        path: new URL(resource.url).pathname,
        initiatorType: resource.initiatorType,
        transferSize: resource.transferSize,
      }));
    const cacheUse = (samples: PaneStart[]) => {
      const scripts = samples.flatMap((sample) =>
        sample.resources.filter((resource) => resource.initiatorType === "script"),
      );
      return {
        scripts: scripts.length,
        cached: scripts.filter((resource) => resource.transferSize === 0).length,
      };
    };

    const paints = (samples: PaneStart[]) =>
      summarize(samples.map((sample) => sample.firstContentfulPaintMs ?? Number.NaN).filter(Number.isFinite));
    return {
      latencyMs,
      settleMs: SETTLE_MS,
      senders: senders.length,
      firstVisit: switches.first,
      revisit: switches.revisit,
      staleRevisit: switches.stale,
      coldStart: {
        pane: summarize(cold.map((sample) => sample.ms)),
        paneFirstPaint: paints(cold),
        floor: summarize(floorCold),
        samples: starts,
      },
      warmStart: {
        pane: summarize(warm.map((sample) => sample.ms)),
        paneFirstPaint: paints(warm),
        floor: summarize(floorWarm),
        samples: starts,
      },
      loadedBeforeFirstVerdict,
      scriptsFromCache: { cold: cacheUse(cold), warm: cacheUse(warm) },
      paneBuildDirectory: build.paneDir,
    };
  } finally {
    await browser?.close();
    await floor.close();
    await demo.close();
  }
}
