/** @jest-environment ./test/setup/jsdom-with-fetch.ts */
/**
 * The pane while its on-demand chunks are still downloading, or failed to: the draft
 * workflow (company guess, prefill) and the after-click views. The downloads are held
 * and answered by the test; everything else is real (client, emulator over HTTP).
 */
import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "./App";
import type { AfterClickViews, DraftWorkflow } from "./lazy-modules";
import { useEmulatedPane } from "./test-support/emulator-services";
import { FakeMailHost, messageFrom } from "./test-support/fake-mail-host";
import { expectNoAxeViolations } from "./test-support/pane-testing";

interface HeldDownload<T> {
  resolve(module: T): void;
  reject(error: Error): void;
}

const mockDownloads = {
  draftWorkflow: [] as HeldDownload<DraftWorkflow>[],
  afterClickViews: [] as HeldDownload<AfterClickViews>[],
};

jest.mock("./lazy-modules", () => {
  const actual = jest.requireActual<typeof import("./lazy-modules")>("./lazy-modules");
  return {
    ...actual,
    draftWorkflowModule: actual.moduleLoader(
      () =>
        new Promise<DraftWorkflow>((resolve, reject) =>
          mockDownloads.draftWorkflow.push({ resolve, reject }),
        ),
    ),
    afterClickViewsModule: actual.moduleLoader(
      () =>
        new Promise<AfterClickViews>((resolve, reject) =>
          mockDownloads.afterClickViews.push({ resolve, reject }),
        ),
    ),
    // Downloads start only when a view asks, so the test sees each one.
    prefetchAfterClickViews: () => {},
  };
});

const chunkError = () => new Error("ChunkLoadError: Loading chunk failed.");

const pane = useEmulatedPane();

function creates(): number {
  return pane.emulator
    .requests()
    .filter((request) => request.method === "POST" && request.path.endsWith("/admin/api/Contact")).length;
}

const SAM = { displayName: "Sam Smith", emailAddress: "sam.smith@northwind.example" };

// The tests run in order: the first leaves the draft workflow downloaded, as a pane would.
test("until the draft is prefilled nothing can be added; a failed download says so, and Try again fills it", async () => {
  const user = userEvent.setup();
  const host = new FakeMailHost({ item: messageFrom(SAM) });
  const { container } = render(<App services={{ ...pane.services, host }} />);

  // The verdict does not wait for the draft. Add comes with it, disabled; what the draft brings
  // (the mail tip, Edit details) is placed below Add once it arrives, so nothing moves then.
  expect(await screen.findByText("Not in the address book yet")).toBeInTheDocument();
  expect(screen.queryByText("Northwind")).not.toBeInTheDocument();
  expect(screen.getByRole("button", { name: "Add to address book" })).toBeDisabled();
  expect(screen.queryByRole("button", { name: "Edit details" })).not.toBeInTheDocument();
  expect(screen.queryByText("Mail tip")).not.toBeInTheDocument();
  await expectNoAxeViolations(container);
  await user.click(screen.getByRole("button", { name: "Add to address book" }));
  expect(creates()).toBe(0);

  expect(mockDownloads.draftWorkflow).toHaveLength(1);
  await act(async () => mockDownloads.draftWorkflow[0]?.reject(chunkError()));
  expect(await screen.findByText(/could not be prepared/)).toBeInTheDocument();
  expect(screen.getByRole("button", { name: "Add to address book" })).toBeDisabled();
  expect(screen.getByRole("button", { name: "Edit details" })).toBeDisabled();
  await expectNoAxeViolations(container);

  await user.click(screen.getByRole("button", { name: "Try again" }));
  expect(mockDownloads.draftWorkflow).toHaveLength(2);
  await act(async () =>
    mockDownloads.draftWorkflow[1]?.resolve(jest.requireActual("./state/draft-workflow")),
  );
  expect(await screen.findByText("Northwind")).toBeInTheDocument();
  expect(screen.queryByText(/could not be prepared/)).not.toBeInTheDocument();
  expect(
    screen.getByText("External contact: Sam Smith from Northwind (northwind.example)."),
  ).toBeInTheDocument();
  expect(screen.getByRole("button", { name: "Add to address book" })).toBeEnabled();
});

test("the editor's download fails: Edit details says so, and Try again downloads it again", async () => {
  const user = userEvent.setup();
  const host = new FakeMailHost({ item: messageFrom(SAM) });
  const { container } = render(<App services={{ ...pane.services, host }} />);
  await screen.findByText("Not in the address book yet");

  await user.click(await screen.findByRole("button", { name: "Edit details" }));
  expect(screen.getByText("Loading…")).toBeInTheDocument();
  expect(mockDownloads.afterClickViews).toHaveLength(1);
  await act(async () => mockDownloads.afterClickViews[0]?.reject(chunkError()));
  const message = await screen.findByText(/could not be downloaded/);
  await expectNoAxeViolations(container);

  expect(message).toBeInTheDocument();
  await user.click(screen.getByRole("button", { name: "Try again" }));
  expect(mockDownloads.afterClickViews).toHaveLength(2);
  await act(async () =>
    mockDownloads.afterClickViews[1]?.resolve(jest.requireActual("./components/after-click-views")),
  );
  expect(await screen.findByRole("textbox", { name: "Company" })).toHaveValue("Northwind");
});
