/**
 * GraphMailClient over real HTTP against the emulator's /v1.0/me/mailFolders/inbox/messages:
 * the Inbox only (never Junk Email or Deleted Items), senders and dates asked for, paging
 * through @odata.nextLink, the date window, 429 with Retry-After
 * (the one retry policy, per page), the token's audience, and the seam's error facts. Then
 * the whole suggestion pipeline (read, rank, drop those in the directory) over the same HTTP.
 */
import { FixedTokenProvider, type TokenProvider } from "../../src/auth/token-provider";
import { DirectoryError } from "../../src/contacts/directory-error";
import { rankFrequentSenders, windowStart } from "../../src/contacts/suggestions";
import { syntheticMail } from "../../src/emulator/graph-mail";
import { DEMO_TOKENS, startEmulator, type RunningEmulator } from "../../src/emulator/server";
import { GraphMailClient, type GraphMailClientOptions } from "../../src/graph/client";

const NOW = new Date("2026-11-30T12:00:00Z");
const SENDERS = [
  { name: "Ana Lima", address: "ana@supplier.example", messages: 12, withinDays: 25 },
  { name: "Bo Berg", address: "bo@vendor.example", messages: 7, withinDays: 20 },
  { name: "Lee Gu", address: "lee.gu@contoso.com", messages: 9, withinDays: 20 },
  { name: "No Reply", address: "no-reply@shop.example", messages: 6, withinDays: 20 },
  // Only half of Old Timer's mail is inside the 30 days.
  { name: "Old Timer", address: "old@archive.example", messages: 10, withinDays: 60 },
];
/** A spammer who writes more than anyone, all of it in Junk Email, and a deleted newsletter. */
const ELSEWHERE = [
  ...syntheticMail(NOW, [
    { name: "Prize Desk", address: "win@prize.example", messages: 30, withinDays: 10 },
  ]).map((message) => ({ ...message, folder: "junkemail" as const })),
  ...syntheticMail(NOW, [
    { name: "Deals", address: "deals@shop2.example", messages: 15, withinDays: 10 },
  ]).map((message) => ({ ...message, folder: "deleteditems" as const })),
];
const INBOX = syntheticMail(NOW, SENDERS);
const MAIL = [...INBOX, ...ELSEWHERE];
const INBOX_PATH = "/v1.0/me/mailFolders/inbox/messages";

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, seed: { mail: MAIL } });
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(() => {
  emulator.reset({ mail: MAIL });
});

function clientFor(options: Partial<GraphMailClientOptions> = {}): GraphMailClient {
  return new GraphMailClient({
    baseUrl: emulator.url,
    tokens: new FixedTokenProvider(DEMO_TOKENS.graph),
    timeoutMs: 5000,
    pageSize: 10,
    ...options,
  });
}

const since = windowStart(NOW, 30);

