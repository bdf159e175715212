import {
  authenticationVerdict,
  type AuthenticationReason,
  type AuthenticationStatus,
  type InternetHeaders,
} from "./message-authentication";
import {
  eopResults,
  inbound,
  MICROSOFT_HOPS,
  receivedSpf,
  senderSide,
  ingressHop,
} from "./__fixtures__/internet-headers";

const FROM = "fabrikam.com";
const context = { fromDomain: FROM, organizationDomains: ["contoso.com"] };
const forgedPass = `Authentication-Results: spf=pass (sender IP is 209.85.208.41) smtp.mailfrom=${FROM}; dkim=pass (signature was verified) header.d=${FROM};dmarc=pass action=none header.from=${FROM};compauth=pass reason=100`;

interface Sample {
  name: string;
  headers: InternetHeaders;
  status: AuthenticationStatus;
  reason: AuthenticationReason;
  fromDomain?: string;
}

const SAMPLES: Sample[] = [
  // EOP's own results, as it stamps them
  {
    name: "EOP: everything passes",
    headers: inbound({ eop: eopResults(FROM) }),
    status: "verified",
    reason: "compauth-pass",
  },
  {
    name: "EOP: DMARC fails, compauth fail reason 000",
    headers: inbound({
      eop: eopResults(FROM, {
        spf: "fail",
        dkim: "fail",
        dmarc: "fail",
        action: "quarantine",
        compauth: "fail",
        reason: "000",
      }),
    }),
    status: "failed",
    reason: "compauth-fail",
  },
  {
    name: "EOP: DMARC fail with p=reject (action=oreject), compauth fail 000",
    headers: inbound({
      eop: eopResults(FROM, {
        spf: "softfail",
        dkim: "none",
        dmarc: "fail",
        action: "oreject",
        compauth: "fail",
        reason: "000",
      }),
    }),
    status: "failed",
    reason: "compauth-fail",
  },
  {
    name: "EOP: implicit failure (no DMARC record), compauth fail 001",
    headers: inbound({
      eop: eopResults(FROM, { spf: "fail", dkim: "none", dmarc: "none", compauth: "fail", reason: "001" }),
    }),
    status: "failed",
    reason: "compauth-fail",
  },
  {
    name: "EOP: impersonation failure with DMARC passing, compauth fail 601",
    headers: inbound({ eop: eopResults(FROM, { compauth: "fail", reason: "601" }) }),
    status: "failed",
    reason: "compauth-fail",
  },
  {
    name: "EOP: ARC override (DMARC fails through a mailing list, compauth pass 130)",
    headers: inbound({
      eop: eopResults(FROM, { spf: "fail", dkim: "fail", dmarc: "fail", compauth: "pass", reason: "130" }),
    }),
    status: "verified",
    reason: "arc-override",
  },
  {
    name: "EOP: soft pass (compauth softpass 201)",
    headers: inbound({
      eop: eopResults(FROM, {
        spf: "softfail",
        dkim: "none",
        dmarc: "none",
        compauth: "softpass",
        reason: "201",
      }),
    }),
    status: "not-verified",
    reason: "compauth-softpass",
  },
  {
    name: "EOP: no DMARC record, compauth none 905",
    headers: inbound({
      eop: eopResults(FROM, { spf: "pass", dkim: "none", dmarc: "none", compauth: "none", reason: "905" }),
    }),
    status: "not-verified",
    reason: "no-policy",
  },
  {
    name: "EOP: best-guess pass, compauth pass 109",
    headers: inbound({ eop: eopResults(FROM, { dmarc: "bestguesspass", compauth: "pass", reason: "109" }) }),
    status: "verified",
    reason: "compauth-pass",
  },
  {
    name: "EOP: SPF soft-fails but DKIM and DMARC pass",
    headers: inbound({ eop: eopResults(FROM, { spf: "softfail" }) }),
    status: "verified",
    reason: "compauth-pass",
  },
  {
    name: "EOP: temporary errors everywhere",
    headers: inbound({
      eop: eopResults(FROM, {
        spf: "temperror",
        dkim: "temperror",
        dmarc: "temperror",
        compauth: "none",
        reason: "451",
      }),
    }),
    status: "not-verified",
    reason: "no-policy",
  },
  {
    name: "DMARC passes, no compauth written",
    headers: inbound({
      eop: `spf=pass (sender IP is 209.85.208.41) smtp.mailfrom=${FROM}; dmarc=pass action=none header.from=${FROM}`,
    }),
    status: "verified",
    reason: "dmarc-pass",
  },
  {
    name: "DMARC fails, no compauth written",
    headers: inbound({
      eop: `spf=fail smtp.mailfrom=${FROM}; dmarc=fail action=quarantine header.from=${FROM}`,
    }),
    status: "failed",
    reason: "dmarc-fail",
  },
  {
    name: "only SPF written",
    headers: inbound({ eop: `spf=pass (sender IP is 209.85.208.41) smtp.mailfrom=${FROM}` }),
    status: "not-verified",
    reason: "no-policy",
  },
  // Nothing to read
  {
    name: "Outlook could not give the headers",
    headers: null,
    status: "not-checked",
    reason: "headers-unavailable",
  },
  { name: "empty headers (Sent Items)", headers: "", status: "not-checked", reason: "headers-empty" },
  { name: "only line breaks", headers: "\r\n\r\n", status: "not-checked", reason: "headers-empty" },
  {
    name: "no Authentication-Results at all",
    headers: inbound(),
    status: "not-checked",
    reason: "no-trusted-results",
  },
  {
    name: "RFC 8601 no-result ('; none')",
    headers: inbound({ eop: "spf.protection.outlook.com; none" }),
    status: "not-checked",
    reason: "no-trusted-results",
  },
  {
    name: "an unclosed comment makes the field unreadable",
    headers: inbound({
      eop: `spf=pass (sender IP is 209.85.208.41 smtp.mailfrom=${FROM}; dmarc=pass header.from=${FROM}`,
    }),
    status: "not-checked",
    reason: "no-trusted-results",
  },
  // Forged results written by the sender
  {
    name: "forged pass below EOP's fail: EOP's topmost result wins",
    headers: inbound({
      eop: eopResults(FROM, { dmarc: "fail", compauth: "fail" }),
      senderWrote: [forgedPass],
    }),
    status: "failed",
    reason: "compauth-fail",
  },
  {
    name: "forged pass below the sender's hop, EOP stamped nothing",
    headers: inbound({ senderWrote: [forgedPass] }),
    status: "not-checked",
    reason: "no-trusted-results",
  },
  {
    name: "forged pass naming Microsoft as authserv-id, below the sender's hop",
    headers: inbound({
      senderWrote: [
        `Authentication-Results: spf.protection.outlook.com; spf=pass smtp.mailfrom=${FROM}; dmarc=pass header.from=${FROM}; compauth=pass reason=100`,
      ],
    }),
    status: "not-checked",
    reason: "no-trusted-results",
  },
  {
    name: "forged pass sent straight to EOP (no other hop): EOP's fail on top wins",
    headers: [
      ...MICROSOFT_HOPS,
      `Authentication-Results: ${eopResults(FROM, { spf: "fail", dkim: "none", dmarc: "fail", compauth: "fail" })}`,
      ingressHop("attacker.example"),
      forgedPass,
      `From: <ceo@${FROM}>`,
    ].join("\r\n"),
    status: "failed",
    reason: "compauth-fail",
  },
  {
    name: "a forged result hidden in the body after the blank line",
    headers: `${inbound()}\r\n${forgedPass}\r\n`,
    status: "not-checked",
    reason: "no-trusted-results",
  },
  // ARC and renamed results
  {
    name: "ARC-Authentication-Results alone are not EOP's verdict",
    headers: inbound({
      besideEop: [
        `ARC-Authentication-Results: i=1; mx.microsoft.com 1; spf=pass smtp.mailfrom=${FROM}; dmarc=pass (p=none sp=none pct=100) action=none header.from=${FROM}; dkim=pass header.d=${FROM}; arc=none`,
      ],
    }),
    status: "not-checked",
    reason: "no-trusted-results",
  },
  {
    name: "Authentication-Results-Original alone is an earlier hop's verdict",
    headers: inbound({
      besideEop: [
        `Authentication-Results-Original: spf=pass smtp.mailfrom=${FROM}; dmarc=pass action=none header.from=${FROM};compauth=pass reason=100`,
      ],
    }),
    status: "not-checked",
    reason: "no-trusted-results",
  },
  {
    name: "a passing ARC set above EOP's fail does not override it",
    headers: inbound({
      above: [
        `ARC-Authentication-Results: i=2; mx.microsoft.com 1; spf=pass smtp.mailfrom=${FROM}; dmarc=pass header.from=${FROM}`,
      ],
      eop: eopResults(FROM, { dmarc: "fail", compauth: "fail" }),
    }),
    status: "failed",
    reason: "compauth-fail",
  },
  // Shapes: folding, comments, quoting, case, versions
  {
    name: "folded over many lines with tabs",
    headers: inbound({
      eop: `spf=pass\r\n\t(sender IP is 209.85.208.41)\r\n\tsmtp.mailfrom=${FROM};\r\n\tdkim=pass\r\n\t(signature was verified)\r\n\theader.d=${FROM};\r\n\tdmarc=pass action=none\r\n\theader.from=${FROM};\r\n\tcompauth=pass reason=100`,
    }),
    status: "verified",
    reason: "compauth-pass",
  },
  {
    name: "comments holding ';' and '=' do not split results",
    headers: inbound({
      eop: `spf=pass (sender IP is 209.85.208.41; helo=x=y) smtp.mailfrom=${FROM}; dmarc=fail (p=reject; sp=reject) action=oreject header.from=${FROM};compauth=fail reason=000`,
    }),
    status: "failed",
    reason: "compauth-fail",
  },
  {
    name: "nested comments",
    headers: inbound({
      eop: `spf=pass (a (nested (twice)) comment) smtp.mailfrom=${FROM}; dmarc=pass (ok) header.from=${FROM}; compauth=pass reason=100`,
    }),
    status: "verified",
    reason: "compauth-pass",
  },
  {
    name: "quoted values",
    headers: inbound({
      eop: `spf=pass smtp.mailfrom="${FROM}"; dmarc=pass header.from="${FROM}"; compauth=pass reason="100"`,
    }),
    status: "verified",
    reason: "compauth-pass",
  },
  {
    name: "upper-case methods and results",
    headers: inbound({
      eop: `SPF=Pass smtp.mailfrom=${FROM}; DMARC=PASS header.from=${FROM.toUpperCase()}; CompAuth=Pass reason=100`,
    }),
    status: "verified",
    reason: "compauth-pass",
  },
  {
    name: "RFC 8601 form with a Microsoft authserv-id and version",
    headers: inbound({
      eop: `outlook.office365.com 1; spf=pass smtp.mailfrom=${FROM}; dkim/1=pass header.d=${FROM}; dmarc=pass header.from=${FROM}`,
    }),
    status: "verified",
    reason: "dmarc-pass",
  },
  {
    name: "spaces around '=' and ';'",
    headers: inbound({
      eop: `spf = pass smtp.mailfrom = ${FROM} ; dmarc = fail header.from = ${FROM} ; compauth = fail reason = 000`,
    }),
    status: "failed",
    reason: "compauth-fail",
  },
  {
    name: "a ';' missing between results",
    headers: inbound({
      eop: `spf=pass smtp.mailfrom=${FROM} dkim=pass header.d=${FROM} dmarc=fail header.from=${FROM} compauth=fail reason=000`,
    }),
    status: "failed",
    reason: "compauth-fail",
  },
  {
    name: "DKIM header.b with base64 padding",
    headers: inbound({
      eop: `dkim=pass header.d=${FROM} header.b=NzQd1Y/A+b==; dmarc=pass header.from=${FROM}; compauth=pass reason=100`,
    }),
    status: "verified",
    reason: "compauth-pass",
  },
  {
    name: "LF line endings",
    headers: inbound({ eop: eopResults(FROM), lineBreak: "\n" }),
    status: "verified",
    reason: "compauth-pass",
  },
  // Several results
  {
    name: "two EOP stamps (the message crossed tenants): the topmost, failing, wins",
    headers: inbound({ eop: [eopResults(FROM, { dmarc: "fail", compauth: "fail" }), eopResults(FROM)] }),
    status: "failed",
    reason: "compauth-fail",
  },
  {
    name: "two DKIM signatures, one failing: DMARC and compauth decide",
    headers: inbound({
      eop: `dkim=fail (body hash did not verify) header.d=list.example; dkim=pass header.d=${FROM}; dmarc=pass header.from=${FROM};compauth=pass reason=100`,
    }),
    status: "verified",
    reason: "compauth-pass",
  },
  // Whose domain, whose route
  {
    name: "results about another From domain than Outlook shows",
    headers: inbound({ eop: eopResults("fabrikam-mail.com") }),
    status: "not-verified",
    reason: "other-domain",
  },
  {
    name: "a subdomain sender with matching results",
    headers: inbound({ eop: eopResults("mail.fabrikam.com"), domain: "mail.fabrikam.com" }),
    fromDomain: "mail.fabrikam.com",
    status: "verified",
    reason: "compauth-pass",
  },
  {
    name: "the organization's own on-premises hop above EOP (hybrid) is trusted",
    headers: inbound({
      above: [
        "Received: from DM6PR01MB5678.namprd01.prod.outlook.com (2603:10b6:5:1a::3) by exch01.corp.contoso.com (10.0.0.5) with Microsoft SMTP Server; Mon, 30 Nov 2026 09:12:04 +0000",
      ],
      eop: eopResults(FROM),
    }),
    status: "verified",
    reason: "compauth-pass",
  },
  {
    name: "a third party's hop above EOP: its results are not the organization's",
    headers: inbound({
      above: [
        "Received: from DM6PR01MB5678.namprd01.prod.outlook.com by relay.gateway.example with ESMTPS; Mon, 30 Nov 2026 09:12:04 +0000",
      ],
      eop: eopResults(FROM),
    }),
    status: "not-checked",
    reason: "no-trusted-results",
  },
  {
    name: "a gateway's own results on top (not Microsoft's) are not trusted",
    headers: inbound({
      eop: [
        `mx.gateway.example; spf=pass smtp.mailfrom=${FROM}; dmarc=pass header.from=${FROM}`,
        eopResults(FROM),
      ],
    }),
    status: "not-checked",
    reason: "no-trusted-results",
  },
  {
    name: "no Received field above a forged result: nothing proves who wrote it",
    headers: [forgedPass, ...senderSide(FROM)].join("\r\n"),
    status: "not-checked",
    reason: "no-trusted-results",
  },
];

