import {
  rankFrequentSenders,
  windowStart,
  withoutDirectoryContacts,
  type ReceivedMessage,
} from "./suggestions";

const NOW = new Date("2026-11-30T12:00:00Z");
const options = {
  now: NOW,
  userAddress: "megan@contoso.com",
  org: { internalDomains: ["fabrikam-internal.example"] },
};

function daysAgo(days: number): string {
  return new Date(NOW.getTime() - days * 24 * 60 * 60 * 1000).toISOString();
}

function mail(emailAddress: string, days: number, displayName = ""): ReceivedMessage {
  return { from: { displayName, emailAddress }, receivedDateTime: daysAgo(days) };
}

describe("rankFrequentSenders: counts", () => {
  it("counts each external sender's messages, ranks by count, and keeps the newest date", () => {
    const result = rankFrequentSenders(
      [
        mail("ana@supplier.example", 3, "Ana"),
        mail("bo@vendor.example", 1, "Bo"),
        mail("ana@supplier.example", 1, "Ana"),
        mail("ana@supplier.example", 10, "Ana"),
        mail("bo@vendor.example", 2, "Bo"),
        mail("cy@partner.example", 5, "Cy"),
      ],
      options,
    );
    expect(result.senders.map((s) => [s.address, s.messageCount, s.lastReceived])).toEqual([
      ["ana@supplier.example", 3, daysAgo(1)],
      ["bo@vendor.example", 2, daysAgo(1)],
      ["cy@partner.example", 1, daysAgo(5)],
    ]);
  });

  it("counts one person under different spellings of the address once (addressKey)", () => {
    const result = rankFrequentSenders(
      [mail("Ana@Supplier.EXAMPLE", 2), mail("ana@supplier.example", 1), mail(" ana@supplier.example ", 4)],
      options,
    );
    expect(result.senders).toHaveLength(1);
    expect(result.senders[0]!.messageCount).toBe(3);
  });

  it("shows the newest non-empty display name the sender used", () => {
    const result = rankFrequentSenders(
      [
        mail("ana@supplier.example", 9, "ANA OLD"),
        mail("ana@supplier.example", 1, ""),
        mail("ana@supplier.example", 4, "Ana Lima"),
      ],
      options,
    );
    expect(result.senders[0]!.displayName).toBe("Ana Lima");
  });

  it("breaks ties by the newest last message, then by address", () => {
    const result = rankFrequentSenders(
      [mail("zed@a.example", 2), mail("amy@b.example", 2), mail("old@c.example", 8)],
      options,
    );
    expect(result.senders.map((s) => s.address)).toEqual(["amy@b.example", "zed@a.example", "old@c.example"]);
  });

  it("shows at most `limit` people and says how many more there are", () => {
    const many = Array.from({ length: 25 }, (_, i) => mail(`p${i}@supplier${i}.example`, 1));
    const result = rankFrequentSenders(many, { ...options, limit: 20 });
    expect(result.senders).toHaveLength(20);
    expect(result.more).toBe(5);
  });
});

describe("rankFrequentSenders: the window", () => {
  it("leaves out messages older than the window and counts them as such", () => {
    const result = rankFrequentSenders(
      [mail("ana@supplier.example", 29), mail("ana@supplier.example", 31), mail("bo@vendor.example", 45)],
      options,
    );
    expect(result.senders.map((s) => [s.address, s.messageCount])).toEqual([["ana@supplier.example", 1]]);
    expect(result.excluded["outside-window"]).toBe(2);
  });

  it("honours a configured window", () => {
    const result = rankFrequentSenders([mail("ana@supplier.example", 6), mail("bo@vendor.example", 8)], {
      ...options,
      windowDays: 7,
    });
    expect(result.senders.map((s) => s.address)).toEqual(["ana@supplier.example"]);
    expect(windowStart(NOW, 7).toISOString()).toBe(daysAgo(7));
  });

  it("leaves out an unreadable date instead of counting it", () => {
    const result = rankFrequentSenders(
      [{ from: { displayName: "", emailAddress: "ana@supplier.example" }, receivedDateTime: "yesterday" }],
      options,
    );
    expect(result.senders).toEqual([]);
    expect(result.excluded["outside-window"]).toBe(1);
  });
});

describe("rankFrequentSenders: exclusions", () => {
  it("leaves out internal, automated and unusable senders and the user, counting each", () => {
    const result = rankFrequentSenders(
      [
        mail("lee.gu@contoso.com", 1),
        mail("team@sub.fabrikam-internal.example", 1),
        mail("no-reply@shop.example", 1),
        mail("postmaster@supplier.example", 2),
        mail("", 1, "Display Name Only"),
        mail("/o=ExchangeLabs/ou=Exchange Administrative Group/cn=Recipients/cn=abc", 1),
        mail("MEGAN@contoso.com", 1),
        { from: null, receivedDateTime: daysAgo(1) },
        mail("ana@supplier.example", 1),
      ],
      options,
    );
    expect(result.senders.map((s) => s.address)).toEqual(["ana@supplier.example"]);
    expect(result.excluded).toMatchObject({ internal: 2, automated: 2, unusable: 3, yourself: 1 });
  });

  it("leaves out the user even when their address is not in an internal domain", () => {
    const result = rankFrequentSenders([mail("megan@personal.example", 1)], {
      ...options,
      userAddress: "Megan@Personal.example",
    });
    expect(result.senders).toEqual([]);
    expect(result.excluded.yourself).toBe(1);
  });
});

describe("withoutDirectoryContacts", () => {
  const ranked = rankFrequentSenders(
    [
      mail("ana@supplier.example", 1),
      mail("ana@supplier.example", 2),
      mail("bo@vendor.example", 1),
      mail("cy@partner.example", 1),
      mail("di@maker.example", 3),
    ],
    options,
  );

  it("drops the people the directory has, keeps the order, and counts them", () => {
    const result = withoutDirectoryContacts(ranked, (address) => address === "bo@vendor.example");
    expect(result.senders.map((s) => s.address)).toEqual([
      "ana@supplier.example",
      "cy@partner.example",
      "di@maker.example",
    ]);
    expect(result.excluded["in-directory"]).toBe(1);
    expect(result.more).toBe(ranked.more);
  });
});
