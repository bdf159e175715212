/**
 * axe-core in the pane's frame, as served: its Content-Security-Policy (script-src 'self')
 * stays untouched. axe's source goes in through Playwright's evaluate (DevTools protocol
 * evaluation, which a page's CSP does not govern), never through a script tag.
 */
import { readFileSync } from "node:fs";
import type { AxeResults, ImpactValue, Result, RunOptions } from "axe-core";
import type { Frame } from "playwright-core";

const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** WCAG 2.0 and 2.1, levels A and AA, plus Deque's best practices. */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] as const;

export type Impact = Exclude<ImpactValue, null>;
export type ImpactCounts = Record<Impact, number>;

/** What fails the run: anything serious or critical. Moderate and minor findings are reported. */
export const FAILING_IMPACTS: readonly Impact[] = ["serious", "critical"];

export interface AxeFinding {
  id: string;
  impact: Impact | null;
  /**
   * "violation", or "needs review": axe could not decide, e.g. an aria-labelledby whose id
   * is not in the page (a reference that may yet appear). Both count.
   */
  kind: "violation" | "needs review";
  help: string;
  /** The offending elements' selectors and axe's summary of what is wrong with each. */
  nodes: string[];
}

/** Runs axe over the frame's whole document and returns each violated or undecided rule. */
export async function runAxe(frame: Frame): Promise<AxeFinding[]> {
  // A reload (signing in as someone else restarts the pane) drops axe with the old document.
  if (!(await frame.evaluate(() => "axe" in window))) await frame.evaluate(AXE_SOURCE);
  const options: RunOptions = {
    runOnly: { type: "tag", values: [...AXE_TAGS] },
    resultTypes: ["violations", "incomplete"],
  };
  const results = await frame.evaluate(
    (runOptions) =>
      (window as unknown as { axe: { run(context: Document, o: RunOptions): Promise<AxeResults> } }).axe.run(
        document,
        runOptions,
      ),
    options,
  );
  const finding = (kind: AxeFinding["kind"]) => (result: Result) => ({
    id: result.id,
    impact: result.impact ?? null,
    kind,
    help: result.help,
    nodes: result.nodes.map((node) => `${node.target.join(" ")}: ${node.failureSummary ?? node.html}`),
  });
  return [
    ...results.violations.map(finding("violation")),
    ...results.incomplete.map(finding("needs review")),
  ];
}

/** Rules by impact (a rule counts once, however many elements break it). */
export function countByImpact(findings: readonly AxeFinding[]): ImpactCounts {
  const counts: ImpactCounts = { critical: 0, serious: 0, moderate: 0, minor: 0 };
  for (const finding of findings) if (finding.impact) counts[finding.impact] += 1;
  return counts;
}

export function failing(findings: readonly AxeFinding[]): AxeFinding[] {
  return findings.filter((finding) => finding.impact !== null && FAILING_IMPACTS.includes(finding.impact));
}
