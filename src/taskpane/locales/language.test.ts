/** @jest-environment jsdom */
/** A language whose catalogue does not arrive: the pane still starts, in English. */
import { english, strings } from "../strings";
import { applyDisplayLanguage } from "./language";

jest.mock("./de", () => {
  throw new Error("the strings-de chunk did not download");
});

test("a German catalogue that fails to download leaves the pane in English", async () => {
  await applyDisplayLanguage("de-DE");
  expect(strings.verdict.missing).toBe(english.verdict.missing);
  expect(document.documentElement).toHaveAttribute("lang", "en");
  expect(document.documentElement).toHaveAttribute("dir", "ltr");
});
