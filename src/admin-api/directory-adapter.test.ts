import type { MailContact, NewMailContact } from "../contacts/directory";
import { FixedTokenProvider } from "../auth/token-provider";
import { AdminCenterClient } from "./client";
import {
  AdminCenterDirectory,
  generalUpdateRecord,
  optionsUpdateRecord,
  toCreateContactBody,
  toMailContact,
} from "./directory-adapter";
import { DirectoryError } from "../contacts/directory-error";
import { mailTipFromWire } from "./mail-tip-wire";
import { contactRecord, scriptedFetch, type ScriptedAnswer } from "./test-support/scripted-fetch";
import { ContactRecordSchema, exchangeAdminCenterUrl } from "./wire";

const fullRecord = ContactRecordSchema.parse({
  ...contactRecord("ann@fabrikam.com", { ContactId: "c-1" }),
  ContactName: "Ann Smith",
  ContactFirstName: null,
  ContactLastName: "Smith",
  ContactCompany: "Fabrikam",
  ContactDepartment: "Sales",
  ContactMailTip: "<html><body>Fabrikam &amp; partners &lt;external&gt;</body></html>",
  ContactHiddenFromAddressListsEnabled: null,
  IsDirSynced: true,
  EditExchangeSettingsUrl:
    "https://admin.exchange.microsoft.com/?landingpage=contacts/:/ContactDetails/mailContact/c-1&form=mac_sidebar",
  SomethingNew: { nested: true },
});

describe("mailTipFromWire", () => {
  it("unwraps Exchange's html/body wrapper and decodes entities", () => {
    expect(mailTipFromWire("<html><body>A &amp; B &#233;&#x263A; &quot;q&quot;</body></html>")).toBe(
      'A & B é☺ "q"',
    );
    expect(mailTipFromWire("<HTML>\n<BODY dir=ltr>line 1<br>line 2</BODY>\n</HTML>")).toBe("line 1\nline 2");
  });
  it("leaves plain text alone, including text that merely looks encoded", () => {
    expect(mailTipFromWire("Tom &amp; Jerry <3")).toBe("Tom &amp; Jerry <3");
    expect(mailTipFromWire(null)).toBe("");
  });
});

describe("toMailContact", () => {
  it("maps nulls to empty strings, unwraps the mail tip and keeps the record as raw", () => {
    const contact = toMailContact(fullRecord);
    expect(contact).toMatchObject({
      id: "c-1",
      name: "Ann Smith",
      firstName: "",
      lastName: "Smith",
      address: "ann@fabrikam.com",
      company: "Fabrikam",
      mailTip: "Fabrikam & partners <external>",
      hiddenFromAddressLists: false,
      dirSynced: true,
      adminCenterUrl: fullRecord.EditExchangeSettingsUrl,
    });
    expect(contact.raw).toBe(fullRecord);
  });
  it("strips an SMTP: prefix from the external address and builds the admin link when absent", () => {
    const contact = toMailContact(
      ContactRecordSchema.parse(contactRecord("SMTP:Ann@Fabrikam.com", { ContactId: "c-2" })),
    );
    expect(contact.address).toBe("Ann@Fabrikam.com");
    expect(contact.adminCenterUrl).toBe(exchangeAdminCenterUrl("c-2"));
  });
});

