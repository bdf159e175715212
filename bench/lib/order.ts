/** The order in which the time-to-verdict part visits senders. */

/** A deterministic shuffle (mulberry32), never starting with `avoidFirst`, so every click changes the sender. */
export function shuffled<T>(items: readonly T[], seed: number, avoidFirst?: T): T[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
  const result = [...items];
  for (let index = result.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [result[index], result[other]] = [result[other] as T, result[index] as T];
  }
  if (result.length > 1 && result[0] === avoidFirst)
    [result[0], result[1]] = [result[1] as T, result[0] as T];
  return result;
}
