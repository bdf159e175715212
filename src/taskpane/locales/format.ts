/**
 * What every language's catalogue uses to word facts: plurals and lists from the platform
 * (Intl.PluralRules, Intl.ListFormat), and the shape of a table of sentences keyed by a
 * fact's code. No sentences here.
 */

/** One sentence per code of `Fact`, each given the fact with that code. */
export type Sentences<Fact extends { code: string }> = {
  readonly [Code in Fact["code"]]: (fact: Fact & { code: Code }) => string;
};

/** The sentence of `fact` from a table keyed by its code. */
export function sentence<Fact extends { code: string }>(table: Sentences<Fact>, fact: Fact): string {
  return (table[fact.code as Fact["code"]] as (fact: Fact) => string)(fact);
}

const lists = new Map<string, Intl.ListFormat>();
const plurals = new Map<string, Intl.PluralRules>();

/** "a, b and c" / "a, b or c" as `language` writes a list. */
export function listOf(language: string, items: readonly string[], joiner: "and" | "or"): string {
  const key = `${language}|${joiner}`;
  let format = lists.get(key);
  if (!format) {
    format = new Intl.ListFormat(language, { type: joiner === "and" ? "conjunction" : "disjunction" });
    lists.set(key, format);
  }
  return format.format(items);
}

/** The form of a word for `count` in `language`; categories a language has beyond these fall back to `other`. */
export function plural(
  language: string,
  count: number,
  forms: { one: string; other: string; zero?: string; two?: string; few?: string; many?: string },
): string {
  let rules = plurals.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(language);
    plurals.set(language, rules);
  }
  return forms[rules.select(count)] ?? forms.other;
}
