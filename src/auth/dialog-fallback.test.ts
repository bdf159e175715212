import { loginHintFromHash, parseAuthDialogMessage } from "./auth-dialog-protocol";
import { createOfficeAuthDialog, type DialogOffice } from "./dialog-fallback";
import { SignInError } from "./sign-in-error";

const ORIGIN = "https://addin.contoso.com";
const DIALOG_URL = `${ORIGIN}/auth-dialog.html`;
const EVENT = { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" };

type Handler = (args: { message: string; origin: string | undefined } | { error: number }) => void;

function fakeOffice(open: { failedCode?: number } = {}) {
  const handlers = new Map<string, Handler>();
  const dialog = {
    close: jest.fn(),
    addEventHandler: (type: string, handler: Handler) => handlers.set(type, handler),
  };
  const opened: { url: string; options: unknown }[] = [];
  const office = {
    context: {
      ui: {
        displayDialogAsync: (url: string, options: unknown, callback: (result: unknown) => void) => {
          opened.push({ url, options });
          callback(
            open.failedCode !== undefined
              ? { status: "failed", error: { code: open.failedCode, message: "blocked" } }
              : { status: "succeeded", value: dialog },
          );
        },
      },
    },
    EventType: EVENT,
    AsyncResultStatus: { Failed: "failed" },
  } as unknown as DialogOffice;
  const fromDialog = (message: unknown, origin: string | undefined = ORIGIN) =>
    handlers.get(EVENT.DialogMessageReceived)?.({ message: JSON.stringify(message), origin });
  const dialogEvent = (error: number) => handlers.get(EVENT.DialogEventReceived)?.({ error });
  return { office, dialog, opened, fromDialog, dialogEvent };
}

async function rejection(promise: Promise<unknown>): Promise<SignInError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SignInError) return error;
    throw error;
  }
  throw new Error("expected a rejection");
}

describe("createOfficeAuthDialog", () => {
  it("opens our dialog page outside an iframe and resolves with the token it sends", async () => {
    const { office, dialog, opened, fromDialog } = fakeOffice();
    const signIn = createOfficeAuthDialog(office, { dialogUrl: DIALOG_URL, expectedOrigin: ORIGIN });
    const pending = signIn({});
    fromDialog({ type: "gal-auth-token", accessToken: "token-from-dialog", expiresOn: 1_700_000_000_000 });
    await expect(pending).resolves.toEqual({
      accessToken: "token-from-dialog",
      expiresOn: 1_700_000_000_000,
    });
    expect(opened).toEqual([{ url: DIALOG_URL, options: { height: 60, width: 30, displayInIframe: false } }]);
    expect(dialog.close).toHaveBeenCalledTimes(1);
  });

  it("ignores messages from another origin and messages that are not ours", async () => {
    const { office, fromDialog } = fakeOffice();
    const pending = createOfficeAuthDialog(office, { dialogUrl: DIALOG_URL, expectedOrigin: ORIGIN })({});
    fromDialog({ type: "gal-auth-token", accessToken: "forged" }, "https://evil.example");
    fromDialog({ hello: "world" });
    fromDialog({ type: "gal-auth-token", accessToken: "genuine", expiresOn: null });
    await expect(pending).resolves.toEqual({ accessToken: "genuine", expiresOn: null });
  });

  it("reports the person closing the dialog as a cancellation", async () => {
    const { office, dialogEvent } = fakeOffice();
    const pending = createOfficeAuthDialog(office, { dialogUrl: DIALOG_URL, expectedOrigin: ORIGIN })({});
    dialogEvent(12006);
    await expect(rejection(pending)).resolves.toMatchObject({ failure: "cancelled", code: "12006" });
  });

  it("passes on an error the dialog page reports", async () => {
    const { office, fromDialog } = fakeOffice();
    const pending = createOfficeAuthDialog(office, { dialogUrl: DIALOG_URL, expectedOrigin: ORIGIN })({});
    fromDialog({ type: "gal-auth-error", failure: "failed", code: "invalid_client" });
    await expect(rejection(pending)).resolves.toMatchObject({ failure: "failed", code: "invalid_client" });
  });

  it("says sign-in is unavailable when the host cannot open the dialog", async () => {
    const { office } = fakeOffice({ failedCode: 12011 });
    const pending = createOfficeAuthDialog(office, { dialogUrl: DIALOG_URL, expectedOrigin: ORIGIN })({});
    await expect(rejection(pending)).resolves.toMatchObject({ failure: "unavailable", code: "12011" });
  });

  it("closes the dialog when the caller aborts", async () => {
    const { office, dialog } = fakeOffice();
    const controller = new AbortController();
    const pending = createOfficeAuthDialog(office, { dialogUrl: DIALOG_URL, expectedOrigin: ORIGIN })({
      signal: controller.signal,
    });
    controller.abort();
    await expect(rejection(pending)).resolves.toMatchObject({ failure: "aborted" });
    expect(dialog.close).toHaveBeenCalledTimes(1);
  });
});

describe("parseAuthDialogMessage", () => {
  it("rejects what is not JSON, an empty token, or an unknown type", () => {
    expect(parseAuthDialogMessage("not json")).toBeNull();
    expect(parseAuthDialogMessage(JSON.stringify({ type: "gal-auth-token", accessToken: "" }))).toBeNull();
    expect(parseAuthDialogMessage(JSON.stringify({ type: "other" }))).toBeNull();
  });

  it("drops an error code that is not code-like (it could carry arbitrary text)", () => {
    expect(
      parseAuthDialogMessage(
        JSON.stringify({ type: "gal-auth-error", failure: "weird", code: "has spaces in it" }),
      ),
    ).toEqual({ type: "gal-auth-error", failure: "failed" });
  });
});

describe("the login hint", () => {
  it("travels in the dialog URL's fragment, which never reaches the server", async () => {
    const { office, opened } = fakeOffice();
    void createOfficeAuthDialog(office, { dialogUrl: DIALOG_URL, expectedOrigin: ORIGIN })({
      loginHint: "megan@contoso.com",
    });
    expect(opened[0]?.url).toBe(`${DIALOG_URL}#login_hint=megan%40contoso.com`);
    expect(loginHintFromHash(new URL(opened[0]?.url ?? "").hash)).toBe("megan@contoso.com");
  });
});
