import { CallerSlots, callerKey } from "./caller-slots";

const never = new AbortController().signal;

test("each caller gets its own share; a busy caller's next call waits for one of its own to end", async () => {
  const slots = new CallerSlots(2);
  const a1 = await slots.acquire("a", never);
  const a2 = await slots.acquire("a", never);
  let a3: (() => void) | null = null;
  void slots.acquire("a", never).then((release) => (a3 = release));
  // Another caller is not held up by "a".
  expect(await slots.acquire("b", never)).not.toBeNull();
  await Promise.resolve();
  expect(a3).toBeNull();
  a1!();
  await Promise.resolve();
  expect(a3).not.toBeNull();
  expect(slots.load("a")).toBe(2);
  a2!();
  a3!();
  expect(slots.load("a")).toBe(0);
});

test("a waiting call that is cancelled leaves the line and gets no slot", async () => {
  const slots = new CallerSlots(1);
  const first = await slots.acquire("a", never);
  const cancel = new AbortController();
  const waiting = slots.acquire("a", cancel.signal);
  cancel.abort();
  expect(await waiting).toBeNull();
  first!();
  expect(slots.load("a")).toBe(0);
});

test("the key is a hash: the token is not in it, and different tokens differ", () => {
  expect(callerKey("Bearer secret-token")).not.toContain("secret");
  expect(callerKey("Bearer a")).not.toBe(callerKey("Bearer b"));
});
