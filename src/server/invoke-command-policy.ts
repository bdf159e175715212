/**
 * What the relay lets through to InvokeCommand: exactly the body the product sends,
 * `{"CmdletInput": {"CmdletName": <one of EXCHANGE_CMDLETS>, "Parameters": {<its parameters>}}}`,
 * with scalar values (or arrays of strings). Anything else (another cmdlet, another
 * parameter, another nesting, an object as a value, a key given twice) is refused before
 * the upstream. A key given twice matters because parsers disagree on which copy wins: the
 * relay must judge the very object Exchange will act on.
 */
import { EXCHANGE_CMDLETS, isExchangeCmdlet } from "../exchange-rest/wire";

export type InvokeCommandVerdict =
  { allowed: true; cmdlet: string } | { allowed: false; status: 400 | 403; code: string; message: string };

const refuse = (code: string, message: string): InvokeCommandVerdict => ({
  allowed: false,
  status: 403,
  code,
  message,
});

export function inspectInvokeCommand(body: Buffer): InvokeCommandVerdict {
  const text = body.toString("utf8");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return {
      allowed: false,
      status: 400,
      code: "InvalidJson",
      message: "The request body is not valid JSON.",
    };
  }
  if (hasDuplicateKeys(text)) return refuse("DuplicateKey", "The request body names a key twice.");
  if (!isPlainObject(value) || !hasOnlyKeys(value, ["CmdletInput"], ["CmdletInput"])) {
    return refuse("NotAllowed", 'The request body must be exactly {"CmdletInput": {...}}.');
  }
  const input = value.CmdletInput;
  if (!isPlainObject(input) || !hasOnlyKeys(input, ["CmdletName", "Parameters"], ["CmdletName"])) {
    return refuse("NotAllowed", "CmdletInput must hold CmdletName and Parameters only.");
  }
  const name = input.CmdletName;
  if (typeof name !== "string" || !isExchangeCmdlet(name)) {
    return refuse("CmdletNotAllowed", "The relay does not forward this cmdlet.");
  }
  const parameters = input.Parameters ?? {};
  if (!isPlainObject(parameters)) return refuse("NotAllowed", "Parameters must be an object.");
  const allowed: readonly string[] = EXCHANGE_CMDLETS[name];
  for (const [parameter, argument] of Object.entries(parameters)) {
    if (!allowed.includes(parameter)) {
      return refuse(
        "ParameterNotAllowed",
        `The relay does not forward the parameter ${parameter} of ${name}.`,
      );
    }
    if (!isArgument(argument)) return refuse("NotAllowed", `The value of ${parameter} must be a scalar.`);
  }
  return { allowed: true, cmdlet: name };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function hasOnlyKeys(value: Record<string, unknown>, allowed: string[], required: string[]): boolean {
  const keys = Object.keys(value);
  return keys.every((key) => allowed.includes(key)) && required.every((key) => keys.includes(key));
}

function isArgument(value: unknown): boolean {
  if (value === null || ["string", "number", "boolean"].includes(typeof value)) return true;
  return Array.isArray(value) && value.every((item) => typeof item === "string");
}

/**
 * True when an object in `text` (already known to be valid JSON) has the same key twice,
 * compared after unescaping (`"a"` and `"\u0061"` are the same key).
 */
export function hasDuplicateKeys(text: string): boolean {
  // One entry per open container: the keys seen so far (objects) or null (arrays).
  const stack: Array<Set<string> | null> = [];
  let expectingKey = false;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (character === "{") {
      stack.push(new Set());
      expectingKey = true;
    } else if (character === "[") {
      stack.push(null);
      expectingKey = false;
    } else if (character === "}" || character === "]") {
      stack.pop();
      expectingKey = false;
    } else if (character === ",") {
      expectingKey = stack[stack.length - 1] instanceof Set;
    } else if (character === '"') {
      let end = index + 1;
      while (text[end] !== '"') end += text[end] === "\\" ? 2 : 1;
      if (expectingKey) {
        const keys = stack[stack.length - 1] as Set<string>;
        const key = JSON.parse(text.slice(index, end + 1)) as string;
        if (keys.has(key)) return true;
        keys.add(key);
        expectingKey = false;
      }
      index = end;
    }
  }
  return false;
}
