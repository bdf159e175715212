/**
 * The relay's and server's own answers, in the `{"error": {"code", "message"}}` shape the
 * admin API client already understands. Messages are fixed texts: never an echo of the
 * request.
 */
import type { OutgoingHttpHeaders, ServerResponse } from "node:http";

export function sendJsonError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: OutgoingHttpHeaders = {},
): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = JSON.stringify({ error: { code, message } });
  res.writeHead(status, {
    ...headers,
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store",
  });
  res.end(body);
}
