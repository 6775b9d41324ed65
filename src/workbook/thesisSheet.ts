import { PARTNER_TYPE_WORDS } from "../domain/partners";
import { DEFAULT_PROGRAM_SETTINGS, ProgramSettings, SETTING_FIELDS } from "../domain/settings";
import {
  RATIONALE_GAPS,
  RationaleGap,
  SIGN_OFF_LABELS,
  THESIS_LINES,
  thesisLines,
  ThesisPiece,
  ThesisSignOff,
} from "../domain/thesis";
import { dateColumn, textLiteral } from "./columns";
import { excelSerial } from "./dates";
import { Formula, SheetPlan, TablePlan } from "./plan";
import { settingRef } from "./settingsSheet";

export const THESIS_SHEET = "Thesis";
export const TBL_RATIONALE = "tblRationale";
export const TBL_THESIS = "tblThesis";
export const TBL_SIGN_OFF = "tblSignOff";

export const RATIONALE_COLUMNS = { gap: "Gap", question: "Question", answer: "Answer" } as const;
export const THESIS_COLUMNS = { part: "Part", statement: "Statement" } as const;

/** What each line of §1.3 says, for the Part column. */
export const THESIS_PARTS = ["Heading", "Target", "Models", "Mechanism", "Measure"] as const;

type SettingPiece = Extract<ThesisPiece, { field: unknown }>["field"];

const labelOf = (field: SettingPiece): string =>
  SETTING_FIELDS.find((f) => f.key === field)?.label ?? field;

/**
 * A setting as thesisField writes it: a whole percentage, "1 year" or "N years", lists as a sentence lists them
 * (partner types in words), the rest as the cell reads. A setting whose row is gone shows the playbook's placeholder, "[Company]".
 */
function pieceFormula(field: SettingPiece): string {
  const value = settingRef(field);
  const placeholder = textLiteral(`[${labelOf(field)}]`);
  switch (field) {
    case "partnerShare":
      return `IFERROR(ROUND(${value}*100,0)&"%",${placeholder})`;
    case "years":
      return `IFERROR(${value}&IF(${value}=1," year"," years"),${placeholder})`;
    case "partnerTypes":
      return `IFERROR(${sentenceList(value, PARTNER_TYPE_WORDS)},${placeholder})`;
    case "markets":
    case "priorityModels":
      return `IFERROR(${sentenceList(value)},${placeholder})`;
    default:
      return `IFERROR(${value}&"",${placeholder})`;
  }
}

/**
 * A list cell ("Big 4, GSI, Boutique") as listOf writes it in a sentence, by formula: each code in `words`
 * replaced by its words, the last separator made " and " ("Big 4 firms, global systems integrators and boutique
 * consultancies"). Items may be separated by commas or semicolons, with or without a space, as the settings read.
 */
function sentenceList(value: string, words: Readonly<Record<string, string>> = {}): string {
  const items = `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${value}&"",";",","),", ",","),",",", ")`;
  const worded = Object.entries(words).reduce(
    (text, [code, word]) => `SUBSTITUTE(${text},${textLiteral(code)},${textLiteral(word)})`,
    items
  );
  const commas = `LEN(${worded})-LEN(SUBSTITUTE(${worded},",",""))`;
  // SUBSTITUTE's instance 0 is an error: a one-item list stays as it is.
  return `IFERROR(SUBSTITUTE(${worded},", "," and ",${commas}),${worded})`;
}

/** One line of the statement, assembled by formula from tblSettings so that it follows every edit. */
export const thesisLineFormula = (line: readonly ThesisPiece[]): Formula => ({
  formula: `=${line.map((p) => ("text" in p ? textLiteral(p.text) : pieceFormula(p.field))).join("&")}`,
});

const RATIONALE_ROW = 2;

/**
 * The Thesis sheet: the six rationale gaps of §1.1 with `answers` (blank ones to fill in), the statement of
 * §1.3 by formula from the settings (`settings` sizes its rows), and the sign-off that must precede any recruitment.
 */
export function thesisSheetPlan(
  answers: Partial<Readonly<Record<RationaleGap, string>>>,
  signOff: ThesisSignOff | undefined,
  settings: ProgramSettings = DEFAULT_PROGRAM_SETTINGS
): SheetPlan {
  const rationale: TablePlan = {
    name: TBL_RATIONALE,
    topLeft: { row: RATIONALE_ROW, column: 0 },
    columns: [
      { header: RATIONALE_COLUMNS.gap, width: 22 },
      { header: RATIONALE_COLUMNS.question, width: 80, wrap: true },
      {
        header: RATIONALE_COLUMNS.answer,
        width: 64,
        wrap: true,
        description: "Why partnerships are the right growth lever for this company at this stage.",
      },
    ],
    rows: RATIONALE_GAPS.map((g) => [g.label, g.question, answers[g.key] ?? null]),
  };
  const thesisRow = RATIONALE_ROW + RATIONALE_GAPS.length + 3;
  const thesis: TablePlan = {
    name: TBL_THESIS,
    topLeft: { row: thesisRow, column: 0 },
    columns: [
      { header: THESIS_COLUMNS.part, width: 22 },
      {
        header: THESIS_COLUMNS.statement,
        width: 80,
        wrap: true,
        formulaText: thesisLines(settings),
        description: "Assembled from the Settings sheet: edit the settings, not these cells.",
      },
    ],
    rows: THESIS_LINES.map((line, i) => [THESIS_PARTS[i]!, thesisLineFormula(line)]),
  };
  const signOffRow = thesisRow + THESIS_LINES.length + 3;
  const signOffTable: TablePlan = {
    name: TBL_SIGN_OFF,
    topLeft: { row: signOffRow, column: 0 },
    columns: [
      { header: SIGN_OFF_LABELS.by, width: 22 },
      dateColumn(
        SIGN_OFF_LABELS.date,
        14,
        "The thesis counts as signed off with a name and a date."
      ),
    ],
    rows: [signOff === undefined ? [null, null] : [signOff.by, excelSerial(signOff.date)]],
  };
  return {
    name: THESIS_SHEET,
    freezeRows: RATIONALE_ROW + 1,
    cells: [
      { at: { row: 0, column: 0 }, value: "Partnership Thesis", style: "title" },
      {
        at: { row: 1, column: 0 },
        value: "The strategic rationale (§1.1): why partnerships are the right growth lever now.",
        style: "note",
      },
      {
        at: { row: thesisRow - 1, column: 0 },
        value: "Thesis statement (§1.3), assembled from the Settings sheet",
        style: "subtitle",
      },
      {
        at: { row: signOffRow - 1, column: 0 },
        value: "Sign-off: never start partner recruitment without a signed-off thesis",
        style: "subtitle",
      },
    ],
    tables: [rationale, thesis, signOffTable],
  };
}
