import { Finding } from "../domain/findings";
import {
  DEFAULT_TIER_RULES,
  EXITED,
  formatTierStatus,
  MAX_QUARTERS_SETTING,
  QUARTERLY_COLUMNS,
  TIER_COLUMNS,
  TIER_SETTING_COLUMNS,
  tierSettingValues,
  tierTableValues,
  TierRules,
  TIERS,
  TIERS_HIGHEST_FIRST,
} from "../domain/tiers";
import { MAX_COUNT } from "../domain/tiers/values";
import { choiceColumn, moneyColumn, NO, textColumn, thisRow, YES, yesNoColumn } from "./columns";
import { COUNT_FORMAT, MONEY_FORMAT } from "./styles";
import {
  CellPlan,
  CellRef,
  ColumnPlan,
  ConditionalFormatPlan,
  FormulaMode,
  isFormula,
  SheetPlan,
  TablePlan,
} from "./plan";
import { SampleQuarter } from "./quarterlySample";
import { ProgramReview, TableValues, TierReviewEntry, validateTables } from "./readProgram";

export const TIERS_SHEET = "Tiers";
export const QUARTERLY_SHEET = "Quarterly";
export const TIER_REVIEW_SHEET = "Tier Review";
export const TBL_TIERS = "tblTiers";
export const TBL_TIER_RULES = "tblTierRules";
export const TBL_QUARTERLY = "tblQuarterly";
export const TBL_TIER_REVIEW = "tblTierReview";

const HEADER_ROW = 2;
/** tblTierRules sits under tblTiers (one row per tier), after a blank row and its label. */
const RULES_HEADER_ROW = HEADER_ROW + TIERS.length + 3;

/** tblTierRules's third column: what each setting means, for the analyst editing it. */
const TIER_SETTING_MEANING = "Meaning";

/** The Tier Review's header cell: the table is rewritten in place after each validation. */
export const TIER_REVIEW_TOP_LEFT: CellRef = { row: HEADER_ROW, column: 0 };

/** tblTierReview's headers, in the sheet's order. */
export const TIER_REVIEW_COLUMNS = {
  partner: "Partner",
  quarter: "Quarter",
  pipeline: "Annual Pipeline",
  certified: "Certified Individuals",
  dedicatedPractice: "Dedicated Practice",
  qualifyingTier: "Qualifying Tier",
  expectedTier: "Expected Tier",
  recordedTier: "Recorded Tier",
  status: "Status",
  nextTierGap: "Next Tier Gap",
  finding: "Finding",
  rules: "Rules",
} as const;

export const TIER_REVIEW_HEADERS: readonly string[] = Object.values(TIER_REVIEW_COLUMNS);

/** Flags are written Yes/No, as the drop-downs offer them; anything else (no value) is blank. */
const yesNo = (flag: unknown): string | null =>
  typeof flag === "boolean" ? (flag ? YES : NO) : null;

/** Every text the Status column can show, coloured: moving up green, a warning amber, moving down or out red. */
const STATUS_FILLS: readonly ConditionalFormatPlan[] = [
  ...TIERS.slice(1).map((to) => ({
    kind: "textEquals" as const,
    text: `Promote to ${to}`,
    tone: "good" as const,
  })),
  { kind: "textEquals", text: "Warning", tone: "warning" },
  ...TIERS.slice(0, -1).map((to) => ({
    kind: "textEquals" as const,
    text: `Demote to ${to}`,
    tone: "error" as const,
  })),
  { kind: "textEquals", text: "Exit", tone: "error" },
];

const RECORDED_TIERS: readonly string[] = [...TIERS_HIGHEST_FIRST, EXITED];

/** A whole number: 0 or more (up to what the domain reads as a count), or within `range`. */
const countColumn = (
  header: string,
  width: number,
  description: string,
  range?: { readonly min: number; readonly max: number }
): ColumnPlan => ({
  header,
  width,
  numberFormat: COUNT_FORMAT,
  description,
  validation: {
    kind: "whole",
    min: range?.min ?? 0,
    max: range?.max ?? MAX_COUNT,
    message: range
      ? `${header} is a whole number from ${range.min} to ${range.max}.`
      : `${header} is a whole number, 0 or more.`,
  },
});

