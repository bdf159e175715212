/**
 * @jest-environment jsdom
 *
 * The bootstrap with a scripted slow Outlook: Office.onReady answers only after the 15 s
 * timeout. The pane first says Outlook did not answer, then starts properly when the
 * answer comes, instead of staying on the message for good.
 */
import { act } from "react";

jest.mock("./App", () => ({ App: () => <p>The pane started</p> }));
jest.mock("./create-pane-services", () => ({
  createPaneServices: () => ({ host: { context: { displayLanguage: "en-US" } } }),
}));
jest.mock("./lazy-modules", () => ({ startLoadingPaneModules: () => undefined }));

let answer: (info: { host: string }) => void = () => undefined;

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  jest.useFakeTimers();
  document.body.innerHTML = '<div id="root"><p>skeleton</p></div>';
  (globalThis as unknown as { Office: unknown }).Office = {
    onReady: () => new Promise((resolve) => (answer = resolve)),
    context: { mailbox: {} },
    HostType: { Outlook: "Outlook" },
  };
  (globalThis as unknown as { __ADDIN_BUILD_CONFIG__: unknown }).__ADDIN_BUILD_CONFIG__ = { demo: "1" };
});

afterAll(() => {
  jest.useRealTimers();
});

it("says Outlook did not answer after 15 s, then renders the pane when onReady resolves later", async () => {
  await act(async () => {
    require("./index");
    await jest.advanceTimersByTimeAsync(14_000);
  });
  expect(document.getElementById("root")?.textContent).toBe("skeleton");

  await act(async () => {
    await jest.advanceTimersByTimeAsync(1_000);
  });
  expect(document.getElementById("root")?.textContent).toContain("Outlook did not answer");

  await act(async () => {
    await jest.advanceTimersByTimeAsync(30_000);
    answer({ host: "Outlook" });
    await jest.advanceTimersByTimeAsync(0);
  });
  const text = document.getElementById("root")?.textContent ?? "";
  expect(text).toContain("The pane started");
  expect(text).not.toContain("Outlook did not answer");
});
