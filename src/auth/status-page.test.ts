/**
 * @jest-environment jsdom
 *
 * The sign-in pages' title and status line speak the reader's language: the browser's at
 * once, Outlook's display language once the dialog has it; the pseudo-locales leave no
 * English and the right-to-left one mirrors the page.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { hasPlainLatin } from "../taskpane/locales/pseudo-text";
import { PAGE_STRINGS } from "../taskpane/page-strings";
import { signInPageLanguage, statusPage } from "./status-page";

function loadPage(file: string, languages: readonly string[]): void {
  const html = readFileSync(path.join(__dirname, file), "utf8").replace(/<%= officeJsUrl %>/g, "");
  document.documentElement.innerHTML = html.replace(/^<!doctype html>/i, "");
  Object.defineProperty(window.navigator, "languages", { value: languages, configurable: true });
}

const status = () => document.getElementById("status")?.textContent ?? "";

test("the dialog speaks the browser's German at once, and keeps its status when Outlook's language arrives", () => {
  loadPage("auth-dialog.html", ["de-DE", "en"]);
  const page = statusPage(document, "title", "preparing");
  expect(status()).toBe(PAGE_STRINGS.de.signInDialog.preparing);
  expect(document.title).toBe(PAGE_STRINGS.de.signInDialog.title);
  expect(document.documentElement).toHaveAttribute("lang", "de");
  page.show("opening");
  expect(status()).toBe(PAGE_STRINGS.de.signInDialog.opening);
  page.speak("en-US");
  expect(status()).toBe(PAGE_STRINGS.en.signInDialog.opening);
  expect(document.documentElement).toHaveAttribute("lang", "en");
});

test("Outlook's German display language wins over an English browser", () => {
  loadPage("auth-dialog.html", ["en-US"]);
  const page = statusPage(document, "title", "preparing");
  page.speak("de-AT");
  page.show("notConfigured");
  expect(status()).toBe(PAGE_STRINGS.de.signInDialog.notConfigured);
});

test("the redirect page, which has no Office.js, says its failure in the browser's language", () => {
  loadPage("auth-redirect.html", ["fr-FR", "de-CH"]);
  const page = statusPage(document, "redirectTitle", "finishing");
  expect(status()).toBe(PAGE_STRINGS.de.signInDialog.finishing);
  page.show("redirectFailed");
  expect(status()).toBe(PAGE_STRINGS.de.signInDialog.redirectFailed);
  expect(document.title).toBe(PAGE_STRINGS.de.signInDialog.redirectTitle);
});

test.each([
  ["qps-ploc", "ltr", "en-XA"],
  ["qps-plocm", "rtl", "ar-XB"],
])("in %s, every status and the title are pseudo-text, the page %s", (displayLanguage, direction, tag) => {
  loadPage("auth-dialog.html", ["en-US"]);
  const page = statusPage(document, "title", "preparing");
  page.speak(displayLanguage);
  expect(document.documentElement).toHaveAttribute("dir", direction);
  expect(document.documentElement).toHaveAttribute("lang", tag);
  for (const key of ["preparing", "opening", "returning", "failed", "notConfigured"] as const) {
    page.show(key);
    // The product's name is a name, not a sentence.
    expect(hasPlainLatin(status())).toBe(false);
  }
  expect(hasPlainLatin(document.title.replace("GAL Contact", ""))).toBe(false);
});

test.each<[unknown, readonly string[], string]>([
  ["de-DE", ["en-US"], "de"],
  ["", ["de-DE"], "de"],
  [undefined, ["fr-FR", "de"], "de"],
  [undefined, ["en-GB", "de"], "en"],
  [undefined, [], "en"],
  [42, ["qps-plocm"], "qps-plocm"],
])("display language %j with browser %j speaks %s", (displayLanguage, languages, expected) => {
  expect(signInPageLanguage(displayLanguage, { languages })).toBe(expected);
});
