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
import { pageStrings } from "./page-strings";

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
  return PAGE.replace(/<%= officeJsUrl %>/g, "")
    .replace(/<%- unsupportedHost\.title %>/g, escape(pageStrings.unsupportedHost.title))
    .replace(/<%- unsupportedHost\.body %>/g, escape(pageStrings.unsupportedHost.body));
}

function loadPageAs(userAgent: string): void {
  const html = renderedPage();
  expect(html).not.toContain("<%");
  document.documentElement.innerHTML = html.replace(/^<!doctype html>/i, "");
  Object.defineProperty(window.navigator, "userAgent", { value: userAgent, configurable: true });
  // The page's script, as the browser would run it after #root and the message are parsed.
  window.eval(SCRIPT);
}

function visibleText(): string {
  const root = document.getElementById("root");
  const message = document.getElementById("unsupported-host");
  return [root?.textContent ?? "", message?.style.display === "none" ? "" : (message?.textContent ?? "")]
    .join(" ")
    .replace(/\s+/g, " ");
}

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
    expect(visibleText()).toContain(pageStrings.unsupportedHost.title);
    expect(document.getElementById("unsupported-host")?.getAttribute("role")).toBe("alert");
  });

  it.each([
    ["WebView2", USER_AGENTS.webView2],
    ["Safari (Outlook for Mac)", USER_AGENTS.safari],
  ])("in %s, leaves the page to the bundle", (_name, userAgent) => {
    loadPageAs(userAgent);
    expect(document.getElementById("root")).not.toBeNull();
    expect(visibleText()).not.toContain(pageStrings.unsupportedHost.title);
  });
});
