import { displayNameImpersonation, nameKey } from "./display-name";

const context = { userDisplayName: "Megan Bowen", colleagueNames: ["Alex Wilber", "Adele Vance"] };

describe("displayNameImpersonation", () => {
  test.each([
    ["Megan Bowen", { kind: "user-name", name: "Megan Bowen" }],
    ["Bowen, Megan", { kind: "user-name", name: "Bowen, Megan" }],
    ["MEGAN  BOWEN", { kind: "user-name", name: "MEGAN BOWEN" }],
    ['"Megan Bowen"', { kind: "user-name", name: "Megan Bowen" }],
    ["Alex Wilber", { kind: "colleague-name", name: "Alex Wilber" }],
    ["Vance, Adele", { kind: "colleague-name", name: "Adele Vance" }],
    ["IT Helpdesk <helpdesk@contoso.com>", { kind: "other-address", address: "helpdesk@contoso.com" }],
    ["ceo@contoso.com", { kind: "other-address", address: "ceo@contoso.com" }],
  ])("%j impersonates", (displayName, expected) => {
    expect(displayNameImpersonation(displayName, "someone@attacker.example", context)).toEqual(expected);
  });

  test.each([
    "Isabel Ferreira",
    "Megan",
    "Alex",
    "Megan Bowen-Smith",
    "Alex Wilberforce",
    "",
    "Isabel <someone@attacker.example>",
  ])("%j does not", (displayName) => {
    expect(displayNameImpersonation(displayName, "someone@attacker.example", context)).toBeNull();
  });

  test("the sender's own address in the display name, in another case, is not another address", () => {
    expect(displayNameImpersonation("Jane <JANE@Fabrikam.com>", "jane@fabrikam.com", context)).toBeNull();
  });

  test("nameKey ignores order, case and punctuation", () => {
    expect(nameKey("Bowen, Megan")).toBe(nameKey("megan bowen"));
    expect(nameKey("Megan Bowen")).not.toBe(nameKey("Megan Bowens"));
  });
});
