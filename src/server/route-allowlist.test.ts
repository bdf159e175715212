import { ADMIN_API_ROUTES } from "../admin-api/wire";
import { claimsAdminApiPath, matchAllowedRoute } from "./route-allowlist";

describe("matchAllowedRoute", () => {
  it("matches each of the four routes by exact method and path", () => {
    for (const [name, route] of Object.entries(ADMIN_API_ROUTES)) {
      expect(matchAllowedRoute(route.method, route.path)).toBe(name);
    }
  });

  it.each([
    ["PUT", ADMIN_API_ROUTES.search.path],
    ["GET", ADMIN_API_ROUTES.create.path],
    ["post", ADMIN_API_ROUTES.create.path],
    ["POST", `${ADMIN_API_ROUTES.create.path}/`],
    ["POST", `${ADMIN_API_ROUTES.create.path}?`],
    ["POST", ADMIN_API_ROUTES.create.path.toLowerCase()],
    ["POST", "/admin/api/Contact%2FGetContacts"],
    ["PUT", "/admin/api/Contact/./options"],
    [undefined, ADMIN_API_ROUTES.create.path],
    ["POST", undefined],
  ])("refuses %s %s", (method, target) => {
    expect(matchAllowedRoute(method, target)).toBeNull();
  });
});

describe("claimsAdminApiPath", () => {
  it.each([
    "/admin/api",
    "/admin/api/Contact",
    "/ADMIN/Api/x",
    "//admin//api/Contact",
    "/admin%2Fapi/Contact",
    "/admin%252Fapi/Contact",
    "/%61dmin/api",
    "/x/../admin/api/Contact",
    "/admin\\api\\Contact",
    "http://evil.example/admin/api/Contact",
    "/admin/api;x=1",
    "/admin/api?x",
  ])("claims the disguised admin path %s", (target) => {
    expect(claimsAdminApiPath(target)).toBe(true);
  });

  it.each([
    "/",
    "/taskpane.html",
    "/admin",
    "/admin/apix",
    "/assets/admin/api.png",
    "/__emulator/reset",
    "/%E0%A4%A",
  ])("leaves %s to the next handler", (target) => {
    expect(claimsAdminApiPath(target)).toBe(false);
  });
});
