/** Which switch of the demo page a fault report says did not fire, and why (the page words it). */
import { unfiredFault } from "./demo-routes";

test.each([
  [
    { route: "updateGeneral", fired: false, reason: "step-skipped" },
    { name: "fail-general-update", why: "no-general-step" },
  ],
  [
    { route: "updateOptions", fired: false, reason: "step-skipped" },
    { name: "fail-options-update", why: "no-options-step" },
  ],
  [
    { route: "updateOptions", fired: false, reason: "promotion-ended" },
    { name: "fail-options-update", why: "ended" },
  ],
  [{ route: "updateGeneral", fired: true, reason: "fired" }, null],
  [{ route: "updateGeneral", fired: false, reason: "cleared" }, null],
  [{ route: "search", fired: false, reason: "promotion-ended" }, null],
] as const)("%j: %j", (report, expected) => {
  expect(unfiredFault(report)).toEqual(expected);
});
