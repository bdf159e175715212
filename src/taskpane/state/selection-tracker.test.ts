import type { MultiSelectHost, SelectedMessages } from "../../office/mail-host";
import { FakeMailHost } from "../test-support/fake-mail-host";
import { SelectionTracker } from "./selection-tracker";

function sent(...addresses: string[]): SelectedMessages {
  return {
    selectedCount: addresses.length,
    skipped: 0,
    messages: addresses.map((emailAddress) => ({ from: { displayName: "", emailAddress }, sender: null })),
  };
}

/** A multi-select host whose reads the test answers one by one. */
function multiSelect() {
  const pending: Array<{ resolve: (value: SelectedMessages) => void; signal?: AbortSignal }> = [];
  let changed: (() => void) | null = null;
  const host: MultiSelectHost = {
    onSelectionChanged(listener) {
      changed = listener;
      return () => (changed = null);
    },
    readSelectedMessages(signal) {
      return new Promise((resolve, reject) => {
        signal?.addEventListener("abort", () => reject(signal.reason));
        pending.push({ resolve, ...(signal ? { signal } : {}) });
      });
    },
  };
  return { host, pending, fire: () => changed?.() };
}

function tracker(multi: MultiSelectHost | null) {
  const host = new FakeMailHost();
  Object.assign(host, { multiSelect: multi });
  const selection = new SelectionTracker(host);
  const views: string[] = [];
  selection.subscribe(() => views.push(selection.getSnapshot().kind));
  return { selection, views };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("SelectionTracker", () => {
  it("stays on the single-message pane where the client has no multi-select", async () => {
    const { selection } = tracker(null);
    await selection.refresh();
    expect(selection.getSnapshot()).toEqual({ kind: "single" });
  });

  it("gives the senders of the messages once two or more are selected", async () => {
    const multi = multiSelect();
    const { selection } = tracker(multi.host);
    multi.fire();
    multi.pending[0]!.resolve(sent("ana@supplier.example", "bo@vendor.example", "ANA@supplier.example"));
    await settle();
    const view = selection.getSnapshot();
    if (view.kind !== "several") throw new Error(`expected several, got ${view.kind}`);
    expect(view.messages).toBe(3);
    expect(view.senders.map((message) => message.from?.emailAddress)).toEqual([
      "ana@supplier.example",
      "bo@vendor.example",
      "ANA@supplier.example",
    ]);
  });

  it("goes back to the single pane when one message is selected again, without flashing 'reading' on plain clicks", async () => {
    const multi = multiSelect();
    const { selection, views } = tracker(multi.host);
    multi.fire();
    multi.pending[0]!.resolve(sent("ana@supplier.example"));
    await settle();
    expect(views).toEqual(["single"]);
    multi.fire();
    multi.pending[1]!.resolve(sent("ana@supplier.example", "bo@vendor.example"));
    await settle();
    multi.fire();
    multi.pending[2]!.resolve(sent("bo@vendor.example"));
    await settle();
    expect(views).toEqual(["single", "several", "reading", "single"]);
    expect(selection.getSnapshot()).toEqual({ kind: "single" });
  });

  it("the newest selection wins: an older read is aborted and its answer never shown", async () => {
    const multi = multiSelect();
    const { selection } = tracker(multi.host);
    multi.fire();
    multi.fire();
    expect(multi.pending[0]!.signal?.aborted).toBe(true);
    multi.pending[1]!.resolve(sent("cy@partner.example", "di@maker.example"));
    multi.pending[0]!.resolve(sent("old@stale.example", "older@stale.example"));
    await settle();
    const view = selection.getSnapshot();
    expect(view.kind === "several" && view.senders.map((message) => message.from?.emailAddress)).toEqual([
      "cy@partner.example",
      "di@maker.example",
    ]);
  });
});
