import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { DARK_OFFICE_THEME, LIGHT_OFFICE_THEME } from "../test-support/fake-mail-host";
import { fluentThemeFor, isDarkOfficeTheme, relativeLuminance } from "./use-office-theme";

test.each([
  ["#ffffff", 1],
  ["#000000", 0],
  ["#fff", 1],
])("relativeLuminance(%s) = %d", (color, expected) => {
  expect(relativeLuminance(color)).toBeCloseTo(expected, 5);
});

test("relativeLuminance refuses what is not a hex colour", () => {
  expect(relativeLuminance("rgb(0,0,0)")).toBeNull();
  expect(relativeLuminance("")).toBeNull();
});

test.each([
  ["Office white", LIGHT_OFFICE_THEME.bodyBackgroundColor, false],
  ["Office colorful", "#f3f2f1", false],
  ["mid grey, where black text reads better", "#808080", false],
  ["darker grey, where white text reads better", "#6a6a6a", true],
  ["Office black", "#262626", true],
  ["Outlook dark mode", DARK_OFFICE_THEME.bodyBackgroundColor, true],
])("%s (%s) is dark: %s", (_, background, dark) => {
  expect(isDarkOfficeTheme({ ...LIGHT_OFFICE_THEME, bodyBackgroundColor: background })).toBe(dark);
});

test("no theme from the host, or an unreadable one, means light", () => {
  expect(fluentThemeFor(null)).toBe(webLightTheme);
  expect(fluentThemeFor({ ...DARK_OFFICE_THEME, bodyBackgroundColor: "black" })).toBe(webLightTheme);
  expect(fluentThemeFor(DARK_OFFICE_THEME)).toBe(webDarkTheme);
});
