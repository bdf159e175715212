/**
 * How a language's catalogue differs from English's: the check behind every "German has every
 * key" test (the pane's catalogue and sections, the pages around it, the demo's words).
 */

/** Dotted paths where `other` lacks, adds or changes the kind of one of `reference`'s entries. */
export function differences(reference: unknown, other: unknown, path = ""): string[] {
  const kind = (value: unknown) => (value === null ? "null" : typeof value);
  if (kind(reference) !== kind(other)) {
    return [
      other === undefined
        ? `missing: ${path}`
        : `${path} is a ${kind(other)}, English has a ${kind(reference)}`,
    ];
  }
  if (kind(reference) !== "object") return [];
  const theirs = other as Record<string, unknown>;
  const ours = reference as Record<string, unknown>;
  return [
    ...Object.keys(ours).flatMap((key) => differences(ours[key], theirs[key], path ? `${path}.${key}` : key)),
    ...Object.keys(theirs)
      .filter((key) => !(key in ours))
      .map((key) => `not in English: ${path ? `${path}.${key}` : key}`),
  ];
}
