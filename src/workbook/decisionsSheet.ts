import {
  ACQUIRE_BUILD_MONTHS,
  DECISION_INPUTS,
  DECISION_LOG_COLUMNS,
  DECISION_RULES,
  decisionId,
  DecisionInputKey,
  DecisionInputs,
  DECISIONS,
  MAX_BUILD_MONTHS,
  REVIEW_EVERY_MONTHS,
} from "../domain/decisions";
import { dateColumn, NO, rowsOrFillIn, textCell, thisRow, YES, yesNoColumn } from "./columns";
import { excelSerial } from "./dates";
import { headerWidth } from "./layout";
import {
  CellPlan,
  ColumnPlan,
  ConditionalFormatPlan,
  Formula,
  FormulaMode,
  SheetPlan,
} from "./plan";

export const DECISIONS_SHEET = "Decisions";
export const TBL_DECISIONS = "tblDecisions";

/** One entry of the rationale log. */
export interface DecisionEntry {
  readonly capability: string;
  readonly inputs: DecisionInputs;
  readonly rationale: string;
  readonly partnerConsidered: string;
  readonly financeInput: string;
  readonly decided: Date | undefined;
}

const HEADER_ROW = 2;

const label = (key: DecisionInputKey): string => {
  const input = DECISION_INPUTS.find((d) => d.key === key);
  if (input === undefined) throw new Error(`no decision input ${key}`);
  return input.label;
};

const cell = (key: DecisionInputKey): string => thisRow(TBL_DECISIONS, label(key));
/** A matrix question answered yes: Yes or Y (any case), TRUE or 1; anything else, blank included, is No. */
const yes = (key: DecisionInputKey): string => {
  const c = cell(key);
  return `OR(${c}="${YES}",${c}="Y",${c}=TRUE,${c}=1)`;
};

const capability = thisRow(TBL_DECISIONS, DECISION_LOG_COLUMNS.capability);
const FIRST_INPUT = DECISION_INPUTS[0].label;
const LAST_INPUT = DECISION_INPUTS[DECISION_INPUTS.length - 1]!.label;

/**
 * The decision per mode: PS.BUILDPARTNER over the row's ten inputs, or the playbook's four rules as nested
 * IFs, first match wins (domain decide). Blank until the row names a capability or market.
 */
export function decisionFormula(mode: FormulaMode): Formula {
  if (mode === "addin") {
    return {
      formula: `=IF(${capability}="","",PS.BUILDPARTNER(${thisRow(TBL_DECISIONS, FIRST_INPUT, LAST_INPUT)}))`,
    };
  }
  const months = cell("buildMonths");
  const [build, partner, acquire, enter] = [
    `AND(${yes("core")},${yes("capacity")})`,
    `AND(${yes("adjacent")},NOT(${yes("core")}),${yes("strongPartner")},${yes("positiveEconomics")})`,
    `AND(${yes("critical")},ISNUMBER(${months}),${months}>${ACQUIRE_BUILD_MONTHS},${yes("acquisitionTarget")})`,
    `AND(${yes("newMarket")},${yes("localPresence")})`,
  ];
  return {
    formula: `=IF(${capability}="","",IF(${build},"BUILD",IF(${partner},"PARTNER",IF(${acquire},"ACQUIRE",IF(${enter},"PARTNER","REVIEW")))))`,
  };
}

const decided = thisRow(TBL_DECISIONS, DECISION_LOG_COLUMNS.decided);
const REVIEW_DATE: Formula = {
  formula: `=IF(ISNUMBER(${decided}),EDATE(${decided},${REVIEW_EVERY_MONTHS}),"")`,
};

const DECISION_FILLS: readonly ConditionalFormatPlan[] = [
  { kind: "textEquals", text: "BUILD", tone: "info" },
  { kind: "textEquals", text: "PARTNER", tone: "good" },
  { kind: "textEquals", text: "ACQUIRE", tone: "warning" },
  { kind: "textEquals", text: "REVIEW", tone: "error" },
];