/** "Platinum 1, Gold 2, Silver 4": a commitment per tier under the playbook's defaults. */
function perTier(value: (tier: (typeof TIERS)[number]) => number | undefined): string {
  return [...TIERS]
    .reverse()
    .flatMap((tier) => {
      const v = value(tier);
      return v === undefined ? [] : [`${tier} ${v}`];
    })
    .join(", ");
}

const { commitments } = DEFAULT_TIER_RULES;

function tiersTable(rules: TierRules): TablePlan {
  const c = TIER_COLUMNS;
  return {
    name: TBL_TIERS,
    topLeft: { row: HEADER_ROW, column: 0 },
    columns: [
      choiceColumn(c.tier, 24, TIERS, "The playbook's tiers (§3.1). Registered has no criteria."),
      moneyColumn(
        c.pipelineTarget,
        16,
        "Annual pipeline a partner must reach: the trailing four quarters' sum (see Pipeline Mode below)."
      ),
      countColumn(c.certified, 13, "Certified individuals a partner must have."),
      yesNoColumn(c.dedicatedPractice, 12, "Yes when the tier requires a dedicated practice."),
      countColumn(
        c.reviewEveryQuarters,
        12,
        "A business review at least once every this many quarters while a partner holds the tier (blank: none).",
        { min: 1, max: MAX_QUARTERS_SETTING }
      ),
      countColumn(
        c.jointActivitiesPerYear,
        14,
        "Joint go-to-market activities the tier commits to in each calendar year (blank: none)."
      ),
      {
        ...textColumn(c.benefits, 44, "What the tier gives the partner (playbook §3.1)."),
        wrap: true,
      },
      {
        ...textColumn(c.commitments, 40, "What the partner commits to in return (playbook §3.1)."),
        wrap: true,
      },
    ],
    rows: tierTableValues(rules).map((t) => [
      t.tier,
      t.pipelineTarget,
      t.certified,
      yesNo(t.dedicatedPractice),
      t.reviewEveryQuarters,
      t.jointActivitiesPerYear,
      t.benefits,
      t.commitments,
    ]),
  };
}

function tierRulesTable(rules: TierRules): TablePlan {
  return {
    name: TBL_TIER_RULES,
    topLeft: { row: RULES_HEADER_ROW, column: 0 },
    columns: [
      { header: TIER_SETTING_COLUMNS.setting, width: 24, wrap: true },
      {
        header: TIER_SETTING_COLUMNS.value,
        width: 22,
        description: "Edit to change how every partner is validated.",
      },
      // Narrow: the meanings are long and overflow into the empty cells to their right.
      { header: TIER_SETTING_MEANING, width: 12 },
    ],
    rows: tierSettingValues(rules).map((s) => [s.setting, s.value, s.note]),
  };
}

/** The Tiers sheet: tblTiers (criteria, benefits, commitments) and tblTierRules (movement rules). */
export function tiersSheetPlan(rules: TierRules): SheetPlan {
  return {
    name: TIERS_SHEET,
    freezeRows: 0,
    cells: [
      { at: { row: 0, column: 0 }, value: "Partner Tier Framework", style: "title" },
      {
        at: { row: 1, column: 0 },
        value:
          "Criteria a partner must meet for each tier, and the rules that move partners between tiers (playbook §3). Validation reads both tables.",
        style: "note",
      },
      { at: { row: RULES_HEADER_ROW - 1, column: 0 }, value: "Movement rules", style: "label" },
    ],
    tables: [tiersTable(rules), tierRulesTable(rules)],
  };
}

