import { applyPlan } from "../../../src/excel/applyPlan";
import { validateTiers } from "../../../src/excel/validateTiers";
import { DEFAULT_TIER_RULES } from "../../../src/domain/tiers";
import { quarterlySheetPlan, tiersSheetPlan } from "../../../src/workbook/tierSheets";
import { SAMPLE_QUARTERS } from "../../../src/workbook/quarterlySample";
import { RecordingExcel, SeedSheet } from "../../support/recordingExcel";

const AS_OF = new Date(Date.UTC(2026, 11, 6));

/** Sheets an analyst typed: values only, as Excel returns them after calculating. */
const RACI: SeedSheet = {
  name: "RACI",
  ranges: [
    {
      address: "A3:G5",
      values: [
        [
          "Decision",
          "CPO",
          "VP Alliance GTM",
          "Director Partner Dev",
          "Director Partner Ops",
          "Finance",
          "Legal",
        ],
        ["New partnership approval", "A", "C", "R", "I", "C", "C"],
        ["MDF allocation", "A", "C", "I", "R", "A", "Z"],
      ],
    },
  ],
  tables: [{ name: "tblRACI", address: "A3:G5" }],
};

const DECISIONS: SeedSheet = {
  name: "Decisions",
  ranges: [
    {
      address: "A3:E4",
      values: [
        ["ID", "Capability / Market", "Decision", "Partner Considered", "Finance Input"],
        ["D-001", "CRM integration", "PARTNER", "", ""],
      ],
    },
  ],
  tables: [{ name: "tblDecisions", address: "A3:E4" }],
};

async function program(others: readonly SeedSheet[]): Promise<RecordingExcel> {
  const excel = new RecordingExcel(others);
  await applyPlan(excel.context, {
    sheets: [tiersSheetPlan(DEFAULT_TIER_RULES), quarterlySheetPlan(SAMPLE_QUARTERS)],
  });
  return excel;
}

describe("Validate in Excel: the whole health check", () => {
  test("every program table is read in the sync that reads the quarterly data; each rule's findings cite their cells", async () => {
    const excel = await program([RACI, DECISIONS]);
    const before = excel.syncs;
    const report = await validateTiers(excel.context, undefined, AS_OF);

    // One read, then the highlights and the Tier Review in one write.
    expect(excel.syncs - before).toBe(2);
    const cited = report.findings.map((f) => [f.rule, f.severity, `${f.sheet}!${f.cell}`]);
    expect(cited).toEqual(
      expect.arrayContaining([
        ["quality.raci", "error", "RACI!G5"],
        ["quality.finance-input", "error", "Decisions!E4"],
        ["decision.partner-considered", "warning", "Decisions!D4"],
        ["tier.recorded-mismatch", "error", "Quarterly!J34"],
      ])
    );
    expect(report.summary).toEqual({
      errors: report.findings.filter((f) => f.severity === "error").length,
      warnings: report.findings.filter((f) => f.severity === "warning").length,
      info: report.findings.filter((f) => f.severity === "info").length,
    });
  });

  test("a workbook with program tables but no quarterly data is checked, and no Tier Review is written", async () => {
    const excel = new RecordingExcel([RACI]);
    const report = await validateTiers(excel.context, undefined, AS_OF);
    expect(report.findings.map((f) => [f.rule, f.cell])).toEqual([["quality.raci", "G5"]]);
    expect(excel.sheets.map((s) => s.name)).toEqual(["RACI"]);
  });
});
