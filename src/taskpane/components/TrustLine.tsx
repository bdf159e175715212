/**
 * The sender check, below the primary action: one line with the authentication verdict and its
 * reason, a line per risk found (a look-alike domain, an impersonating display name), and a
 * Details disclosure with the raw verdicts. Renders the tracker's view; decides nothing.
 */
import { Button, makeStyles, mergeClasses, Text, tokens } from "@fluentui/react-components";
import {
  ChevronDown16Regular,
  ChevronUp16Regular,
  ShieldCheckmark20Regular,
  ShieldDismiss20Regular,
  ShieldQuestion20Regular,
  Warning20Regular,
} from "@fluentui/react-icons";
import { toUnicode } from "punycode/";
import { useId, useState, type JSX } from "react";
import type { AuthenticationStatus } from "../../contacts/trust/message-authentication";
import type { TrustRisk } from "../../contacts/trust/sender-trust";
import type { TrustView } from "../state/sender-trust-tracker";
import type { TrustSentences } from "../locales/trust-sentences";
import { section, strings } from "../strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  line: {
    display: "grid",
    gridTemplateColumns: "auto minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "start",
  },
  icon: { marginBlockStart: "1px" },
  verified: { color: tokens.colorPaletteGreenForeground1 },
  failed: { color: tokens.colorPaletteRedForeground1 },
  neutral: { color: tokens.colorNeutralForeground2 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  text: { overflowWrap: "anywhere" },
  reason: { color: tokens.colorNeutralForeground2 },
  disclosure: { alignSelf: "start", paddingInline: 0, minWidth: 0, fontWeight: tokens.fontWeightRegular },
  details: {
    display: "grid",
    gridTemplateColumns: "auto minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, overflowWrap: "anywhere" },
});

export interface TrustLineProps {
  view: TrustView;
  /** The sender's domain as shown (Unicode). */
  domain: string;
}

/** The sentence naming one risk, for the card and for the confirmation. */
export function riskSentence(risk: TrustRisk, domain: string): string {
  switch (risk.kind) {
    case "authentication-failed":
      return section<TrustSentences>("trust").risk.authenticationFailed(domain);
    case "look-alike":
      return section<TrustSentences>("trust").risk.lookAlike(
        domain,
        unicodeDomain(risk.lookAlike.known.domain),
        risk.lookAlike.known.source,
      );
    case "impersonation": {
      const { impersonation } = risk;
      if (impersonation.kind === "other-address")
        return section<TrustSentences>("trust").risk.otherAddress(impersonation.address);
      return impersonation.kind === "user-name"
        ? section<TrustSentences>("trust").risk.userName(impersonation.name)
        : section<TrustSentences>("trust").risk.colleagueName(impersonation.name);
    }
  }
}

/** The domain layer stores punycode; the pane shows domains as people read them, as the sender card does. */
function unicodeDomain(ascii: string): string {
  try {
    return toUnicode(ascii);
  } catch {
    return ascii;
  }
}

const ICONS: Record<AuthenticationStatus, typeof ShieldCheckmark20Regular> = {
  verified: ShieldCheckmark20Regular,
  "not-verified": ShieldQuestion20Regular,
  failed: ShieldDismiss20Regular,
  "not-checked": ShieldQuestion20Regular,
};

export function TrustLine({ view, domain }: TrustLineProps): JSX.Element | null {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  // Nothing while the check runs (milliseconds): the pane shows the line once it has answered.
  if (view.kind === "none" || view.kind === "checking") return null;
  if (view.kind === "unavailable") {
    return (
      <div className={styles.root} aria-label={strings.trust.regionLabel} role="group">
        <div className={styles.line}>
          <ShieldQuestion20Regular className={mergeClasses(styles.icon, styles.neutral)} aria-hidden />
          <Text size={200} className={styles.reason}>
            {strings.trust.unavailable}
          </Text>
        </div>
      </div>
    );
  }

  const { authentication } = view.trust;
  const Icon = ICONS[authentication.status];
  const tone =
    authentication.status === "verified"
      ? styles.verified
      : authentication.status === "failed"
        ? styles.failed
        : styles.neutral;
  const otherRisks = view.risks.filter((risk) => risk.kind !== "authentication-failed");
  const details = authentication.details;
  const value = (text: string | null) => text ?? strings.trust.none;
  return (
    <div className={styles.root} aria-label={strings.trust.regionLabel} role="group">
      <div className={styles.line}>
        <Icon className={mergeClasses(styles.icon, tone)} aria-hidden />
        <Text size={200} className={styles.text}>
          <Text size={200} weight="semibold" className={tone}>
            {strings.trust.status[authentication.status]}
          </Text>
          {". "}
          <span className={styles.reason}>
            {section<TrustSentences>("trust").reason[authentication.reason](domain)}
          </span>
        </Text>
      </div>
      {otherRisks.map((risk) => (
        <div key={riskSentence(risk, domain)} className={styles.line}>
          <Warning20Regular className={mergeClasses(styles.icon, styles.warning)} aria-hidden />
          <Text size={200} className={styles.text}>
            {riskSentence(risk, domain)}
          </Text>
        </div>
      ))}
      {details ? (
        <>
          <Button
            appearance="transparent"
            size="small"
            className={styles.disclosure}
            icon={open ? <ChevronUp16Regular /> : <ChevronDown16Regular />}
            iconPosition="after"
            aria-expanded={open}
            aria-controls={open ? panelId : undefined}
            onClick={() => setOpen(!open)}
          >
            {strings.trust.details}
          </Button>
          {open ? (
            <dl id={panelId} className={styles.details} aria-label={strings.trust.detailsLabel}>
              <dt className={styles.term}>{strings.trust.detail.spf}</dt>
              <dd className={styles.value}>{value(details.spf)}</dd>
              <dt className={styles.term}>{strings.trust.detail.dkim}</dt>
              <dd className={styles.value}>{value(details.dkim)}</dd>
              <dt className={styles.term}>{strings.trust.detail.dmarc}</dt>
              <dd className={styles.value}>{value(details.dmarc)}</dd>
              <dt className={styles.term}>{strings.trust.detail.compauth}</dt>
              <dd className={styles.value}>
                {details.compauth === null
                  ? strings.trust.none
                  : strings.trust.compauth(details.compauth, details.compauthReason)}
              </dd>
              <dt className={styles.term}>{strings.trust.detail.headerFrom}</dt>
              <dd className={styles.value}>{value(details.headerFrom)}</dd>
              <dt className={styles.term}>{strings.trust.detail.mailFrom}</dt>
              <dd className={styles.value}>{value(details.mailFrom)}</dd>
              <dt className={styles.term}>{strings.trust.detail.dkimDomain}</dt>
              <dd className={styles.value}>{value(details.dkimDomain)}</dd>
              <dt className={styles.term}>{strings.trust.detail.stampedBy}</dt>
              <dd className={styles.value}>{details.stampedBy ?? strings.trust.stampedByEop}</dd>
            </dl>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
