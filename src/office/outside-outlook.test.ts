import {
  classifyOfficeReady,
  hostDisplayLanguage,
  waitForOfficeEnvironment,
  type OfficeReadySource,
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

describe("waitForOfficeEnvironment", () => {
  afterEach(() => jest.useRealTimers());
  const never = () => undefined;

  it("reports office.js missing when there is no Office object", async () => {
    await expect(waitForOfficeEnvironment(undefined, { onSlow: never })).resolves.toMatchObject({
      reason: "office-js-missing",
    });
  });

  it("waits for onReady and classifies what it says", async () => {
    await expect(waitForOfficeEnvironment(office({ host: "Outlook" }), { onSlow: never })).resolves.toEqual({
      kind: "outlook",
    });
    await expect(
      waitForOfficeEnvironment(office({ host: null }, null), { onSlow: never }),
    ).resolves.toMatchObject({
      reason: "no-host",
    });
  });

  it("turns a rejected onReady into an explanation, not an unhandled error", async () => {
    const failing = office(Promise.reject(new Error("host init failed")));
    await expect(waitForOfficeEnvironment(failing, { onSlow: never })).resolves.toMatchObject({
      kind: "outside",
      reason: "no-host",
    });
  });

  it("says Outlook is slow after the timeout, and still starts when onReady answers later", async () => {
    jest.useFakeTimers();
    let answer: (info: { host: string }) => void = () => undefined;
    const late: OfficeReadySource = {
      onReady: () => new Promise((resolve) => (answer = resolve)),
      context: { mailbox: {} },
    };
    const onSlow = jest.fn();
    let verdict: unknown = "pending";
    void waitForOfficeEnvironment(late, { timeoutMs: 5_000, onSlow }).then((value) => (verdict = value));
    await jest.advanceTimersByTimeAsync(4_999);
    expect(onSlow).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(1);
    expect(onSlow).toHaveBeenCalledTimes(1);
    expect(verdict).toBe("pending");
    await jest.advanceTimersByTimeAsync(20_000);
    answer({ host: "Outlook" });
    await jest.advanceTimersByTimeAsync(0);
    expect(verdict).toEqual({ kind: "outlook" });
    expect(onSlow).toHaveBeenCalledTimes(1);
  });

  it("does not call it slow when onReady answers in time", async () => {
    jest.useFakeTimers();
    const onSlow = jest.fn();
    await waitForOfficeEnvironment(office({ host: "Outlook" }), { timeoutMs: 5_000, onSlow });
    await jest.advanceTimersByTimeAsync(10_000);
    expect(onSlow).not.toHaveBeenCalled();
  });
});

describe("hostDisplayLanguage", () => {
  const withLanguage = (displayLanguage: unknown): OfficeReadySource => ({
    onReady: () => Promise.resolve({ host: "Word" }),
    context: { mailbox: null, displayLanguage },
  });

  it("gives the display language of the Office application that answered", () => {
    const office = withLanguage("de-DE");
    expect(hostDisplayLanguage(office, classifyOfficeReady(office, { host: "Word" }))).toBe("de-DE");
  });

  it("gives none for a plain tab, whatever office.js reports there, or for no language", () => {
    const office = withLanguage("en-US");
    expect(hostDisplayLanguage(office, classifyOfficeReady(office, { host: null }))).toBeNull();
    expect(
      hostDisplayLanguage(undefined, { kind: "outside", reason: "office-js-missing", host: null }),
    ).toBeNull();
    const silent = withLanguage("");
    expect(hostDisplayLanguage(silent, classifyOfficeReady(silent, { host: "Word" }))).toBeNull();
  });
});
