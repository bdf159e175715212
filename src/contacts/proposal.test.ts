import {
  checkProposalMessage,
  parseApprovers,
  composeProposal,
  MAX_BLOCK_CHARACTERS,
  PROPOSAL_BEGIN,
  PROPOSAL_END,
  type ContactProposal,
  type ProposalMessage,
} from "./proposal";
import { german } from "../taskpane/locales/de";
import { pseudoCatalogue } from "../taskpane/locales/pseudo";
import { proposalWords } from "../taskpane/proposals/proposal-words";
import { english, selectCatalogue, type Catalogue } from "../taskpane/strings";

const ORG = { internalDomains: [] as string[] };
const MEGAN = { displayName: "Megan Bowen", emailAddress: "megan@contoso.com" };
const ADELE = { displayName: "Adele Vance", emailAddress: "adele@contoso.com" };

const PROPOSAL: ContactProposal = {
  address: "isabel.ferreira@fabrikam.com",
  displayName: "Isabel Ferreira",
  firstName: "Isabel",
  lastName: "Ferreira",
  company: "Fabrikam",
  mailTip: "External contact: Isabel Ferreira from Fabrikam (fabrikam.com).",
  hiddenFromAddressLists: false,
  reason: "We review the supply agreement with her every week.",
  proposer: { displayName: ADELE.displayName, address: ADELE.emailAddress },
  senderCheck: { status: "verified", reason: "compauth-pass" },
  risks: [],
};

/** What Exchange Online gives Outlook for a message a colleague's mailbox submitted. */
function internalHeaders(from = ADELE.emailAddress): string {
  return [
    "Received: from DM6PR01MB5678.namprd01.prod.outlook.com (2603:10b6:5:1::1) by",
    " SN6PR01MB1234.namprd01.prod.outlook.com with HTTPS; Mon, 30 Nov 2026 09:00:00 +0000",
    "X-MS-Exchange-Organization-AuthAs: Internal",
    "X-MS-Exchange-Organization-AuthMechanism: 04",
    "X-MS-Exchange-Organization-AuthSource: DM6PR01MB5678.namprd01.prod.outlook.com",
    `From: <${from}>`,
    "Subject: Proposal",
  ].join("\r\n");
}

/** An inbound message from outside, as EOP stamps it (AuthAs Anonymous), with what the sender wrote below. */
function externalHeaders(senderWrote: string[] = []): string {
  return [
    "Received: from BN9PR03CA0123.namprd03.prod.outlook.com by SN6PR01MB1234.namprd01.prod.outlook.com with HTTPS",
    "Authentication-Results: spf=pass smtp.mailfrom=fabrikam.com; dmarc=pass action=none header.from=fabrikam.com;compauth=pass reason=100",
    "Received: from mail.fabrikam.com (198.51.100.7) by BN1PEPF00004688.mail.protection.outlook.com",
    "X-MS-Exchange-Organization-AuthAs: Anonymous",
    ...senderWrote,
    "From: <someone@fabrikam.com>",
  ].join("\r\n");
}

function message(body: string, overrides: Partial<ProposalMessage> = {}): ProposalMessage {
  return {
    body,
    from: ADELE,
    sender: ADELE,
    headers: internalHeaders(),
    userAddress: MEGAN.emailAddress,
    userDisplayName: MEGAN.displayName,
    ...overrides,
  };
}

const composed = () => composeProposal(PROPOSAL, proposalWords());

/** A block made by hand from any JSON, as a hostile sender could write it. */
function handBlock(json: unknown): string {
  const encoded = Buffer.from(JSON.stringify(json), "utf8").toString("base64url");
  return `${PROPOSAL_BEGIN}\n${encoded.replace(/(.{64})/g, "$1\n")}\n${PROPOSAL_END}`;
}

function wireOf(proposal: ContactProposal): Record<string, unknown> {
  return {
    v: 1,
    address: proposal.address,
    displayName: proposal.displayName,
    firstName: proposal.firstName,
    lastName: proposal.lastName,
    company: proposal.company,
    mailTip: proposal.mailTip,
    hidden: proposal.hiddenFromAddressLists,
    reason: proposal.reason,
    by: { name: proposal.proposer.displayName, address: proposal.proposer.address },
    check: proposal.senderCheck,
    risks: proposal.risks,
  };
}

/** The readable part composeProposal writes, with a hand-made block instead of its own. */
function withBlock(block: string, proposal: ContactProposal = PROPOSAL): string {
  const text = composeProposal(proposal, proposalWords()).textBody;
  return `${text.slice(0, text.indexOf(PROPOSAL_BEGIN))}${block}`;
}

function problemOf(check: ReturnType<typeof checkProposalMessage>) {
  return check.kind === "refused" ? check.problem : check.kind;
}

