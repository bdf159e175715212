/**
 * The relay's one Exchange route, `POST /adminapi/beta/{tenant}/InvokeCommand`, over real
 * HTTP: a recording upstream stands in for Exchange Online, so each test asserts what
 * reached it, or that nothing did. Only the product's cmdlets and their parameters pass.
 */
import type { AccessLogEntry } from "../../src/server/access-log";
import { hasDuplicateKeys } from "../../src/server/invoke-command-policy";
import { createRelayHandler, type RelayHandler } from "../../src/server/relay";
import { EXCHANGE_CMDLETS } from "../../src/exchange-rest/wire";
import {
  closedPortUrl,
  sendRaw,
  startRecordingUpstream,
  startStandaloneRelay,
  waitForEntries,
  type RecordingUpstream,
} from "./relay-harness";

const TOKEN = "eyJhbGciOiJub25lIn0.eyJhdWQiOiJodHRwczovL291dGxvb2sub2ZmaWNlMzY1LmNvbSJ9.c2lnbmF0dXJl";
const HEADERS = {
  authorization: `Bearer ${TOKEN}`,
  "content-type": "application/json",
  "x-anchormailbox": "UPN:admin@contoso.onmicrosoft.com",
};
const PATH = "/adminapi/beta/contoso.onmicrosoft.com/InvokeCommand";

let admin: RecordingUpstream;
let exchange: RecordingUpstream;
let relay: RelayHandler;
let relayServer: { url: string; close(): Promise<void> };
let logs: AccessLogEntry[];

beforeEach(async () => {
  logs = [];
  const sink = logs;
  admin = await startRecordingUpstream();
  exchange = await startRecordingUpstream();
  relay = createRelayHandler({
    upstream: admin.url,
    exchangeUpstream: exchange.url,
    maxBodyBytes: 4096,
    log: (entry) => sink.push(entry),
  });
  relayServer = await startStandaloneRelay(relay);
});

afterEach(async () => {
  await relayServer.close();
  relay.close();
  await admin.close();
  await exchange.close();
});

