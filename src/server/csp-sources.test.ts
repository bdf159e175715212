/**
 * The served CSP follows the build's configuration: each setting that makes the pane talk
 * to another origin shows up in connect-src / frame-src, and nothing else does. Proven on
 * the policy text and over HTTP against a server reading dist/.build-config.json.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { BuildTimeConfig } from "../app-config";
import { BUILD_CONFIG_FILE, cspSourcesFor } from "./csp-sources";
import { contentSecurityPolicy } from "./security-headers";
import { startServer } from "./server";

function directives(csp: string): Map<string, string> {
  return new Map(
    csp.split("; ").map((directive) => {
      const [name, ...values] = directive.split(" ");
      return [name!, values.join(" ")];
    }),
  );
}

function policyFor(config: BuildTimeConfig): Map<string, string> {
  const sources = cspSourcesFor(config);
  return directives(contentSecurityPolicy({ connectSources: sources.connect, frameSources: sources.frame }));
}

describe("cspSourcesFor", () => {
  it.each<[string, BuildTimeConfig, string, string]>([
    [
      "the default authority",
      {},
      "'self' https://login.microsoftonline.com",
      "'self' https://login.microsoftonline.com",
    ],
    [
      "a tenant authority on the public cloud",
      { authority: "https://login.microsoftonline.com/contoso.onmicrosoft.com" },
      "'self' https://login.microsoftonline.com",
      "'self' https://login.microsoftonline.com",
    ],
    [
      "a US Government authority",
      { authority: "https://login.microsoftonline.us/contoso.onmicrosoft.us" },
      "'self' https://login.microsoftonline.us",
      "'self' https://login.microsoftonline.us",
    ],
    [
      "a cross-origin API base",
      { apiBaseUrl: "https://relay.contoso.com/gal" },
      "'self' https://login.microsoftonline.com https://relay.contoso.com",
      "'self' https://login.microsoftonline.com",
    ],
    [
      "suggestions on (Microsoft Graph)",
      { suggestions: "on" },
      "'self' https://login.microsoftonline.com https://graph.microsoft.com",
      "'self' https://login.microsoftonline.com",
    ],
    [
      "suggestions on in the China cloud",
      { suggestions: "on", authority: "https://login.chinacloudapi.cn/organizations" },
      "'self' https://login.chinacloudapi.cn https://microsoftgraph.chinacloudapi.cn",
      "'self' https://login.chinacloudapi.cn",
    ],
    [
      "suggestions off",
      { suggestions: "" },
      "'self' https://login.microsoftonline.com",
      "'self' https://login.microsoftonline.com",
    ],
  ])("%s", (_name, config, connect, frame) => {
    const policy = policyFor(config);
    expect(policy.get("connect-src")).toBe(connect);
    expect(policy.get("frame-src")).toBe(frame);
  });

  it("asks for Graph's URL where the cloud's Graph host is not known", () => {
    expect(() =>
      cspSourcesFor({ suggestions: "on", authority: "https://login.example.sovereign/x" }),
    ).toThrow(/ADDIN_GRAPH_BASE_URL/);
    expect(
      cspSourcesFor({
        suggestions: "on",
        authority: "https://login.example.sovereign/x",
        graphBaseUrl: "https://graph.example.sovereign/v1.0",
      }).connect,
    ).toEqual(["https://login.example.sovereign", "https://graph.example.sovereign"]);
  });

  it("refuses a source that is not https", () => {
    expect(() => cspSourcesFor({ apiBaseUrl: "http://relay.contoso.com" })).toThrow(/ADDIN_API_BASE_URL/);
  });
});

describe("the server's CSP comes from dist/.build-config.json", () => {
  it.each<[BuildTimeConfig, string]>([
    [{ authority: "https://login.microsoftonline.us/contoso" }, "'self' https://login.microsoftonline.us"],
    [
      { apiBaseUrl: "https://relay.contoso.com", suggestions: "on" },
      "'self' https://login.microsoftonline.com https://relay.contoso.com https://graph.microsoft.com",
    ],
  ])("%j", async (config, connect) => {
    const distDir = mkdtempSync(path.join(tmpdir(), "csp-dist-"));
    writeFileSync(path.join(distDir, "taskpane.html"), "<!doctype html><title>pane</title>");
    writeFileSync(path.join(distDir, BUILD_CONFIG_FILE), JSON.stringify(config));
    const server = await startServer({ port: 0, distDir, log: () => undefined });
    try {
      const response = await fetch(`${server.url}/taskpane.html`);
      const policy = directives(response.headers.get("content-security-policy") ?? "");
      expect(policy.get("connect-src")).toBe(connect);
      expect((await fetch(`${server.url}/${BUILD_CONFIG_FILE}`)).status).toBe(404);
    } finally {
      await server.close();
      rmSync(distDir, { recursive: true, force: true });
    }
  });
});
