import { RACI_DECISION_COLUMN, RACI_LETTERS, RACI_MEANINGS, RACI_ROLES } from "../domain/raci";
import { choiceColumn, textLiteral, thisRow } from "./columns";
import { Formula, FormulaMode, SheetPlan } from "./plan";

export const RACI_SHEET = "RACI";
export const TBL_RACI = "tblRACI";
export const RACI_CHECK_COLUMN = "Check";

const HEADER_ROW = 2;

const FIRST_ROLE = RACI_ROLES[0];
const LAST_ROLE = RACI_ROLES[RACI_ROLES.length - 1]!;
const letters = thisRow(TBL_RACI, FIRST_ROLE, LAST_ROLE);
const decision = thisRow(TBL_RACI, RACI_DECISION_COLUMN);

/** A letter as readLetter reads it: trimmed, any case. */
const letter = (ref: string): string => `UPPER(TRIM(${ref}))`;
const count = (l: string): string => `SUMPRODUCT(--(${letter(letters)}="${l}"))`;

/** A cell as showValue quotes it in a message: text in quotes (cut at 40 characters), a number as is. */
const shown = (ref: string): string =>
  `IF(ISTEXT(${ref}),CHAR(34)&IF(LEN(${ref})>40,LEFT(${ref},40)&"…",${ref})&CHAR(34),${ref}&"")`;

/** Not blank, and not one of R, A, C, I: "AR" and "X" are bad letters. */
const isBad = (ref: string): string =>
  `AND(LEN(TRIM(${ref}))>0,OR(LEN(TRIM(${ref}))<>1,ISERROR(FIND(${letter(ref)},"${RACI_LETTERS.join("")}"))))`;

/**
 * The check per mode: PS.RACICHECK over the row's letters, or the same text by native formulas: "OK", or
 * every problem in raciCheck's order and words, "; "-separated. Blank for a row with nothing in it.
 */
export function raciCheckFormula(mode: FormulaMode): Formula {
  const empty = `AND(LEN(${decision})=0,COUNTA(${letters})=0)`;
  if (mode === "addin") return { formula: `=IF(${empty},"",PS.RACICHECK(${letters}))` };
  const cells = RACI_ROLES.map((role) => ({ role, ref: thisRow(TBL_RACI, role) }));
  const accountableRoles = cells
    .map(({ role, ref }) => `IF(${letter(ref)}="A",${textLiteral(`${role}, `)},"")`)
    .join("&");
  const bad = cells
    .map(
      ({ role, ref }) =>
        `IF(${isBad(ref)},"; bad letter "&${shown(ref)}&${textLiteral(` for ${role} (use R, A, C or I)`)},"")`
    )
    .join("&");
  const badCount = `SUMPRODUCT((LEN(TRIM(${letters}))>0)*(((LEN(TRIM(${letters}))<>1)+ISERROR(FIND(${letter(letters)},"${RACI_LETTERS.join("")}")))>0))`;
  const a = count("A");
  const r = count("R");
  const problems = [
    `IF(${a}=0,"; no Accountable","")`,
    `IF(${a}>1,"; "&${a}&" Accountable ("&LEFT(${accountableRoles},LEN(${accountableRoles})-2)&")","")`,
    `IF(${r}=0,"; no Responsible","")`,
    bad,
  ].join("&");
  return {
    formula: `=IF(${empty},"",IF(AND(${a}=1,${r}>0,${badCount}=0),"OK",MID(${problems},3,10000)))`,
  };
}

/** A row as the sheet holds it: letters as typed, one per role (blank: no part), checked by the sheet. */
export interface RaciRow {
  readonly decision: string;
  readonly letters: readonly (string | null)[];
}

/** §6.1's internal RACI: one row per decision, one column per role, checked row by row. */
export function raciSheetPlan(decisions: readonly RaciRow[], mode: FormulaMode): SheetPlan {
  const check = raciCheckFormula(mode);
  const legend = RACI_LETTERS.map((l) => `${l} = ${RACI_MEANINGS[l]}`).join(", ");
  return {
    name: RACI_SHEET,
    freezeRows: HEADER_ROW + 1,
    cells: [
      { at: { row: 0, column: 0 }, value: "Partnership Governance: RACI", style: "title" },
      {
        at: { row: 1, column: 0 },
        value: `${legend}. Every decision needs exactly one Accountable and at least one Responsible.`,
        style: "note",
      },
    ],
    tables: [
      {
        name: TBL_RACI,
        topLeft: { row: HEADER_ROW, column: 0 },
        columns: [
          { header: RACI_DECISION_COLUMN, width: 30 },
          ...RACI_ROLES.map((role) => choiceColumn(role, 12, RACI_LETTERS)),
          {
            header: RACI_CHECK_COLUMN,
            width: 36,
            description: "OK, or what is wrong: exactly one A and at least one R per decision.",
            conditionalFormats: [{ kind: "textEquals", text: "OK", tone: "good" }],
          },
        ],
        rows: decisions.map((d) => [d.decision, ...d.letters, check]),
      },
    ],
  };
}
