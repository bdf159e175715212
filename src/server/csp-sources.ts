/**
 * The pane's CSP connect-src and frame-src from the build's own configuration, so that a
 * sovereign-cloud authority, a cross-origin API base or Microsoft Graph (suggestions) is
 * allowed exactly when the build uses it. The build writes the configuration it injected
 * into the bundle to dist/.build-config.json (public values only; the static server never
 * serves dotfiles); the server reads it from there, so the two cannot drift.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import {
  DEFAULT_AUTHORITY,
  GRAPH_BY_AUTHORITY_HOST,
  suggestionsEnabled,
  type BuildTimeConfig,
} from "../app-config";

/** Written by webpack.config.js beside the pages: what `__ADDIN_BUILD_CONFIG__` holds. */
export const BUILD_CONFIG_FILE = ".build-config.json";

export interface CspSources {
  /** Besides 'self': where the pane may fetch (identity platform, API base, Graph). */
  connect: string[];
  /** Besides 'self': what the pane may frame (MSAL's silent sign-in iframe). */
  frame: string[];
}

export function cspSourcesFor(config: BuildTimeConfig): CspSources {
  const authority = originOf(nonEmpty(config.authority) ?? DEFAULT_AUTHORITY, "ADDIN_AUTHORITY");
  const connect = [authority];
  const apiBase = nonEmpty(config.apiBaseUrl);
  if (apiBase) connect.push(originOf(apiBase, "ADDIN_API_BASE_URL"));
  if (suggestionsEnabled(config)) {
    const graph = nonEmpty(config.graphBaseUrl)
      ? originOf(config.graphBaseUrl!, "ADDIN_GRAPH_BASE_URL")
      : GRAPH_BY_AUTHORITY_HOST[new URL(authority).host];
    if (!graph) {
      throw new Error(
        `ADDIN_SUGGESTIONS is on, but Microsoft Graph's host for the authority ${authority} is not known: set ADDIN_GRAPH_BASE_URL.`,
      );
    }
    connect.push(graph);
  }
  return { connect: unique(connect), frame: [authority] };
}

/** The build's configuration from dist/, or null for a build that predates the file. */
export function readBuildConfig(distDir: string): BuildTimeConfig | null {
  const file = path.join(distDir, BUILD_CONFIG_FILE);
  if (!existsSync(file)) return null;
  const value: unknown = JSON.parse(readFileSync(file, "utf8"));
  if (typeof value !== "object" || value === null) throw new Error(`${file} is not a JSON object.`);
  const config: BuildTimeConfig = {};
  for (const [key, field] of Object.entries(value as Record<string, unknown>)) {
    if (typeof field === "string") (config as Record<string, string>)[key] = field;
  }
  return config;
}

/** An https origin (http only for localhost, as the pane's configuration allows). */
function originOf(value: string, variable: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${variable} is not a URL: ${value}`);
  }
  const local = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && local)) {
    throw new Error(`${variable} must be https: ${value}`);
  }
  return url.origin;
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
