/**
 * Walking the pane with the keyboard alone, as Chromium moves focus: every stop Tab (or
 * Shift+Tab) makes inside the pane's frame, with what a test needs to judge it.
 */
import type { Frame, Page } from "playwright-core";

export interface FocusStop {
  /** Role or tag, and accessible name as far as the page tells (aria-label, label, text). */
  name: string;
  /** Rendered, with a size, not inside aria-hidden or inert, not visibility:hidden. */
  visible: boolean;
  disabled: boolean;
  /** Outline, box-shadow, border or a pseudo-element's transform differ from the unfocused look. */
  focusIndicator: boolean;
}

/** Enough stops for any pane state; more means focus is trapped. */
const MAX_STOPS = 40;

/**
 * Presses Tab from the top of the pane's document until focus leaves the frame, and returns
 * each stop in order.
 */
export async function walkForward(page: Page, frame: Frame): Promise<FocusStop[]> {
  await frame.evaluate(() =>
    document.querySelectorAll("[data-kb-stop]").forEach((element) => element.removeAttribute("data-kb-stop")),
  );
  await focusPaneTop(frame);
  return walk(page, frame, "Tab", 0);
}

/**
 * Moves focus to the very top of the pane's document, as when a person enters the pane: the
 * next Tab goes to its first control. (A blur alone would not do: Chromium goes on from
 * where focus was.) The marker it focuses cannot be reached by Tab itself.
 */
export async function focusPaneTop(frame: Frame): Promise<void> {
  await frame.evaluate(() => {
    let top = document.getElementById("kb-top");
    if (!top) {
      top = document.createElement("span");
      top.id = "kb-top";
      top.tabIndex = -1;
      document.body.prepend(top);
    }
    window.focus();
    top.focus();
  });
}

/**
 * Presses Shift+Tab from the last stop of the forward walk until focus leaves the frame;
 * returns the stops before it, nearest first. (Focus is put on that last stop directly:
 * where a forward walk leaves the frame depends on the page around it.)
 */
export async function walkBackFrom(
  page: Page,
  frame: Frame,
  forward: readonly FocusStop[],
): Promise<FocusStop[]> {
  if (forward.length === 0) return [];
  await frame.evaluate((index) => {
    (document.querySelector(`[data-kb-stop="${index}"]`) as HTMLElement | null)?.focus();
  }, forward.length - 1);
  return walk(page, frame, "Shift+Tab", 100);
}

async function walk(
  page: Page,
  frame: Frame,
  key: "Tab" | "Shift+Tab",
  firstIndex: number,
): Promise<FocusStop[]> {
  const stops: FocusStop[] = [];
  let previous: { index: number; focused: string } | null = null;
  for (let index = firstIndex; index <= firstIndex + MAX_STOPS; index += 1) {
    await page.keyboard.press(key);
    const here = await frame.evaluate(describeFocus, index);
    if (previous) {
      // The previous stop, now without focus: its look must differ from when it had it.
      const unfocused = await frame.evaluate(lookOf, previous.index);
      const stop = stops[stops.length - 1];
      if (stop) stop.focusIndicator = unfocused !== previous.focused;
    }
    if (here === null) return stops;
    stops.push({ ...here, focusIndicator: false });
    previous = { index, focused: await frame.evaluate(lookOf, index) };
  }
  throw new Error(
    `Focus did not leave the pane after ${MAX_STOPS} presses of ${key}: ${stops.map((s) => s.name).join(", ")}`,
  );
}

/** In the frame: the focused element, marked with its stop index, or null when focus is not in the pane. */
function describeFocus(index: number): { name: string; visible: boolean; disabled: boolean } | null {
  const element = document.activeElement as HTMLElement | null;
  if (!document.hasFocus() || !element || element === document.body || element === document.documentElement) {
    return null;
  }
  element.setAttribute("data-kb-stop", String(index));
  const labelled = element.getAttribute("aria-labelledby");
  const name =
    element.getAttribute("aria-label") ??
    (labelled ? document.getElementById(labelled)?.textContent : null) ??
    (element as HTMLInputElement).labels?.[0]?.textContent ??
    element.textContent?.trim() ??
    "";
  const rect = element.getBoundingClientRect();
  const visible =
    element.checkVisibility({ visibilityProperty: true }) &&
    rect.width > 0 &&
    rect.height > 0 &&
    element.closest("[aria-hidden='true'], [inert]") === null;
  const disabled = element.matches(":disabled") || element.closest("[aria-disabled='true']") !== null;
  return {
    name: `${element.getAttribute("role") ?? element.tagName.toLowerCase()} "${name}"`,
    visible,
    disabled,
  };
}

/**
 * In the frame: how the element marked as stop `index` looks, as far as focus indicators go:
 * outline, box-shadow and borders of it and two ancestors (Fluent draws some indicators on a
 * wrapper: the switch's root, an input's field), with their pseudo-elements' transforms
 * (an input's underline grows from nothing).
 */
function lookOf(index: number): string {
  const element = document.querySelector(`[data-kb-stop="${index}"]`);
  if (!element) return "gone";
  const parts: string[] = [];
  let node: Element | null = element;
  for (let depth = 0; depth < 3 && node; depth += 1, node = node.parentElement) {
    for (const pseudo of [null, "::before", "::after"]) {
      const style = getComputedStyle(node, pseudo);
      parts.push(
        [
          style.outlineStyle,
          style.outlineWidth,
          style.outlineColor,
          style.boxShadow,
          style.borderTopColor,
          style.borderBottomColor,
          style.borderBottomWidth,
          pseudo ? style.transform : "",
        ].join(" "),
      );
    }
  }
  return parts.join("|");
}

/** Presses Tab (from wherever focus is) until the pane's focused element has this accessible name. */
export async function tabTo(page: Page, frame: Frame, name: string | RegExp): Promise<void> {
  for (let presses = 0; presses < MAX_STOPS; presses += 1) {
    await page.keyboard.press("Tab");
    const here = await frame.evaluate(describeFocus, 1000 + presses);
    if (here && (typeof name === "string" ? here.name.includes(`"${name}"`) : name.test(here.name))) return;
  }
  throw new Error(`Tab never reached ${String(name)} in the pane.`);
}