describe("composing and reading a proposal", () => {
  it("reads back exactly what was composed, from the text a mail client gives", () => {
    const check = checkProposalMessage(message(composed().textBody), ORG);
    expect(check.kind).toBe("accepted");
    if (check.kind !== "accepted") return;
    expect(check.proposal).toEqual(PROPOSAL);
    expect(check.person.kind).toBe("external");
    expect(check.person.address?.address).toBe(PROPOSAL.address);
    expect(check.proposer.address?.address).toBe(ADELE.emailAddress);
  });

  it("survives a client that rewraps lines at spaces and changes line endings", () => {
    const wrap = (line: string) => {
      if (line.startsWith("-----")) return [line];
      // The block's base64 lines are cut anywhere: whitespace inside the block is ignored.
      if (!line.includes(" ")) return line.match(/.{1,30}/g) ?? [""];
      const lines: string[] = [];
      let current = "";
      for (const word of line.split(" ")) {
        if (current !== "" && current.length + word.length > 30) {
          lines.push(current);
          current = word;
        } else current = current === "" ? word : `${current} ${word}`;
      }
      return [...lines, current];
    };
    const rewrapped = composed().textBody.split("\n").flatMap(wrap).join("\r\n");
    expect(rewrapped.split("\r\n").length).toBeGreaterThan(composed().textBody.split("\n").length + 10);
    expect(checkProposalMessage(message(rewrapped), ORG, proposalWords()).kind).toBe("accepted");
    expect(checkProposalMessage(message(rewrapped), ORG).kind).toBe("accepted");
  });

  it("keeps non-Latin names and an IDN address intact", () => {
    const proposal: ContactProposal = {
      ...PROPOSAL,
      address: "juergen@xn--mller-maschinenbau-52b.de",
      displayName: "Jürgen Weiß",
      firstName: "Jürgen",
      lastName: "Weiß",
      company: "Müller Maschinenbau",
      mailTip: "",
      reason: "",
    };
    const check = checkProposalMessage(message(composeProposal(proposal, proposalWords()).textBody), ORG);
    expect(check.kind === "accepted" && check.proposal).toEqual(proposal);
  });

  it("escapes every value in the HTML body: a script typed in a field stays text", () => {
    const hostile = { ...PROPOSAL, reason: '<script>alert("x")</script> & <img src=x onerror=alert(1)>' };
    const { htmlBody, subject } = composeProposal(hostile, proposalWords());
    expect(htmlBody).not.toMatch(/<script|<img/i);
    expect(htmlBody).toContain("&#60;script&#62;");
    expect(subject).toBe("Proposal: add Isabel Ferreira (isabel.ferreira@fabrikam.com) to the address book");
  });

  it("names every value in the readable part, so an approver without the add-in can act on it", () => {
    const { textBody } = composed();
    for (const value of [
      PROPOSAL.address,
      PROPOSAL.displayName,
      PROPOSAL.company,
      PROPOSAL.mailTip,
      PROPOSAL.reason,
    ]) {
      expect(textBody).toContain(value);
    }
    expect(textBody).toContain("Adele Vance proposes adding Isabel Ferreira");
    expect(textBody).toContain("Sender check of their message: Sender verified");
  });

  it("is an ordinary message when there is no block", () => {
    expect(checkProposalMessage(message("Lunch on Friday?"), ORG)).toEqual({ kind: "none" });
  });
});

