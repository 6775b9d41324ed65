import { PARTNER_TYPES, PartnerType } from "../domain/partners";
import {
  BANDS,
  CRITERIA,
  DEFAULT_WEIGHTS,
  PRIORITY_MIN,
  RATING_MAX,
  RATING_MIN,
  SCORE_DECIMALS,
  SECONDARY_MIN,
  Weights,
} from "../domain/scoring";
import { rowsOrFillIn } from "./columns";
import {
  ColumnPlan,
  ConditionalFormatPlan,
  Formula,
  FormulaMode,
  SheetPlan,
  TablePlan,
  WorkbookPlan,
} from "./plan";

export const SCORING_SHEET = "Scoring";
export const TBL_SCORING = "tblScoring";

/** tblScoring's columns besides the five ratings (whose headers are the criteria's labels). */
export const SCORING_COLUMNS = {
  partner: "Partner",
  type: "Partner Type",
} as const;
export const TBL_WEIGHTS = "tblWeights";

/** A partner as the analyst rates it: ratings in CRITERIA order, null where not yet rated. */
export interface RatedPartner {
  readonly name: string;
  readonly type: PartnerType;
  readonly ratings: readonly (number | null)[];
}

const HEADER_ROW = 2;
const SCORING_LEFT = 0;
const WEIGHTS_LEFT = 10;

const FIRST_CRITERION = CRITERIA[0].label;
const LAST_CRITERION = CRITERIA[CRITERIA.length - 1]!.label;

/** `tblScoring[[#This Row],[Col]]`: the explicit form of `[@Col]`, which both Excel and LibreOffice read. */
const thisRow = (first: string, last = first): string =>
  first === last
    ? `${TBL_SCORING}[[#This Row],[${first}]]`
    : `${TBL_SCORING}[[#This Row],[${first}]:[${last}]]`;

const ratingsRef = thisRow(FIRST_CRITERION, LAST_CRITERION);
const weightsRef = `${TBL_WEIGHTS}[Weight]`;

/** The score formula per mode: the add-in's function, or MMULT over the weights table (no add-in needed). */
/** A row with no partner yet (the empty table's row to fill in) shows blank, not "not yet rated". */
const forPartner = (formula: string): Formula => ({
  formula: `=IF(LEN(${thisRow("Partner")})=0,"",${formula})`,
});

export function scoreFormula(mode: FormulaMode): Formula {
  if (mode === "addin") return forPartner(`PS.PARTNERSCORE(${ratingsRef},${weightsRef})`);
  return forPartner(
    `IF(COUNT(${ratingsRef})<${CRITERIA.length},NA(),ROUND(MMULT(${ratingsRef},${weightsRef})/SUM(${weightsRef}),${SCORE_DECIMALS}))`
  );
}

export function bandFormula(mode: FormulaMode): Formula {
  const score = thisRow("Score");
  if (mode === "addin") return forPartner(`PS.PARTNERBAND(${score})`);
  return forPartner(
    `IF(${score}>=${PRIORITY_MIN},"${BANDS[0]}",IF(${score}>=${SECONDARY_MIN},"${BANDS[1]}","${BANDS[2]}"))`
  );
}

const BAND_FILLS: readonly ConditionalFormatPlan[] = [
  { kind: "textEquals", text: "Priority", tone: "good" },
  { kind: "textEquals", text: "Secondary", tone: "warning" },
  { kind: "textEquals", text: "Opportunistic", tone: "neutral" },
];

const ratingColumn = (c: (typeof CRITERIA)[number]): ColumnPlan => ({
  header: c.label,
  width: 13,
  numberFormat: "0",
  description: `${c.question} Rate 0–100; weight ${c.weight}% by default.`,
  validation: {
    kind: "decimal",
    min: RATING_MIN,
    max: RATING_MAX,
    message: `${c.label} is a rating from ${RATING_MIN} to ${RATING_MAX}.`,
  },
});

function scoringTable(partners: readonly RatedPartner[], mode: FormulaMode): TablePlan {
  const score = scoreFormula(mode);
  const band = bandFormula(mode);
  return {
    name: TBL_SCORING,
    topLeft: { row: HEADER_ROW, column: SCORING_LEFT },
    columns: [
      { header: SCORING_COLUMNS.partner, width: 28, numberFormat: "@" },
      {
        header: SCORING_COLUMNS.type,
        width: 14,
        validation: {
          kind: "list",
          values: PARTNER_TYPES,
          message: `Partner Type is one of: ${PARTNER_TYPES.join(", ")}.`,
        },
      },
      ...CRITERIA.map(ratingColumn),
      {
        header: "Score",
        width: 9,
        numberFormat: "0.0",
        description: "Weighted attractiveness score: Σ weight × rating / Σ weight (playbook §2.2).",
      },
      {
        header: "Band",
        width: 15,
        conditionalFormats: BAND_FILLS,
        description:
          "Priority ≥ 75: recruit now. Secondary 50–74: after Priority is active. Opportunistic < 50: inbound only.",
      },
    ],
    rows: rowsOrFillIn(
      partners.map((p) => [
        p.name,
        p.type,
        ...CRITERIA.map((_, i) => p.ratings[i] ?? null),
        score,
        band,
      ]),
      [null, null, ...CRITERIA.map(() => null), score, band]
    ),
  };
}

function weightsTable(weights: Weights): TablePlan {
  return {
    name: TBL_WEIGHTS,
    topLeft: { row: HEADER_ROW, column: WEIGHTS_LEFT },
    columns: [
      { header: "Criterion", width: 22 },
      {
        header: "Weight",
        width: 9,
        numberFormat: "0",
        validation: {
          kind: "decimal",
          min: 0,
          max: 100,
          message: "A weight is a number from 0 to 100.",
        },
        description:
          "Relative weight; scores are divided by the total, so weights need not add up to 100.",
      },
      { header: "Question", width: 40, wrap: true },
    ],
    rows: CRITERIA.map((c, i) => [c.label, weights[i]!, c.question]),
  };
}

export function scoringSheetPlan(
  partners: readonly RatedPartner[],
  mode: FormulaMode,
  weights: Weights = DEFAULT_WEIGHTS
): SheetPlan {
  return {
    name: SCORING_SHEET,
    freezeRows: HEADER_ROW + 1,
    cells: [
      { at: { row: 0, column: 0 }, value: "Partner Attractiveness Scoring", style: "title" },
      {
        at: { row: 1, column: 0 },
        value:
          "Rate each partner 0–100 on five criteria. Score ≥ 75 Priority, 50–74 Secondary, < 50 Opportunistic.",
        style: "note",
      },
      {
        at: { row: 1, column: WEIGHTS_LEFT },
        value: "Weights (edit to re-weight every score)",
        style: "label",
      },
    ],
    tables: [scoringTable(partners, mode), weightsTable(weights)],
  };
}

/** How many partners the plan's Scoring sheet names (an empty table's row to fill in names none). */
export function scoredPartnerCount(plan: WorkbookPlan): number {
  const sheet = plan.sheets.find((s) => s.name === SCORING_SHEET);
  const rows = sheet?.tables.find((t) => t.name === TBL_SCORING)?.rows ?? [];
  return rows.filter((row) => typeof row[0] === "string" && row[0] !== "").length;
}
