/**
 * The organization's address book as the emulated admin center holds it, live: a person
 * sees the contact appear, with its company and mail tip, right after the click. A
 * second tab lists the admin API calls the pane made.
 */
import {
  Badge,
  makeStyles,
  Tab,
  TabList,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { mailTipFromWire } from "../../admin-api/mail-tip-wire";
import { addressKey } from "../../contacts/address";
import type { ContactRecord } from "../../admin-api/wire";
import type { LoggedRequest } from "./demo-api";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    minHeight: 0,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  tabs: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    paddingRight: tokens.spacingHorizontalL,
  },
  scroller: {
    overflowY: "auto",
    flexGrow: 1,
    padding: `0 ${tokens.spacingHorizontalL} ${tokens.spacingVerticalM}`,
  },
  table: { tableLayout: "fixed" },
  clip: { display: "block", overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  tip: { color: tokens.colorNeutralForeground2 },
  newRow: { backgroundColor: tokens.colorPaletteGreenBackground1 },
  badges: { display: "flex", gap: tokens.spacingHorizontalXS, flexWrap: "wrap" },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface AddressBookProps {
  contacts: ContactRecord[];
  /** Ids present when the demo started or was reset; the others are marked new. */
  baselineIds: ReadonlySet<string>;
  requests: LoggedRequest[];
  unavailable: boolean;
}

export function AddressBook({ contacts, baselineIds, requests, unavailable }: AddressBookProps) {
  const styles = useStyles();
  const [tab, setTab] = useState<"contacts" | "requests">("contacts");
  const sorted = [...contacts].sort((a, b) =>
    (a.ContactDisplayName ?? a.ContactExternalEmailAddress).localeCompare(
      b.ContactDisplayName ?? b.ContactExternalEmailAddress,
    ),
  );
  const recent = requests.slice(-25).reverse();

  return (
    <section className={styles.root} aria-label="Address book">
      <div className={styles.tabs}>
        <TabList selectedValue={tab} onTabSelect={(_, data) => setTab(data.value as "contacts" | "requests")}>
          <Tab value="contacts">Address book · mail contacts ({contacts.length})</Tab>
          <Tab value="requests">API calls ({requests.length})</Tab>
        </TabList>
        <Text size={200} className={styles.muted} aria-live="polite">
          {unavailable ? "Emulator not answering" : "Live from the emulated admin center"}
        </Text>
      </div>
      <div className={styles.scroller}>
        {tab === "contacts" ? (
          <Table size="small" className={styles.table} aria-label="Mail contacts">
            <TableHeader>
              <TableRow>
                <TableHeaderCell style={{ width: "24%" }}>Display name</TableHeaderCell>
                <TableHeaderCell style={{ width: "28%" }}>Email</TableHeaderCell>
                <TableHeaderCell style={{ width: "18%" }}>Company</TableHeaderCell>
                <TableHeaderCell style={{ width: "30%" }}>Mail tip</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {sorted.map((contact) => {
                const isNew = !baselineIds.has(contact.ContactId);
                return (
                  <TableRow
                    key={contact.ContactId}
                    className={isNew ? styles.newRow : undefined}
                    data-contact-address={addressKey(contact.ContactExternalEmailAddress)}
                  >
                    <TableCell>
                      <div className={styles.clip}>
                        <bdi>{contact.ContactDisplayName ?? contact.ContactName ?? ""}</bdi>
                      </div>
                      <div className={styles.badges}>
                        {isNew && (
                          <Badge size="small" color="success">
                            New
                          </Badge>
                        )}
                        {contact.ContactHiddenFromAddressListsEnabled && (
                          <Badge size="small" appearance="outline" color="warning">
                            Hidden from address lists
                          </Badge>
                        )}
                        {contact.IsDirSynced && (
                          <Badge size="small" appearance="outline" color="informative">
                            Synced from on-premises
                          </Badge>
                        )}
                      </div>
                    </TableCell>
                    <TableCell>
                      <span className={styles.clip} title={contact.ContactExternalEmailAddress}>
                        {contact.ContactExternalEmailAddress}
                      </span>
                    </TableCell>
                    <TableCell data-column="company">
                      <span className={styles.clip}>{contact.ContactCompany ?? ""}</span>
                    </TableCell>
                    <TableCell data-column="mail-tip">
                      <Text size={200} className={styles.tip}>
                        {mailTipFromWire(contact.ContactMailTip)}
                      </Text>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        ) : (
          <Table size="extra-small" aria-label="API calls, newest first">
            <TableHeader>
              <TableRow>
                <TableHeaderCell style={{ width: "12%" }}>Method</TableHeaderCell>
                <TableHeaderCell>Call</TableHeaderCell>
                <TableHeaderCell style={{ width: "16%" }}>Status</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {recent.map((request, index) => (
                <TableRow key={requests.length - index}>
                  <TableCell>{request.method}</TableCell>
                  {/* InvokeCommand's path is the same for every call: the cmdlet says what it was. */}
                  <TableCell>{request.cmdlet ?? request.path}</TableCell>
                  <TableCell>
                    <Badge
                      size="small"
                      appearance="tint"
                      color={request.status >= 500 ? "danger" : request.status >= 400 ? "warning" : "success"}
                    >
                      {request.status || "dropped"}
                    </Badge>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </div>
    </section>
  );
}
