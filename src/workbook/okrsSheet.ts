import {
  INDICATORS,
  OKR_COLUMNS,
  OkrEntry,
  OkrFigure,
  OkrPlainPiece,
  OkrTemplateRow,
  OkrUnit,
  okrWords,
  OkrWords,
} from "../domain/okrs";
import { RACI_ROLES } from "../domain/raci";
import { DEFAULT_PROGRAM_SETTINGS, ProgramSettings } from "../domain/settings";
import { choiceColumn, textLiteral, thisRow } from "./columns";
import { MONEY_FORMAT, PERCENT_FORMAT } from "./styles";
import { CellPlan, Formula, SheetPlan } from "./plan";
import { settingRef } from "./settingsSheet";
import { YEAR_TARGETS } from "./yearTargets";
import { OVERALL_COMPLIANCE } from "./dealRegistrationsSheet";

export const OKRS_SHEET = "OKRs";
export const TBL_OKRS = "tblOKRs";

const HEADER_ROW = 2;

/** Target and Current read in the key result's unit; "done" is 1 against 0 (not yet) or 1. */
export const UNIT_FORMATS: Readonly<Record<OkrUnit, string>> = {
  count: "0",
  money: MONEY_FORMAT,
  percent: PERCENT_FORMAT,
  score: "0",
  done: "0",
};

/**
 * Progress = current / target within 0–1, a blank current counting 0 (domain okrProgress); blank while the
 * target is not a positive number.
 */
export const PROGRESS_FORMULA: Formula = (() => {
  const target = thisRow(TBL_OKRS, OKR_COLUMNS.target);
  const current = thisRow(TBL_OKRS, OKR_COLUMNS.current);
  return {
    formula: `=IF(AND(ISNUMBER(${target}),${target}>0),MIN(1,MAX(0,N(${current})/${target})),"")`,
  };
})();

/** Each figure's text by formula over tblSettings, as okrFigure writes it ("9%", "$1,700,000"). */
const FIGURE_TEXT: Readonly<Record<OkrFigure, string>> = {
  yearShare: `ROUND(${YEAR_TARGETS.share}*100,0)&"%"`,
  fullShare: `ROUND(${settingRef("partnerShare")}*100,0)&"%"`,
  years: `${settingRef("years")}&""`,
  programYear: `${settingRef("programYear")}&""`,
  // FIXED groups thousands without a format code, which Excel would read in the user's locale.
  pipeline: `"$"&FIXED(${YEAR_TARGETS.pipeline},0)`,
};

/** What a figure shows while its setting is missing or unreadable: the playbook's bracketed blank. */
const PLACEHOLDER: Readonly<Record<OkrFigure, string>> = {
  yearShare: "[X]%",
  fullShare: "[X]%",
  years: "[N]",
  programYear: "[year]",
  pipeline: "$[X]",
};

const plainFormula = (piece: OkrPlainPiece): string =>
  "text" in piece
    ? textLiteral(piece.text)
    : `IFERROR(${FIGURE_TEXT[piece.figure]},${textLiteral(PLACEHOLDER[piece.figure])})`;

/**
 * An OKR's words: constant text when no setting enters them, else a formula over tblSettings that follows
 * every edit, the multi-year words only while Years is above 1 (domain okrWords).
 */
export function wordsCell(words: OkrWords | string): CellPlan {
  if (typeof words === "string") return words;
  if (words.every((p) => "text" in p))
    return words.map((p) => ("text" in p ? p.text : "")).join("");
  const parts = words.map((piece) =>
    "multiYear" in piece
      ? `IF(IFERROR(${settingRef("years")}>1,FALSE),${piece.multiYear.map(plainFormula).join("&")},"")`
      : plainFormula(piece)
  );
  return { formula: `=${parts.join("&")}` };
}

/** A target: a constant, or the program year's figure by formula (blank while the settings do not read). */
const targetCell = (target: number | OkrFigure): CellPlan =>
  typeof target === "number" ? target : { formula: `=IFERROR(${YEAR_TARGETS.pipeline},"")` };

/** The sheet's title, naming the program year of the Settings sheet. */
const TITLE: Formula = {
  formula: `="Partnership OKRs "&IFERROR(${settingRef("programYear")},"")`,
};

/** The SLA key result's Current: the deal registrations' overall compliance, blank while none is due. */
const SLA_CURRENT: Formula = { formula: `=IFERROR(${OVERALL_COMPLIANCE}+0,"")` };

/**
 * The annual partnership OKRs of §5.1, one row per key result, each leading or lagging. Rows from the
 * domain's templates take their settings-dependent words and targets by formula; fixed entries are written
 * as they are.
 */
export function okrsSheetPlan(
  entries: readonly (OkrEntry | OkrTemplateRow)[],
  settings: ProgramSettings = DEFAULT_PROGRAM_SETTINGS
): SheetPlan {
  const formats = entries.map((e) => UNIT_FORMATS[e.unit]);
  // The words the formulas show with these settings, to size the rows.
  const shown = (words: OkrWords | string) =>
    typeof words === "string" ? words : okrWords(words, settings);
  return {
    name: OKRS_SHEET,
    freezeRows: HEADER_ROW + 1,
    cells: [
      { at: { row: 0, column: 0 }, value: TITLE, style: "title" },
      {
        at: { row: 1, column: 0 },
        value:
          "Every objective needs both leading indicators (meetings, proposals) and lagging ones (revenue, certified partners). Update Current each quarter. Shares, years and the pipeline target follow the Settings sheet.",
        style: "note",
      },
    ],
    tables: [
      {
        name: TBL_OKRS,
        topLeft: { row: HEADER_ROW, column: 0 },
        columns: [
          {
            header: OKR_COLUMNS.objective,
            width: 40,
            wrap: true,
            formulaText: entries.map((e) => shown(e.objective)),
          },
          {
            header: OKR_COLUMNS.keyResult,
            width: 50,
            wrap: true,
            formulaText: entries.map((e) => shown(e.keyResult)),
          },
          choiceColumn(
            OKR_COLUMNS.indicator,
            11,
            INDICATORS,
            "Leading indicators move before the results do; lagging indicators are the results."
          ),
          {
            header: OKR_COLUMNS.target,
            width: 12,
            rowNumberFormats: formats,
            description: "For a yes/no key result, 1 means done.",
          },
          { header: OKR_COLUMNS.current, width: 12, rowNumberFormats: formats },
          {
            header: OKR_COLUMNS.progress,
            width: 11,
            numberFormat: PERCENT_FORMAT,
            description: "Current / Target, from 0% to 100%.",
            conditionalFormats: [{ kind: "atLeast", value: 1, tone: "good" }],
          },
          choiceColumn(OKR_COLUMNS.owner, 18, RACI_ROLES),
        ],
        rows: entries.map((e) => [
          wordsCell(e.objective),
          wordsCell(e.keyResult),
          e.indicator,
          targetCell(e.target),
          "measuredBy" in e && e.measuredBy === "dealRegistrationSla" ? SLA_CURRENT : e.current,
          PROGRESS_FORMULA,
          e.owner,
        ]),
      },
    ],
  };
}
