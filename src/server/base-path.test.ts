import { normalizeBasePath } from "./server";

describe("normalizeBasePath", () => {
  it.each([
    ["", ""],
    ["/", ""],
    ["/gal", "/gal"],
    ["gal/", "/gal"],
    ["/apps/gal-contact", "/apps/gal-contact"],
  ])("%j → %j", (input, expected) => {
    expect(normalizeBasePath(input)).toBe(expected);
  });

  it.each(["/a b", "/../etc", "/gal?x=1", "https://host/gal"])("refuses %j", (input) => {
    expect(() => normalizeBasePath(input)).toThrow(/base path/);
  });
});
