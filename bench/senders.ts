/**
 * Part 6, a hostile sender: a 100 KB display name (words, markup, quotes, addresses) through
 * analyzeSender + prefillDraft, in process; the whole synchronous work must stay linear.
 */
import { draftFor } from "./lib/directory";
import { fig, ms, summarize, type Section } from "./report";

export async function measureSenders(): Promise<Section> {
  const unit = 'Jane "Doe" <b>Sales</b> jane@tailspin.example, ';
  const displayName = unit.repeat(Math.ceil(100_000 / unit.length)).slice(0, 100_000);
  const once = () => draftFor(displayName, "jane@tailspin.example");
  for (let warm = 0; warm < 5; warm++) once();
  const samples = Array.from({ length: 30 }, () => {
    const started = performance.now();
    once();
    return performance.now() - started;
  });
  const { median, p95 } = summarize(samples);
  return {
    title: "6. Senders",
    about:
      "Median of 30 runs after 5 warm-ups. The name is capped at 1,024 characters before any analysis, and every step after is linear.",
    figures: [
      fig(
        "a 100 KB display name: analyse + prefill, median",
        `${ms(median)} (p95 ${ms(p95)})`,
        "< 20 ms",
        median < 20,
      ),
    ],
    detail: [],
  };
}
