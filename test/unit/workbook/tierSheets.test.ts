import {
  DEFAULT_TIER_RULES,
  EXITED,
  formatTierStatus,
  QUARTERLY_COLUMNS,
  TIER_COLUMNS,
  TIER_SETTING_COLUMNS,
  tierSettingValues,
  TierStatus,
  TIERS,
} from "../../../src/domain/tiers";
import { planNameProblems, planReferenceProblems } from "../../../src/workbook/names";
import { FormulaMode, isFormula, SheetPlan, TablePlan } from "../../../src/workbook/plan";
import { programWorkbookPlan } from "../../../src/workbook/programPlan";
import { SAMPLE_QUARTERS } from "../../../src/workbook/quarterlySample";
import { readTierRules, TableValues, validateTables } from "../../../src/workbook/readProgram";
import { SAMPLE_PARTNERS } from "../../../src/workbook/sample";
import {
  QUARTERLY_SHEET,
  quarterlySheetPlan,
  TBL_QUARTERLY,
  TBL_TIER_REVIEW,
  TBL_TIER_RULES,
  TBL_TIERS,
  TIER_REVIEW_COLUMNS,
  TIER_REVIEW_HEADERS,
  TIER_REVIEW_SHEET,
  TIER_REVIEW_TOP_LEFT,
  tierReviewRows,
  tierReviewSheetPlan,
  tierSheets,
  TIERS_SHEET,
  tiersSheetPlan,
} from "../../../src/workbook/tierSheets";

const tableOf = (sheet: SheetPlan, name: string): TablePlan => {
  const table = sheet.tables.find((t) => t.name === name);
  if (!table) throw new Error(`no ${name} on ${sheet.name}`);
  return table;
};

/** A planned table as a host reads it back (the tables written here hold constants only). */
const valuesOf = (sheet: SheetPlan, name: string): TableValues => {
  const table = tableOf(sheet, name);
  return {
    sheet: sheet.name,
    header: table.columns.map((c) => c.header),
    rows: table.rows,
    topLeft: table.topLeft,
  };
};

const column = (table: TablePlan, header: string) => {
  const found = table.columns.find((c) => c.header === header);
  if (!found) throw new Error(`${table.name} has no ${header}`);
  return found;
};

const tiers = tiersSheetPlan(DEFAULT_TIER_RULES);
const quarterly = quarterlySheetPlan(SAMPLE_QUARTERS);
const sample = validateTables(
  valuesOf(quarterly, TBL_QUARTERLY),
  valuesOf(tiers, TBL_TIERS),
  valuesOf(tiers, TBL_TIER_RULES)
);

describe("Tiers sheet", () => {
  test("tblTiers: the criteria, commitments, benefits and commitments text of every tier, highest first", () => {
    const table = tableOf(tiers, TBL_TIERS);
    expect(table.columns.map((c) => c.header)).toEqual(Object.values(TIER_COLUMNS));
    expect(table.rows.map((r) => r.slice(0, 6))).toEqual([
      ["Platinum", 2_000_000, 5, "Yes", 1, 4],
      ["Gold", 500_000, 3, "No", 2, 2],
      ["Silver", 100_000, 1, "No", 4, 1],
      ["Registered", null, null, null, null, null],
    ]);
    expect(table.rows[0]![6]).toContain("Dedicated Partner Account Manager (PAM)");
    expect(table.rows[0]![7]).toContain("Quarterly Business Review (QBR)");
    expect(column(table, TIER_COLUMNS.pipelineTarget).numberFormat).toBe("$#,##0");
    expect(column(table, TIER_COLUMNS.tier).validation).toMatchObject({
      kind: "list",
      values: TIERS,
    });
    expect(column(table, TIER_COLUMNS.dedicatedPractice).validation).toMatchObject({
      kind: "list",
      values: ["Yes", "No"],
    });
  });

  test("tblTierRules: Setting, Value and what each means, under tblTiers", () => {
    const table = tableOf(tiers, TBL_TIER_RULES);
    expect(table.columns.map((c) => c.header)).toEqual([
      TIER_SETTING_COLUMNS.setting,
      TIER_SETTING_COLUMNS.value,
      "Meaning",
    ]);
    expect(table.rows).toEqual(
      tierSettingValues(DEFAULT_TIER_RULES).map((s) => [s.setting, s.value, s.note])
    );
    const tierTable = tableOf(tiers, TBL_TIERS);
    expect(table.topLeft.row).toBeGreaterThan(tierTable.topLeft.row + tierTable.rows.length + 1);
  });

  test("read back, the sheet gives the playbook's rules without a finding", () => {
    const read = readTierRules(valuesOf(tiers, TBL_TIERS), valuesOf(tiers, TBL_TIER_RULES));
    expect(read).toEqual({ rules: DEFAULT_TIER_RULES, findings: [], criteriaFromTable: true });
  });
});

