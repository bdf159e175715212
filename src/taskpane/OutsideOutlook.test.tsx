/** @jest-environment jsdom */
import { render, screen } from "@testing-library/react";
import { axe, toHaveNoViolations } from "jest-axe";
import type { OutsideReason } from "../office/outside-outlook";
import { applyBrowserLanguage } from "./locales/language";
import { OUTSIDE_SENTENCES } from "./locales/outside-sentences";
import { hasPlainLatin } from "./locales/pseudo";
import { ConfigurationProblem, explainOutsideOutlook, OutsideOutlook } from "./OutsideOutlook";

expect.extend(toHaveNoViolations);

describe("OutsideOutlook", () => {
  it("explains, with a heading, that the add-in runs in Outlook", async () => {
    const { container } = render(<OutsideOutlook reason="no-host" host={null} />);
    expect(
      screen.getByRole("heading", { level: 1, name: "Open this add-in from Outlook" }),
    ).toBeInTheDocument();
    expect(screen.getByText(/Outlook on the web/)).toBeInTheDocument();
    expect(await axe(container)).toHaveNoViolations();
  });

  it("names the Office application it was opened in", () => {
    render(<OutsideOutlook reason="other-host" host="Excel" />);
    expect(screen.getByText(/opened in Excel/)).toBeInTheDocument();
  });
});

describe("ConfigurationProblem", () => {
  it("lists each configuration problem", async () => {
    const { container } = render(
      <ConfigurationProblem
        problems={["ADDIN_CLIENT_ID is not set.", "ADDIN_AUTHORITY must be an https URL."]}
      />,
    );
    expect(screen.getByText("ADDIN_CLIENT_ID is not set.")).toBeInTheDocument();
    expect(screen.getByText("ADDIN_AUTHORITY must be an https URL.")).toBeInTheDocument();
    expect(await axe(container)).toHaveNoViolations();
  });
});

describe("explainOutsideOutlook", () => {
  const reasons: OutsideReason[] = ["office-js-missing", "no-host", "other-host", "no-mailbox", "timeout"];

  it.each(reasons)("explains %s with a title and at least one paragraph", (reason) => {
    const explanation = explainOutsideOutlook(reason, "Excel");
    expect(explanation.title.length).toBeGreaterThan(0);
    expect(explanation.paragraphs.length).toBeGreaterThan(0);
  });

  it("names the application it was opened in", () => {
    expect(explainOutsideOutlook("other-host", "Excel").paragraphs.join(" ")).toContain("Excel");
  });

  it("tells a person in a plain browser where the add-in runs", () => {
    expect(explainOutsideOutlook("no-host", null).paragraphs.join(" ")).toMatch(/Outlook on the web/);
  });
});

describe("in the browser's language (no Outlook to tell the display language)", () => {
  afterEach(() => applyBrowserLanguage(document, { languages: ["en-US"] }));

  /** Text a person can see or hear in `root`, less the data it shows as it is. */
  function wordsOf(root: Element, data: readonly string[]): string[] {
    const texts = [root.textContent ?? ""];
    for (const element of root.querySelectorAll("*"))
      for (const attribute of ["aria-label", "title", "alt", "placeholder"])
        texts.push(element.getAttribute(attribute) ?? "");
    return texts.map((text) => data.reduce((rest, value) => rest.split(value).join(""), text));
  }

  it("German for navigator.languages ['de-DE']: the page, its title and its lang", async () => {
    await applyBrowserLanguage(document, { languages: ["de-DE", "en-US"] });
    render(<OutsideOutlook reason="no-host" host={null} />);
    expect(
      screen.getByRole("heading", { level: 1, name: OUTSIDE_SENTENCES.de.noHost.title }),
    ).toBeInTheDocument();
    expect(screen.getByText(OUTSIDE_SENTENCES.de.where)).toBeInTheDocument();
    expect(document.documentElement).toHaveAttribute("lang", "de");
  });

  it("German for a French-then-German browser; English for an English-first one", async () => {
    await applyBrowserLanguage(document, { languages: ["fr-FR", "de-AT"] });
    expect(explainOutsideOutlook("other-host", "Excel").paragraphs[0]).toBe("Es wurde in Excel geöffnet.");
    await applyBrowserLanguage(document, { languages: ["en-GB", "de-DE"] });
    expect(explainOutsideOutlook("other-host", "Excel").paragraphs[0]).toBe("It was opened in Excel.");
  });

  it.each(["qps-ploc", "qps-plocm"])(
    "in %s every reason and the configuration problem show only catalogue text",
    async (pseudo) => {
      await applyBrowserLanguage(document, { languages: [pseudo] });
      const problems = ["ADDIN_CLIENT_ID is not set."];
      const { container } = render(
        <>
          {(["office-js-missing", "no-host", "other-host", "no-mailbox", "timeout"] as const).map(
            (reason) => (
              <OutsideOutlook key={reason} reason={reason} host={reason === "other-host" ? "Excel" : null} />
            ),
          )}
          <OutsideOutlook reason="other-host" host={null} />
          <ConfigurationProblem problems={problems} />
        </>,
      );
      // The product's and the application's names, and the deployer's settings, are data.
      expect(wordsOf(container, ["GAL Contact", "Excel", ...problems]).filter(hasPlainLatin)).toEqual([]);
      expect(document.documentElement).toHaveAttribute("dir", pseudo === "qps-plocm" ? "rtl" : "ltr");
    },
  );
});
