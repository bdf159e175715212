/**
 * Internet headers as Outlook hands them over (`getAllInternetHeadersAsync`: one string,
 * CRLF lines, long fields folded) and the RFC 8601 `Authentication-Results` field.
 *
 * Why our own parser: the maintained npm parsers of this field live inside Node mail
 * servers (mailauth and the like: DNS, crypto, streams) and do not fit a task pane. This one
 * is lenient where Exchange Online Protection is not RFC 8601 (no authserv-id, `action=none`
 * without a ptype, no space after `;`) and strict about what decides a verdict: a method,
 * its result, its reason and its `ptype.property` values. It never throws.
 */

/** One header field, unfolded (RFC 5322 §2.2.3), in the order the message carries them (topmost first). */
export interface HeaderField {
  /** As written, e.g. "Authentication-Results". Compare case-insensitively. */
  name: string;
  value: string;
}

/** One `method=result` statement with what qualifies it. */
export interface AuthResult {
  /** Lower-case: "spf", "dkim", "dmarc", "compauth", "arc"... */
  method: string;
  /** The method version after "/", when written ("dkim/1"). */
  methodVersion: string | null;
  /** Lower-case: "pass", "fail", "softfail", "none", "bestguesspass"... */
  result: string;
  /** `reason=` value ("000", "130" for compauth; free text elsewhere). */
  reason: string | null;
  /** `ptype.property` values, keys lower-case: "smtp.mailfrom", "header.from", "header.d". */
  properties: Readonly<Record<string, string>>;
  /** Other `key=value` pairs EOP writes without a ptype ("action" → "none"). */
  extras: Readonly<Record<string, string>>;
}

export interface AuthenticationResults {
  /** Who stamped it (RFC 8601 authserv-id); null when absent, as in Exchange Online Protection's own header. */
  authservId: string | null;
  version: string | null;
  results: readonly AuthResult[];
}

/** Methods RFC 8601 and its IANA registry know, plus EOP's composite: a bare `name=value` with one of these starts a new statement even when a ";" is missing. */
const KNOWN_METHODS: ReadonlySet<string> = new Set([
  "arc",
  "auth",
  "bimi",
  "compauth",
  "dkim",
  "dkim-adsp",
  "dkim-atps",
  "dmarc",
  "domainkeys",
  "dnswl",
  "iprev",
  "rrvs",
  "sender-id",
  "smime",
  "spf",
  "vbr",
]);

/** Splits a header block into unfolded fields; lines that are not fields (no colon, stray text) are skipped. */
export function parseHeaderBlock(block: string): HeaderField[] {
  const fields: HeaderField[] = [];
  // The header block ends at the first empty line; anything after it would be a body.
  const lines = block.split(/\r\n|\n|\r/);
  let current: { name: string; value: string } | null = null;
  for (const line of lines) {
    if (line === "") {
      if (current !== null) break;
      continue;
    }
    if (/^[ \t]/.test(line)) {
      // Unfolding removes the line break, not the whitespace that follows it.
      if (current !== null) current.value += line;
      continue;
    }
    if (current !== null) fields.push({ name: current.name, value: current.value.trim() });
    const colon = line.indexOf(":");
    const name = colon > 0 ? line.slice(0, colon) : "";
    current = /^[!-9;-~]+$/.test(name) ? { name, value: line.slice(colon + 1) } : null;
  }
  if (current !== null) fields.push({ name: current.name, value: current.value.trim() });
  return fields;
}

type Token =
  | { type: "semicolon" }
  | { type: "equals"; spaceBefore: boolean }
  | { type: "word"; text: string; spaceBefore: boolean }
  | { type: "quoted"; text: string; spaceBefore: boolean };

