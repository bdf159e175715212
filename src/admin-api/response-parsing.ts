/**
 * Validates 2xx response bodies against the wire schemas. A mismatch is a protocol
 * error that names what was wrong and where (`Contacts[3].ContactId is missing`),
 * never the values themselves: they are tenant data.
 */
import type { ZodMiniType as ZodType } from "zod/mini";
import { DirectoryError } from "../contacts/directory-error";
import type { AdminApiResponse } from "./http";
import { ROUTE_OPERATIONS, type AdminApiRouteName } from "./wire-constants";

/** A schema mismatch at one place in a body, described without its value. */
export interface ShapeIssue {
  path: string;
  problem: string;
}

/** `["Contacts", 3, "ContactId"]` → `Contacts[3].ContactId`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const segment of path) {
    if (typeof segment === "number") text += `[${segment}]`;
    else text += text === "" ? String(segment) : `.${String(segment)}`;
  }
  return text === "" ? "(the body)" : text;
}

function describeJsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = root;
  for (const segment of path) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  expected?: unknown;
}

/** Describes zod issues by path and by the type found, never by value. */
export function describeIssues(data: unknown, issues: readonly IssueLike[]): ShapeIssue[] {
  return issues.map((issue) => {
    const path = formatPath(issue.path);
    const found = valueAt(data, issue.path);
    if (found === undefined) return { path, problem: "is missing" };
    if (issue.code === "too_small" && typeof found === "string") return { path, problem: "is empty" };
    if (issue.code === "invalid_type") {
      const expected = typeof issue.expected === "string" ? issue.expected : "another type";
      return { path, problem: `is ${describeJsonType(found)}, expected ${expected}` };
    }
    return { path, problem: `does not have the expected shape (${issue.code})` };
  });
}

export function formatIssues(issues: readonly ShapeIssue[], limit = 3): string {
  const shown = issues.slice(0, limit).map((issue) => `${issue.path} ${issue.problem}`);
  const more = issues.length > limit ? ` (and ${issues.length - limit} more)` : "";
  return `${shown.join("; ")}${more}`;
}

export function protocolError(
  route: AdminApiRouteName,
  response: AdminApiResponse,
  what: string,
): DirectoryError {
  return new DirectoryError({
    kind: "protocol",
    reason: "unexpected-shape",
    operation: ROUTE_OPERATIONS[route],
    status: response.status,
    requestId: response.requestId,
    // Paths and types only, never values: for logs and support.
    detail: `${route} response: ${what}`,
  });
}

/** JSON.parse of a body, or undefined for an empty one; a protocol error when it is not JSON. */
export function parseJsonBody(route: AdminApiRouteName, response: AdminApiResponse): unknown {
  const text = response.bodyText.trim();
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    const type = response.contentType ? ` (content type ${response.contentType.split(";")[0]})` : "";
    throw protocolError(route, response, `the response was not JSON${type}`);
  }
}

/** Parses a body that must match `schema`. */
export function parseRequiredBody<T>(
  route: AdminApiRouteName,
  response: AdminApiResponse,
  schema: ZodType<T>,
  expected: string,
): T {
  const data = parseJsonBody(route, response);
  if (data === undefined) throw protocolError(route, response, `empty body where ${expected} was expected`);
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issues = describeIssues(data, result.error.issues);
  // Naming the keys that did arrive tells a maintainer at once whether the list moved.
  const record = typeof data === "object" && data !== null && !Array.isArray(data) ? data : null;
  const keys = record ? ` (top-level keys: ${Object.keys(record).join(", ") || "none"})` : "";
  throw protocolError(route, response, `${formatIssues(issues)}${keys}`);
}
