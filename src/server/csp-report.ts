/**
 * The CSP report route for trials (`--csp-report`): browsers POST violations here
 * (report-uri: `application/csp-report`; report-to: `application/reports+json`). Each is
 * logged as one JSON line of facts: the directive, the blocked resource's origin (or its
 * keyword: inline, eval), the page's path, the disposition. Never the body as sent: a
 * report's URLs can carry query strings and fragments (codes, hints) and its `sample` a
 * piece of script or style. Always 204, so nothing a sender learns from the answer.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestHandler } from "./handler";

export const CSP_REPORT_PATH = "/csp-report";
/** Reports are small; anything bigger is dropped unread. */
const MAX_REPORT_BYTES = 16 * 1024;
/** At most this many violations logged from one request (report-to batches them). */
const MAX_REPORTS_PER_REQUEST = 20;

export interface CspViolation {
  msg: "csp-violation";
  directive: string;
  /** An origin, or a keyword such as "inline" / "eval"; never a path or query. */
  blocked: string;
  /** The page's path, without query or fragment. */
  page: string;
  disposition: string;
}

export type CspViolationLogger = (violation: CspViolation) => void;

export const jsonLinesCspLogger: CspViolationLogger = (violation) => {
  process.stdout.write(`${JSON.stringify(violation)}\n`);
};

export function createCspReportHandler(log: CspViolationLogger = jsonLinesCspLogger): RequestHandler {
  return (req, res, next) => {
    if ((req.url ?? "").split("?", 1)[0] !== CSP_REPORT_PATH) {
      next();
      return;
    }
    if (req.method !== "POST") {
      res.writeHead(405, { allow: "POST" }).end();
      return;
    }
    readSmall(req).then(
      (text) => {
        if (text !== null) for (const violation of violationsIn(text)) log(violation);
        answer(res);
      },
      () => answer(res),
    );
  };
}

function answer(res: ServerResponse): void {
  if (!res.headersSent) res.writeHead(204, { "cache-control": "no-store" });
  res.end();
}

function readSmall(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_REPORT_BYTES) chunks.push(chunk);
    });
    req.on("end", () => resolve(size > MAX_REPORT_BYTES ? null : Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** Both report formats, reduced to facts; anything else yields nothing. */
export function violationsIn(text: string): CspViolation[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return [];
  }
  const bodies: Record<string, unknown>[] = [];
  if (Array.isArray(value)) {
    // report-to: [{ type: "csp-violation", body: { effectiveDirective, blockedURL, documentURL, disposition } }]
    for (const report of value.slice(0, MAX_REPORTS_PER_REQUEST)) {
      if (isRecord(report) && report.type === "csp-violation" && isRecord(report.body))
        bodies.push(report.body);
    }
  } else if (isRecord(value) && isRecord(value["csp-report"])) {
    bodies.push(value["csp-report"]);
  }
  return bodies.map((body) => ({
    msg: "csp-violation",
    directive: token(body.effectiveDirective ?? body["effective-directive"] ?? body["violated-directive"]),
    blocked: blockedSource(body.blockedURL ?? body["blocked-uri"]),
    page: pathOnly(body.documentURL ?? body["document-uri"]),
    disposition: token(body.disposition),
  }));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A directive name or disposition: letters, digits and hyphens only. */
function token(value: unknown): string {
  return typeof value === "string" && /^[a-z0-9-]{1,40}$/i.test(value) ? value : "unknown";
}

function blockedSource(value: unknown): string {
  if (typeof value !== "string") return "unknown";
  if (/^[a-z-]{1,20}$/i.test(value)) return value; // "inline", "eval", "wasm-eval", "data"...
  try {
    const url = new URL(value);
    return url.origin === "null" ? `${url.protocol}` : url.origin;
  } catch {
    return "unknown";
  }
}

function pathOnly(value: unknown): string {
  if (typeof value !== "string") return "unknown";
  try {
    return new URL(value).pathname.slice(0, 200);
  } catch {
    return "unknown";
  }
}