function invoke(body: unknown, path = PATH, headers: Record<string, string> = HEADERS) {
  return sendRaw(relayServer.url, {
    method: "POST",
    path,
    headers,
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

function cmdlet(name: string, parameters: Record<string, unknown> = {}) {
  return { CmdletInput: { CmdletName: name, Parameters: parameters } };
}

const ALLOWED: Array<[string, Record<string, unknown>]> = [
  ["Get-MailContact", { Filter: "ExternalEmailAddress -eq 'SMTP:ada@example.com'" }],
  ["Get-Contact", { Identity: "0f6b2c61-8e57-4d5e-a0cb-0c3c6d3f5f11" }],
  ["Get-Recipient", { Filter: "EmailAddresses -eq 'smtp:ada@example.com'", ResultSize: 1 }],
  [
    "New-MailContact",
    {
      Name: "Ada",
      ExternalEmailAddress: "ada@example.com",
      DisplayName: "Ada",
      FirstName: "Ada",
      LastName: "L",
    },
  ],
  ["Set-Contact", { Identity: "x", Company: "Analytical", Title: null, WebPage: "https://example.com" }],
  [
    "Set-MailContact",
    { Identity: "x", MailTip: "tip", HiddenFromAddressListsEnabled: true, CustomAttribute15: "y" },
  ],
];

describe("allowed", () => {
  it.each(ALLOWED)(
    "forwards %s with its parameters to Exchange's upstream, unchanged",
    async (name, parameters) => {
      const body = JSON.stringify(cmdlet(name, parameters));
      const response = await invoke(body);
      expect(response.status).toBe(200);
      expect(admin.requests).toHaveLength(0);
      expect(exchange.requests).toHaveLength(1);
      expect(exchange.requests[0]).toMatchObject({ method: "POST", url: PATH, body });
      expect(exchange.requests[0]!.headers["x-anchormailbox"]).toBe("UPN:admin@contoso.onmicrosoft.com");
      expect(exchange.requests[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
      expect((await waitForEntries(logs, 1))[0]).toMatchObject({
        route: name,
        path: PATH,
        upstreamStatus: 200,
      });
    },
  );

  it("forwards the nextLink form (one $skiptoken) to the same path and query", async () => {
    const body = JSON.stringify(cmdlet("Get-MailContact"));
    for (const query of ["?$skiptoken=40", "?%24skiptoken=abc-_.~=="]) {
      expect((await invoke(body, `${PATH}${query}`)).status).toBe(200);
    }
    expect(exchange.requests.map((request) => request.url)).toEqual([
      `${PATH}?$skiptoken=40`,
      `${PATH}?%24skiptoken=abc-_.~==`,
    ]);
  });

  it("forwards a tenant GUID as well as a domain", async () => {
    const path = "/adminapi/beta/11111111-2222-3333-4444-555555555555/InvokeCommand";
    expect((await invoke(cmdlet("Get-MailContact"), path)).status).toBe(200);
    expect(exchange.requests[0]!.url).toBe(path);
  });

  it("drops a malformed X-AnchorMailbox and every other header the browser sends", async () => {
    await invoke(cmdlet("Get-MailContact"), PATH, {
      ...HEADERS,
      "x-anchormailbox": "UPN:a@b.example, APP:x",
      cookie: "session=1",
      "x-ms-mac-hostingapp": "x",
    });
    const headers = exchange.requests[0]!.headers;
    expect(headers["x-anchormailbox"]).toBeUndefined();
    expect(headers.cookie).toBeUndefined();
    expect(headers["x-ms-mac-hostingapp"]).toBeUndefined();
  });

  it("never forwards X-AnchorMailbox to the admin center", async () => {
    await sendRaw(relayServer.url, {
      method: "POST",
      path: "/admin/api/Contact/GetContacts",
      headers: HEADERS,
      body: JSON.stringify({ SearchString: "", NextLink: "" }),
    });
    expect(admin.requests[0]!.headers["x-anchormailbox"]).toBeUndefined();
  });
});

describe("refused before the upstream", () => {
  const refusals: Array<[string, string | object, number, string]> = [
    ["Remove-Mailbox", cmdlet("Remove-Mailbox", { Identity: "ceo" }), 403, "CmdletNotAllowed"],
    [
      "Set-Mailbox",
      cmdlet("Set-Mailbox", { Identity: "ceo", ForwardingSmtpAddress: "x@evil.example" }),
      403,
      "CmdletNotAllowed",
    ],
    [
      "Add-MailboxPermission",
      cmdlet("Add-MailboxPermission", { Identity: "ceo", User: "me", AccessRights: "FullAccess" }),
      403,
      "CmdletNotAllowed",
    ],
    [
      "Remove-MailContact (undo is not offered)",
      cmdlet("Remove-MailContact", { Identity: "x" }),
      403,
      "CmdletNotAllowed",
    ],
    ["a cmdlet in another case", cmdlet("get-mailcontact"), 403, "CmdletNotAllowed"],
    [
      "an unknown parameter",
      cmdlet("Set-MailContact", { Identity: "x", ForwardingAddress: "x@evil.example" }),
      403,
      "ParameterNotAllowed",
    ],
    [
      "a parameter of another cmdlet",
      cmdlet("New-MailContact", { Name: "x", ExternalEmailAddress: "a@b.example", Company: "c" }),
      403,
      "ParameterNotAllowed",
    ],
    [
      "an object as a value",
      cmdlet("Set-Contact", { Identity: { CmdletName: "Remove-Mailbox" } }),
      403,
      "NotAllowed",
    ],
    [
      "CmdletInput nested twice",
      { CmdletInput: { CmdletInput: cmdlet("Remove-Mailbox").CmdletInput, CmdletName: "Get-MailContact" } },
      403,
      "NotAllowed",
    ],
    [
      "CmdletInput inside CmdletInput only",
      { CmdletInput: { CmdletInput: { CmdletName: "Get-MailContact" } } },
      403,
      "NotAllowed",
    ],
    [
      "a second top-level key",
      { ...cmdlet("Get-MailContact"), Batch: [cmdlet("Remove-Mailbox")] },
      403,
      "NotAllowed",
    ],
    ["an array body", [cmdlet("Get-MailContact")], 403, "NotAllowed"],
    [
      "duplicate CmdletName",
      '{"CmdletInput":{"CmdletName":"Get-MailContact","CmdletName":"Remove-Mailbox"}}',
      403,
      "DuplicateKey",
    ],
    [
      "duplicate keys hidden by an escape",
      '{"CmdletInput":{"CmdletName":"Get-MailContact","Cmdlet\\u004eame":"Remove-Mailbox"}}',
      403,
      "DuplicateKey",
    ],
    [
      "duplicate parameters",
      '{"CmdletInput":{"CmdletName":"Set-Contact","Parameters":{"Identity":"a","Identity":"b"}}}',
      403,
      "DuplicateKey",
    ],
    ["non-JSON", "CmdletName=Remove-Mailbox", 400, "InvalidJson"],
    ["an empty body", "", 400, "InvalidJson"],
  ];

  it.each(refusals)("%s", async (_label, body, status, code) => {
    const response = await invoke(body);
    expect(response.status).toBe(status);
    expect(JSON.parse(response.body)).toMatchObject({ error: { code } });
    expect(exchange.requests).toHaveLength(0);
    expect(admin.requests).toHaveLength(0);
  });

  it("a body over the size limit: 413", async () => {
    const response = await invoke(cmdlet("Set-MailContact", { Identity: "x", MailTip: "x".repeat(5000) }));
    expect(response.status).toBe(413);
    expect(exchange.requests).toHaveLength(0);
  });

  it("a body that is not application/json: 415", async () => {
    const response = await invoke(cmdlet("Get-MailContact"), PATH, {
      ...HEADERS,
      "content-type": "text/plain",
    });
    expect(response.status).toBe(415);
    expect(exchange.requests).toHaveLength(0);
  });

  it("no bearer token: 401", async () => {
    const response = await invoke(cmdlet("Get-MailContact"), PATH, { "content-type": "application/json" });
    expect(response.status).toBe(401);
    expect(exchange.requests).toHaveLength(0);
  });

  it.each([
    ["GET", PATH],
    ["POST", "/adminapi/beta/contoso.onmicrosoft.com/InvokeCommand/"],
    ["POST", "/adminapi/beta/contoso.onmicrosoft.com/invokecommand"],
    ["POST", "/adminapi/v2.0/contoso.onmicrosoft.com/InvokeCommand"],
    ["POST", "/adminapi/beta/contoso.onmicrosoft.com/Mailbox"],
    ["POST", "/adminapi/beta/../beta/contoso.onmicrosoft.com/InvokeCommand"],
    ["POST", "/adminapi/beta/contoso%2Fx/InvokeCommand"],
    ["POST", `${PATH}?$skiptoken=1&$filter=x`],
    ["POST", `${PATH}?$top=1000`],
    ["POST", `${PATH}?$skiptoken=a/b`],
  ])("%s %s: 404", async (method, path) => {
    const response = await sendRaw(relayServer.url, {
      method,
      path,
      headers: HEADERS,
      body: JSON.stringify(cmdlet("Get-MailContact")),
    });
    expect(response.status).toBe(404);
    expect(exchange.requests).toHaveLength(0);
  });

  it("every listed cmdlet is one the product sends: the allowlist is exactly EXCHANGE_CMDLETS", () => {
    expect(ALLOWED.map(([name]) => name).sort()).toEqual(Object.keys(EXCHANGE_CMDLETS).sort());
  });
});

describe("hasDuplicateKeys", () => {
  it.each([
    ['{"a":1,"b":{"a":2}}', false],
    ['{"a":"\\"a\\":1,","b":1}', false],
    ['[{"a":1},{"a":1}]', false],
    ['{"a":1,"a":2}', true],
    ['{"x":[1,{"k":1,"k":2}]}', true],
    ['{"\\u0061":1,"a":2}', true],
  ])("%s → %p", (text, expected) => {
    expect(hasDuplicateKeys(text)).toBe(expected);
  });
});

describe("upstream failures name the upstream the route goes to", () => {
  const GET = cmdlet("Get-MailContact", { Filter: "ExternalEmailAddress -eq 'SMTP:ada@example.com'" });

  async function restart(options: { timeoutMs?: number; exchangeUpstream?: string }) {
    await relayServer.close();
    relay.close();
    relay = createRelayHandler({ upstream: admin.url, exchangeUpstream: exchange.url, ...options });
    relayServer = await startStandaloneRelay(relay);
  }

  it("a timeout on InvokeCommand says Exchange Online did not answer, not the admin center", async () => {
    await restart({ timeoutMs: 250 });
    exchange.reply = () => "hang";
    const response = await invoke(GET);
    expect(response.status).toBe(504);
    expect(JSON.parse(response.body)).toEqual({
      error: { code: "UpstreamTimeout", message: "Exchange Online did not answer within 0.3 s." },
    });
    expect(admin.requests).toHaveLength(0);
  });

  it("an unreachable Exchange Online is named as such", async () => {
    await restart({ exchangeUpstream: await closedPortUrl() });
    const response = await invoke(GET);
    expect(response.status).toBe(502);
    expect(JSON.parse(response.body)).toEqual({
      error: { code: "UpstreamUnreachable", message: "Exchange Online could not be reached." },
    });
  });
});