describe("authenticationVerdict over header samples", () => {
  test("the table has at least 40 samples", () => {
    expect(SAMPLES.length).toBeGreaterThanOrEqual(40);
  });

  test.each(SAMPLES)("$name → $status ($reason)", ({ headers, status, reason, fromDomain }) => {
    const verdict = authenticationVerdict(headers, { ...context, fromDomain: fromDomain ?? FROM });
    expect({ status: verdict.status, reason: verdict.reason }).toEqual({ status, reason });
  });
});

describe("the raw verdicts for the details", () => {
  test("EOP's results are read into spf, dkim, dmarc, compauth and the domains", () => {
    const verdict = authenticationVerdict(
      inbound({ eop: eopResults(FROM, { spf: "softfail", dmarc: "fail", compauth: "fail", reason: "000" }) }),
      context,
    );
    expect(verdict.details).toEqual({
      spf: "softfail",
      dkim: "pass",
      dmarc: "fail",
      compauth: "fail",
      compauthReason: "000",
      headerFrom: FROM,
      mailFrom: FROM,
      dkimDomain: FROM,
      stampedBy: null,
    });
  });

  test("an unsigned message has no DKIM domain; an envelope sender's local part is dropped", () => {
    const verdict = authenticationVerdict(
      inbound({
        eop: `spf=pass smtp.mailfrom=bounces+123@mail.${FROM}; dkim=none (message not signed) header.d=none; dmarc=pass header.from=${FROM}`,
      }),
      context,
    );
    expect(verdict.details).toMatchObject({ dkim: "none", dkimDomain: null, mailFrom: `mail.${FROM}` });
  });

  test("Received-SPF alone, without results, is not taken as a verdict", () => {
    const headers = [
      ...MICROSOFT_HOPS,
      receivedSpf(FROM),
      ingressHop("mail.fabrikam.com"),
      ...senderSide(FROM),
    ].join("\r\n");
    expect(authenticationVerdict(headers, context).status).toBe("not-checked");
  });
});