describe("Quarterly sheet and its sample", () => {
  const table = tableOf(quarterly, TBL_QUARTERLY);

  test("tblQuarterly: the domain's columns, one row per sample quarter, formats and drop-downs", () => {
    expect(table.columns.map((c) => c.header)).toEqual(Object.values(QUARTERLY_COLUMNS));
    expect(table.rows).toHaveLength(SAMPLE_QUARTERS.length);
    const c = QUARTERLY_COLUMNS;
    for (const money of [c.pipeline, c.sourcedArr, c.influencedArr]) {
      expect(column(table, money)).toMatchObject({
        numberFormat: "$#,##0",
        validation: { kind: "decimal", min: 0 },
      });
    }
    for (const count of [c.certified, c.jointGtmActivities]) {
      expect(column(table, count)).toMatchObject({
        numberFormat: "0",
        validation: { kind: "whole", min: 0 },
      });
    }
    expect(column(table, c.quarter).numberFormat).toBe("@");
    for (const flag of [c.dedicatedPractice, c.businessReviewHeld]) {
      expect(column(table, flag).validation).toMatchObject({ values: ["Yes", "No"] });
    }
    expect(column(table, c.recordedTier).validation).toMatchObject({
      values: ["Platinum", "Gold", "Silver", "Registered", "Exited"],
    });
    expect(table.rows[0]).toEqual([
      "Accenture",
      "2024-Q4",
      620_000,
      186_000,
      124_000,
      8,
      "Yes",
      1,
      "Yes",
      "Platinum",
    ]);
  });

  test("the sample: 12 partners of the sample universe, quarters as text labels ending 2026-Q3", () => {
    const partners = new Set(SAMPLE_QUARTERS.map((q) => q.partner));
    expect(partners.size).toBe(12);
    const universe = new Set(SAMPLE_PARTNERS.map((p) => p.name));
    for (const p of partners) expect(universe.has(p)).toBe(true);
    for (const q of SAMPLE_QUARTERS) expect(q.quarter).toMatch(/^20\d\d-Q[1-4]$/);
    expect(
      SAMPLE_QUARTERS.map((q) => q.quarter)
        .sort()
        .at(-1)
    ).toBe("2026-Q3");
    for (const q of SAMPLE_QUARTERS) {
      // Sourced and influenced ARR are separate figures, each at most the pipeline it came from.
      expect(q.sourcedArr + q.influencedArr).toBeLessThanOrEqual(q.pipeline);
    }
  });

  test("validated, the sample gives exactly the findings its story promises", () => {
    expect(
      sample.findings.map((f) => [f.severity, f.rule, `${f.sheet}!${f.cell}`, f.partner, f.quarter])
    ).toEqual([
      ["error", "tier.recorded-mismatch", "Quarterly!J34", "PwC", "2026-Q2"],
      ["error", "tier.recorded-mismatch", "Quarterly!J35", "PwC", "2026-Q3"],
      ["error", "tier.recorded-mismatch", "Quarterly!J41", "Quarry Point Analytics", "2026-Q1"],
      ["warning", "commitment.qbr", "Quarterly!I74", "Copperleaf Compliance Group", "2026-Q3"],
    ]);
    expect(sample.summary).toEqual({ errors: 3, warnings: 1, info: 0 });
    expect(sample.findings[0]!.message).toBe(
      "PwC 2026-Q2: recorded Platinum, expected Gold (missed Platinum criteria in 2025-Q4 and 2026-Q1)"
    );
    // The cells cited hold what the findings speak of.
    const row = (cell: string) =>
      tableOf(quarterly, TBL_QUARTERLY).rows[Number(cell.slice(1)) - 4]!;
    expect(row("J34").slice(0, 2)).toEqual(["PwC", "2026-Q2"]);
    expect(row("J34")[9]).toBe("Platinum");
    expect(row("J41").slice(0, 2)).toEqual(["Quarry Point Analytics", "2026-Q1"]);
    expect(row("I74")[8]).toBe("No");
  });

  test("every partner's action, and every status, comes out of the sample", () => {
    expect(sample.actions.map((a) => [a.partner, a.tier, formatTierStatus(a.status)])).toEqual([
      ["Accenture", "Platinum", "Hold"],
      ["Deloitte", "Platinum", "Hold"],
      ["Cognizant", "Gold", "Hold"],
      ["PwC", "Platinum", "Demote to Gold"],
      ["Quarry Point Analytics", "Gold", "Hold"],
      ["Kestrel Data Platform", "Silver", "Promote to Gold"],
      ["Northwind Risk Advisory", "Gold", "Warning"],
      ["Infosys", "Gold", "Demote to Silver"],
      ["Copperleaf Compliance Group", "Gold", "Hold"],
      ["Ledgerline Software", "Registered", "Hold"],
      ["Pinecrest IT Services", "Registered", "Exit"],
    ]);
    const statuses = (partner: string) =>
      sample.review
        .filter((r) => r.partner === partner)
        .map((r) => (r.status ? formatTierStatus(r.status) : ""));
    expect(statuses("Deloitte")).toContain("Promote to Platinum");
    expect(statuses("Cognizant")).toEqual(expect.arrayContaining(["Warning", "Demote to Gold"]));
    expect(statuses("Saltmarsh Digital")).toEqual(["Hold", "Hold", "Hold", "Exit", ""]);
    const saltmarsh = sample.review.filter((r) => r.partner === "Saltmarsh Digital").at(-1)!;
    expect([saltmarsh.expectedTier, saltmarsh.recordedTier]).toEqual([EXITED, EXITED]);
    const kinds = new Set(sample.review.flatMap((r) => (r.status ? [r.status.kind] : [])));
    expect(kinds).toEqual(new Set(["hold", "warning", "promote", "demote", "exit"]));
  });
});

