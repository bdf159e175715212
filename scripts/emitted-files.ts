/**
 * The files the production build puts in dist/ that the manifest may point at: the HTML
 * pages and copied files, read from webpack.config.js itself (its HtmlWebpackPlugin and
 * CopyWebpackPlugin instances) rather than from a second, hand-kept list. Bundles with
 * content hashes are left out: the manifest never names them.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

interface CopyPattern {
  from: string;
  to?: string;
}

interface PluginLike {
  userOptions?: { filename?: unknown };
  patterns?: (string | CopyPattern)[];
}

/** Loads the production webpack configuration of the project at `root` and lists what it emits. */
export async function listEmittedPaths(root: string, env: Record<string, string> = {}): Promise<string[]> {
  const requireFromRoot = createRequire(path.join(root, "package.json"));
  const HtmlWebpackPlugin = requireFromRoot("html-webpack-plugin") as new (...args: never[]) => PluginLike;
  const CopyWebpackPlugin = requireFromRoot("copy-webpack-plugin") as new (...args: never[]) => PluginLike;
  const factory = requireFromRoot("./webpack.config.js") as (
    env: Record<string, string>,
    argv: { mode: string },
  ) => Promise<{ plugins?: unknown[] }>;
  const config = await factory(env, { mode: "production" });

  const emitted = new Set<string>();
  for (const plugin of config.plugins ?? []) {
    if (plugin instanceof HtmlWebpackPlugin) {
      const filename = plugin.userOptions?.filename;
      emitted.add(typeof filename === "string" ? filename : "index.html");
    } else if (plugin instanceof CopyWebpackPlugin) {
      for (const pattern of plugin.patterns ?? []) {
        for (const file of expandCopyPattern(
          root,
          typeof pattern === "string" ? { from: pattern } : pattern,
        )) {
          emitted.add(file);
        }
      }
    }
  }
  return [...emitted].sort();
}

/** The copy patterns this project uses: a file, a directory, or `dir/*.ext`. Anything else is refused loudly. */
export function expandCopyPattern(root: string, pattern: CopyPattern): string[] {
  const wildcard = pattern.from.indexOf("*");
  const sources: { absolute: string; relativeToBase: string }[] = [];
  let singleFile = false;
  if (wildcard !== -1) {
    const directory = path.dirname(pattern.from);
    const namePattern = path.basename(pattern.from);
    if (directory.includes("*") || !/^\*\.[\w.]+$/.test(namePattern)) {
      throw new Error(`Unsupported copy pattern "${pattern.from}": extend scripts/emitted-files.ts.`);
    }
    const extension = namePattern.slice(1);
    for (const name of readdirSync(path.join(root, directory)).sort()) {
      if (name.endsWith(extension))
        sources.push({ absolute: path.join(root, directory, name), relativeToBase: name });
    }
  } else {
    const absolute = path.join(root, pattern.from);
    if (!existsSync(absolute)) throw new Error(`Copy source "${pattern.from}" does not exist.`);
    if (statSync(absolute).isDirectory()) {
      for (const file of walk(absolute))
        sources.push({ absolute: file, relativeToBase: path.relative(absolute, file) });
    } else {
      singleFile = true;
      sources.push({ absolute, relativeToBase: path.basename(absolute) });
    }
  }
  return sources.map(({ absolute, relativeToBase }) =>
    toPosix(destination(pattern.to, absolute, relativeToBase, singleFile)),
  );
}

/** copy-webpack-plugin's rules for `to`: a template, a file name (single file), or a directory. */
function destination(
  to: string | undefined,
  absolute: string,
  relativeToBase: string,
  singleFile: boolean,
): string {
  if (!to) return relativeToBase;
  if (to.includes("[")) {
    const extension = path.extname(absolute);
    return to.replace(/\[name\]/g, path.basename(absolute, extension)).replace(/\[ext\]/g, extension);
  }
  return singleFile ? to : path.join(to, relativeToBase);
}

function walk(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

function toPosix(value: string): string {
  return value.split(path.sep).join("/");
}
