import { programWorkbookPlan } from "../../../src/workbook/programPlan";
import { DEFAULT_PROGRAM_SETTINGS } from "../../../src/domain/settings";
import { UnreadableExport } from "../../../src/xlsx/csvSniff";
import { validateFile } from "../../../src/xlsx/validateFile";
import { writePlanToBuffer } from "../../../src/xlsx/writePlan";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("validateFile (the page's Validate a file, outside Excel)", () => {
  test("a CSV export: findings cite the file's cells", async () => {
    const csv = [
      "Partner,Quarter,Pipeline,Certified,DedicatedPractice,RecordedTier",
      "Harbor,2026-Q1,150000,1,No,Silver",
      "Harbor,2026-Q2,150000,1,No,Gold",
    ].join("\n");

    const review = await validateFile("quarterly.csv", bytes(csv));

    expect(review.summary.errors).toBeGreaterThan(0);
    expect(review.findings).toContainEqual(
      expect.objectContaining({ sheet: "quarterly.csv", cell: "F3", partner: "Harbor" })
    );
  });

  test("the sample program workbook: its tblQuarterly, with the findings it is built to contain", async () => {
    const file = await writePlanToBuffer(
      programWorkbookPlan({ mode: "portable", data: "sample", settings: DEFAULT_PROGRAM_SETTINGS })
    );

    const review = await validateFile("partner-program.xlsx", file);

    expect(review.findings.length).toBeGreaterThan(0);
    expect(new Set(review.findings.map((f) => f.sheet))).toContain("Quarterly");
    // Every rule of the health check, as `partner-strategy validate` runs them, not the tier rules alone.
    expect(review.findings.map((f) => f.rule)).toEqual(
      expect.arrayContaining(["tier.recorded-mismatch", "quality.decision-review", "deal.sla"])
    );
    expect(review.partners).toBe(12);
  });

  test("a program workbook without quarterly data yet is checked on the rest", async () => {
    const file = await writePlanToBuffer(
      programWorkbookPlan({ mode: "portable", data: "blank", settings: DEFAULT_PROGRAM_SETTINGS })
    );

    const review = await validateFile("my-program.xlsx", file);

    expect(review).toMatchObject({
      findings: [],
      summary: { errors: 0, warnings: 0, info: 0 },
      partners: 0,
    });
  });

  test("a file that is not a workbook though named .xlsx is refused in words", async () => {
    await expect(validateFile("budget.xlsx", bytes("a,b\n1,2\n"))).rejects.toBeInstanceOf(
      UnreadableExport
    );
  });

  test("a CSV without the quarterly columns: a finding names the missing ones", async () => {
    const review = await validateFile("budget.csv", bytes("Name,Amount\nA,1\n"));
    expect(review.findings.map((f) => f.rule)).toContain("data.missing-columns");
  });
});