describe("Tier Review sheet", () => {
  const reviewTable = (mode: FormulaMode) =>
    tableOf(tierReviewSheetPlan(sample, mode), TBL_TIER_REVIEW);

  test("one row per partner and quarter, as validation reviewed it, at the fixed top-left cell", () => {
    const table = reviewTable("portable");
    expect(table.topLeft).toEqual(TIER_REVIEW_TOP_LEFT);
    expect(table.columns.map((c) => c.header)).toEqual(TIER_REVIEW_HEADERS);
    expect(table.rows).toEqual(tierReviewRows(sample, "portable"));
    expect(table.rows).toHaveLength(SAMPLE_QUARTERS.length);
    const at = (partner: string, quarter: string) => {
      const row = table.rows.find((r) => r[0] === partner && r[1] === quarter);
      if (!row) throw new Error(`no ${partner} ${quarter}`);
      return Object.fromEntries(TIER_REVIEW_HEADERS.map((h, i) => [h, row[i]]));
    };
    expect(at("PwC", "2026-Q2")).toEqual({
      Partner: "PwC",
      Quarter: "2026-Q2",
      "Annual Pipeline": 1_330_000,
      "Certified Individuals": 6,
      "Dedicated Practice": "Yes",
      "Qualifying Tier": "Gold",
      "Expected Tier": "Gold",
      "Recorded Tier": "Platinum",
      Rules: "tier.recorded-mismatch",
      Status: "Hold",
      "Next Tier Gap": null,
      Finding: "recorded Platinum, expected Gold (missed Platinum criteria in 2025-Q4 and 2026-Q1)",
    });
    // Annualised while a partner has fewer than four quarters: ($30,000 + $30,000 + $45,000) × 4/3.
    expect(at("Ledgerline Software", "2026-Q3")).toMatchObject({
      "Annual Pipeline": 140_000,
      "Qualifying Tier": "Silver",
      Status: "Hold",
      "Next Tier Gap": "Gold: +$360,000 pipeline, +2 certified",
      Finding: null,
    });
    expect(at("Kestrel Data Platform", "2026-Q3")).toMatchObject({
      Status: "Promote to Gold",
      "Next Tier Gap": "Platinum: +$1,330,000 pipeline, +1 certified, dedicated practice",
    });
  });

  test("Next Tier Gap: on each partner's latest quarter, unless it exits or has exited", () => {
    const table = reviewTable("portable");
    const gap = TIER_REVIEW_HEADERS.indexOf(TIER_REVIEW_COLUMNS.nextTierGap);
    const gaps = table.rows.filter((r) => r[gap] !== null).map((r) => [r[0], r[1], r[gap]]);
    expect(gaps).toEqual([
      ["Accenture", "2026-Q3", "meets Platinum"],
      ["Deloitte", "2026-Q3", "meets Platinum"],
      ["Cognizant", "2026-Q3", "Platinum: +1 certified"],
      ["PwC", "2026-Q3", "Platinum: +$690,000 pipeline"],
      [
        "Quarry Point Analytics",
        "2026-Q3",
        "Platinum: +$1,170,000 pipeline, +2 certified, dedicated practice",
      ],
      [
        "Kestrel Data Platform",
        "2026-Q3",
        "Platinum: +$1,330,000 pipeline, +1 certified, dedicated practice",
      ],
      ["Northwind Risk Advisory", "2026-Q3", "Gold: +1 certified"],
      ["Infosys", "2026-Q3", "Gold: +$145,000 pipeline"],
      [
        "Copperleaf Compliance Group",
        "2026-Q3",
        "Platinum: +$1,315,000 pipeline, +2 certified, dedicated practice",
      ],
      ["Ledgerline Software", "2026-Q3", "Gold: +$360,000 pipeline, +2 certified"],
    ]);
  });

  test("with the add-in, the gap is PS.TIERGAP over the row's figures and tblTiers", () => {
    const table = reviewTable("addin");
    const gap = TIER_REVIEW_HEADERS.indexOf(TIER_REVIEW_COLUMNS.nextTierGap);
    const formulas = table.rows.map((r) => r[gap]!).filter(isFormula);
    expect(formulas).toHaveLength(10);
    const row = (h: string) => `tblTierReview[[#This Row],[${h}]]`;
    expect(formulas[0]).toEqual({
      formula: `=PS.TIERGAP(${row("Annual Pipeline")},${row("Certified Individuals")},${row("Dedicated Practice")},,tblTiers[#All])`,
    });
    // Without a tblTiers, validation used the playbook's criteria, and so does the function.
    const defaults = validateTables(valuesOf(quarterly, TBL_QUARTERLY));
    const [first] = tierReviewRows(defaults, "addin")
      .map((r) => r[gap]!)
      .filter(isFormula);
    expect(first!.formula).toMatch(/^=PS\.TIERGAP\([^)]*\[Dedicated Practice\]\]\)$/);
    // Everything else is the same in both modes: the review is what validation found.
    const portable = reviewTable("portable").rows;
    table.rows.forEach((r, i) => {
      expect(r.filter((_, c) => c !== gap)).toEqual(portable[i]!.filter((_, c) => c !== gap));
    });
  });

  test("Status is coloured: promotions green, a warning amber, demotions and exits red, Hold plain", () => {
    const status = column(reviewTable("portable"), TIER_REVIEW_COLUMNS.status);
    const fillOf = (s: TierStatus) =>
      status.conditionalFormats?.find(
        (cf) => cf.kind === "textEquals" && cf.text === formatTierStatus(s)
      )?.tone;
    for (const to of TIERS) {
      if (to !== "Registered") expect(fillOf({ kind: "promote", to })).toBe("good");
      if (to !== "Platinum") expect(fillOf({ kind: "demote", to })).toBe("error");
    }
    expect(fillOf({ kind: "warning" })).toBe("warning");
    expect(fillOf({ kind: "exit" })).toBe("error");
    expect(fillOf({ kind: "hold" })).toBeUndefined();
  });

  test("an empty validation gives an empty review", () => {
    const empty = validateTables({
      sheet: QUARTERLY_SHEET,
      header: Object.values(QUARTERLY_COLUMNS),
      rows: [],
      topLeft: { row: 2, column: 0 },
    });
    expect(tierReviewRows(empty, "addin")).toEqual([]);
    expect(tierReviewSheetPlan(empty, "addin").name).toBe(TIER_REVIEW_SHEET);
  });
});

describe("tierSheets", () => {
  test.each<FormulaMode>(["portable", "addin"])(
    "%s: Tiers, Quarterly and the sample's Tier Review, whose names and references Excel accepts",
    (mode) => {
      const sheets = tierSheets(mode, SAMPLE_QUARTERS);
      expect(sheets.map((s) => s.name)).toEqual([TIERS_SHEET, QUARTERLY_SHEET, TIER_REVIEW_SHEET]);
      expect(sheets[0]).toEqual(tiers);
      expect(sheets[1]).toEqual(quarterly);
      expect(sheets[2]).toEqual(tierReviewSheetPlan(sample, mode));
      // Beside the rest of the program (which may already hold these sheets, once wired in).
      const own = new Set([TIERS_SHEET, QUARTERLY_SHEET, TIER_REVIEW_SHEET]);
      const program = programWorkbookPlan({ data: "sample", mode }).sheets.filter(
        (s) => !own.has(s.name)
      );
      const combined = { sheets: [...program, ...sheets] };
      expect(planNameProblems(combined)).toEqual([]);
      expect(planReferenceProblems(combined)).toEqual([]);
    }
  );
});
