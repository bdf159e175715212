/** @jest-environment jsdom */
/**
 * The demo bar follows the demo's Language switch: German has every English key, the demo bar
 * renders German, and in the pseudo-locales every word it shows is pseudo-text (so none
 * bypasses demo-strings.ts).
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import { hasPlainLatin } from "../../taskpane/locales/pseudo-text";
import { differences } from "../../taskpane/test-support/catalogue-differences";
import { DemoControls, type DemoControlsProps } from "./DemoControls";
import { DEMO_STRINGS, demoText, type DemoLanguage } from "./demo-strings";

test("German has every key of the demo's English, and no other", () => {
  expect(differences(DEMO_STRINGS.en, DEMO_STRINGS.de)).toEqual([]);
});

function renderBar(language: DemoLanguage, status = "") {
  const speech = demoText(language);
  const noop = () => undefined;
  const props: DemoControlsProps = {
    role: "admin",
    onRoleChange: noop,
    backend: "admin-center",
    onBackendChange: noop,
    trustPolicy: "warn",
    onTrustPolicyChange: noop,
    onInjectFault: noop,
    onClearFaults: noop,
    slowNetwork: false,
    onSlowNetworkChange: noop,
    dark: false,
    onDarkChange: noop,
    language,
    onLanguageChange: noop,
    onReset: noop,
    status,
    text: speech.text,
  };
  return render(
    <FluentProvider theme={webLightTheme} dir={speech.direction}>
      <DemoControls {...props} />
    </FluentProvider>,
  );
}

test("in German, the demo bar's controls are German", () => {
  renderBar("de-DE");
  expect(screen.getByRole("toolbar", { name: "Demo-Steuerung" })).toBeInTheDocument();
  expect(screen.getByRole("combobox", { name: "Angemeldet als" })).toBeInTheDocument();
  expect(screen.getByRole("combobox", { name: "Sprache" })).toHaveValue("de-DE");
  expect(screen.getByRole("switch", { name: "Dunkles Design" })).toBeInTheDocument();
  expect(screen.getByRole("button", { name: "Demo zurücksetzen" })).toBeInTheDocument();
  expect(screen.queryByText("Reset demo")).toBeNull();
});

/** What a person can see or hear in `root`, less English's and German's own names (shown as they are). */
function words(root: Element): string[] {
  const own = [DEMO_STRINGS.en.languages["en-US"], DEMO_STRINGS.en.languages["de-DE"]];
  const texts = [...root.querySelectorAll("*")].flatMap((element) => [
    ...[...element.childNodes]
      .filter((node) => node.nodeType === Node.TEXT_NODE)
      .map((node) => node.textContent ?? ""),
    ...["aria-label", "title", "placeholder", "alt"].map(
      (attribute) => element.getAttribute(attribute) ?? "",
    ),
  ]);
  return texts.map((text) => own.reduce((rest, name) => rest.split(name).join(""), text));
}

test.each<[DemoLanguage, string]>([
  ["qps-ploc", "ltr"],
  ["qps-plocm", "rtl"],
])(
  "in %s, every word of the demo bar and its status line is the demo catalogue's (%s)",
  (language, direction) => {
    const text = demoText(language).text;
    const { container } = renderBar(language, text.status.armed(text.faults.throttle.description));
    expect(words(container).filter(hasPlainLatin)).toEqual([]);
    expect(demoText(language).direction).toBe(direction);
    // The names of the languages stay their own, so the way back is always readable.
    expect(screen.getByRole("option", { name: "English" })).toBeInTheDocument();
  },
);

test("the unfired-fault sentence keeps the switch's name in the language it was armed in", () => {
  const german = DEMO_STRINGS.de;
  expect(german.status.unfired(german.faults["fail-general-update"].label, "no-general-step")).toMatch(
    /^„Nach dem Anlegen scheitern“ hat nicht ausgelöst: Dieses Hinzufügen hatte/,
  );
});