/** Words, quoted strings, "=" and ";"; comments (nested, with escapes) and whitespace dropped. Null when a quote or comment is not closed. */
function tokenize(value: string): Token[] | null {
  const tokens: Token[] = [];
  let index = 0;
  let spaceBefore = false;
  while (index < value.length) {
    const char = value[index] as string;
    if (/\s/.test(char)) {
      spaceBefore = true;
      index += 1;
    } else if (char === "(") {
      let depth = 0;
      for (; index < value.length; index += 1) {
        const inner = value[index];
        if (inner === "\\") index += 1;
        else if (inner === "(") depth += 1;
        else if (inner === ")" && --depth === 0) break;
      }
      if (depth !== 0) return null;
      index += 1;
      spaceBefore = true;
    } else if (char === '"') {
      let text = "";
      let closed = false;
      for (index += 1; index < value.length; index += 1) {
        const inner = value[index] as string;
        if (inner === "\\") {
          index += 1;
          text += value[index] ?? "";
        } else if (inner === '"') {
          closed = true;
          break;
        } else text += inner;
      }
      if (!closed) return null;
      index += 1;
      tokens.push({ type: "quoted", text, spaceBefore });
      spaceBefore = false;
    } else if (char === ";") {
      tokens.push({ type: "semicolon" });
      index += 1;
      spaceBefore = false;
    } else if (char === "=") {
      tokens.push({ type: "equals", spaceBefore });
      index += 1;
      spaceBefore = false;
    } else {
      const start = index;
      while (index < value.length && !/[\s();="]/.test(value[index] as string)) index += 1;
      tokens.push({ type: "word", text: value.slice(start, index), spaceBefore });
      spaceBefore = false;
    }
  }
  return tokens;
}

interface Pair {
  key: string;
  value: string | null;
}

/** Groups a statement's tokens into `key=value` pairs (a key alone has a null value). */
function pairsOf(tokens: readonly Token[]): Pair[] {
  const pairs: Pair[] = [];
  let index = 0;
  while (index < tokens.length) {
    const token = tokens[index] as Token;
    index += 1;
    if (token.type !== "word" && token.type !== "quoted") continue;
    // "dkim / 1 = pass": a method version written with spaces around "/".
    let key = token.text;
    while (
      tokens[index]?.type === "word" &&
      (key.endsWith("/") || (tokens[index] as { text: string }).text.startsWith("/"))
    ) {
      key += (tokens[index] as { text: string }).text;
      index += 1;
    }
    if (tokens[index]?.type !== "equals") {
      pairs.push({ key, value: null });
      continue;
    }
    index += 1;
    const valueToken = tokens[index];
    let value = "";
    if (valueToken?.type === "word" || valueToken?.type === "quoted") {
      value = valueToken.text;
      index += 1;
      // Base64 padding ("header.b=abc==") is part of the value, not a new pair.
      while (tokens[index]?.type === "equals" && !(tokens[index] as { spaceBefore: boolean }).spaceBefore) {
        value += "=";
        index += 1;
      }
    }
    pairs.push({ key, value });
  }
  return pairs;
}

function newResult(key: string, value: string): AuthResult {
  const [method = "", version = null] = key.toLowerCase().split("/", 2);
  return {
    method: method.trim(),
    methodVersion: version === null ? null : version.trim(),
    result: value.toLowerCase(),
    reason: null,
    properties: {},
    extras: {},
  };
}

/** Parses the value of one Authentication-Results (or ARC-Authentication-Results after its `i=` tag) field; null when it cannot be read. */
export function parseAuthenticationResults(value: string): AuthenticationResults | null {
  const tokens = tokenize(value);
  if (tokens === null || tokens.length === 0) return null;

  let position = 0;
  let authservId: string | null = null;
  let version: string | null = null;
  const first = tokens[0] as Token;
  // EOP starts with "spf=…" directly; RFC 8601 starts with the authserv-id, then an optional version.
  if ((first.type === "word" || first.type === "quoted") && tokens[1]?.type !== "equals") {
    authservId = first.text;
    position = 1;
    const next = tokens[position];
    if (next?.type === "word" && /^\d+$/.test(next.text) && tokens[position + 1]?.type !== "equals") {
      version = next.text;
      position += 1;
    }
    if (position < tokens.length && tokens[position]?.type !== "semicolon") return null;
  }

  const statements: Token[][] = [[]];
  for (const token of tokens.slice(position)) {
    if (token.type === "semicolon") statements.push([]);
    else (statements[statements.length - 1] as Token[]).push(token);
  }

  const results: AuthResult[] = [];
  for (const statement of statements) {
    let current: AuthResult | null = null;
    for (const { key, value } of pairsOf(statement)) {
      const lowerKey = key.toLowerCase();
      if (value === null) {
        // RFC 8601's "no-result": "authserv-id; none".
        continue;
      }
      const methodName = lowerKey.split("/", 1)[0] as string;
      if (current === null || (KNOWN_METHODS.has(methodName) && !lowerKey.includes("."))) {
        if (lowerKey.includes(".") || lowerKey === "reason") continue;
        current = newResult(key, value);
        results.push(current);
      } else if (lowerKey === "reason") {
        current.reason = value;
      } else if (lowerKey.includes(".")) {
        const [ptype, property] = lowerKey.split(".", 2) as [string, string];
        (current.properties as Record<string, string>)[`${ptype.trim()}.${property.trim()}`] = value;
      } else {
        (current.extras as Record<string, string>)[lowerKey] = value;
      }
    }
  }
  return { authservId, version, results };
}