function quarterlyTable(rows: readonly SampleQuarter[]): TablePlan {
  const c = QUARTERLY_COLUMNS;
  return {
    name: TBL_QUARTERLY,
    topLeft: { row: HEADER_ROW, column: 0 },
    columns: [
      {
        header: c.partner,
        width: 28,
        numberFormat: "@",
        description: "One row per partner and quarter.",
      },
      {
        header: c.quarter,
        width: 10,
        numberFormat: "@",
        description: "Written 2026-Q1 (Q1 2026, FY2026 Q1 and dates are read too).",
      },
      moneyColumn(
        c.pipeline,
        14,
        "Pipeline the partner brought this quarter (not annual). Tier criteria compare the trailing four quarters' sum, annualised while a partner has fewer than four."
      ),
      moneyColumn(
        c.sourcedArr,
        14,
        "ARR closed this quarter on deals the partner sourced. Kept apart from influenced ARR: never add the two."
      ),
      moneyColumn(
        c.influencedArr,
        14,
        "ARR closed this quarter on deals the partner influenced but did not source. Kept apart from sourced ARR."
      ),
      countColumn(c.certified, 13, "People at the partner certified on our product."),
      yesNoColumn(
        c.dedicatedPractice,
        12,
        "Yes when the partner runs a practice dedicated to our product (Platinum requires one)."
      ),
      countColumn(
        c.jointGtmActivities,
        12,
        `Joint go-to-market activities this quarter. Each tier commits to a number a year (Tiers sheet; the playbook's: ${perTier((t) => commitments[t].jointActivitiesPerYear)}).`
      ),
      yesNoColumn(
        c.businessReviewHeld,
        12,
        `Yes when a business review (QBR) was held this quarter. Each tier commits to one every N quarters (Tiers sheet; the playbook's: ${perTier((t) => commitments[t].reviewEveryQuarters)}).`
      ),
      choiceColumn(
        c.recordedTier,
        14,
        RECORDED_TIERS,
        "The tier the partner actually held this quarter (Exited once the partnership ended). Validation compares it with the tier the movement rules give."
      ),
    ],
    rows: rows.map((q) => [
      q.partner,
      q.quarter,
      q.pipeline,
      q.sourcedArr,
      q.influencedArr,
      q.certified,
      yesNo(q.dedicatedPractice),
      q.jointGtmActivities,
      yesNo(q.businessReviewHeld),
      q.recordedTier,
    ]),
  };
}

/** The Quarterly sheet: tblQuarterly, one row per partner and quarter. */
export function quarterlySheetPlan(rows: readonly SampleQuarter[]): SheetPlan {
  return {
    name: QUARTERLY_SHEET,
    freezeRows: HEADER_ROW + 1,
    cells: [
      { at: { row: 0, column: 0 }, value: "Quarterly Partner Data", style: "title" },
      {
        at: { row: 1, column: 0 },
        value:
          "One row per partner and quarter. Sourced and influenced ARR are kept apart and never added together. Validate to compare each Recorded Tier with the tier rules.",
        style: "note",
      },
    ],
    tables: [quarterlyTable(rows)],
  };
}

/**
 * The Next Tier Gap of a partner's latest quarter. With the add-in, PS.TIERGAP over the row's own figures
 * and the criteria validation read (tblTiers when there was one), so the gap follows edits to the criteria;
 * in portable mode, the domain's text. Blank on other quarters and where the figures are unknown.
 */
function nextTierGap(entry: TierReviewEntry, review: ProgramReview, mode: FormulaMode): CellPlan {
  if (entry.nextTierGap === "") return null;
  if (mode === "portable") return entry.nextTierGap;
  const c = TIER_REVIEW_COLUMNS;
  const args = [c.pipeline, c.certified, c.dedicatedPractice].map((h) =>
    thisRow(TBL_TIER_REVIEW, h)
  );
  const tiersRange = review.criteriaFromTable ? `,,${TBL_TIERS}[#All]` : "";
  return { formula: `=PS.TIERGAP(${args.join(",")}${tiersRange})` };
}

/** The rule ids of the findings on each partner and quarter, by `${partner}|${quarter}`. */
function rulesByQuarter(findings: readonly Finding[]): Map<string, Set<string>> {
  const rules = new Map<string, Set<string>>();
  for (const f of findings) {
    if (f.partner === undefined || f.quarter === undefined) continue;
    const key = `${f.partner}|${f.quarter}`;
    let set = rules.get(key);
    if (set === undefined) rules.set(key, (set = new Set()));
    set.add(f.rule);
  }
  return rules;
}

/** The body of tblTierReview for a validation: one row per partner and quarter, in TIER_REVIEW_HEADERS order. */
export function tierReviewRows(review: ProgramReview, mode: FormulaMode): CellPlan[][] {
  const rules = rulesByQuarter(review.findings);
  return review.review.map((r) => [
    r.partner,
    r.quarter,
    r.pipeline ?? null,
    r.certified ?? null,
    yesNo(r.practice),
    r.qualifyingTier ?? null,
    r.expectedTier ?? null,
    r.recordedTier ?? null,
    r.status === undefined ? null : formatTierStatus(r.status),
    nextTierGap(r, review, mode),
    r.finding === "" ? null : r.finding,
    [...(rules.get(`${r.partner}|${r.quarter}`) ?? [])].join(" ") || null,
  ]);
}