describe("request bodies", () => {
  const draft: NewMailContact = {
    name: "Ann Smith (Fabrikam)",
    displayName: "Ann Smith",
    firstName: "Ann",
    lastName: "Smith",
    address: "ann@fabrikam.com",
    company: "Fabrikam",
    title: "CTO",
    phone: "+1 555",
    mobilePhone: "",
    fax: "",
    webPage: "https://fabrikam.com",
    mailTip: "External: Fabrikam",
    hiddenFromAddressLists: false,
  };

  it("create sends the contract's flat body with selected false and ContactName", () => {
    expect(toCreateContactBody(draft)).toEqual({
      ContactFirstName: "Ann",
      ContactLastName: "Smith",
      ContactDisplayName: "Ann Smith",
      ContactExternalEmailAddress: "ann@fabrikam.com",
      ContactMailTip: "External: Fabrikam",
      ContactCompany: "Fabrikam",
      ContactTitle: "CTO",
      ContactWebPage: "https://fabrikam.com",
      ContactPhone: "+1 555",
      ContactMobilePhone: "",
      ContactFax: "",
      ContactHiddenFromAddressListsEnabled: false,
      selected: false,
      ContactName: "Ann Smith (Fabrikam)",
    });
  });

  it("general update sends the full record with only the changed fields replaced", () => {
    const record = generalUpdateRecord(toMailContact(fullRecord), {
      company: "Contoso",
      title: undefined,
      phone: "",
    });
    expect(record).toEqual({ ...fullRecord, ContactCompany: "Contoso", ContactPhone: "" });
  });

  it("options update sends the mail tip as plain text, even when unchanged", () => {
    const hiddenOnly = optionsUpdateRecord(toMailContact(fullRecord), { hiddenFromAddressLists: true });
    expect(hiddenOnly).toEqual({
      ...fullRecord,
      ContactHiddenFromAddressListsEnabled: true,
      ContactMailTip: "Fabrikam & partners <external>",
    });
    expect(optionsUpdateRecord(toMailContact(fullRecord), { mailTip: "New tip" }).ContactMailTip).toBe(
      "New tip",
    );
  });

  it("refuses to update a contact that was not read from the admin center", () => {
    const foreign: MailContact = { ...toMailContact(fullRecord), raw: { something: "else" } };
    expect(() => generalUpdateRecord(foreign, { company: "x" })).toThrow(DirectoryError);
  });
});

describe("AdminCenterDirectory", () => {
  function directoryWith(answers: ScriptedAnswer[]) {
    const scripted = scriptedFetch(answers);
    const client = new AdminCenterClient({
      baseUrl: "http://api.test",
      tokens: new FixedTokenProvider("t"),
      fetch: scripted.fetch,
    });
    return { directory: new AdminCenterDirectory(client), calls: scripted.calls };
  }

  it("findByAddress maps the exact match", async () => {
    const { directory } = directoryWith([{ status: 200, body: { Contacts: [fullRecord], NextLink: null } }]);
    expect((await directory.findByAddress("ANN@fabrikam.com"))?.id).toBe("c-1");
  });

  it("findByAddress does not search for an empty address", async () => {
    const { directory, calls } = directoryWith([]);
    expect(await directory.findByAddress("  ")).toBeNull();
    expect(calls).toHaveLength(0);
  });

  it("create returns null on an acknowledgement, the contact otherwise", async () => {
    const { directory } = directoryWith([
      { status: 200, body: "" },
      { status: 200, body: fullRecord },
    ]);
    const draft = toMailContact(fullRecord);
    expect(await directory.create(draft)).toBeNull();
    expect((await directory.create(draft))?.id).toBe("c-1");
  });

  it("updates go to their own route and map the stored contact", async () => {
    const { directory, calls } = directoryWith([
      { status: 200, body: { ...fullRecord, ContactTitle: "CTO" } },
      { status: 200, body: { Succeeded: true } },
    ]);
    const current = toMailContact(fullRecord);
    expect((await directory.updateGeneral(current, { title: "CTO" })).title).toBe("CTO");
    expect((await directory.updateOptions(current, { mailTip: "Tip" })).mailTip).toBe("Tip");
    expect(calls.map((call) => call.url)).toEqual([
      "http://api.test/admin/api/Contact",
      "http://api.test/admin/api/Contact/options",
    ]);
  });
});

describe("mailTipFromWire with unencoded text", () => {
  it("keeps angle-bracketed words that are not formatting tags", () => {
    expect(mailTipFromWire("<html><body>Fabrikam <sales> &amp; <b>co</b></body></html>")).toBe(
      "Fabrikam <sales> & co",
    );
  });
});
