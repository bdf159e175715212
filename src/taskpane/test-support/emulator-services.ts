/**
 * PaneServices wired to a backend's real client (the admin center's by default, or
 * Exchange's InvokeCommand) and a real emulator over HTTP,
 * for pane tests: what the pane shows is what the API answered, not what a fake said.
 * In jsdom, Node's fetch comes from the jsdom-with-fetch environment.
 */
import type { RetryPolicy } from "../../contacts/retry-policy";
import { FixedTokenProvider } from "../../auth/token-provider";
import type { OrganizationConfig } from "../../contacts/types";
import { DEMO_TOKENS, startEmulator, type EmulatorSeed, type RunningEmulator } from "../../emulator/server";
import type { PaneServices } from "../pane-services";
import { createNoticingDirectory } from "../../composition/directory-module";
import { createNoticingExchangeDirectory } from "../../composition/exchange-directory-module";
import { RetryNoticeHub } from "../services/retry-notices";
import { FakeMailHost } from "./fake-mail-host";

export type PaneBackend = "admin-center" | "exchange";
export const PANE_BACKENDS: readonly PaneBackend[] = ["admin-center", "exchange"];

export interface EmulatedPane {
  emulator: RunningEmulator;
  host: FakeMailHost;
  services: PaneServices;
  /** How many times the pane asked for an interactive sign-in. */
  signInCalls: () => number;
}

export const TEST_ORGANIZATION: OrganizationConfig = {
  internalDomains: ["contoso.com"],
  mailTipTemplate: "External contact: {displayName} from {company} ({domain}).",
};

interface EmulatedPaneOptions {
  seed?: EmulatorSeed;
  token?: string;
  host?: FakeMailHost;
  org?: OrganizationConfig;
  /** The client's own retries. Default: none, as most tests show the pane's handling of a failure. */
  retry?: Partial<RetryPolicy>;
  /** Which backend the pane is built for (ADDIN_BACKEND); default the admin center. */
  backend?: PaneBackend;
}

export async function startEmulatedPane(options: EmulatedPaneOptions = {}): Promise<EmulatedPane> {
  const emulator = await startEmulator({ port: 0, seed: options.seed });
  const retryNotices = new RetryNoticeHub();
  const common = {
    baseUrl: emulator.url,
    fetch: (input: string, init: RequestInit) => fetch(input, init),
    retry: options.retry ?? { maxAttempts: 1 },
    onRetryNotice: retryNotices.publish,
  };
  // The directory the production pane uses (one client per call, retry notices per address).
  const directory =
    options.backend === "exchange"
      ? createNoticingExchangeDirectory({
          ...common,
          tokens: new FixedTokenProvider(options.token ?? DEMO_TOKENS.exchangeAdmin),
          tenant: "contoso.onmicrosoft.com",
          user: "admin@contoso.onmicrosoft.com",
        })
      : createNoticingDirectory({
          ...common,
          tokens: new FixedTokenProvider(options.token ?? DEMO_TOKENS.admin),
        });
  let signIns = 0;
  const host = options.host ?? new FakeMailHost();
  return {
    emulator,
    host,
    services: {
      host,
      directory,
      org: options.org ?? TEST_ORGANIZATION,
      signInAgain: async () => {
        signIns += 1;
      },
      onRetryNotice: retryNotices.subscribe,
    },
    signInCalls: () => signIns,
  };
}

/**
 * One emulated pane for a test file: started before its tests, closed after them, and reset
 * to `seed()` before each. Its fields are filled in once the emulator runs.
 */
export function useEmulatedPane(
  options: EmulatedPaneOptions = {},
  seed: () => EmulatorSeed = () => ({}),
): EmulatedPane {
  const pane = {} as EmulatedPane;
  beforeAll(async () => {
    Object.assign(pane, await startEmulatedPane(options));
  });
  afterAll(async () => {
    await pane.emulator?.close();
  });
  beforeEach(() => {
    pane.emulator.reset(seed());
  });
  return pane;
}
