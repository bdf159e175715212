/**
 * Entry of auth-redirect.html, the redirect URI registered for the add-in: Microsoft Entra
 * sends the browser here after sign-in. MSAL's redirect bridge hands the response to the
 * window that started the sign-in (the pane's popup) or back to the dialog page that
 * started a redirect, and clears it from the address bar.
 */
import { broadcastResponseToMainFrame } from "@azure/msal-browser/redirect-bridge";
import { statusPage } from "./status-page";

// No Office.js here: the browser's language.
const page = statusPage(document, "redirectTitle", "finishing");
broadcastResponseToMainFrame().catch(() => page.show("redirectFailed"));
