import { EXCHANGE_LIMITS } from "../contacts/exchange-rules";
import {
  checkLength,
  deriveAlias,
  isValidSmtpAddress,
  normalizeMailTip,
  parseExternalAddress,
  readTextField,
  EmulatedApiError,
} from "./exchange-validation";
import { FaultQueue, FaultSpecSchema } from "./faults";

describe("deriveAlias", () => {
  it.each([
    ["Émile Zola", "EmileZola"],
    ["O'Brien, Pat (Acme)", "O'BrienPatAcme"],
    ["..dots..in..name..", "dots.in.name"],
    ["a . b", "a.b"],
    ["李小龍", "contact"],
    ["", "contact"],
  ])("derives %j as %j", (name, alias) => {
    expect(deriveAlias(name)).toBe(alias);
  });

  it("caps the alias at the Exchange limit without a trailing period", () => {
    const alias = deriveAlias(`${"a".repeat(EXCHANGE_LIMITS.alias - 1)}.b`);
    expect(alias).toHaveLength(EXCHANGE_LIMITS.alias - 1);
    expect(alias.endsWith(".")).toBe(false);
  });
});

describe("isValidSmtpAddress", () => {
  it.each(["john@contoso.com", "o'brien+tag@sub.example.co.uk", "x@xn--bcher-kva.example"])(
    "accepts %s",
    (address) => {
      expect(isValidSmtpAddress(address)).toBe(true);
    },
  );

  it.each([
    "john@",
    "@contoso.com",
    "john..doe@contoso.com",
    ".john@contoso.com",
    "john@contoso",
    "john@contoso..com",
    "john@10.0.0.1",
    "jöhn@contoso.com",
    `${"l".repeat(65)}@contoso.com`,
  ])("refuses %s", (address) => {
    expect(isValidSmtpAddress(address)).toBe(false);
  });

  it("strips an SMTP: prefix and surrounding spaces", () => {
    expect(parseExternalAddress("  smtp:John@Contoso.com ")).toBe("John@Contoso.com");
  });
});

describe("fields and limits", () => {
  it("reads blank text as null and refuses non-strings", () => {
    expect(readTextField({ a: "  " }, "a")).toBeNull();
    expect(readTextField({}, "a")).toBeUndefined();
    expect(() => readTextField({ a: 5 }, "a")).toThrow(EmulatedApiError);
  });

  it("counts the mail tip without Exchange's wrapper", () => {
    const tip = "t".repeat(EXCHANGE_LIMITS.mailTip);
    const normalized = normalizeMailTip(`<html><body>${tip}</body></html>`);
    expect(normalized).toBe(tip);
    expect(() => checkLength("ContactMailTip", normalized)).not.toThrow();
    expect(() => checkLength("ContactMailTip", `${tip}!`)).toThrow(/Property: "MailTip"/);
  });

  it("counts the mail tip in displayed characters, as the draft validation does, and names in UTF-16 units", () => {
    // 175 family emoji are 175 displayed characters but 1925 UTF-16 units.
    const emojiTip = "👨‍👩‍👧‍👦".repeat(EXCHANGE_LIMITS.mailTip);
    expect(() => checkLength("ContactMailTip", emojiTip)).not.toThrow();
    expect(() => checkLength("ContactMailTip", `${emojiTip}👍`)).toThrow(
      /length of the value provided is 176/,
    );
    expect(() => checkLength("ContactCompany", "👍".repeat(33))).toThrow(
      /provided is 66\. Property: "Company"/,
    );
  });

  it("keeps other HTML in a mail tip as text", () => {
    expect(normalizeMailTip("<b>bold</b>")).toBe("<b>bold</b>");
    expect(normalizeMailTip("<html><body> </body></html>")).toBeNull();
  });
});

describe("FaultQueue", () => {
  it("hands out the first matching fault, counting down its times", () => {
    const queue = new FaultQueue();
    queue.add(FaultSpecSchema.parse({ route: "create", status: 500 }));
    queue.add(FaultSpecSchema.parse({ route: "*", status: 503, times: 2 }));
    expect(queue.take("search")?.status).toBe(503);
    expect(queue.take("create")?.status).toBe(500);
    expect(queue.take("updateOptions")?.status).toBe(503);
    expect(queue.take("search")).toBeNull();
    expect(queue.pending).toBe(0);
  });
});
