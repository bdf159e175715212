/**
 * Which sources the minified bytes of a bundle come from, read from its source map (the
 * production build writes one beside every file). Module sizes in webpack's stats are
 * sizes before tree shaking and minification, which overstate barrel packages (an icon
 * package's source is megabytes; the few icons used are a few kilobytes).
 */

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const BASE64_VALUE = new Map([...BASE64].map((character, index) => [character, index]));

/** Decodes one segment of a "mappings" string (Base64 VLQ) into its numbers. */
export function decodeVlqSegment(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const character of segment) {
    const digit = BASE64_VALUE.get(character);
    if (digit === undefined) throw new Error(`not Base64 VLQ: ${JSON.stringify(segment)}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      const negative = value & 1;
      value >>>= 1;
      values.push(negative ? -value : value);
      value = 0;
      shift = 0;
    }
  }
  if (shift !== 0) throw new Error(`truncated Base64 VLQ: ${JSON.stringify(segment)}`);
  return values;
}

export interface SourceMapLike {
  sources: string[];
  mappings: string;
}

export const UNMAPPED = "(no source: webpack runtime, glue)";

/**
 * The generated code of `generated` attributed to each source of `map`: a segment owns
 * the characters from its column to the next segment's (or the end of the line).
 * Returns, per source, the pieces of generated code it owns, in order.
 */
export function attributeGeneratedCode(generated: string, map: SourceMapLike): Map<string, string[]> {
  const lines = generated.split("\n");
  const owners = new Map<string, string[]>();
  let line = "";
  const add = (owner: string, from: number, to: number) => {
    if (to <= from) return;
    const pieces = owners.get(owner) ?? [];
    pieces.push(line.slice(from, to));
    owners.set(owner, pieces);
  };
  let sourceIndex = 0;
  const mappingLines = map.mappings.split(";");
  for (let lineIndex = 0; lineIndex < lines.length; lineIndex++) {
    // With its newline, except the last line: every character of the file is owned once.
    line = (lines[lineIndex] as string) + (lineIndex < lines.length - 1 ? "\n" : "");
    const lineLength = line.length;
    const segments = (mappingLines[lineIndex] ?? "").split(",").filter((segment) => segment !== "");
    let column = 0;
    let owner = UNMAPPED;
    let ownedFrom = 0;
    for (const segment of segments) {
      const fields = decodeVlqSegment(segment);
      column += fields[0] ?? 0;
      add(owner, ownedFrom, Math.min(column, lineLength));
      ownedFrom = Math.max(ownedFrom, Math.min(column, lineLength));
      if (fields.length >= 4) {
        sourceIndex += fields[1] ?? 0;
        owner = map.sources[sourceIndex] ?? UNMAPPED;
      } else {
        owner = UNMAPPED;
      }
    }
    add(owner, ownedFrom, lineLength);
  }
  return owners;
}