describe("hostile and broken blocks are refused whole, with the problem named", () => {
  it("refuses an oversize block before decoding it", () => {
    const huge = `${PROPOSAL_BEGIN}\n${"A".repeat(MAX_BLOCK_CHARACTERS + 1)}\n${PROPOSAL_END}`;
    expect(problemOf(checkProposalMessage(message(withBlock(huge)), ORG))).toEqual({ kind: "too-large" });
    // Without its end marker too.
    const open = `${PROPOSAL_BEGIN}\n${"A".repeat(MAX_BLOCK_CHARACTERS + 1)}`;
    expect(problemOf(checkProposalMessage(message(withBlock(open)), ORG))).toEqual({ kind: "too-large" });
  });

  it("refuses fields of the wrong type, missing fields and unknown fields", () => {
    const wrongType = handBlock({ ...wireOf(PROPOSAL), hidden: "no" });
    expect(problemOf(checkProposalMessage(message(withBlock(wrongType)), ORG))).toEqual({
      kind: "wrong-fields",
      field: "hidden",
    });
    const { company: _company, ...missing } = wireOf(PROPOSAL);
    expect(problemOf(checkProposalMessage(message(withBlock(handBlock(missing))), ORG))).toEqual({
      kind: "wrong-fields",
      field: "company",
    });
    const extra = handBlock({ ...wireOf(PROPOSAL), alias: "isabel" });
    expect(problemOf(checkProposalMessage(message(withBlock(extra)), ORG))).toEqual({
      kind: "wrong-fields",
      field: "alias",
    });
    const tooLong = handBlock({ ...wireOf(PROPOSAL), company: "F".repeat(65) });
    expect(problemOf(checkProposalMessage(message(withBlock(tooLong)), ORG))).toMatchObject({
      kind: "wrong-fields",
      field: "company",
    });
    const array = handBlock([wireOf(PROPOSAL)]);
    expect(problemOf(checkProposalMessage(message(withBlock(array)), ORG))).toEqual({ kind: "unreadable" });
  });

  it("refuses script or markup in a field, and hidden direction or control characters", () => {
    const script = { ...PROPOSAL, displayName: "Isabel <script>alert(1)</script>" };
    expect(
      problemOf(checkProposalMessage(message(withBlock(handBlock(wireOf(script)), script)), ORG)),
    ).toEqual({ kind: "markup", field: "displayName" });
    const override = { ...PROPOSAL, company: "Fabrikam\u202Emoc.live" };
    expect(
      problemOf(checkProposalMessage(message(withBlock(handBlock(wireOf(override)), override)), ORG)),
    ).toEqual({ kind: "markup", field: "company" });
    const newline = { ...PROPOSAL, mailTip: "Line one\nBCC: everyone" };
    expect(
      problemOf(checkProposalMessage(message(withBlock(handBlock(wireOf(newline)), newline)), ORG)),
    ).toEqual({ kind: "markup", field: "mailTip" });
  });

  it("refuses damaged, cut-off, doubled and future-version blocks", () => {
    const { textBody } = composed();
    const damaged = textBody.replace(/(-----\n[A-Za-z0-9_-]{10})/, "$1*!");
    expect(problemOf(checkProposalMessage(message(damaged), ORG))).toEqual({ kind: "unreadable" });
    const cut = textBody.slice(0, textBody.indexOf(PROPOSAL_END));
    expect(problemOf(checkProposalMessage(message(cut), ORG))).toEqual({ kind: "unreadable" });
    const twice = `${textBody}\n${handBlock(wireOf(PROPOSAL))}`;
    expect(problemOf(checkProposalMessage(message(twice), ORG))).toEqual({ kind: "several-blocks" });
    const future = handBlock({ ...wireOf(PROPOSAL), v: 2 });
    expect(problemOf(checkProposalMessage(message(withBlock(future)), ORG))).toEqual({ kind: "unreadable" });
  });

  it("refuses a proposal forwarded by an external sender", () => {
    const forwarded = message(`---------- Forwarded message ----------\n${composed().textBody}`, {
      from: { displayName: "Adele Vance", emailAddress: "adele.vance@gmail.com" },
      sender: { displayName: "Adele Vance", emailAddress: "adele.vance@gmail.com" },
      headers: externalHeaders(),
    });
    expect(problemOf(checkProposalMessage(forwarded, ORG))).toEqual({ kind: "external-sender" });
  });

  it("refuses a proposal forwarded (or copied) by another colleague than its proposer", () => {
    const check = checkProposalMessage(
      message(composed().textBody, {
        from: MEGAN,
        sender: MEGAN,
        headers: internalHeaders(MEGAN.emailAddress),
      }),
      ORG,
    );
    expect(problemOf(check)).toEqual({ kind: "forwarded", proposer: ADELE.emailAddress });
  });

  it("refuses a message sent on behalf of the colleague it shows", () => {
    const check = checkProposalMessage(
      message(composed().textBody, { sender: { displayName: "Assistant", emailAddress: "pa@contoso.com" } }),
      ORG,
    );
    expect(problemOf(check)).toEqual({ kind: "sent-on-behalf" });
  });

  it("refuses a colleague's address that came from outside with a forged internal stamp", () => {
    const spoofed = message(composed().textBody, {
      headers: externalHeaders(["X-MS-Exchange-Organization-AuthAs: Internal"]),
    });
    expect(problemOf(checkProposalMessage(spoofed, ORG))).toEqual({ kind: "not-authenticated" });
    expect(problemOf(checkProposalMessage(message(composed().textBody, { headers: null }), ORG))).toEqual({
      kind: "not-authenticated",
    });
    expect(problemOf(checkProposalMessage(message(composed().textBody, { headers: "" }), ORG))).toEqual({
      kind: "not-authenticated",
    });
  });

  it("refuses a proposal whose readable address was changed but whose block was not", () => {
    const { textBody } = composed();
    const edited = textBody.replace(
      "Address: isabel.ferreira@fabrikam.com",
      "Address: isabel.ferreira@fabrikam-payments.com",
    );
    expect(problemOf(checkProposalMessage(message(edited), ORG))).toEqual({
      kind: "text-disagrees",
      field: "address",
    });
    const company = textBody.replace("Company: Fabrikam", "Company: Northwind");
    // In the approver's own language every labelled line is compared, not only addresses.
    expect(problemOf(checkProposalMessage(message(company), ORG, proposalWords()))).toEqual({
      kind: "text-disagrees",
      field: "company",
    });
  });

  it("refuses a block whose text was changed to match a new address, since the block keeps the old one", () => {
    // The reverse: the block changed, the text not (someone re-encoded it with another address).
    const other = { ...PROPOSAL, address: "billing@fabrikam-payments.com" };
    const tampered = withBlock(handBlock(wireOf(other)));
    expect(problemOf(checkProposalMessage(message(tampered), ORG))).toEqual({
      kind: "text-disagrees",
      field: "address",
    });
  });

  it("refuses an address that cannot be a contact: a colleague or a no-reply sender", () => {
    const colleague = { ...PROPOSAL, address: "nestor@contoso.com" };
    const check = checkProposalMessage(message(composeProposal(colleague, proposalWords()).textBody), ORG);
    expect(check.kind === "refused" && check.problem.kind).toBe("not-promotable");
    const noReply = { ...PROPOSAL, address: "no-reply@fabrikam.com" };
    const automated = checkProposalMessage(message(composeProposal(noReply, proposalWords()).textBody), ORG);
    expect(automated.kind === "refused" && automated.problem.kind).toBe("not-promotable");
  });

  it("lets an address in the proposer's own reason through: it is their text, not a claim", () => {
    const proposal = { ...PROPOSAL, reason: "She replaces joao@fabrikam.com on the account." };
    const check = checkProposalMessage(message(composeProposal(proposal, proposalWords()).textBody), ORG);
    expect(check.kind).toBe("accepted");
  });
});

