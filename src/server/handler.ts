/**
 * The connect-style handler shape shared by the relay, the static files, the server and
 * webpack-dev-server (whose `setupMiddlewares` mounts handlers of exactly this shape).
 */
import type { IncomingMessage, ServerResponse } from "node:http";

/** Handles a request, or calls `next()` to pass it on to the next handler in the chain. */
export type RequestHandler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/** A handler that may be mounted last: without `next` it answers 404 itself. */
export type TerminalCapableHandler = (req: IncomingMessage, res: ServerResponse, next?: () => void) => void;
