import { hasDotSegments, targetPath } from "./request-target";

describe("targetPath (what the access log shows)", () => {
  test.each([
    ["/taskpane.html?_host_Info=Outlook", "/taskpane.html"],
    ["/taskpane.html;jsessionid=SECRET", "/taskpane.html"],
    ["/a;x=1/b;y=2?q", "/a/b"],
    ["http://user:pass@host.example/admin/api/Contact", "/admin/api/Contact"],
    ["https://host.example", "/"],
    ["/x#frag", "/x"],
  ])("%s → %s", (target, expected) => {
    expect(targetPath(target)).toBe(expected);
  });
});

describe("hasDotSegments", () => {
  test.each([
    "/__emulator/../admin/api/Contact",
    "/__emulator/%2e%2e/admin/api/Contact",
    "/__emulator/%2E%2E%2Fadmin/api/Contact",
    "/__emulator/%252e%252e/admin/api/Contact",
    "/__emulator/..%5cadmin/api",
    "/__emulator\\..\\admin/api",
    "/./taskpane.html",
    "/..;x=1/admin",
    "http://h/a/../b",
    "/a/%2e%2e/%zz",
  ])("%s has dot segments", (target) => {
    expect(hasDotSegments(target)).toBe(true);
  });
  test.each(["/taskpane.html", "/assets/icon-32.png", "/a..b/c", "/.well-known", "/%E0%A4%A", "/"])(
    "%s has none",
    (target) => {
      expect(hasDotSegments(target)).toBe(false);
    },
  );
});