describe("GraphMailClient against the emulator", () => {
  it("reads every message of the window, page by page, asking for sender and date only", async () => {
    const result = await clientFor().receivedSince(since);
    const inWindow = INBOX.filter((message) => Date.parse(message.receivedDateTime) >= since.getTime());
    expect(result.truncated).toBe(false);
    expect(result.messages).toHaveLength(inWindow.length);
    expect(inWindow.length).toBeGreaterThan(30);
    // Newest first, and nothing but from and date came back.
    const dates = result.messages.map((message) => Date.parse(message.receivedDateTime));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(Object.keys(result.messages[0]!).sort()).toEqual(["from", "receivedDateTime"]);
    const requests = emulator.requests().filter((request) => request.path === INBOX_PATH);
    expect(requests).toHaveLength(Math.ceil(inWindow.length / 10));
    expect(requests.every((request) => request.status === 200)).toBe(true);
  });

  it("reads the Inbox only: Junk Email and Deleted Items are not counted", async () => {
    const { messages } = await clientFor().receivedSince(since);
    const senders = new Set(messages.map((message) => message.from?.emailAddress));
    expect(senders).not.toContain("win@prize.example");
    expect(senders).not.toContain("deals@shop2.example");
    expect(senders).toContain("ana@supplier.example");
    // The emulator serves the other folders (so the test above could fail) and no longer /me/messages.
    const junk = await fetch(
      `${emulator.url}/v1.0/me/mailFolders/JunkEmail/messages?$select=from,receivedDateTime&$top=1`,
      { headers: { authorization: `Bearer ${DEMO_TOKENS.graph}` } },
    );
    expect(((await junk.json()) as { value: unknown[] }).value).toHaveLength(1);
    const everything = await fetch(`${emulator.url}/v1.0/me/messages`, {
      headers: { authorization: `Bearer ${DEMO_TOKENS.graph}` },
    });
    expect(everything.status).toBe(404);
  });

  it("follows a nextLink in OData's key form for the Inbox, and refuses one to another folder", async () => {
    const pages = [
      {
        value: [{ receivedDateTime: NOW.toISOString() }],
        "@odata.nextLink": `${emulator.url}/v1.0/me/mailFolders('Inbox')/messages?$skip=1`,
      },
      {
        value: [{ receivedDateTime: NOW.toISOString() }],
        "@odata.nextLink": `${emulator.url}/v1.0/me/mailFolders/junkemail/messages?$skip=2`,
      },
    ];
    const urls: string[] = [];
    const failure = await clientFor({
      fetch: async (input) => {
        urls.push(input);
        return new Response(JSON.stringify(pages[urls.length - 1]), {
          status: 200,
          headers: { "content-type": "application/json" },
        });
      },
    })
      .receivedSince(since)
      .catch((error: unknown) => error);
    expect(urls).toHaveLength(2);
    expect(failure).toMatchObject({ kind: "protocol", reason: "unexpected-shape" });
  });

  it("sends $select=from,receivedDateTime and the window's start in $filter", async () => {
    const urls: string[] = [];
    await clientFor({
      fetch: (input, init) => {
        urls.push(input);
        return fetch(input, init);
      },
    }).receivedSince(since);
    const first = new URL(urls[0]!);
    expect(first.searchParams.get("$select")).toBe("from,receivedDateTime");
    expect(first.searchParams.get("$filter")).toBe(`receivedDateTime ge ${since.toISOString()}`);
    // Later pages follow nextLink on the same base URL.
    expect(urls.slice(1).every((url) => url.startsWith(`${emulator.url}${INBOX_PATH}?`))).toBe(true);
    expect(new URL(urls[1]!).searchParams.get("$skip")).toBe("10");
  });

  it("stops after maxPages and says the counts cover only the newest messages", async () => {
    const result = await clientFor({ maxPages: 2 }).receivedSince(since);
    expect(result).toMatchObject({ truncated: true });
    expect(result.messages).toHaveLength(20);
  });

  it("waits out a 429 with Retry-After and repeats only the throttled page", async () => {
    const waits: number[] = [];
    const notices: string[] = [];
    let pages = 0;
    // Let the first page through, throttle the second once.
    const counting = clientFor({
      retry: { sleep: async (ms) => void waits.push(ms) },
      onRetry: (notice) => notices.push(notice.operation),
      fetch: (input, init) => {
        pages += 1;
        if (pages === 2)
          emulator.addFault({ route: "graphMessages", status: 429, headers: { "Retry-After": "3" } });
        return fetch(input, init);
      },
    });
    const result = await counting.receivedSince(since);
    expect(waits).toEqual([3000]);
    expect(notices).toEqual(["readMail"]);
    const statuses = emulator
      .requests()
      .filter((request) => request.path === INBOX_PATH)
      .map((request) => request.status);
    expect(statuses.slice(0, 3)).toEqual([200, 429, 200]);
    expect(result.messages).toHaveLength(
      INBOX.filter((message) => Date.parse(message.receivedDateTime) >= since.getTime()).length,
    );
  });

  it("gives up on sustained throttling with a throttled error carrying Retry-After", async () => {
    emulator.addFault({ route: "graphMessages", status: 429, times: 10, headers: { "Retry-After": "60" } });
    const failure = await clientFor()
      .receivedSince(since)
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DirectoryError);
    expect(failure).toMatchObject({
      kind: "throttled",
      retryAfterMs: 60_000,
      operation: "readMail",
      status: 429,
    });
  });

  it("is not hit by a '*' fault meant for the directory's calls", async () => {
    emulator.addFault({ route: "*", status: 500 });
    await expect(clientFor().receivedSince(since)).resolves.toMatchObject({ truncated: false });
  });

  it("refuses a token for another service with 401, after one silent refresh", async () => {
    const requests: Array<{ forceRefresh?: boolean }> = [];
    const tokens: TokenProvider = {
      getToken: async (request = {}) => {
        requests.push({ forceRefresh: request.forceRefresh ?? false });
        return DEMO_TOKENS.admin;
      },
    };
    const failure = await clientFor({ tokens })
      .receivedSince(since)
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ kind: "unauthenticated", status: 401, operation: "readMail" });
    expect(requests).toEqual([{ forceRefresh: false }, { forceRefresh: true }]);
  });

  it("says forbidden when Graph refuses the permission (no consent to Mail.ReadBasic)", async () => {
    emulator.addFault({
      route: "graphMessages",
      status: 403,
      body: { error: { code: "ErrorAccessDenied", message: "Access is denied." } },
    });
    const failure = await clientFor()
      .receivedSince(since)
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ kind: "forbidden", status: 403 });
    expect((failure as DirectoryError).message).toContain("ErrorAccessDenied");
  });

  it("says unavailable when the connection drops, and never puts the token in the error", async () => {
    emulator.addFault({ route: "graphMessages", drop: true, times: 4 });
    const failure = await clientFor()
      .receivedSince(since)
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ kind: "unavailable", reason: "no-answer" });
    expect(JSON.stringify(failure)).not.toContain(DEMO_TOKENS.graph);
    expect(String((failure as Error).message)).not.toContain(DEMO_TOKENS.graph);
  });
});

describe("suggestions over HTTP", () => {
  it("ranks the seeded frequent external senders, without colleagues, automated mail or old mail", async () => {
    const { messages } = await clientFor().receivedSince(since);
    const ranked = rankFrequentSenders(messages, {
      now: NOW,
      userAddress: "megan@contoso.com",
      org: { internalDomains: [] },
    });
    expect(ranked.senders.map((sender) => [sender.address, sender.messageCount])).toEqual([
      ["ana@supplier.example", 12],
      ["bo@vendor.example", 7],
      ["old@archive.example", 5],
    ]);
    expect(ranked.excluded).toMatchObject({ internal: 9, automated: 6 });
  });
});
