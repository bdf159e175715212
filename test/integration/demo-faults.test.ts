/**
 * The demo's "Fail after create" and "Fail before mail tip" switches over real HTTP, with the
 * real promotion workflow: each hits the step it names in the next promotion only, says
 * when that step never came, and never fails an unrelated call before or after.
 */
import { AdminCenterClient } from "../../src/admin-api/client";
import { AdminCenterDirectory } from "../../src/admin-api/directory-adapter";
import { FixedTokenProvider } from "../../src/auth/token-provider";
import { setHiddenFromAddressLists, setMailTip } from "../../src/contacts/edit";
import { promoteContact } from "../../src/contacts/promote";
import type { ContactDraft } from "../../src/contacts/types";
import { EmulatorControl } from "../../src/emulator/control-client";
import { DEMO_TOKENS, startEmulator, type RunningEmulator } from "../../src/emulator/server";
import { DEMO_FAULTS } from "../../src/harness/demo-routes";

let emulator: RunningEmulator;
let control: EmulatorControl;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  control = new EmulatorControl(emulator.url);
});

afterAll(() => emulator.close());

const EXISTING = "grace@proseware.example";

beforeEach(() =>
  control.reset({
    contacts: [{ ContactName: "Grace Kim", ContactExternalEmailAddress: EXISTING, ContactMailTip: "Hi" }],
  }),
);

function directory(): AdminCenterDirectory {
  return new AdminCenterDirectory(
    new AdminCenterClient({
      baseUrl: emulator.url,
      tokens: new FixedTokenProvider(DEMO_TOKENS.admin),
      timeoutMs: 5000,
      retry: { sleep: async () => undefined },
    }),
  );
}

/** A one-click Add: mail tip set by create, visible; `company` decides whether company and names are set afterwards. */
function draft(overrides: Partial<ContactDraft> = {}): ContactDraft {
  return {
    address: "ada@analytical.example",
    displayName: "Ada Lovelace",
    firstName: "",
    lastName: "",
    company: "",
    mailTip: "External contact.",
    hiddenFromAddressLists: false,
    name: "Ada Lovelace",
    notes: [],
    ...overrides,
  };
}

async function editAfterwards(address: string): Promise<void> {
  const dir = directory();
  const contact = await dir.findByAddress(address);
  const edited = await setMailTip(dir, contact!, "Edited later.");
  await setHiddenFromAddressLists(dir, edited, true);
}

describe.each([
  ["fail-general-update", "update-general", { company: "Analytical Engines" }] as const,
  ["fail-options-update", "update-options", { hiddenFromAddressLists: true }] as const,
])("%s", (name, step, needsTheStep) => {
  const spec = DEMO_FAULTS[name].spec;

  it("fails its step in the next promotion, and nothing after it", async () => {
    await control.addFault(spec);
    const outcome = await promoteContact(directory(), draft(needsTheStep), { sleep: async () => undefined });
    expect(outcome).toMatchObject({ status: "failed", failedStep: step });
    await editAfterwards("ada@analytical.example");
    expect((await control.faults()).Faults).toEqual([]);
    expect((await control.faults()).Reports).toEqual([{ route: spec.route, fired: true, reason: "fired" }]);
  });

  it("does not fire on a promotion that skips its step, says so, and does not fail a later edit", async () => {
    await control.addFault(spec);
    const outcome = await promoteContact(directory(), draft(), { sleep: async () => undefined });
    expect(outcome.status).toBe("done");
    const { Faults, Reports } = await control.faults();
    expect(Faults).toEqual([]);
    expect(Reports).toEqual([{ route: spec.route, fired: false, reason: expect.any(String) }]);
    await expect(editAfterwards("ada@analytical.example")).resolves.toBeUndefined();
  });

  it("leaves an edit of another contact before the promotion alone", async () => {
    await control.addFault(spec);
    await expect(editAfterwards(EXISTING)).resolves.toBeUndefined();
    expect((await control.faults()).Faults).toEqual([
      { route: spec.route, remaining: spec.times, promotion: "waiting-for-create" },
    ]);
    const outcome = await promoteContact(directory(), draft(needsTheStep), { sleep: async () => undefined });
    expect(outcome).toMatchObject({ status: "failed", failedStep: step });
  });
});
