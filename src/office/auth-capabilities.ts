/**
 * What Office offers for sign-in, read from Office.js here (the only place that touches
 * it) and passed to src/auth as plain values: nested app authentication, the dialog API,
 * and the signed-in account's hints.
 */

/** The account Outlook is signed in with (Office.auth.getAuthContext, NestedAppAuth 1.1). */
export interface OfficeAccountHint {
  /** For MSAL's `loginHint`. */
  loginHint?: string;
  /** Matches MSAL's `AccountInfo.username`. */
  userPrincipalName?: string;
}

export interface OfficeAuthCapabilities {
  /** NestedAppAuth 1.1: MSAL's nested app authentication bridge is there. */
  nestedAppAuth: boolean;
  /** The dialog API can open our sign-in page (DialogApi 1.1, or Mailbox 1.4 where DialogApi wrongly says no). */
  dialog: boolean;
  /** The account's hints where NestedAppAuth 1.1 offers them; null otherwise or on failure. */
  accountHint: () => Promise<OfficeAccountHint | null>;
}

/** The subset of the Office namespace read here. */
export interface AuthCapabilitySource {
  context?: {
    requirements?: { isSetSupported?(name: string, minVersion?: string): boolean } | null;
    ui?: { displayDialogAsync?: unknown } | null;
  } | null;
  auth?: { getAuthContext?(): Promise<{ loginHint?: unknown; userPrincipalName?: unknown }> } | null;
}

export function readOfficeAuthCapabilities(office: AuthCapabilitySource): OfficeAuthCapabilities {
  const supports = (name: string, version: string): boolean => {
    const check = office.context?.requirements?.isSetSupported;
    if (typeof check !== "function") return false;
    try {
      return check.call(office.context?.requirements, name, version) === true;
    } catch {
      return false;
    }
  };
  const nestedAppAuth = supports("NestedAppAuth", "1.1");
  const dialog =
    typeof office.context?.ui?.displayDialogAsync === "function" &&
    // Some Outlook builds answer false for DialogApi though the dialog works; every
    // Outlook with Mailbox 1.4 has it (Microsoft's requirement-set notes).
    (supports("DialogApi", "1.1") || supports("Mailbox", "1.4"));
  return {
    nestedAppAuth,
    dialog,
    accountHint: async () => {
      const getAuthContext = office.auth?.getAuthContext;
      if (!nestedAppAuth || typeof getAuthContext !== "function") return null;
      try {
        const context = await getAuthContext.call(office.auth);
        const hint: OfficeAccountHint = {};
        if (typeof context.loginHint === "string" && context.loginHint) hint.loginHint = context.loginHint;
        if (typeof context.userPrincipalName === "string" && context.userPrincipalName) {
          hint.userPrincipalName = context.userPrincipalName;
        }
        return hint.loginHint || hint.userPrincipalName ? hint : null;
      } catch {
        // Older builds reject getAuthContext; the mailbox address is the fallback.
        return null;
      }
    },
  };
}
