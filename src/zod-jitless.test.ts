/**
 * zod never generates code in the pane (`new Function`, which the pane's CSP forbids and
 * reports even when zod catches it): loading the pane's schema module turns on `jitless`
 * before any schema exists. zod/mini builds no parsers with Function; classic zod does
 * unless jitless, so a classic schema proves the setting.
 */
import { config } from "zod/mini";

/** As on a fresh page: nothing has set jitless yet (the test setup loads the schemas once). */
function freshZodConfig(): void {
  Object.assign(config(), { jitless: undefined });
}

function countFunctionConstructions(run: () => void): unknown[] {
  const original = globalThis.Function;
  const constructed: unknown[] = [];
  globalThis.Function = new Proxy(original, {
    construct(target, args) {
      constructed.push(args);
      return Reflect.construct(target, args) as object;
    },
  });
  try {
    run();
  } finally {
    globalThis.Function = original;
  }
  return constructed;
}

describe("zod runs jitless where the pane's schemas load", () => {
  it("loading src/admin-api/wire.ts turns jitless on", () => {
    freshZodConfig();
    jest.isolateModules(() => {
      require("./admin-api/wire");
    });
    expect(config().jitless).toBe(true);
  });

  it("after it, schemas (classic zod too) are built and parsed without constructing a Function", () => {
    freshZodConfig();
    const constructed = countFunctionConstructions(() => {
      jest.isolateModules(() => {
        const wire = require("./admin-api/wire") as typeof import("./admin-api/wire");
        const { z } = require("zod") as typeof import("zod");
        const record = { ContactId: "1", ContactExternalEmailAddress: "ada@analytical.example" };
        expect(wire.GetContactsResponseSchema.safeParse({ Contacts: [record] }).success).toBe(true);
        expect(z.object({ a: z.string() }).safeParse({ a: "x" }).success).toBe(true);
      });
    });
    expect(constructed).toEqual([]);
  });
});
