/**
 * @jest-environment jsdom
 *
 * taskpane.html's classic script: in Trident and EdgeHTML webviews (where the ES2022
 * bundle never starts) it swaps the loading skeleton for the "not supported" message;
 * everywhere else it does nothing. It must itself parse as ES5.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "acorn";
import { PAGE_STRINGS } from "./page-strings";

const SCRIPT = readFileSync(path.join(__dirname, "unsupported-host.js"), "utf8");
const PAGE = readFileSync(path.join(__dirname, "taskpane.html"), "utf8");

const USER_AGENTS = {
  trident:
    "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; ms-office; MSOffice 16) like Gecko",
  edgeHtml:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045",
  webView2:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
  safari:
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15",
};

/** The page as the build renders it: the two template values this test needs, escaped like `<%-`. */
function renderedPage(): string {
  const escape = (text: string) =>
    text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  return PAGE.replace(/<%= officeJsUrl %>/g, "").replace(
    /<%- unsupportedHost\.(en|de)\.(title|body) %>/g,
    (_all, language: "en" | "de", part: "title" | "body") =>
      escape(PAGE_STRINGS[language].unsupportedHost[part]),
  );
}

/** The browser's language as IE reports it (`userLanguage`) or as later browsers do (`language`). */
type BrowserLanguage = { language?: string; userLanguage?: string };

function loadPageAs(userAgent: string, browserLanguage: BrowserLanguage = { language: "en-US" }): void {
  const html = renderedPage();
  expect(html).not.toContain("<%");
  document.documentElement.innerHTML = html.replace(/^<!doctype html>/i, "");
  document.documentElement.lang = "en";
  Object.defineProperty(window.navigator, "userAgent", { value: userAgent, configurable: true });
  Object.defineProperty(window.navigator, "language", {
    value: browserLanguage.language,
    configurable: true,
  });
  Object.defineProperty(window.navigator, "userLanguage", {
    value: browserLanguage.userLanguage,
    configurable: true,
  });
  // The page's script, as the browser would run it after #root and the message are parsed.
  window.eval(SCRIPT);
}

function visibleText(): string {
  const root = document.getElementById("root");
  const messages = ["unsupported-host", "unsupported-host-de"].map((id) => document.getElementById(id));
  return [
    root?.textContent ?? "",
    ...messages.map((message) => (message?.style.display === "none" ? "" : (message?.textContent ?? ""))),
  ]
    .join(" ")
    .replace(/\s+/g, " ");
}

const english = PAGE_STRINGS.en.unsupportedHost;
const german = PAGE_STRINGS.de.unsupportedHost;

describe("unsupported-host.js", () => {
  it("is classic ES5", () => {
    expect(() => parse(SCRIPT, { ecmaVersion: 5 })).not.toThrow();
  });

  it("is loaded by taskpane.html as a separate file (the CSP allows no inline script)", () => {
    expect(PAGE).toContain('<script src="unsupported-host.js"></script>');
  });

  it.each([
    ["Trident", USER_AGENTS.trident],
    ["EdgeHTML", USER_AGENTS.edgeHtml],
  ])("in %s, replaces the skeleton with the not-supported message", (_name, userAgent) => {
    loadPageAs(userAgent);
    expect(document.getElementById("root")).toBeNull();
    expect(visibleText()).toContain(english.title);
    expect(visibleText()).not.toContain(german.title);
    expect(document.getElementById("unsupported-host")?.getAttribute("role")).toBe("alert");
  });

  it.each<[string, BrowserLanguage]>([
    ["IE's userLanguage de-DE", { userLanguage: "de-DE" }],
    ["navigator.language de-AT", { language: "de-AT" }],
    ["navigator.language de", { language: "de" }],
  ])("in German (%s), says it in German and marks the page German", (_name, browserLanguage) => {
    loadPageAs(USER_AGENTS.trident, browserLanguage);
    expect(visibleText()).toContain(german.title);
    expect(visibleText()).toContain(german.body);
    expect(visibleText()).not.toContain(english.title);
    expect(document.documentElement.lang).toBe("de");
    expect(document.getElementById("unsupported-host-de")?.getAttribute("role")).toBe("alert");
  });

  it.each<[string, BrowserLanguage]>([
    ["French", { language: "fr-FR" }],
    ["a tag that only starts with de", { userLanguage: "dev" }],
    ["none", {}],
  ])("in any other language (%s), says it in English", (_name, browserLanguage) => {
    loadPageAs(USER_AGENTS.edgeHtml, browserLanguage);
    expect(visibleText()).toContain(english.title);
    expect(visibleText()).not.toContain(german.title);
    expect(document.documentElement.lang).toBe("en");
  });

  it.each([
    ["WebView2", USER_AGENTS.webView2],
    ["Safari (Outlook for Mac)", USER_AGENTS.safari],
  ])("in %s, leaves the page to the bundle", (_name, userAgent) => {
    loadPageAs(userAgent);
    expect(document.getElementById("root")).not.toBeNull();
    expect(visibleText()).not.toContain(english.title);
  });
});
