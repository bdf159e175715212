/**
 * Internet header blocks shaped like the ones Exchange Online gives Outlook for an inbound
 * message (getAllInternetHeadersAsync): Microsoft's hops on top, EOP's Authentication-Results
 * among them, the hop that handed the message to Microsoft, then what the sender's side wrote.
 * Addresses and hosts are made up; the shapes are EOP's.
 */

/** Microsoft's internal hops, topmost first (the mailbox server last received it). */
export const MICROSOFT_HOPS = [
  "Received: from SN6PR01MB1234.namprd01.prod.outlook.com (2603:10b6:805:d0::12) by DM6PR01MB5678.namprd01.prod.outlook.com with HTTPS; Mon, 30 Nov 2026 09:12:03 +0000",
  "Received: from BN9PR03CA0123.namprd03.prod.outlook.com (2603:10b6:408:fe::8) by SN6PR01MB1234.namprd01.prod.outlook.com (2603:10b6:805:d0::12) with Microsoft SMTP Server (version=TLS1_2,\r\n cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.8207.21; Mon, 30 Nov 2026\r\n 09:12:02 +0000",
  "Received: from BN1PEPF00004688.namprd05.prod.outlook.com\r\n (2603:10b6:408:fe:cafe::2) by BN9PR03CA0123.outlook.office365.com\r\n (2603:10b6:408:fe::8) with Microsoft SMTP Server (version=TLS1_3,\r\n cipher=TLS_AES_256_GCM_SHA384) id 15.20.8207.21 via Frontend Transport; Mon, 30 Nov 2026 09:12:02 +0000",
];

/** The hop where EOP took the message from the sender's server (by a Microsoft host). */
export function ingressHop(fromHost: string): string {
  return `Received: from ${fromHost} (209.85.208.41) by\r\n BN1PEPF00004688.mail.protection.outlook.com (10.167.243.133) with Microsoft SMTP\r\n Server (version=TLS1_3, cipher=TLS_AES_256_GCM_SHA384) id 15.20.8207.21 via Frontend\r\n Transport; Mon, 30 Nov 2026 09:12:01 +0000`;
}

export function receivedSpf(domain: string): string {
  return `Received-SPF: Pass (protection.outlook.com: domain of ${domain} designates\r\n 209.85.208.41 as permitted sender) receiver=protection.outlook.com;\r\n client-ip=209.85.208.41; helo=mail-ed1-f41.google.com; pr=C`;
}

/** What the sender's side wrote: its own hop and the message's header. */
export function senderSide(domain: string, extra: readonly string[] = []): string[] {
  return [
    "Received: by mail-ed1-f41.google.com with SMTP id 4fb4d7f45d1cf-5c96b2a10e0so2412345a12.1;\r\n        Mon, 30 Nov 2026 01:12:00 -0800 (PST)",
    `DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed;\r\n        d=${domain}; s=selector1; t=1796029920; x=1796634720;\r\n        h=to:subject:message-id:date:from:mime-version:from:to:cc:subject;\r\n        bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=;\r\n        b=NzQd1YAb2XpXq0dMmQp6h8cV2YAbcz7J0kPqL9sT3wQ==`,
    ...extra,
    `From: Isabel Ferreira <isabel.ferreira@${domain}>`,
    "To: Megan Bowen <megan@contoso.com>",
    "Subject: Supply agreement: redlines for section 4",
    "Date: Mon, 30 Nov 2026 10:11:58 +0100",
    `Message-ID: <CAF3x9Q@mail.${domain}>`,
    "MIME-Version: 1.0",
    'Content-Type: multipart/alternative; boundary="000000000000a1b2c3"',
  ];
}

export interface InboundOptions {
  /** The Authentication-Results value(s) EOP stamped; none when omitted. */
  eop?: string | readonly string[];
  /** Fields above Microsoft's hops (a later hop: the organization's own or a third party's). */
  above?: readonly string[];
  /** Fields between EOP's results and the ingress hop, as EOP writes them. */
  besideEop?: readonly string[];
  /** Fields the sender's side wrote (forged results and the like). */
  senderWrote?: readonly string[];
  domain?: string;
  lineBreak?: "\r\n" | "\n";
}

/** A full inbound header block. */
export function inbound(options: InboundOptions = {}): string {
  const domain = options.domain ?? "fabrikam.com";
  const eop = options.eop === undefined ? [] : typeof options.eop === "string" ? [options.eop] : options.eop;
  const fields = [
    ...(options.above ?? []),
    ...MICROSOFT_HOPS,
    ...eop.map((value) => `Authentication-Results: ${value}`),
    ...(options.besideEop ?? []),
    receivedSpf(domain),
    ingressHop("mail-ed1-f41.google.com"),
    ...senderSide(domain, options.senderWrote),
  ];
  const text = `${fields.join("\r\n")}\r\n`;
  return options.lineBreak === "\n" ? text.replace(/\r\n/g, "\n") : text;
}

/** EOP's usual results for a domain: `spf=… smtp.mailfrom; dkim=… header.d; dmarc=… action header.from; compauth=… reason`. */
export function eopResults(
  domain: string,
  verdicts: {
    spf?: string;
    dkim?: string;
    dmarc?: string;
    action?: string;
    compauth?: string;
    reason?: string;
  } = {},
): string {
  const spf = verdicts.spf ?? "pass";
  const dkim = verdicts.dkim ?? "pass";
  const dmarc = verdicts.dmarc ?? "pass";
  const spfComment = spf === "pass" ? "(sender IP is 209.85.208.41)" : "(sender IP is 203.0.113.9)";
  const dkimComment =
    dkim === "pass"
      ? "(signature was verified)"
      : dkim === "none"
        ? "(message not signed)"
        : "(body hash did not verify)";
  const compauth = verdicts.compauth === undefined ? "pass" : verdicts.compauth;
  const reason = verdicts.reason ?? (compauth === "pass" ? "100" : compauth === "fail" ? "000" : "201");
  return `spf=${spf} ${spfComment}\r\n smtp.mailfrom=${domain}; dkim=${dkim} ${dkimComment}\r\n header.d=${dkim === "none" ? "none" : domain};dmarc=${dmarc} action=${verdicts.action ?? "none"}\r\n header.from=${domain};compauth=${compauth} reason=${reason}`;
}
