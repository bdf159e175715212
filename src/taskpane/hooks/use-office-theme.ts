/**
 * Picks the Fluent theme that matches Outlook's: dark when Office's body background is
 * dark, light otherwise (and when the host does not report a theme).
 */
import { useEffect, useState } from "react";
import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";
import type { MailHost, OfficeThemeColors } from "../../office/mail-host";

/** WCAG relative luminance of a #rgb / #rrggbb colour, or null when it cannot be read. */
export function relativeLuminance(color: string): number | null {
  const hex = color.trim().replace(/^#/, "");
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join("") : hex;
  if (!/^[0-9a-f]{6}$/i.test(full)) return null;
  const channel = (offset: number) => {
    const value = parseInt(full.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

/**
 * Dark when white text would contrast better with the body background than black text:
 * the two contrast ratios are equal at a luminance of about 0.18.
 */
export function isDarkOfficeTheme(colors: OfficeThemeColors | null): boolean {
  if (!colors) return false;
  const luminance = relativeLuminance(colors.bodyBackgroundColor);
  return luminance !== null && luminance < 0.18;
}

export function fluentThemeFor(colors: OfficeThemeColors | null): Theme {
  return isDarkOfficeTheme(colors) ? webDarkTheme : webLightTheme;
}

/** The Fluent theme for the host's current Office theme, following OfficeThemeChanged. */
export function useOfficeTheme(host: MailHost): Theme {
  const [colors, setColors] = useState<OfficeThemeColors | null>(() => host.context.theme);
  useEffect(() => host.onThemeChanged(setColors), [host]);
  return fluentThemeFor(colors);
}
