/**
 * The probe's command line (flags, token files, sign-in) and one run over the chosen
 * backends. cli.ts is the entry point.
 */
import { readFile } from "node:fs/promises";
import { BACKEND_SCOPES } from "../app-config";
import { tokenClaims } from "../exchange-rest/client";
import {
  formatVerdicts,
  impossibleAddress,
  probeAdminCenter,
  probeExchange,
  type BackendName,
  type BackendVerdict,
} from "./backends";
import { DeviceCodeSignIn, type TokenAttempt } from "./sign-in";

export const USAGE = `Usage: npm run probe -- --tenant TENANT --client-id ID [--backend admin-center|exchange|both]

Signs in with a device code (the token stays in memory), makes read-only calls to each
backend, and prints per backend: token issued (or the AADSTS code), each call allowed /
forbidden (and which role is missing) / refused, whether the answers have the shapes the
add-in expects (or which field differed), and the ADDIN_BACKEND line to build with.
It never writes to the directory.

  --tenant              tenant id (GUID) or a verified domain, e.g. contoso.onmicrosoft.com
  --client-id           application (client) id of the add-in's app registration
  --backend             admin-center, exchange or both (default both)
  --token-file FILE     use this bearer token instead of signing in (one backend only;
                        for both: --admin-center-token-file and --exchange-token-file)
  --admin-center-token-file FILE, --exchange-token-file FILE
  --user UPN            the signed-in user (default: from the token)
  --authority-host URL  default https://login.microsoftonline.com (sovereign clouds differ)
  --admin-center-url URL  default https://admin.microsoft.com (or a relay, or the emulator)
  --exchange-url URL      default https://outlook.office365.com (or a relay, or the emulator)
  --help                this text

Tokens are never accepted on the command line (shell history); use a token file.`;

export interface ProbeCliArguments {
  tenant: string;
  clientId?: string;
  backends: BackendName[];
  tokenFiles: Partial<Record<BackendName, string>>;
  user?: string;
  authorityHost?: string;
  adminCenterUrl?: string;
  exchangeUrl?: string;
}

export class UsageError extends Error {}

const VALUE_FLAGS = [
  "--tenant",
  "--client-id",
  "--backend",
  "--token-file",
  "--admin-center-token-file",
  "--exchange-token-file",
  "--user",
  "--authority-host",
  "--admin-center-url",
  "--exchange-url",
];

/** Parses the flags; null for --help. */
export function parseProbeCliArguments(argv: readonly string[]): ProbeCliArguments | null {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i]!;
    if (flag === "--help" || flag === "-h") return null;
    if (flag === "--token" || flag.startsWith("--token=")) {
      throw new UsageError(
        "Refusing --token: a token on the command line leaks into shell history. Use --token-file.",
      );
    }
    const [name, inline] = flag.split(/=(.*)/s, 2) as [string, string | undefined];
    if (!VALUE_FLAGS.includes(name)) throw new UsageError(`Unknown option ${name}`);
    const value = inline ?? argv[(i += 1)];
    if (value === undefined) throw new UsageError(`${name} needs a value`);
    values.set(name, value);
  }
  const tenant = values.get("--tenant");
  if (!tenant || !/^[A-Za-z0-9.-]{1,253}$/.test(tenant))
    throw new UsageError("--tenant is required (a GUID or a domain)");
  const backend = values.get("--backend") ?? "both";
  if (!["admin-center", "exchange", "both"].includes(backend)) {
    throw new UsageError("--backend must be admin-center, exchange or both");
  }
  const backends: BackendName[] =
    backend === "both" ? ["admin-center", "exchange"] : [backend as BackendName];
  const tokenFiles: Partial<Record<BackendName, string>> = {};
  const single = values.get("--token-file");
  if (single !== undefined) {
    if (backends.length !== 1) {
      throw new UsageError(
        "--token-file is for one backend; for both use --admin-center-token-file and --exchange-token-file",
      );
    }
    tokenFiles[backends[0]!] = single;
  }
  const adminFile = values.get("--admin-center-token-file");
  const exchangeFile = values.get("--exchange-token-file");
  if (adminFile) tokenFiles["admin-center"] = adminFile;
  if (exchangeFile) tokenFiles.exchange = exchangeFile;
  const clientId = values.get("--client-id");
  if (!clientId && backends.some((name) => tokenFiles[name] === undefined)) {
    throw new UsageError("--client-id is required to sign in (or give a token file per backend)");
  }
  return {
    tenant,
    clientId,
    backends,
    tokenFiles,
    user: values.get("--user"),
    authorityHost: values.get("--authority-host"),
    adminCenterUrl: values.get("--admin-center-url"),
    exchangeUrl: values.get("--exchange-url"),
  };
}

const SCOPES: Record<BackendName, string> = {
  "admin-center": BACKEND_SCOPES["admin-center"],
  exchange: BACKEND_SCOPES.exchange,
};

async function tokenFromFile(file: string): Promise<TokenAttempt> {
  const token = (await readFile(file, "utf8")).trim().replace(/^Bearer\s+/i, "");
  if (token === "") return { ok: false, errorCode: "empty_token_file" };
  const claims = tokenClaims(token);
  const user = [claims?.upn, claims?.preferred_username].find((value) => typeof value === "string");
  return { ok: true, token, user: (user as string | undefined) ?? "" };
}

export async function runProbeCli(
  args: ProbeCliArguments,
): Promise<{ verdicts: BackendVerdict[]; text: string }> {
  const signIn = args.clientId
    ? new DeviceCodeSignIn({
        clientId: args.clientId,
        tenant: args.tenant,
        authorityHost: args.authorityHost,
      })
    : null;
  const address = impossibleAddress();
  const verdicts: BackendVerdict[] = [];
  for (const backend of args.backends) {
    const file = args.tokenFiles[backend];
    const attempt = file ? await tokenFromFile(file) : await signIn!.token(SCOPES[backend]);
    if (!attempt.ok) {
      verdicts.push({
        backend,
        token: { issued: false, errorCode: attempt.errorCode },
        checks: [],
        works: false,
      });
      continue;
    }
    if (backend === "admin-center") {
      verdicts.push(await probeAdminCenter({ token: attempt.token, baseUrl: args.adminCenterUrl }, address));
      continue;
    }
    const user = args.user || attempt.user;
    if (!user) {
      verdicts.push({
        backend,
        token: { issued: true },
        checks: [
          {
            what: "who is signed in",
            call: "failed",
            note: "the token names no user: pass --user",
            shapeIssues: [],
          },
        ],
        works: false,
      });
      continue;
    }
    verdicts.push(
      await probeExchange(
        { token: attempt.token, baseUrl: args.exchangeUrl, tenant: args.tenant, user },
        address,
      ),
    );
  }
  return { verdicts, text: formatVerdicts(verdicts) };
}
