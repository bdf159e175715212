/**
 * The pane's directory over real HTTP against the emulator: a throttled call is retried
 * by the client, and the pane hears about it (which call, which address, when) and
 * hears when that call is over; calls that were not retried say nothing.
 */
import { FixedTokenProvider } from "../auth/token-provider";
import { DEMO_TOKENS, startEmulator, type RunningEmulator } from "../emulator/server";
import { createNoticingDirectory } from "./directory-module";
import type { DirectoryRetryNotice } from "../taskpane/services/retry-notices";

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(() => emulator.reset({ contacts: [{ ContactExternalEmailAddress: "jane@fabrikam.com" }] }));

function directoryTelling(notices: DirectoryRetryNotice[]) {
  return createNoticingDirectory({
    baseUrl: emulator.url,
    tokens: new FixedTokenProvider(DEMO_TOKENS.admin),
    fetch: (input, init) => fetch(input, init),
    retry: { maxAttempts: 3 },
    onRetryNotice: (notice) => notices.push(notice),
  });
}

test("a throttled search: 'waiting' names the address and the server's delay, then 'finished' when it answered", async () => {
  emulator.addFault({ route: "search", status: 429, headers: { "Retry-After": "1" } });
  const notices: DirectoryRetryNotice[] = [];
  const directory = directoryTelling(notices);

  const found = await directory.findByAddress("jane@fabrikam.com");

  expect(found?.address).toBe("jane@fabrikam.com");
  expect(notices).toEqual([
    {
      kind: "waiting",
      call: expect.any(Number),
      address: "jane@fabrikam.com",
      operation: "findByAddress",
      attempt: 2,
      delayMs: 1000,
      reason: "throttled",
    },
    { kind: "finished", call: notices[0]?.call, address: "jane@fabrikam.com" },
  ]);
  expect(emulator.requests().filter((request) => request.path.endsWith("/GetContacts"))).toHaveLength(2);
});

test("each call is told apart; a call that was not retried says nothing", async () => {
  const notices: DirectoryRetryNotice[] = [];
  const directory = directoryTelling(notices);
  await directory.findByAddress("jane@fabrikam.com");
  expect(notices).toEqual([]);

  emulator.addFault({ route: "search", status: 503, headers: { "Retry-After": "1" } });
  const [jane, sam] = await Promise.all([
    directory.findByAddress("jane@fabrikam.com"),
    directory.findByAddress("sam@northwind.example"),
  ]);
  expect(jane?.address).toBe("jane@fabrikam.com");
  expect(sam).toBeNull();
  // One of the two concurrent searches met the fault; only its address is named.
  const waiting = notices.filter((notice) => notice.kind === "waiting");
  expect(waiting).toHaveLength(1);
  const finished = notices.filter((notice) => notice.kind === "finished");
  expect(finished).toEqual([{ kind: "finished", call: waiting[0]?.call, address: waiting[0]?.address }]);
});
