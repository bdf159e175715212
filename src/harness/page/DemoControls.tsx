/**
 * The demo's switches, driven through the demo server and the emulator's control
 * surface: who is signed in, which backend and trust policy the pane was "deployed" with, injected failures, a slow network, the theme, and reset.
 * Kept visibly apart from the Outlook stand-in: they are not part of Outlook. Worded in the
 * language the Language switch shows (demo-strings.ts).
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
  DEMO_FAULTS,
  type DemoBackend,
  type DemoFaultName,
  type DemoRole,
  SLOW_NETWORK_LATENCY_MS,
} from "../demo-routes";
import { DEMO_LANGUAGE_TAGS, type DemoLanguage, type DemoStrings } from "./demo-strings";

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
  /** The demo's words in the chosen language. */
  text: DemoStrings;
}

export function DemoControls(props: DemoControlsProps) {
  const styles = useStyles();
  const text = props.text;
  return (
    <div className={styles.root} role="toolbar" aria-label={text.controls}>
      <Text size={200} className={styles.label}>
        {text.controls}
      </Text>
      <DemoChoice
        label={text.signedInAs}
        value={props.role}
        options={[
          ["admin", text.roles.admin],
          ["readonly", text.roles.readonly],
        ]}
        onChange={props.onRoleChange}
      />
      <DemoChoice
        label={text.backend}
        value={props.backend}
        options={(Object.keys(text.backends) as DemoBackend[]).map((backend) => [
          backend,
          text.backends[backend],
        ])}
        onChange={props.onBackendChange}
      />
      <DemoChoice
        label={text.trustPolicy}
        value={props.trustPolicy}
        options={[
          ["warn", text.trustPolicies.warn],
          ["block", text.trustPolicies.block],
        ]}
        onChange={props.onTrustPolicyChange}
      />
      <DemoChoice
        label={text.language}
        value={props.language}
        options={DEMO_LANGUAGE_TAGS.map((language) => [language, text.languages[language]])}
        // Each language's own name, in its own language (the pseudo-locales have none).
        optionLang={(language) => (language.startsWith("qps") ? undefined : language)}
        onChange={props.onLanguageChange}
      />
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <MenuButton size="small" icon={<Flash20Regular />}>
            {text.injectFailure}
          </MenuButton>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            {(Object.keys(DEMO_FAULTS) as DemoFaultName[]).map((name) => (
              <MenuItem key={name} onClick={() => props.onInjectFault(name)}>
                {text.faults[name].label}
              </MenuItem>
            ))}
            <MenuDivider />
            <MenuItem onClick={props.onClearFaults}>{text.clearFaults}</MenuItem>
          </MenuList>
        </MenuPopover>
      </Menu>
      <Switch
        label={text.slowNetwork(SLOW_NETWORK_LATENCY_MS / 1000)}
        checked={props.slowNetwork}
        onChange={(_, data) => props.onSlowNetworkChange(data.checked)}
      />
      <Switch
        label={text.darkTheme}
        checked={props.dark}
        onChange={(_, data) => props.onDarkChange(data.checked)}
      />
      <Button size="small" icon={<ArrowReset20Regular />} onClick={props.onReset}>
        {text.reset}
      </Button>
      <Text size={200} className={styles.status} role="status" aria-live="polite">
        {props.status}
      </Text>
    </div>
  );
}

/** One of the demo bar's labelled choices. */
function DemoChoice<T extends string>(props: {
  label: string;
  value: T;
  options: readonly (readonly [T, string])[];
  optionLang?: (value: T) => string | undefined;
  onChange(value: T): void;
}) {
  const styles = useStyles();
  return (
    <Field className={styles.role} orientation="horizontal" label={props.label} size="small">
      <Select
        size="small"
        value={props.value}
        onChange={(_, data) => props.onChange(data.value as T)}
        aria-label={props.label}
      >
        {props.options.map(([value, words]) => (
          <option key={value} value={value} lang={props.optionLang?.(value)}>
            {words}
          </option>
        ))}
      </Select>
    </Field>
  );
}
