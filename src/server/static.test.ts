import {
  cacheControlFor,
  contentTypeFor,
  IMMUTABLE_CACHE_CONTROL,
  REVALIDATE_CACHE_CONTROL,
  safeRelativePath,
} from "./static";

describe("safeRelativePath", () => {
  it.each([
    ["/", "taskpane.html"],
    ["/taskpane.html?_host_Info=Outlook$Win32", "taskpane.html"],
    ["/assets/icon-32.png", "assets/icon-32.png"],
    ["/assets%2Ficon-32.png", "assets/icon-32.png"],
    ["/name%20with%20space.js", "name with space.js"],
  ])("maps %s to %s", (target, expected) => {
    expect(safeRelativePath(target, "taskpane.html")).toBe(expected);
  });

  it.each([
    "taskpane.html",
    "/../x",
    "/a/../../x",
    "/%2e%2e/x",
    "/a/%2E%2E%2Fx",
    "/.git/config",
    "/a/./b",
    "//x",
    "/a//b",
    "/a/",
    "/a\\b",
    "/a%5cb",
    "/a%00.js",
    "/%E0%A4%A",
  ])("refuses %s", (target) => {
    expect(safeRelativePath(target, "taskpane.html")).toBeNull();
  });
});

describe("caching and content types", () => {
  it.each([
    ["taskpane.html", REVALIDATE_CACHE_CONTROL],
    ["taskpane.3f2a9c1b.html", REVALIDATE_CACHE_CONTROL],
    ["taskpane.3f2a9c1b4d5e6f70.js", IMMUTABLE_CACHE_CONTROL],
    ["vendors-3f2a9c1b.css", IMMUTABLE_CACHE_CONTROL],
    ["taskpane.3f2a9c1b.js.map", IMMUTABLE_CACHE_CONTROL],
    ["assets/icon-32.png", REVALIDATE_CACHE_CONTROL],
    ["manifest.xml", REVALIDATE_CACHE_CONTROL],
    ["taskpane.js", REVALIDATE_CACHE_CONTROL],
  ])("%s is cached as %s", (file, expected) => {
    expect(cacheControlFor(file)).toBe(expected);
  });

  it.each([
    ["a.html", "text/html; charset=utf-8"],
    ["a.JS", "text/javascript; charset=utf-8"],
    ["a.css", "text/css; charset=utf-8"],
    ["a.svg", "image/svg+xml"],
    ["a.woff2", "font/woff2"],
    ["a.unknown", "application/octet-stream"],
    ["noextension", "application/octet-stream"],
  ])("%s is served as %s", (file, expected) => {
    expect(contentTypeFor(file)).toBe(expected);
  });
});
