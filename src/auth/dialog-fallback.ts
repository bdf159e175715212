/**
 * Last-resort sign-in: Office's dialog API opens our own auth-dialog.html in a separate
 * window, where MSAL's redirect flow works even when the host blocks popups and has no
 * nested app authentication. The page sends the token back with messageParent; this is
 * the pane's half: open, wait for one message from our origin, close.
 */
import { dialogUrlWithHint, parseAuthDialogMessage } from "./auth-dialog-protocol";
import type { AuthDialogFallback, DialogToken } from "./nested-app-auth";
import { SignInError } from "./sign-in-error";

/** Office's dialog error codes we tell apart (learn.microsoft.com: "Office dialog API errors"). */
const DIALOG_CLOSED_BY_USER = 12006;
const USER_IGNORED_DIALOG = 12009;

/** The part of the Office namespace the dialog needs. */
export interface DialogOffice {
  context: { ui: Pick<Office.UI, "displayDialogAsync"> };
  EventType: { DialogMessageReceived: Office.EventType; DialogEventReceived: Office.EventType };
  AsyncResultStatus: { Failed: Office.AsyncResultStatus };
}

export interface OfficeAuthDialogOptions {
  /** Absolute https URL of auth-dialog.html beside the pane (under the add-in's path, if any). */
  dialogUrl: string;
  /** Messages from any other origin are ignored (Office reports it from DialogOrigin 1.1 on). */
  expectedOrigin: string;
  /** Percent of the screen. */
  heightPercent?: number;
  widthPercent?: number;
}

export function createOfficeAuthDialog(
  office: DialogOffice,
  options: OfficeAuthDialogOptions,
): AuthDialogFallback {
  return ({ signal, loginHint }) =>
    new Promise<DialogToken>((resolve, reject) => {
      if (signal?.aborted) {
        reject(new SignInError("aborted"));
        return;
      }
      office.context.ui.displayDialogAsync(
        dialogUrlWithHint(options.dialogUrl, loginHint),
        { height: options.heightPercent ?? 60, width: options.widthPercent ?? 30, displayInIframe: false },
        (opened: Office.AsyncResult<Office.Dialog>) => {
          if (opened.status === office.AsyncResultStatus.Failed) {
            const code = opened.error?.code;
            reject(
              new SignInError(code === USER_IGNORED_DIALOG ? "cancelled" : "unavailable", codeText(code)),
            );
            return;
          }
          const dialog = opened.value;
          let settled = false;
          const finish = (outcome: () => void) => {
            if (settled) return;
            settled = true;
            signal?.removeEventListener("abort", onAbort);
            try {
              dialog.close();
            } catch {
              // Already closed by the person; nothing to clean up.
            }
            outcome();
          };
          const onAbort = () => finish(() => reject(new SignInError("aborted")));
          signal?.addEventListener("abort", onAbort, { once: true });

          dialog.addEventHandler(office.EventType.DialogMessageReceived, (event) => {
            if (!("message" in event)) return;
            if (event.origin !== undefined && event.origin !== options.expectedOrigin) return;
            const message = parseAuthDialogMessage(event.message);
            if (!message) return;
            if (message.type === "gal-auth-token") {
              finish(() => resolve({ accessToken: message.accessToken, expiresOn: message.expiresOn }));
            } else {
              finish(() => reject(new SignInError(message.failure, message.code, message.aadsts)));
            }
          });
          dialog.addEventHandler(office.EventType.DialogEventReceived, (event) => {
            if (!("error" in event)) return;
            finish(() =>
              reject(
                new SignInError(
                  event.error === DIALOG_CLOSED_BY_USER ? "cancelled" : "failed",
                  codeText(event.error),
                ),
              ),
            );
          });
        },
      );
    });
}

function codeText(code: unknown): string | undefined {
  return typeof code === "number" ? String(code) : undefined;
}
