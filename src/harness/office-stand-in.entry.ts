/**
 * Script entry of the Office stand-in: loaded by the demo build's taskpane.html in place
 * of https://appsforoffice.microsoft.com/lib/1/hosted/office.js, before the pane's bundle.
 */
import { installOfficeStandIn } from "./office-stand-in";

installOfficeStandIn(window);
