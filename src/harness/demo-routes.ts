/**
 * The demo server's own routes and the switches the Outlook stand-in page offers, shared
 * by the server (src/harness/demo-server.ts) and the page (src/harness/page/).
 */
import { DEMO_TOKEN_PATH } from "../auth/demo-token-provider";
import { DEFAULT_RETRY_POLICY } from "../contacts/retry-policy";
import type { FaultReport, FaultSpec } from "../emulator/faults";

export const DEMO_ROUTES = {
  /** GET: the stand-in page's mailbox (DemoMailbox). */
  mailbox: "/__demo/mailbox",
  /** GET: { role, backend }; POST { role?, backend? }: who the pane is signed in as, and which backend it was "deployed" with. */
  session: "/__demo/session",
  /** POST: restores the seeded address book, clears faults and settings, signs in as admin. */
  reset: "/__demo/reset",
  /** The emulator's control surface, proxied so the page can read the address book and inject faults. */
  emulatorPrefix: "/__emulator/",
} as const;

/**
 * GET: `{ token }`, the emulator's bearer token for the person chosen on the page, where
 * the demo build's token provider (src/auth/demo-token-provider.ts) asks for it. Served
 * only by the demo server, never by production; same origin, `no-store`, never in a URL.
 */
export const DEMO_TOKEN_ROUTE = DEMO_TOKEN_PATH;

/** Where the harness bundle is served; the page itself is served at "/". */
export const HARNESS_ASSET_PREFIX = "/harness/";

/** The task pane, as the relay serves the demo build. */
export const TASKPANE_PATH = "/taskpane.html";

export type DemoRole = "admin" | "readonly";

/** The backend the demo's pane runs on (the production build chooses it with ADDIN_BACKEND). */
export type DemoBackend = "admin-center" | "exchange";

export interface DemoSession {
  role: DemoRole;
  backend: DemoBackend;
}

/** What the demo page passes to the pane in its address, as if the pane had been built with it. */
export interface DemoPaneOverrides {
  backend: DemoBackend;
  /** ADDIN_TRUST_POLICY (src/contacts/trust/policy.ts). */
  trustPolicy: "warn" | "block";
}

/**
 * The pane's URL, relative to the page (the demo may be hosted under a path): the demo build
 * reads `?backend=` and `?trustPolicy=` as if it had been built with them (withDemoOverrides in
 * src/app-config.ts). The defaults are left out, so the default pane's URL stays the plain one.
 */
export function taskpaneUrl({ backend, trustPolicy }: DemoPaneOverrides): string {
  const params = new URLSearchParams();
  if (backend !== "admin-center") params.set("backend", backend);
  if (trustPolicy !== "warn") params.set("trustPolicy", trustPolicy);
  const search = params.toString();
  return search === "" ? `.${TASKPANE_PATH}` : `.${TASKPANE_PATH}?${search}`;
}

/** Latency of the "slow network" switch. */
export const SLOW_NETWORK_LATENCY_MS = 1500;

/**
 * The client retries idempotent calls up to this many attempts in all: a fault meant to
 * outlast the retries (and so reach the person) must hit that many requests.
 */
const ATTEMPTS_PER_CALL = DEFAULT_RETRY_POLICY.maxAttempts;

export type DemoFaultName =
  "throttle" | "throttle-sustained" | "server-error" | "fail-general-update" | "fail-options-update";

/** Each fault switch of the page, as the emulator fault it injects (its words: page/demo-strings.ts). */
export const DEMO_FAULTS: Record<DemoFaultName, { spec: FaultSpec }> = {
  throttle: { spec: { route: "*", times: 1, status: 429, headers: { "Retry-After": "2" } } },
  "throttle-sustained": {
    spec: { route: "*", times: ATTEMPTS_PER_CALL, status: 429, headers: { "Retry-After": "2" } },
  },
  "server-error": { spec: { route: "*", times: 1, status: 500 } },
  "fail-general-update": {
    spec: { route: "updateGeneral", times: ATTEMPTS_PER_CALL, status: 500, promotion: true },
  },
  "fail-options-update": {
    spec: { route: "updateOptions", times: ATTEMPTS_PER_CALL, status: 500, promotion: true },
  },
};

/** Why a promotion switch's step never came, when the Add skipped it. */
const SKIPPED_STEP: Partial<Record<DemoFaultName, "no-general-step" | "no-options-step">> = {
  "fail-general-update": "no-general-step",
  "fail-options-update": "no-options-step",
};

/** A switch of the page that ended without failing anything ("did not fire"), and why. */
export interface UnfiredFault {
  name: DemoFaultName;
  why: "no-general-step" | "no-options-step" | "skipped" | "ended";
}

/** The switch a report says did not fire, or null for one that fired or is not a switch of the page. */
export function unfiredFault(report: FaultReport): UnfiredFault | null {
  if (report.fired || report.reason === "cleared") return null;
  const name = (Object.keys(DEMO_FAULTS) as DemoFaultName[]).find(
    (candidate) =>
      DEMO_FAULTS[candidate].spec.promotion && DEMO_FAULTS[candidate].spec.route === report.route,
  );
  if (name === undefined) return null;
  return { name, why: report.reason === "step-skipped" ? (SKIPPED_STEP[name] ?? "skipped") : "ended" };
}
