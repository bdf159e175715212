/**
 * Bytes a browser downloads, as the server would send them compressed: gzip at level 9
 * and brotli at quality 11, computed here from the built files (the relay serves files
 * uncompressed; a CDN or reverse proxy in front compresses them, at best like this).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

export interface Weight {
  raw: number;
  gzip: number;
  brotli: number;
}

export interface WeighedFile extends Weight {
  file: string;
}

export const NO_WEIGHT: Weight = { raw: 0, gzip: 0, brotli: 0 };

export function weigh(content: Buffer): Weight {
  return {
    raw: content.length,
    gzip: gzipSync(content, { level: 9 }).length,
    brotli: brotliCompressSync(content, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
      },
    }).length,
  };
}

export function weighFiles(directory: string, files: readonly string[]): WeighedFile[] {
  return files.map((file) => ({ file, ...weigh(readFileSync(path.join(directory, file))) }));
}

export function total(weights: readonly Weight[]): Weight {
  return weights.reduce<Weight>(
    (sum, weight) => ({
      raw: sum.raw + weight.raw,
      gzip: sum.gzip + weight.gzip,
      brotli: sum.brotli + weight.brotli,
    }),
    NO_WEIGHT,
  );
}

export interface PageTags {
  /** Scripts and stylesheets the page's own tags load from our origin, as written in the page (relative). */
  local: string[];
  /** Scripts and stylesheets from elsewhere (Office.js from Microsoft's CDN). */
  external: string[];
}

const SCRIPT_TAG = /<script\b[^>]*>/gi;
const LINK_TAG = /<link\b[^>]*>/gi;

/** An attribute's value, quoted or not (minified HTML drops the quotes). */
function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, "i").exec(tag);
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

function isExternal(url: string): boolean {
  return /^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(url);
}

/** The JS and CSS a built HTML page loads through its own tags (what loads before its first paint). */
export function pageTags(html: string): PageTags {
  const urls: string[] = [];
  for (const [tag] of html.matchAll(SCRIPT_TAG)) {
    const src = attribute(tag, "src");
    if (src) urls.push(src);
  }
  for (const [tag] of html.matchAll(LINK_TAG)) {
    const href = attribute(tag, "href");
    const rel = attribute(tag, "rel")?.toLowerCase().split(/\s+/) ?? [];
    if (href && rel.includes("stylesheet")) urls.push(href);
  }
  return {
    local: urls.filter((url) => !isExternal(url)),
    external: urls.filter(isExternal),
  };
}

/** A page-relative or root-relative URL of a built page, as a path inside its build directory. */
export function builtFileOf(url: string): string {
  const withoutQuery = url.split(/[?#]/, 1)[0] ?? "";
  return decodeURIComponent(withoutQuery.replace(/^\.?\//, ""));
}
