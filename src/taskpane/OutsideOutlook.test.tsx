/** @jest-environment jsdom */
import { render, screen } from "@testing-library/react";
import { axe, toHaveNoViolations } from "jest-axe";
import type { OutsideReason } from "../office/outside-outlook";
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
