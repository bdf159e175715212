/**
 * MSAL's nested app authentication on its own: the NAA controller and operating context without
 * the standard controller (popups, redirects, iframes), which is half of msal-browser's bytes
 * (31 KB gzip against 79 KB). msal-browser's index always bundles both, and its exports map
 * hides the files, so webpack's and tsconfig's "msal-naa" alias point at its dist/ and types/.
 * The same package version as the full chunk: one MSAL, loaded in two sizes.
 */
import type { Configuration } from "@azure/msal-browser";
import { NestedAppAuthController } from "msal-naa/controllers/NestedAppAuthController";
import { NestedAppOperatingContext } from "msal-naa/operatingcontext/NestedAppOperatingContext";
import type { NestableMsalClient } from "./nested-app-auth";

/** A client over Outlook's token broker, or null where the host has no NAA bridge (then the full MSAL). */
export async function createNestedAppAuthClient(
  configuration: Configuration,
): Promise<NestableMsalClient | null> {
  const context = new NestedAppOperatingContext(configuration);
  if (!(await context.initialize())) return null;
  const controller = new NestedAppAuthController(context);
  await controller.initialize();
  return controller;
}
