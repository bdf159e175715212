/**
 * Response bodies of the emulated API: JSON, the four error-body shapes the contract
 * says to expect, and the sign-in page a browser-facing Microsoft endpoint returns
 * when it does not like the caller.
 */
import type { ContactRecord } from "../admin-api/wire";
import { defaultErrorCode } from "./exchange-validation";
import type { EmulatorVariants } from "./seed";
import { wrapMailTip } from "./exchange-validation";

export interface EmulatedResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const JSON_TYPE = "application/json; charset=utf-8";

/** A page that looks like Microsoft's sign-in redirect: what a proxy or an expired session may serve. */
export const SIGN_IN_PAGE_HTML = `<!DOCTYPE html>
<html dir="ltr" lang="en">
<head><meta charset="utf-8"><title>Sign in to your account</title></head>
<body>
<form name="f1" method="post" action="https://login.microsoftonline.com/common/login">
<div id="loginHeader">Sign in</div>
<input type="email" name="loginfmt" placeholder="Email, phone, or Skype">
<input type="submit" value="Next">
</form>
</body>
</html>
`;

export function jsonResponse(status: number, value: unknown): EmulatedResponse {
  return { status, headers: { "content-type": JSON_TYPE }, body: JSON.stringify(value) };
}

export function emptyResponse(status: number): EmulatedResponse {
  return { status, headers: {}, body: "" };
}

/** An error in the configured body shape. */
export function errorResponse(
  status: number,
  message: string,
  variant: EmulatorVariants["errorBody"],
  code: string = defaultErrorCode(status),
): EmulatedResponse {
  switch (variant) {
    case "odata":
      return jsonResponse(status, { error: { code, message } });
    case "message":
      return jsonResponse(status, { Message: message });
    case "string":
      return { status, headers: { "content-type": "text/plain; charset=utf-8" }, body: message };
    case "html":
      return { status, headers: { "content-type": "text/html; charset=utf-8" }, body: SIGN_IN_PAGE_HTML };
  }
}

/** A generic message for a status a fault injects without a body of its own. */
export function statusMessage(status: number): string {
  if (status === 429) return "Too many requests. Please retry after some time.";
  if (status === 503) return "The service is temporarily unavailable. Please retry after some time.";
  if (status === 401) return "Authentication failed. The access token is missing or expired.";
  if (status === 403) return "Access denied.";
  if (status === 404) return "The requested resource was not found.";
  if (status >= 500) return "An internal server error occurred. Please retry.";
  return `The request failed with status ${status}.`;
}

/** A fault's response: its own body if it has one, else an error in the configured shape. */
export function faultResponse(
  status: number,
  body: unknown,
  headers: Record<string, string> | undefined,
  variant: EmulatorVariants["errorBody"],
): EmulatedResponse {
  let response: EmulatedResponse;
  if (body === undefined) response = errorResponse(status, statusMessage(status), variant);
  else if (typeof body === "string") {
    const type = body.trimStart().startsWith("<") ? "text/html" : "text/plain";
    response = { status, headers: { "content-type": `${type}; charset=utf-8` }, body };
  } else response = jsonResponse(status, body);
  for (const [name, value] of Object.entries(headers ?? {})) response.headers[name.toLowerCase()] = value;
  return response;
}

/** A contact as the API returns it: with the mail tip in Exchange's stored form when that variant is on. */
export function presentContact(record: ContactRecord, variants: EmulatorVariants): ContactRecord {
  if (!variants.mailTipHtml || typeof record.ContactMailTip !== "string") return record;
  return { ...record, ContactMailTip: wrapMailTip(record.ContactMailTip) };
}