function tierReviewTable(review: ProgramReview, mode: FormulaMode): TablePlan {
  const c = TIER_REVIEW_COLUMNS;
  return {
    name: TBL_TIER_REVIEW,
    topLeft: TIER_REVIEW_TOP_LEFT,
    columns: [
      { header: c.partner, width: 28 },
      { header: c.quarter, width: 10, numberFormat: "@" },
      {
        header: c.pipeline,
        width: 13,
        numberFormat: MONEY_FORMAT,
        description:
          "The annual pipeline compared with the tier targets (see Pipeline Mode on the Tiers sheet). Blank where a figure it needs is unreadable.",
      },
      { header: c.certified, width: 13, numberFormat: COUNT_FORMAT },
      { header: c.dedicatedPractice, width: 12 },
      {
        header: c.qualifyingTier,
        width: 12,
        description: "The highest tier whose criteria the quarter meets.",
      },
      {
        header: c.expectedTier,
        width: 12,
        description:
          "The tier the movement rules give for this quarter, walking from the partner's first recorded tier.",
      },
      { header: c.recordedTier, width: 12 },
      {
        header: c.status,
        width: 18,
        conditionalFormats: STATUS_FILLS,
        description:
          "The movement rules at this quarter's review, for the expected tier: Hold, Warning, Promote, Demote or Exit. It gives the next quarter's expected tier.",
      },
      {
        header: c.nextTierGap,
        width: 30,
        wrap: true,
        formulaText: review.review.map((r) => r.nextTierGap),
        description:
          "On each partner's latest quarter: what it lacks for the tier above the one it qualifies for.",
      },
      {
        header: c.finding,
        width: 48,
        wrap: true,
        description:
          "Every finding on this partner and quarter: a recorded tier the rules do not give, a missed commitment, unreadable data.",
      },
      {
        header: c.rules,
        width: 24,
        description:
          "The rule id of each finding on the row (as validate --rules lists them): what the Dashboard's quality checks count.",
      },
    ],
    rows: tierReviewRows(review, mode),
  };
}

/** The Tier Review sheet, written by validation: generated output, replaced each time validation runs. */
export function tierReviewSheetPlan(review: ProgramReview, mode: FormulaMode): SheetPlan {
  return {
    name: TIER_REVIEW_SHEET,
    freezeRows: TIER_REVIEW_TOP_LEFT.row + 1,
    cells: [
      { at: { row: 0, column: 0 }, value: "Tier Review", style: "title" },
      {
        at: { row: 1, column: 0 },
        value:
          "Written by tier validation and replaced each time it runs: edit the Quarterly and Tiers sheets, then validate again.",
        style: "note",
      },
    ],
    tables: [tierReviewTable(review, mode)],
  };
}

/** A table of constants as a host reads it back. */
function tableValues(sheet: string, table: TablePlan): TableValues {
  return {
    sheet,
    header: table.columns.map((c) => c.header),
    rows: table.rows.map((row) => row.map((cell) => (isFormula(cell) ? cell.formula : cell))),
    topLeft: table.topLeft,
  };
}

const tableOf = (sheet: SheetPlan, name: string): TablePlan => {
  const table = sheet.tables.find((t) => t.name === name);
  if (table === undefined) throw new Error(`${sheet.name} has no ${name}`);
  return table;
};

/**
 * The Tiers, Quarterly and Tier Review sheets of the program workbook, in tab order: the playbook's rules,
 * `quarters`, and the review that validating them as they sit on the sheets writes.
 */
export function tierSheets(mode: FormulaMode, quarters: readonly SampleQuarter[]): SheetPlan[] {
  const tiers = tiersSheetPlan(DEFAULT_TIER_RULES);
  const quarterly = quarterlySheetPlan(quarters);
  const review = validateTables(
    tableValues(QUARTERLY_SHEET, tableOf(quarterly, TBL_QUARTERLY)),
    tableValues(TIERS_SHEET, tableOf(tiers, TBL_TIERS)),
    tableValues(TIERS_SHEET, tableOf(tiers, TBL_TIER_RULES))
  );
  return [tiers, quarterly, tierReviewSheetPlan(review, mode)];
}
