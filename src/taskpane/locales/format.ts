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

/** Plural forms by `Intl.PluralRules`; categories a language has beyond these fall back to `other`. */
export type PluralForms = {
  one: string;
  other: string;
  zero?: string;
  two?: string;
  few?: string;
  many?: string;
};

/** `plural(count, forms)` for one language: the form of a word for `count`. */
export function pluralFor(language: string): (count: number, forms: PluralForms) => string {
  const rules = new Intl.PluralRules(language);
  return (count, forms) => forms[rules.select(count)] ?? forms.other;
}

/** `list(items, "and" | "or")` for one language: "a, b and c" / "a, b or c" as it writes a list. */
export function listFor(language: string): (items: readonly string[], joiner: "and" | "or") => string {
  const and = new Intl.ListFormat(language, { type: "conjunction" });
  const or = new Intl.ListFormat(language, { type: "disjunction" });
  return (items, joiner) => (joiner === "and" ? and : or).format(items);
}
