/**
 * The internet headers the demo's stand-in Office.js returns through
 * `getAllInternetHeadersAsync`, built from a message fixture's `authentication`: the block
 * Exchange Online gives Outlook for an inbound message (Microsoft's hops on top, EOP's
 * Authentication-Results among them, the hop that took the message from the sender's server,
 * then what the sender's side wrote, forged results included).
 */

export interface FixtureAuthentication {
  /** EOP's Authentication-Results value; null: the message carries none. */
  results: string | null;
  /** Fields the sender's side wrote into the message (forged results and the like). */
  senderWrote: readonly string[];
}

export interface HeaderMessage {
  from: { displayName: string; emailAddress: string };
  to: readonly { displayName: string; emailAddress: string }[];
  subject: string;
  receivedAt: string;
  id: string;
}

/** RFC 2047 encoded-word for a non-ASCII phrase, as mail clients write display names and subjects. */
function encodedWord(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  // btoa and TextEncoder rather than Buffer: the demo page builds headers for the mail it sends too.
  const binary = Array.from(new TextEncoder().encode(text), (byte) => String.fromCharCode(byte)).join("");
  return `=?utf-8?B?${btoa(binary)}?=`;
}

function mailbox(address: { displayName: string; emailAddress: string }): string {
  if (address.displayName === "") return `<${address.emailAddress}>`;
  const name = encodedWord(address.displayName);
  return `${name === address.displayName ? `"${name.replace(/["\\]/g, "\\$&")}"` : name} <${address.emailAddress}>`;
}

/** Folds a long value before its "; " separators, as EOP's own lines are folded. */
function fold(value: string): string {
  return value.replace(/;\s*/g, ";\r\n ");
}

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf("@") + 1).toLowerCase();
}

export function internetHeadersFor(message: HeaderMessage, authentication: FixtureAuthentication): string {
  const date = new Date(message.receivedAt).toUTCString().replace("GMT", "+0000");
  const domain = domainOf(message.from.emailAddress);
  const fields = [
    `Received: from SN6PR01MB1234.namprd01.prod.outlook.com (2603:10b6:805:d0::12) by\r\n DM6PR01MB5678.namprd01.prod.outlook.com with HTTPS; ${date}`,
    `Received: from BN9PR03CA0123.namprd03.prod.outlook.com (2603:10b6:408:fe::8) by\r\n SN6PR01MB1234.namprd01.prod.outlook.com (2603:10b6:805:d0::12) with Microsoft SMTP\r\n Server (version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id\r\n 15.20.8207.21; ${date}`,
    ...(authentication.results === null ? [] : [`Authentication-Results: ${fold(authentication.results)}`]),
    `Received-SPF: None (protection.outlook.com: ${domain} does not designate\r\n permitted sender hosts)`,
    `Received: from mail.${domain} (198.51.100.7) by\r\n BN1PEPF00004688.mail.protection.outlook.com (10.167.243.133) with Microsoft SMTP\r\n Server (version=TLS1_3, cipher=TLS_AES_256_GCM_SHA384) id 15.20.8207.21 via Frontend\r\n Transport; ${date}`,
    ...authentication.senderWrote,
    `From: ${mailbox(message.from)}`,
    `To: ${message.to.map(mailbox).join(", ")}`,
    `Subject: ${encodedWord(message.subject)}`,
    `Date: ${date}`,
    `Message-ID: <${message.id}@mail.${domain}>`,
    "MIME-Version: 1.0",
    'Content-Type: text/plain; charset="utf-8"',
  ];
  return `${fields.join("\r\n")}\r\n`;
}

/**
 * The headers of a message a colleague's mailbox submitted inside the organization, as Exchange
 * Online gives them: Microsoft's hops only, and the X-MS-Exchange-Organization-AuthAs stamp its
 * header firewall guarantees (src/contacts/trust/internal-message.ts reads it).
 */
export function internalHeadersFor(message: HeaderMessage): string {
  const date = new Date(message.receivedAt).toUTCString().replace("GMT", "+0000");
  const domain = domainOf(message.from.emailAddress);
  const fields = [
    `Received: from DM6PR01MB5678.namprd01.prod.outlook.com (2603:10b6:5:1::1) by\r\n SN6PR01MB1234.namprd01.prod.outlook.com with HTTPS; ${date}`,
    `Received: from DM6PR01MB5678.namprd01.prod.outlook.com ([fe80::1]) by\r\n DM6PR01MB5678.namprd01.prod.outlook.com ([fe80::1%5]) with mapi id 15.20.8207.21; ${date}`,
    "X-MS-Exchange-Organization-AuthAs: Internal",
    "X-MS-Exchange-Organization-AuthMechanism: 04",
    "X-MS-Exchange-Organization-AuthSource: DM6PR01MB5678.namprd01.prod.outlook.com",
    `From: ${mailbox(message.from)}`,
    `To: ${message.to.map(mailbox).join(", ")}`,
    `Subject: ${encodedWord(message.subject)}`,
    `Date: ${date}`,
    `Message-ID: <${message.id}@${domain}>`,
    "MIME-Version: 1.0",
    'Content-Type: text/html; charset="utf-8"',
  ];
  return `${fields.join("\r\n")}\r\n`;
}
