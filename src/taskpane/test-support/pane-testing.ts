/**
 * Helpers shared by the pane's component tests: the accessibility check and a recorder
 * of every (sender, verdict) pair the pane ever displayed.
 */
import { axe, toHaveNoViolations } from "jest-axe";
import { strings } from "../strings";

expect.extend(toHaveNoViolations);

/** Runs axe over the rendered pane; colour contrast is left to the screenshot review (jsdom has no layout). */
export async function expectNoAxeViolations(container: Element): Promise<void> {
  expect(await axe(container, { rules: { "color-contrast": { enabled: false } } })).toHaveNoViolations();
  // axe only "needs review" a reference to an id that is not there (it may appear later); here it must be there.
  const dangling = [
    ...container.querySelectorAll("[aria-labelledby], [aria-describedby], [aria-controls]"),
  ].flatMap((element) =>
    ["aria-labelledby", "aria-describedby", "aria-controls"].flatMap((attribute) =>
      (element.getAttribute(attribute) ?? "")
        .split(/\s+/)
        .filter((id) => id !== "" && element.ownerDocument.getElementById(id) === null)
        .map((id) => `${attribute}="${id}" on <${element.tagName.toLowerCase()}>`),
    ),
  );
  expect(dangling).toEqual([]);
}

export interface DisplayedState {
  sender: string | null;
  verdict: string | null;
}

/** The sender's name heading and the verdict slot's text ("checking" while the skeleton shows). */
export function displayedState(container: Element): DisplayedState {
  const sender = container.querySelector("section h2")?.textContent ?? null;
  const slot = container.querySelector(`section [aria-label='${strings.verdict.regionLabel}']`);
  const verdict =
    slot === null ? null : slot.getAttribute("aria-busy") === "true" ? "checking" : slot.textContent;
  return { sender, verdict };
}

/**
 * Records what the pane shows after every DOM change. Browsers paint between tasks;
 * a MutationObserver callback runs after each task's DOM changes, so every state a
 * person could have seen is recorded.
 */
export function recordDisplayedStates(container: Element): { states: DisplayedState[]; stop(): void } {
  const states: DisplayedState[] = [displayedState(container)];
  const observer = new MutationObserver(() => {
    const state = displayedState(container);
    const last = states[states.length - 1];
    if (!last || last.sender !== state.sender || last.verdict !== state.verdict) states.push(state);
  });
  observer.observe(container, { subtree: true, childList: true, characterData: true, attributes: true });
  return { states, stop: () => observer.disconnect() };
}
