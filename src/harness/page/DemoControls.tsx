/**
 * The demo's switches, driven through the demo server and the emulator's control
 * surface: who is signed in, which backend and trust policy the pane was "deployed" with, injected failures, a slow network, the theme, and reset.
 * Kept visibly apart from the Outlook stand-in: they are not part of Outlook.
 */
import {
  Button,
  Field,
  makeStyles,
  Menu,
  MenuButton,
  MenuDivider,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Select,
  shorthands,
  Switch,
  Text,
  tokens,
} from "@fluentui/react-components";
import { ArrowReset20Regular, Flash20Regular } from "@fluentui/react-icons";
import type { TrustPolicy } from "../../contacts/trust/policy";
import {
  DEMO_BACKEND_LABELS,
  DEMO_FAULTS,
  type DemoBackend,
  type DemoFaultName,
  type DemoRole,
  SLOW_NETWORK_LATENCY_MS,
} from "../demo-routes";

/** Outlook display languages the demo offers: the shipped ones and the two pseudo-locales. */
export const DEMO_LANGUAGES = {
  "en-US": "English",
  "de-DE": "Deutsch",
  "qps-ploc": "Pseudo (accented)",
  "qps-plocm": "Pseudo (right to left)",
} as const;

export type DemoLanguage = keyof typeof DEMO_LANGUAGES;

const useStyles = makeStyles({
  root: {
    display: "flex",
    alignItems: "center",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground3,
    ...shorthands.borderBottom(tokens.strokeWidthThin, "solid", tokens.colorNeutralStroke2),
  },
  label: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightSemibold },
  role: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  status: { flexGrow: 1, textAlign: "end", color: tokens.colorNeutralForeground2, minWidth: "200px" },
});

export interface DemoControlsProps {
  role: DemoRole;
  onRoleChange: (role: DemoRole) => void;
  backend: DemoBackend;
  onBackendChange: (backend: DemoBackend) => void;
  /** ADDIN_TRUST_POLICY as if the pane had been built with it (the pane reloads). */
  trustPolicy: TrustPolicy;
  onTrustPolicyChange: (policy: TrustPolicy) => void;
  onInjectFault: (name: DemoFaultName) => void;
  onClearFaults: () => void;
  slowNetwork: boolean;
  onSlowNetworkChange: (slow: boolean) => void;
  dark: boolean;
  onDarkChange: (dark: boolean) => void;
  /** Outlook's display language, which the pane follows (it reloads). */
  language: DemoLanguage;
  onLanguageChange: (language: DemoLanguage) => void;
  onReset: () => void;
  /** The last thing a switch did, announced politely. */
  status: string;
}

export function DemoControls(props: DemoControlsProps) {
  const styles = useStyles();
  return (
    <div className={styles.root} role="toolbar" aria-label="Demo controls">
      <Text size={200} className={styles.label}>
        Demo controls
      </Text>
      <Field className={styles.role} orientation="horizontal" label="Signed in as" size="small">
        <Select
          size="small"
          value={props.role}
          onChange={(_, data) => props.onRoleChange(data.value as DemoRole)}
          aria-label="Signed in as"
        >
          <option value="admin">Exchange admin</option>
          <option value="readonly">User without an admin role</option>
        </Select>
      </Field>
      <Field className={styles.role} orientation="horizontal" label="Backend" size="small">
        <Select
          size="small"
          value={props.backend}
          onChange={(_, data) => props.onBackendChange(data.value as DemoBackend)}
          aria-label="Backend"
        >
          {(Object.keys(DEMO_BACKEND_LABELS) as DemoBackend[]).map((backend) => (
            <option key={backend} value={backend}>
              {DEMO_BACKEND_LABELS[backend]}
            </option>
          ))}
        </Select>
      </Field>
      <Field className={styles.role} orientation="horizontal" label="Trust policy" size="small">
        <Select
          size="small"
          value={props.trustPolicy}
          onChange={(_, data) => props.onTrustPolicyChange(data.value as TrustPolicy)}
          aria-label="Trust policy"
        >
          <option value="warn">warn: confirm risky senders</option>
          <option value="block">block: no adding failed senders</option>
        </Select>
      </Field>
      <Field className={styles.role} orientation="horizontal" label="Language" size="small">
        <Select
          size="small"
          value={props.language}
          onChange={(_, data) => props.onLanguageChange(data.value as DemoLanguage)}
          aria-label="Language"
        >
          {(Object.keys(DEMO_LANGUAGES) as DemoLanguage[]).map((language) => (
            <option key={language} value={language}>
              {DEMO_LANGUAGES[language]}
            </option>
          ))}
        </Select>
      </Field>
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <MenuButton size="small" icon={<Flash20Regular />}>
            Inject a failure
          </MenuButton>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            {(Object.keys(DEMO_FAULTS) as DemoFaultName[]).map((name) => (
              <MenuItem key={name} onClick={() => props.onInjectFault(name)}>
                {DEMO_FAULTS[name].label}
              </MenuItem>
            ))}
            <MenuDivider />
            <MenuItem onClick={props.onClearFaults}>Clear injected failures</MenuItem>
          </MenuList>
        </MenuPopover>
      </Menu>
      <Switch
        label={`Slow network (${SLOW_NETWORK_LATENCY_MS / 1000} s)`}
        checked={props.slowNetwork}
        onChange={(_, data) => props.onSlowNetworkChange(data.checked)}
      />
      <Switch
        label="Dark theme"
        checked={props.dark}
        onChange={(_, data) => props.onDarkChange(data.checked)}
      />
      <Button size="small" icon={<ArrowReset20Regular />} onClick={props.onReset}>
        Reset demo
      </Button>
      <Text size={200} className={styles.status} role="status" aria-live="polite">
        {props.status}
      </Text>
    </div>
  );
}
