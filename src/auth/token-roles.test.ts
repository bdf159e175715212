import { EXCHANGE_WRITE_ROLE_TEMPLATE_IDS, writeRoleFromToken } from "./token-roles";

/** An unsigned token with these claims (the signature is never checked here: the API checks it). */
function tokenWith(claims: object): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${part({ alg: "none" })}.${part(claims)}.sig`;
}

test("a write role among the token's directory roles allows changes", () => {
  for (const id of EXCHANGE_WRITE_ROLE_TEMPLATE_IDS) {
    expect(writeRoleFromToken(tokenWith({ wids: ["b79fbf4d-3ef9-4689-8143-76b194e85509", id] }))).toBe(true);
  }
});

test("directory roles without a write role: no changes offered", () => {
  // b79fbf4d-...: the default "User" role template.
  expect(writeRoleFromToken(tokenWith({ wids: ["b79fbf4d-3ef9-4689-8143-76b194e85509"] }))).toBe(false);
});

test("no wids claim, or not a JWT (the demo's tokens): unknown, so the first 403 decides", () => {
  expect(writeRoleFromToken(tokenWith({ name: "x" }))).toBeNull();
  expect(writeRoleFromToken("demo-readonly-token")).toBeNull();
  expect(writeRoleFromToken("a.%%%.c")).toBeNull();
});
