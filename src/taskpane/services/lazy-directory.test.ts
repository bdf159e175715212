/**
 * The directory whose implementation is a chunk downloaded after the first paint: the
 * download starts at once, calls wait for it, a failed download is an "unavailable" failure
 * that Try again repairs, and a cancelled call does not wait for the download.
 */
import { isDirectoryError } from "../../contacts/directory-error";
import { FixedTokenProvider } from "../../auth/token-provider";
import type { ContactDirectory } from "../../contacts/directory";
import { DEMO_TOKENS, startEmulator, type RunningEmulator } from "../../emulator/server";
import { createNoticingDirectory } from "../../composition/directory-module";
import { createLazyDirectory } from "./lazy-directory";

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(() => emulator.reset({ contacts: [{ ContactExternalEmailAddress: "jane@fabrikam.com" }] }));

function emulatorDirectory(): ContactDirectory {
  return createNoticingDirectory({
    baseUrl: emulator.url,
    tokens: new FixedTokenProvider(DEMO_TOKENS.admin),
    fetch: (input, init) => fetch(input, init),
    onRetryNotice: () => {},
  });
}

/** A download the test answers. */
function download() {
  const pending: Array<{ resolve(directory: ContactDirectory): void; reject(error: Error): void }> = [];
  return {
    load: () => new Promise<ContactDirectory>((resolve, reject) => pending.push({ resolve, reject })),
    started: () => pending.length,
    arrive: () => pending.at(-1)?.resolve(emulatorDirectory()),
    fail: () => pending.at(-1)?.reject(new Error("ChunkLoadError: Loading chunk directory failed.")),
  };
}

test("starts downloading when created; a call waits for the download, then goes over HTTP", async () => {
  const chunk = download();
  const directory = createLazyDirectory(chunk.load);
  expect(chunk.started()).toBe(1);

  const lookup = directory.findByAddress("jane@fabrikam.com");
  expect(emulator.requests()).toHaveLength(0);
  chunk.arrive();
  expect((await lookup)?.address).toBe("jane@fabrikam.com");
  expect(emulator.requests()).toHaveLength(1);
  expect(chunk.started()).toBe(1);
});

test("a failed download: the call fails as 'unavailable' (Try again), and the next call downloads again", async () => {
  const chunk = download();
  const directory = createLazyDirectory(chunk.load);
  const first = directory.findByAddress("jane@fabrikam.com");
  chunk.fail();
  const error: unknown = await first.catch((failure: unknown) => failure);
  expect(isDirectoryError(error, "unavailable")).toBe(true);
  expect(error).toMatchObject({ reason: "download-failed" });
  expect(emulator.requests()).toHaveLength(0);

  const second = directory.findByAddress("jane@fabrikam.com");
  expect(chunk.started()).toBe(2);
  chunk.arrive();
  expect((await second)?.address).toBe("jane@fabrikam.com");
});

test("a call cancelled while the download is under way ends as 'aborted' at once", async () => {
  const chunk = download();
  const directory = createLazyDirectory(chunk.load);
  const controller = new AbortController();
  const lookup = directory.findByAddress("jane@fabrikam.com", { signal: controller.signal });
  controller.abort();
  const error: unknown = await lookup.catch((failure: unknown) => failure);
  expect(isDirectoryError(error, "aborted")).toBe(true);
  chunk.arrive();
  await Promise.resolve();
  expect(emulator.requests()).toHaveLength(0);
});
