import { selectionCandidates, suggestionCandidates } from "./selection-people";
import { rankFrequentSenders } from "./suggestions";

const context = { userAddress: "megan@contoso.com", org: { internalDomains: [] } };
const from = (emailAddress: string, displayName = "") => ({ from: { displayName, emailAddress } });

describe("selectionCandidates", () => {
  it("gives one row per distinct sender across the selection, with how many messages each sent", () => {
    const rows = selectionCandidates(
      [
        from("ana@supplier.example", "Ana"),
        from("bo@vendor.example", "Bo"),
        from("ANA@supplier.example", ""),
        { from: null },
        from("lee.gu@contoso.com", "Lee Gu"),
        from("no-reply@shop.example"),
      ],
      context,
    );
    expect(rows.map((row) => [row.key, row.classification.kind, row.sources])).toEqual([
      ["ana@supplier.example", "external", [{ kind: "selected-message", count: 2 }]],
      ["bo@vendor.example", "external", [{ kind: "selected-message", count: 1 }]],
      ["lee.gu@contoso.com", "internal", [{ kind: "selected-message", count: 1 }]],
      ["no-reply@shop.example", "automated", [{ kind: "selected-message", count: 1 }]],
    ]);
    expect(rows[0]!.displayName).toBe("Ana");
  });

  it("takes a name from a later message when the first gave none", () => {
    const rows = selectionCandidates(
      [from("ana@supplier.example"), from("ana@supplier.example", "Ana Lima")],
      context,
    );
    expect(rows[0]!.displayName).toBe("Ana Lima");
  });

  it("marks the user's own messages as theirs, not as someone to add", () => {
    const rows = selectionCandidates([from("Megan@contoso.com", "Megan")], context);
    expect(rows[0]!.classification.reason).toEqual({ code: "yourself" });
  });
});

describe("suggestionCandidates", () => {
  it("carries each frequent sender's count and last date into its row, in rank order", () => {
    const now = new Date("2026-11-30T12:00:00Z");
    const ranked = rankFrequentSenders(
      [
        {
          from: { displayName: "Bo", emailAddress: "bo@vendor.example" },
          receivedDateTime: "2026-11-29T08:00:00Z",
        },
        {
          from: { displayName: "Ana", emailAddress: "ana@supplier.example" },
          receivedDateTime: "2026-11-20T08:00:00Z",
        },
        {
          from: { displayName: "Ana", emailAddress: "ana@supplier.example" },
          receivedDateTime: "2026-11-28T08:00:00Z",
        },
      ],
      { now, ...context },
    );
    const rows = suggestionCandidates(ranked.senders, context);
    expect(rows.map((row) => [row.key, row.displayName, row.sources])).toEqual([
      [
        "ana@supplier.example",
        "Ana",
        [{ kind: "suggestion", count: 2, lastDate: "2026-11-28T08:00:00.000Z" }],
      ],
      ["bo@vendor.example", "Bo", [{ kind: "suggestion", count: 1, lastDate: "2026-11-29T08:00:00.000Z" }]],
    ]);
  });
});
