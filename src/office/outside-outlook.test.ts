import {
  classifyOfficeReady,
  detectOfficeEnvironment,
  explainOutsideOutlook,
  type OfficeReadySource,
  type OutsideReason,
} from "./outside-outlook";

function office(info: { host: string | null } | Promise<never>, mailbox: unknown = {}): OfficeReadySource {
  return {
    onReady: () => (info instanceof Promise ? info : Promise.resolve(info)),
    context: { mailbox },
  };
}

describe("classifyOfficeReady", () => {
  it("recognises Outlook with a mailbox", () => {
    expect(classifyOfficeReady(office({ host: "Outlook" }), { host: "Outlook" })).toEqual({
      kind: "outlook",
    });
  });

  it("says a plain browser tab has no host", () => {
    expect(classifyOfficeReady(office({ host: null }, null), { host: null })).toEqual({
      kind: "outside",
      reason: "no-host",
      host: null,
    });
  });

  it("names another Office application", () => {
    expect(classifyOfficeReady(office({ host: "Word" }), { host: "Word" })).toEqual({
      kind: "outside",
      reason: "other-host",
      host: "Word",
    });
  });

  it("refuses Outlook without a mailbox rather than crashing later", () => {
    expect(classifyOfficeReady(office({ host: "Outlook" }, null), { host: "Outlook" })).toMatchObject({
      kind: "outside",
      reason: "no-mailbox",
    });
  });
});

describe("detectOfficeEnvironment", () => {
  afterEach(() => jest.useRealTimers());

  it("reports office.js missing when there is no Office object", async () => {
    await expect(detectOfficeEnvironment(undefined)).resolves.toMatchObject({ reason: "office-js-missing" });
  });

  it("waits for onReady and classifies what it says", async () => {
    await expect(detectOfficeEnvironment(office({ host: "Outlook" }))).resolves.toEqual({ kind: "outlook" });
    await expect(detectOfficeEnvironment(office({ host: null }, null))).resolves.toMatchObject({
      reason: "no-host",
    });
  });

  it("turns a rejected onReady into an explanation, not an unhandled error", async () => {
    const failing = office(Promise.reject(new Error("host init failed")));
    await expect(detectOfficeEnvironment(failing)).resolves.toMatchObject({
      kind: "outside",
      reason: "no-host",
    });
  });

  it("gives up after the timeout when onReady never answers", async () => {
    jest.useFakeTimers();
    const silent: OfficeReadySource = { onReady: () => new Promise(() => undefined), context: null };
    const verdict = detectOfficeEnvironment(silent, 5_000);
    await jest.advanceTimersByTimeAsync(4_999);
    let settled = false;
    void verdict.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    await expect(verdict).resolves.toEqual({ kind: "outside", reason: "timeout", host: null });
  });
});

describe("explainOutsideOutlook", () => {
  const reasons: OutsideReason[] = ["office-js-missing", "no-host", "other-host", "no-mailbox", "timeout"];

  it.each(reasons)("explains %s with a title and at least one paragraph", (reason) => {
    const explanation = explainOutsideOutlook(reason, "Excel");
    expect(explanation.title.length).toBeGreaterThan(0);
    expect(explanation.paragraphs.length).toBeGreaterThan(0);
  });

  it("names the application it was opened in", () => {
    expect(explainOutsideOutlook("other-host", "Excel").paragraphs.join(" ")).toContain("Excel");
  });

  it("tells a person in a plain browser where the add-in runs", () => {
    expect(explainOutsideOutlook("no-host", null).paragraphs.join(" ")).toMatch(/Outlook on the web/);
  });
});
