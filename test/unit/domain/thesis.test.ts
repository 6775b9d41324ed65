import { PARTNER_TYPES } from "../../../src/domain/partners";
import { DEFAULT_PROGRAM_SETTINGS, ProgramSettings } from "../../../src/domain/settings";
import {
  DEFAULT_RATIONALE,
  RATIONALE_GAPS,
  readThesisSignOff,
  THESIS_LINES,
  thesisField,
  thesisLines,
  thesisStatement,
} from "../../../src/domain/thesis";

describe("partnership thesis (§1)", () => {
  test("the six rationale gaps, each answered by default", () => {
    expect(RATIONALE_GAPS.map((g) => g.label)).toEqual([
      "Market velocity gap",
      "Credibility gap",
      "Delivery gap",
      "Geographic gap",
      "Cost efficiency",
      "Competitive pressure",
    ]);
    for (const g of RATIONALE_GAPS) expect(DEFAULT_RATIONALE[g.key].length).toBeGreaterThan(0);
  });

  test("the statement assembled from the settings, in the playbook's words", () => {
    expect(thesisStatement(DEFAULT_PROGRAM_SETTINGS)).toBe(
      [
        "PARTNERSHIP THESIS — Veridian Cloud",
        "We will build a partner-led revenue channel that contributes 30% of total ARR within 3 years by partnering with Big 4 firms, global systems integrators, boutique consultancies and product vendors who serve mid-market and enterprise financial services firms in North America, UK & Ireland and DACH.",
        "We will prioritize Co-Sell and Implementation models because our buyers start risk programmes with a trusted advisor, and every deployment needs implementation services we do not provide.",
        "Partner-led growth accelerates our market penetration by borrowing our partners' seats at regulated buyers' risk committees: Big 4 and consulting firms provide access to mid-market and enterprise financial services firms accounts we cannot reach directly, while product firms extend our platform reach into treasury, audit and ESG reporting.",
        "The program will be measured by: partner-sourced ARR.",
      ].join("\n")
    );
  });

  test("one year is singular; shares are whole percentages", () => {
    const s = { ...DEFAULT_PROGRAM_SETTINGS, years: 1, partnerShare: 0.125 };
    expect(thesisField(s, "years")).toBe("1 year");
    expect(thesisField(s, "partnerShare")).toBe("13%");
    expect(thesisLines(s)[1]).toMatch(/contributes 13% of total ARR within 1 year by/);
  });

  test("partner types read as words, never as list codes; one type needs no 'and'", () => {
    const of = (partnerTypes: ProgramSettings["partnerTypes"]) =>
      thesisField({ ...DEFAULT_PROGRAM_SETTINGS, partnerTypes }, "partnerTypes");
    expect(of(["GSI"])).toBe("global systems integrators");
    expect(of(["Regional SI", "Long-tail"])).toBe(
      "regional systems integrators and long-tail partners"
    );
    const all = of(PARTNER_TYPES);
    for (const code of ["GSI", "Boutique", "ISV", "Regional SI", "Long-tail"])
      expect(all).not.toContain(code);
  });

  test("every line is literal text and settings, so a formula can assemble it", () => {
    for (const line of THESIS_LINES) {
      for (const piece of line) expect("text" in piece || "field" in piece).toBe(true);
    }
  });

  test("a sign-off needs a name and a date", () => {
    const at = (by: unknown, date: unknown) =>
      readThesisSignOff({ value: by, cell: "B20" }, { value: date, cell: "B21" }, "Thesis");
    expect(at("Dana Reyes", "2026-10-01")).toEqual({
      signOff: { by: "Dana Reyes", date: new Date("2026-10-01T00:00:00Z") },
      findings: [],
    });
    expect(at("Dana Reyes", null)).toEqual({ signOff: undefined, findings: [] });
    expect(at(null, 46296)).toEqual({ signOff: undefined, findings: [] });
    expect(at("Dana Reyes", "October")).toEqual({
      signOff: undefined,
      findings: [
        {
          severity: "error",
          rule: "thesis.bad-value",
          sheet: "Thesis",
          cell: "B21",
          message: 'Sign-Off Date "October" is not a date (write it as 2026-03-31 or enter a date)',
        },
      ],
    });
  });
});