function inputColumn(input: (typeof DECISION_INPUTS)[number]): ColumnPlan {
  // Yes/No and a few digits: as narrow as the header allows, so the ten inputs fit the screen beside the decision.
  const width = headerWidth(input.label);
  if (input.key !== "buildMonths") return yesNoColumn(input.label, width, input.question);
  return {
    header: input.label,
    width,
    numberFormat: "0",
    description: `${input.question} More than ${ACQUIRE_BUILD_MONTHS} can justify an acquisition; blank: unknown.`,
    validation: {
      kind: "decimal",
      min: 0,
      max: MAX_BUILD_MONTHS,
      message: `${input.label} is a number of months from 0 to ${MAX_BUILD_MONTHS}.`,
    },
  };
}

function inputCells(inputs: DecisionInputs): CellPlan[] {
  return DECISION_INPUTS.map(({ key }) => {
    if (key === "buildMonths") return inputs.buildMonths ?? null;
    return inputs[key] ? YES : NO;
  });
}

const RULES_TEXT = DECISION_RULES.map(
  (r) => `${r.decision} if ${r.condition}${r.note ? ` (${r.note})` : ""}`
).join("; ");

/**
 * The build-vs-partner-vs-acquire rationale log of §4, ids D-001…, each decision computed from its inputs;
 * then `blankRows` rows to fill in, one at least (numbered by the analyst: a numbered row is a decision to document).
 */
export function decisionsSheetPlan(
  entries: readonly DecisionEntry[],
  mode: FormulaMode,
  blankRows = 0
): SheetPlan {
  const decision = decisionFormula(mode);
  const blankRow: readonly CellPlan[] = [
    null,
    null,
    ...DECISION_INPUTS.map(() => null),
    decision,
    null,
    null,
    null,
    null,
    REVIEW_DATE,
  ];
  return {
    name: DECISIONS_SHEET,
    freezeRows: HEADER_ROW + 1,
    // The ID alone says little on a printed page: its capability goes with it.
    keyColumns: 2,
    cells: [
      { at: { row: 0, column: 0 }, value: "Build vs. Partner vs. Acquire", style: "title" },
      {
        at: { row: 1, column: 0 },
        value: `First rule that applies: ${RULES_TEXT}; otherwise REVIEW. Every decision needs Finance input; review quarterly.`,
        style: "note",
      },
    ],
    tables: [
      {
        name: TBL_DECISIONS,
        topLeft: { row: HEADER_ROW, column: 0 },
        columns: [
          { header: DECISION_LOG_COLUMNS.id, width: 8 },
          { header: DECISION_LOG_COLUMNS.capability, width: 26, wrap: true },
          ...DECISION_INPUTS.map(inputColumn),
          {
            header: DECISION_LOG_COLUMNS.decision,
            width: 11,
            conditionalFormats: DECISION_FILLS,
            description: `${DECISIONS.join(", ")}: the matrix applied to the inputs.`,
          },
          {
            header: DECISION_LOG_COLUMNS.rationale,
            width: 44,
            wrap: true,
            description: "2–3 sentences.",
          },
          {
            header: DECISION_LOG_COLUMNS.partnerConsidered,
            width: 16,
            wrap: true,
            description: "The partner considered, for a PARTNER decision.",
          },
          {
            header: DECISION_LOG_COLUMNS.financeInput,
            width: 30,
            wrap: true,
            description:
              "Finance's view of the economics: emotional partnerships that destroy margin are worse than none.",
          },
          dateColumn(DECISION_LOG_COLUMNS.decided),
          dateColumn(
            DECISION_LOG_COLUMNS.reviewDate,
            12,
            `Next review: ${REVIEW_EVERY_MONTHS} months after the decision (quarterly).`
          ),
        ],
        rows: rowsOrFillIn(
          [
            ...entries.map((e, i) => [
              decisionId(i + 1),
              textCell(e.capability),
              ...inputCells(e.inputs),
              decision,
              textCell(e.rationale),
              textCell(e.partnerConsidered),
              textCell(e.financeInput),
              e.decided === undefined ? null : excelSerial(e.decided),
              REVIEW_DATE,
            ]),
            ...Array.from({ length: blankRows }, () => blankRow),
          ],
          blankRow
        ),
      },
    ],
  };
}
