/** Server options from the command line and the environment (flags win). See cli.ts for the list. */
import path from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_ADMIN_CENTER_BASE_URL } from "../admin-api/wire";
import { DEFAULT_EXCHANGE_BASE_URL } from "../exchange-rest/wire-constants";
import { DEFAULT_RELAY_TIMEOUT_MS } from "./relay";
import { DEFAULT_FRAME_ANCESTORS } from "./security-headers";
import { normalizeBasePath, type ServerOptions } from "./server";

export function optionsFromCommandLine(argv: string[], env: NodeJS.ProcessEnv): ServerOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      port: { type: "string" },
      host: { type: "string" },
      dist: { type: "string" },
      upstream: { type: "string" },
      "exchange-upstream": { type: "string" },
      cert: { type: "string" },
      key: { type: "string" },
      "trust-proxy": { type: "boolean" },
      "frame-ancestor": { type: "string", multiple: true },
      "timeout-ms": { type: "string" },
      "base-path": { type: "string" },
      "csp-report": { type: "boolean" },
    },
  });
  const certPath = values.cert ?? env.TLS_CERT_PATH;
  const keyPath = values.key ?? env.TLS_KEY_PATH;
  if ((certPath === undefined) !== (keyPath === undefined)) {
    throw new Error("HTTPS needs both --cert and --key (TLS_CERT_PATH and TLS_KEY_PATH).");
  }
  return {
    port: parseInteger(values.port ?? env.PORT, 3000, "port"),
    host: values.host ?? env.HOST ?? "127.0.0.1",
    distDir: path.resolve(values.dist ?? env.DIST_DIR ?? "dist"),
    upstream: values.upstream ?? env.ADMIN_UPSTREAM ?? DEFAULT_ADMIN_CENTER_BASE_URL,
    exchangeUpstream: values["exchange-upstream"] ?? env.EXCHANGE_UPSTREAM ?? DEFAULT_EXCHANGE_BASE_URL,
    tls: certPath !== undefined && keyPath !== undefined ? { certPath, keyPath } : undefined,
    trustProxy: values["trust-proxy"] ?? isTruthy(env.TRUST_PROXY),
    frameAncestors: values["frame-ancestor"] ?? DEFAULT_FRAME_ANCESTORS,
    basePath: normalizeBasePath(values["base-path"] ?? env.BASE_PATH ?? ""),
    cspReports: values["csp-report"] ?? isTruthy(env.CSP_REPORT),
    relayTimeoutMs: parseInteger(
      values["timeout-ms"] ?? env.RELAY_TIMEOUT_MS,
      DEFAULT_RELAY_TIMEOUT_MS,
      "timeout",
    ),
  };
}

function parseInteger(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === "") return fallback;
  if (!/^\d+$/.test(value)) throw new Error(`Invalid ${name}: ${value}`);
  return Number(value);
}

function isTruthy(value: string | undefined): boolean {
  return value !== undefined && ["1", "true", "yes"].includes(value.toLowerCase());
}
