import { readOfficeAuthCapabilities, type AuthCapabilitySource } from "./auth-capabilities";

function office(
  supported: Record<string, string>,
  auth?: AuthCapabilitySource["auth"],
  ui: { displayDialogAsync?: unknown } = { displayDialogAsync: () => undefined },
): AuthCapabilitySource {
  return {
    context: {
      requirements: {
        isSetSupported: (name: string, version?: string) =>
          supported[name] !== undefined && Number(supported[name]) >= Number(version ?? "1.0"),
      },
      ui,
    },
    ...(auth ? { auth } : {}),
  };
}

describe("readOfficeAuthCapabilities", () => {
  it("offers the dialog with DialogApi 1.1, or with Mailbox 1.4 where DialogApi wrongly says no", () => {
    expect(readOfficeAuthCapabilities(office({ DialogApi: "1.1" })).dialog).toBe(true);
    expect(readOfficeAuthCapabilities(office({ Mailbox: "1.5" })).dialog).toBe(true);
    expect(readOfficeAuthCapabilities(office({ Mailbox: "1.3" })).dialog).toBe(false);
    expect(readOfficeAuthCapabilities(office({ Mailbox: "1.5" }, undefined, {})).dialog).toBe(false);
  });

  it("sees nested app authentication only with NestedAppAuth 1.1", () => {
    expect(readOfficeAuthCapabilities(office({ NestedAppAuth: "1.1" })).nestedAppAuth).toBe(true);
    expect(readOfficeAuthCapabilities(office({ Mailbox: "1.14" })).nestedAppAuth).toBe(false);
  });

  it("reads the login hint and UPN from getAuthContext where NestedAppAuth 1.1 offers it", async () => {
    const auth = {
      getAuthContext: async () => ({
        loginHint: "hint",
        userPrincipalName: "megan@contoso.com",
        tenantId: "t",
      }),
    };
    await expect(
      readOfficeAuthCapabilities(office({ NestedAppAuth: "1.1" }, auth)).accountHint(),
    ).resolves.toEqual({
      loginHint: "hint",
      userPrincipalName: "megan@contoso.com",
    });
    await expect(readOfficeAuthCapabilities(office({}, auth)).accountHint()).resolves.toBeNull();
  });

  it("answers null when getAuthContext rejects (older builds)", async () => {
    const auth = { getAuthContext: () => Promise.reject(new Error("not supported")) };
    await expect(
      readOfficeAuthCapabilities(office({ NestedAppAuth: "1.1" }, auth)).accountHint(),
    ).resolves.toBeNull();
  });
});
