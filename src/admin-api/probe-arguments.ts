/**
 * Command-line arguments of the probe. The token is read from a file or the
 * environment, never from an argument (it would end up in shell history and process lists).
 */
import { readFile } from "node:fs/promises";

export const USAGE = `Usage: npm run probe -- --base-url URL [--token-file FILE] [--search TEXT]
  --base-url     e.g. https://admin.microsoft.com, a relay, or the emulator (http://127.0.0.1:4000)
  --token-file   a file holding the bearer token; otherwise ADMIN_CENTER_TOKEN is read
  --search       SearchString to send (default: empty, which lists all contacts)
Read-only: calls GetContacts once (twice when a NextLink comes back) and prints the
shape of the answer with every value masked.`;

export interface ProbeArguments {
  baseUrl: string;
  tokenFile?: string;
  searchString: string;
}

export function parseProbeArguments(argv: readonly string[]): ProbeArguments {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i]!;
    if (flag === "--help" || flag === "-h") throw new Error(USAGE);
    if (flag === "--token" || flag.startsWith("--token=")) {
      throw new Error(
        "Refusing --token: a token on the command line leaks into shell history. Use --token-file or ADMIN_CENTER_TOKEN.",
      );
    }
    const [name, inline] = flag.split(/=(.*)/s, 2) as [string, string | undefined];
    if (!["--base-url", "--token-file", "--search"].includes(name))
      throw new Error(`Unknown option ${name}\n${USAGE}`);
    const value = inline ?? argv[(i += 1)];
    if (value === undefined) throw new Error(`${name} needs a value\n${USAGE}`);
    values.set(name, value);
  }
  const baseUrl = values.get("--base-url");
  if (!baseUrl) throw new Error(`--base-url is required\n${USAGE}`);
  return { baseUrl, tokenFile: values.get("--token-file"), searchString: values.get("--search") ?? "" };
}

export async function readProbeToken(args: ProbeArguments, env: NodeJS.ProcessEnv): Promise<string> {
  const token = args.tokenFile
    ? (await readFile(args.tokenFile, "utf8")).trim()
    : (env.ADMIN_CENTER_TOKEN ?? "").trim();
  if (!token) throw new Error("No token: pass --token-file FILE or set ADMIN_CENTER_TOKEN.");
  return token.replace(/^Bearer\s+/i, "");
}
