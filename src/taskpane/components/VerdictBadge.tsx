/**
 * The one-line answer to "is this sender in the address book?". Its slot keeps the same
 * height whether it shows a skeleton or a verdict, so nothing below jumps when it arrives.
 * Not a live region: the pane's LiveAnnouncer says the verdict, once.
 */
import { Badge, makeStyles, Skeleton, SkeletonItem, tokens } from "@fluentui/react-components";
import {
  Bot16Regular,
  Building16Regular,
  CheckmarkCircle16Filled,
  CheckmarkCircle16Regular,
  ErrorCircle16Regular,
  EyeOff16Regular,
  PersonAdd16Regular,
  PersonQuestionMark16Regular,
} from "@fluentui/react-icons";
import type { JSX } from "react";
import { strings, type Catalogue } from "../strings";

export type VerdictKind =
  | "checking"
  | "exists"
  /** The contact exists but is hidden from address lists: colleagues do not see it. */
  | "exists-hidden"
  | "missing"
  | "internal"
  | "automated"
  | "unusable"
  | "unknown"
  /** A create failed in a way that may have stored the contact: being checked. */
  | "uncertain"
  /** Create was refused: another recipient (mailbox, guest, group) holds the address. */
  | "held"
  /** This pane is creating the contact. */
  | "adding"
  /** Created, but a later step of the promotion failed. */
  | "incomplete";

const useStyles = makeStyles({
  slot: {
    display: "flex",
    alignItems: "center",
    // Reserved for the tallest state (a large badge) so that the arrival of a verdict never moves the layout.
    minHeight: tokens.lineHeightBase400,
    paddingBlock: tokens.spacingVerticalXS,
  },
  skeleton: { width: "60%" },
  // A long verdict wraps at 320 px: the badge grows with it instead of letting the text spill out
  // of Fluent's fixed-height large badge (axe could not tell the text's background there).
  badge: {
    maxWidth: "100%",
    height: "auto",
    minHeight: "24px",
    whiteSpace: "normal",
    paddingBlock: tokens.spacingVerticalXXS,
  },
});

const APPEARANCE: Record<
  Exclude<VerdictKind, "checking">,
  {
    color: "success" | "brand" | "informative" | "warning" | "danger" | "subtle";
    icon: JSX.Element;
    /** Its key in the catalogue, read when drawn (the language is chosen after this module loads). */
    text: keyof Catalogue["verdict"];
  }
> = {
  exists: { color: "success", icon: <CheckmarkCircle16Filled />, text: "exists" },
  "exists-hidden": { color: "informative", icon: <EyeOff16Regular />, text: "existsHidden" },
  missing: { color: "brand", icon: <PersonAdd16Regular />, text: "missing" },
  internal: { color: "informative", icon: <Building16Regular />, text: "internal" },
  automated: { color: "warning", icon: <Bot16Regular />, text: "automated" },
  unusable: { color: "danger", icon: <ErrorCircle16Regular />, text: "unusable" },
  unknown: { color: "warning", icon: <PersonQuestionMark16Regular />, text: "unknown" },
  uncertain: { color: "warning", icon: <PersonQuestionMark16Regular />, text: "uncertain" },
  held: { color: "informative", icon: <PersonQuestionMark16Regular />, text: "heldByOther" },
  adding: { color: "brand", icon: <PersonAdd16Regular />, text: "adding" },
  incomplete: { color: "warning", icon: <CheckmarkCircle16Regular />, text: "incomplete" },
};

export function VerdictBadge({ kind }: { kind: VerdictKind }): JSX.Element {
  const styles = useStyles();
  if (kind === "checking") {
    return (
      <div className={styles.slot} role="group" aria-label={strings.verdict.regionLabel} aria-busy="true">
        <Skeleton className={styles.skeleton} aria-label={strings.verdict.checking}>
          <SkeletonItem size={20} />
        </Skeleton>
      </div>
    );
  }
  const { color, icon, text: key } = APPEARANCE[kind];
  const text = strings.verdict[key] as string;
  return (
    <div className={styles.slot} role="group" aria-label={strings.verdict.regionLabel}>
      <Badge className={styles.badge} appearance="tint" color={color} size="large" icon={icon}>
        {text}
      </Badge>
    </div>
  );
}
