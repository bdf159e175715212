/**
 * The admin center API's routes, hosts, scope and roles, without the response schemas:
 * code that only needs these (the pane's start-up configuration and error wording) must
 * not pull the schema library into the pane's first download. wire.ts re-exports them.
 */
import type { DirectoryOperation } from "../contacts/directory-error";

/** The four calls the product makes. The relay forwards exactly these and nothing else. */
export const ADMIN_API_ROUTES = {
  search: { method: "POST", path: "/admin/api/Contact/GetContacts" },
  create: { method: "POST", path: "/admin/api/Contact" },
  updateGeneral: { method: "PUT", path: "/admin/api/Contact" },
  updateOptions: { method: "PUT", path: "/admin/api/Contact/options" },
} as const;

export type AdminApiRouteName = keyof typeof ADMIN_API_ROUTES;

const WRITE_ROUTES: ReadonlySet<AdminApiRouteName> = new Set(["create", "updateGeneral", "updateOptions"]);

/** The routes that change data: refused to a read-only caller, and possibly applied when they fail. */
export function isWriteRoute(route: AdminApiRouteName): boolean {
  return WRITE_ROUTES.has(route);
}

/** Production upstream. The newer admin.cloud.microsoft host did not serve this API when observed. */
export const DEFAULT_ADMIN_CENTER_BASE_URL = "https://admin.microsoft.com";

/** Exchange's roles, whatever the backend: they live with Exchange's other rules. */
export { EXCHANGE_WRITE_ROLES } from "../contacts/exchange-rules";

/** Builds the documented Exchange admin center deep link for a contact id. */
export function exchangeAdminCenterUrl(contactId: string): string {
  return `https://admin.exchange.microsoft.com/?landingpage=contacts/:/ContactDetails/mailContact/${encodeURIComponent(contactId)}&form=mac_sidebar`;
}

/** The seam operation each route serves: errors and retry notices speak the seam's words. */
export const ROUTE_OPERATIONS = {
  search: "findByAddress",
  create: "create",
  updateGeneral: "updateGeneral",
  updateOptions: "updateOptions",
} as const satisfies Record<AdminApiRouteName, DirectoryOperation>;
