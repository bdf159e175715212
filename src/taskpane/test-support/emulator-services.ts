/**
 * PaneServices wired to the real admin center client and a real emulator over HTTP,
 * for pane tests: what the pane shows is what the API answered, not what a fake said.
 * In jsdom, Node's fetch comes from the jsdom-with-fetch environment.
 */
import { AdminCenterClient } from "../../admin-api/client";
import { AdminCenterDirectory } from "../../admin-api/directory-adapter";
import { FixedTokenProvider } from "../../auth/token-provider";
import type { OrganizationConfig } from "../../contacts/types";
import { DEMO_TOKENS, startEmulator, type EmulatorSeed, type RunningEmulator } from "../../emulator/server";
import type { PaneServices } from "../pane-services";
import { FakeMailHost } from "./fake-mail-host";

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

export async function startEmulatedPane(
  options: { seed?: EmulatorSeed; token?: string; host?: FakeMailHost; org?: OrganizationConfig } = {},
): Promise<EmulatedPane> {
  const emulator = await startEmulator({ port: 0, seed: options.seed });
  const client = new AdminCenterClient({
    baseUrl: emulator.url,
    tokens: new FixedTokenProvider(options.token ?? DEMO_TOKENS.admin),
    fetch: (input, init) => fetch(input, init),
    // Tests show the pane's own handling of throttling; the client's retries would only slow them down.
    retry: { maxAttempts: 1 },
  });
  let signIns = 0;
  const host = options.host ?? new FakeMailHost();
  return {
    emulator,
    host,
    services: {
      host,
      directory: new AdminCenterDirectory(client),
      org: options.org ?? TEST_ORGANIZATION,
      signInAgain: async () => {
        signIns += 1;
      },
    },
    signInCalls: () => signIns,
  };
}
