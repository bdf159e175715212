/**
 * Serves the built pane (dist/) safely: GET and HEAD only, no path traversal (decoded
 * paths are checked segment by segment and the resolved real path must stay inside the
 * root, so symlinks cannot lead out either), no dotfiles, explicit content types, and
 * caching that matches how webpack names files: content-hashed assets are immutable,
 * everything else (the HTML first of all) is revalidated on every load so that a new
 * deployment is picked up at once.
 *
 * The query string is ignored: Office appends one (`_host_Info=...`) to the pane's URL.
 */
import { createReadStream } from "node:fs";
import { readFile, realpath, stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import type { TerminalCapableHandler } from "./handler";
import { sendJsonError } from "./json-response";

export const DEFAULT_INDEX_FILE = "taskpane.html";

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
};

/** webpack's `[name].[contenthash].[ext]` (or `-`): the name changes whenever the content does. */
const HASHED_FILE_PATTERN = /[.-][0-9a-f]{8,32}\.[a-z0-9.]+$/i;

export const IMMUTABLE_CACHE_CONTROL = "public, max-age=31536000, immutable";
export const REVALIDATE_CACHE_CONTROL = "no-cache";

export interface StaticOptions {
  /** The directory to serve (the webpack output, dist/). */
  root: string;
  /** Served for `/`. Default: taskpane.html. */
  indexFile?: string;
  /** Serve `*.map` files. Default off: source maps carry the whole source text. */
  serveSourceMaps?: boolean;
}

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? "application/octet-stream";
}

export function cacheControlFor(filePath: string): string {
  const base = path.basename(filePath);
  if (path.extname(base).toLowerCase() === ".html") return REVALIDATE_CACHE_CONTROL;
  return HASHED_FILE_PATTERN.test(base) ? IMMUTABLE_CACHE_CONTROL : REVALIDATE_CACHE_CONTROL;
}

/**
 * The path below the root a request target names, or null when it is not a plain,
 * safe relative path (encoded or literal `..`, dot segments, dotfiles, backslashes,
 * NUL, empty segments, malformed escapes).
 */
export function safeRelativePath(rawTarget: string | undefined, indexFile: string): string | null {
  if (rawTarget === undefined || !rawTarget.startsWith("/")) return null;
  const rawPath = rawTarget.split("?", 1)[0] ?? "";
  if (rawPath === "/") return indexFile;
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (/[\\\0]/.test(decoded)) return null;
  const segments = decoded.slice(1).split("/");
  for (const segment of segments) {
    if (segment === "" || segment.startsWith(".")) return null;
  }
  return segments.join("/");
}

export function createStaticHandler(options: StaticOptions): TerminalCapableHandler {
  const indexFile = options.indexFile ?? DEFAULT_INDEX_FILE;
  const notFound = (res: ServerResponse, next?: () => void): void => {
    if (next) next();
    else sendJsonError(res, 404, "NotFound", "Not found.");
  };

  return (req: IncomingMessage, res: ServerResponse, next?: () => void): void => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      notFound(res, next);
      return;
    }
    const relative = safeRelativePath(req.url, indexFile);
    if (relative === null || (!options.serveSourceMaps && relative.toLowerCase().endsWith(".map"))) {
      notFound(res, next);
      return;
    }
    resolveFile(options.root, relative).then(
      (file) => {
        if (file === null) notFound(res, next);
        else sendFile(req, res, file);
      },
      () => notFound(res, next),
    );
  };
}

interface ResolvedFile {
  realPath: string;
  size: number;
  mtime: Date;
}

async function resolveFile(root: string, relative: string): Promise<ResolvedFile | null> {
  let realRoot: string;
  try {
    realRoot = await realpath(root);
  } catch {
    return null;
  }
  const candidate = path.resolve(realRoot, relative);
  if (!isInside(realRoot, candidate)) return null;
  let realPath: string;
  try {
    realPath = await realpath(candidate);
  } catch {
    return null;
  }
  if (!isInside(realRoot, realPath)) return null;
  const info = await stat(realPath);
  if (!info.isFile()) return null;
  return { realPath, size: info.size, mtime: info.mtime };
}

function isInside(root: string, candidate: string): boolean {
  return candidate.startsWith(root.endsWith(path.sep) ? root : `${root}${path.sep}`);
}

function sendFile(req: IncomingMessage, res: ServerResponse, file: ResolvedFile): void {
  const etag = `W/"${file.size.toString(16)}-${Math.floor(file.mtime.getTime()).toString(16)}"`;
  res.setHeader("content-type", contentTypeFor(file.realPath));
  res.setHeader("cache-control", cacheControlFor(file.realPath));
  res.setHeader("etag", etag);
  res.setHeader("last-modified", file.mtime.toUTCString());
  const ifNoneMatch = req.headers["if-none-match"];
  if (ifNoneMatch !== undefined && ifNoneMatch.split(/\s*,\s*/).includes(etag)) {
    res.statusCode = 304;
    res.end();
    return;
  }
  res.setHeader("content-length", file.size);
  res.statusCode = 200;
  if (req.method === "HEAD") {
    res.end();
    return;
  }
  // Small files (every page and bundle) go out in one end(): the answer counts as sent even when
  // the client hangs up the moment it has the last byte. Larger ones (source maps) stream.
  if (file.size <= ONE_CALL_MAX_BYTES) {
    readFile(file.realPath).then(
      (data) => res.end(data),
      () => res.destroy(),
    );
    return;
  }
  const stream = createReadStream(file.realPath);
  stream.on("error", () => res.destroy());
  stream.pipe(res);
}

const ONE_CALL_MAX_BYTES = 4 * 1024 * 1024;