describe("ADDIN_APPROVERS", () => {
  it("takes plain addresses and Name <address>, in order, once each; names what is not an address", () => {
    expect(
      parseApprovers(
        "GAL-Approvers@contoso.com; Nestor Wilke <nestor@contoso.com>, gal-approvers@contoso.com",
      ),
    ).toEqual({ addresses: ["GAL-Approvers@contoso.com", "nestor@contoso.com"], invalid: [] });
    expect(parseApprovers("it-team, nestor@contoso.com, a b@c.com,,")).toEqual({
      addresses: ["nestor@contoso.com"],
      invalid: ["it-team", "a b@c.com"],
    });
    expect(parseApprovers("")).toEqual({ addresses: [], invalid: [] });
  });
});

describe("across languages: the message is in the proposer's language, the approver's pane may speak another", () => {
  const LANGUAGES: Array<[string, () => Catalogue]> = [
    ["English", () => english],
    ["German", () => german],
    ["the accented pseudo-locale", () => pseudoCatalogue("ltr")],
  ];
  /** The proposal's words in one language (the pane's words follow the selected catalogue). */
  function wordsIn(catalogue: Catalogue) {
    selectCatalogue(catalogue);
    return proposalWords();
  }
  afterEach(() => selectCatalogue(english));

  describe.each(LANGUAGES)("written in %s", (_written, writtenIn) => {
    it.each(LANGUAGES)("is accepted by a pane in %s, with every value of the block", (_read, readIn) => {
      const body = composeProposal(PROPOSAL, wordsIn(writtenIn())).textBody;
      const check = checkProposalMessage(message(body), ORG, wordsIn(readIn()));
      expect(check.kind).toBe("accepted");
      expect(check.kind === "accepted" && check.proposal).toEqual(PROPOSAL);
    });

    it.each(LANGUAGES)("whose readable address was changed is refused by a pane in %s", (_read, readIn) => {
      const body = composeProposal(PROPOSAL, wordsIn(writtenIn())).textBody;
      const begin = body.indexOf(PROPOSAL_BEGIN);
      const edited =
        body.slice(0, begin).split(PROPOSAL.address).join("isabel.ferreira@fabrikam-payments.com") +
        body.slice(begin);
      expect(problemOf(checkProposalMessage(message(edited), ORG, wordsIn(readIn())))).toEqual({
        kind: "text-disagrees",
        field: "address",
      });
    });
  });

  it("compares every labelled line of a message in the approver's own language (German too)", () => {
    const body = composeProposal(PROPOSAL, wordsIn(german)).textBody;
    const company = body.replace("Firma: Fabrikam", "Firma: Northwind");
    expect(company).not.toBe(body);
    expect(problemOf(checkProposalMessage(message(company), ORG, wordsIn(german)))).toEqual({
      kind: "text-disagrees",
      field: "company",
    });
  });
});
