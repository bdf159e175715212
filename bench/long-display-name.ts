/**
 * A sender whose display name is 100 KB (real mail has them): the pane's whole synchronous
 * work on it, analysis and prefill, must stay linear and well under a frame budget.
 */
import { DEFAULT_ORGANIZATION_CONFIG, prefillDraft } from "../src/contacts/draft";
import { analyzeSender } from "../src/contacts/sender";
import { summarize, type Summary } from "./lib/stats";

export interface LongDisplayNameResult {
  displayNameBytes: number;
  runs: number;
  /** analyzeSender + prefillDraft, ms. */
  ms: Summary;
}

export const LONG_DISPLAY_NAME_GOAL_MS = 20;

export function measureLongDisplayName(runs = 30): LongDisplayNameResult {
  // Words, markup, quotes and an address: everything the cleaning and the name parser look at.
  const unit = 'Jane "Doe" <b>Sales</b> jane@tailspin.example, ';
  const displayName = unit.repeat(Math.ceil(100_000 / unit.length)).slice(0, 100_000);
  const once = () =>
    prefillDraft(
      analyzeSender(
        {
          from: { displayName, emailAddress: "jane@tailspin.example" },
          sender: null,
          userAddress: "me@contoso.com",
        },
        DEFAULT_ORGANIZATION_CONFIG,
      ),
      DEFAULT_ORGANIZATION_CONFIG,
    );
  for (let warm = 0; warm < 5; warm += 1) once();
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    once();
    samples.push(performance.now() - started);
  }
  return { displayNameBytes: Buffer.byteLength(displayName), runs, ms: summarize(samples) };
}
