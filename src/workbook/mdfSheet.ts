import {
  MDF_ALLOCATION_COLUMNS,
  MDF_BUDGET_COLUMNS,
  MDF_CLAIM_COLUMNS,
  MDF_TIERS,
} from "../domain/mdf";
import { QUARTERLY_COLUMNS, TIER_COLUMNS } from "../domain/tiers";
import { Tier, TIERS_HIGHEST_FIRST } from "../domain/tiers/tier";
import {
  choiceColumn,
  columnRef,
  dateColumn,
  formula,
  moneyColumn,
  NO,
  nonBlankRef,
  rowsOrFillIn,
  textCell,
  thisRow,
  YES,
} from "./columns";
import { excelSerial } from "./dates";
import { headerWidth } from "./layout";
import { CellPlan, ColumnPlan, Formula, SheetPlan, TablePlan } from "./plan";
import { MONEY_FORMAT, PERCENT_FORMAT } from "./styles";
import { TBL_QUARTERLY, TBL_TIERS } from "./tierSheets";

export const MDF_SHEET = "MDF";
export const MDF_ALLOCATIONS_SHEET = "MDF Allocations";
export const MDF_CLAIMS_SHEET = "MDF Claims";
export const TBL_MDF_BUDGET = "tblMdfBudget";
export const TBL_MDF_ALLOCATIONS = "tblMdfAllocations";
export const TBL_MDF_CLAIMS = "tblMdfClaims";

/** What the MDF sheet computes from the allocations, the claims and the quarterly data. */
export const MDF_COMPUTED_COLUMNS = {
  granted: "MDF Granted",
  claimed: "Claimed",
  paid: "Paid",
  utilisation: "Utilisation",
  sourcedPipeline: "Sourced Pipeline",
  sourcedArr: "Sourced ARR",
  pipelinePerDollar: "Pipeline per MDF $",
  arrPerDollar: "ARR per MDF $",
  allocated: "Allocated",
  remaining: "Remaining",
  /** A claim's program year: its request's. */
  claimYear: "Program Year",
} as const;

/** A budget line: what a tier may be allocated in a program year. */
export interface MdfBudgetEntry {
  readonly year: number;
  readonly tier: Tier;
  readonly budget: number;
}

/** A partner's MDF for a program year. */
export interface MdfAllocationEntry {
  readonly year: number;
  readonly partner: string;
  readonly tier: Tier;
  readonly allocated: number;
}

/** A request for MDF and what became of it: approved, claimed with proof of performance, paid. */
export interface MdfClaimEntry {
  readonly id: string;
  readonly partner: string;
  readonly campaign: string;
  readonly requestedOn: Date;
  readonly requested: number;
  readonly approved: number | undefined;
  readonly claimed: number | undefined;
  readonly paid: number | undefined;
  readonly paidOn: Date | undefined;
}

/** The MDF data a workbook starts with: the sample's, or none. */
export interface MdfData {
  readonly budget: readonly MdfBudgetEntry[];
  readonly allocations: readonly MdfAllocationEntry[];
  readonly claims: readonly MdfClaimEntry[];
}

const HEADER_ROW = 2;
/** "4.2x": dollars returned per dollar paid. */
export const RATIO_FORMAT = '0.0"x"';

const a = MDF_ALLOCATION_COLUMNS;
const m = MDF_COMPUTED_COLUMNS;
const here = (column: string): string => thisRow(TBL_MDF_ALLOCATIONS, column);

const yearColumn = (header: string, description: string): ColumnPlan => ({
  header,
  width: headerWidth(header),
  numberFormat: "0",
  validation: {
    kind: "whole",
    min: 1900,
    max: 9999,
    message: `${header} is a year, such as 2027.`,
  },
  description,
});

const figureColumn = (header: string, numberFormat: string, description: string): ColumnPlan => ({
  header,
  width: Math.max(headerWidth(header), 13),
  numberFormat,
  description,
});

/** A sum for the allocation's partner and program year; blank until both are typed. */
const forPartnerYear = (sum: string): Formula =>
  formula(`IF(AND(${nonBlankRef(here(a.partner))},ISNUMBER(${here(a.year)})),${sum},"")`);

/** A claims column summed over the partner's claims of the year. */
const claimsSum = (column: string): Formula => {
  const claims = (c: string) => columnRef(TBL_MDF_CLAIMS, c);
  return forPartnerYear(
    `SUMIFS(${claims(column)},${claims(MDF_CLAIM_COLUMNS.partner)},${here(a.partner)},${claims(m.claimYear)},${here(a.year)})`
  );
};

/** The partner's quarterly figure summed over the quarters of the allocation's program year ("2026-Q*"). */
const sourcedSum = (column: string): Formula => {
  const q = (c: string) => columnRef(TBL_QUARTERLY, c);
  return forPartnerYear(
    `SUMIFS(${q(column)},${q(QUARTERLY_COLUMNS.partner)},${here(a.partner)},${q(QUARTERLY_COLUMNS.quarter)},${here(a.year)}&"-Q*")`
  );
};

/** An amount per MDF dollar paid: blank while nothing (under a cent) is paid. */
const perDollar = (table: string, amount: string): Formula => {
  const paid = thisRow(table, m.paid);
  return formula(`IF(ISNUMBER(${paid}),IF(${paid}<0.01,"",${thisRow(table, amount)}/${paid}),"")`);
};

/** Claimed ÷ allocated: blank while nothing is allocated. */
const utilisation = (table: string, allocated: string): Formula => {
  const claimed = thisRow(table, m.claimed);
  const of = thisRow(table, allocated);
  return formula(`IF(ISNUMBER(${claimed}),IF(N(${of})<0.01,"",${claimed}/${of}),"")`);
};

const ALLOCATION_FORMULAS: readonly CellPlan[] = [
  // The Tiers sheet's benefits are the rule: a tier grants MDF when they name it.
  formula(
    `IF(${nonBlankRef(here(a.tier))},IF(COUNTIFS(${columnRef(TBL_TIERS, TIER_COLUMNS.tier)},${here(a.tier)},${columnRef(TBL_TIERS, TIER_COLUMNS.benefits)},"*MDF*")>0,"${YES}","${NO}"),"")`
  ),
  claimsSum(MDF_CLAIM_COLUMNS.claimed),
  claimsSum(MDF_CLAIM_COLUMNS.paid),
  utilisation(TBL_MDF_ALLOCATIONS, a.allocated),
  sourcedSum(QUARTERLY_COLUMNS.pipeline),
  sourcedSum(QUARTERLY_COLUMNS.sourcedArr),
  perDollar(TBL_MDF_ALLOCATIONS, m.sourcedPipeline),
  perDollar(TBL_MDF_ALLOCATIONS, m.sourcedArr),
];

/** What a partner's (or a tier's partners') MDF of a year came to, and what it returned: `whose` names them. */
const returnColumns = (whose: string): ColumnPlan[] => [
  figureColumn(m.claimed, MONEY_FORMAT, `${whose} claims of the year.`),
  figureColumn(m.paid, MONEY_FORMAT, `Paid on ${whose.toLowerCase()} claims of the year.`),
  figureColumn(m.utilisation, PERCENT_FORMAT, "Claimed ÷ allocated."),
  figureColumn(
    m.sourcedPipeline,
    MONEY_FORMAT,
    `${whose} sourced pipeline in the year's quarters.`
  ),
  figureColumn(m.sourcedArr, MONEY_FORMAT, `${whose} sourced ARR in the year's quarters.`),
  figureColumn(
    m.pipelinePerDollar,
    RATIO_FORMAT,
    "Partner-sourced pipeline of the program year per MDF dollar paid in it."
  ),
  figureColumn(
    m.arrPerDollar,
    RATIO_FORMAT,
    "Partner-sourced ARR of the program year per MDF dollar paid in it: what MDF returned."
  ),
];

function allocationsTable(entries: readonly MdfAllocationEntry[]): TablePlan {
  return {
    name: TBL_MDF_ALLOCATIONS,
    topLeft: { row: HEADER_ROW, column: 0 },
    columns: [
      yearColumn(a.year, "The program year the allocation is for."),
      { header: a.partner, width: 28 },
      choiceColumn(a.tier, 12, TIERS_HIGHEST_FIRST, "The partner's tier when MDF was allocated."),
      moneyColumn(a.allocated, 13, "MDF set aside for the partner for the year."),
      {
        header: m.granted,
        width: headerWidth(m.granted),
        conditionalFormats: [{ kind: "textEquals", text: NO, tone: "warning" }],
        description: "Yes when the Tiers sheet's benefits for the partner's tier name MDF.",
      },
      ...returnColumns("The partner's"),
    ],
    rows: rowsOrFillIn(
      entries.map((e) => [
        e.year,
        textCell(e.partner),
        e.tier,
        e.allocated,
        ...ALLOCATION_FORMULAS,
      ]),
      [null, null, null, null, ...ALLOCATION_FORMULAS]
    ),
  };
}

/** A tier's total over its partners' allocations of the year. */
const tierSum = (column: string): Formula => {
  const alloc = (c: string) => columnRef(TBL_MDF_ALLOCATIONS, c);
  const b = (c: string) => thisRow(TBL_MDF_BUDGET, c);
  return formula(
    `IF(AND(${nonBlankRef(b(MDF_BUDGET_COLUMNS.tier))},ISNUMBER(${b(MDF_BUDGET_COLUMNS.year)})),SUMIFS(${alloc(column)},${alloc(a.year)},${b(MDF_BUDGET_COLUMNS.year)},${alloc(a.tier)},${b(MDF_BUDGET_COLUMNS.tier)}),"")`
  );
};

const BUDGET_FORMULAS: readonly CellPlan[] = [
  tierSum(a.allocated),
  formula(
    `IF(AND(ISNUMBER(${thisRow(TBL_MDF_BUDGET, MDF_BUDGET_COLUMNS.budget)}),ISNUMBER(${thisRow(TBL_MDF_BUDGET, m.allocated)})),${thisRow(TBL_MDF_BUDGET, MDF_BUDGET_COLUMNS.budget)}-${thisRow(TBL_MDF_BUDGET, m.allocated)},"")`
  ),
  tierSum(m.claimed),
  tierSum(m.paid),
  utilisation(TBL_MDF_BUDGET, m.allocated),
  tierSum(m.sourcedPipeline),
  tierSum(m.sourcedArr),
  perDollar(TBL_MDF_BUDGET, m.sourcedPipeline),
  perDollar(TBL_MDF_BUDGET, m.sourcedArr),
];

/** `entries`, or for a program without its own a blank budget for each tier the playbook grants MDF. */
function budgetTable(entries: readonly MdfBudgetEntry[], programYear: number): TablePlan {
  const b = MDF_BUDGET_COLUMNS;
  const lines: readonly (readonly [number, Tier, number | null])[] =
    entries.length > 0
      ? entries.map((e) => [e.year, e.tier, e.budget])
      : MDF_TIERS.map((tier) => [programYear, tier, null]);
  return {
    name: TBL_MDF_BUDGET,
    topLeft: { row: HEADER_ROW, column: 0 },
    columns: [
      yearColumn(b.year, "The program year of the budget."),
      choiceColumn(
        b.tier,
        12,
        TIERS_HIGHEST_FIRST,
        "The playbook gives MDF to Platinum and Gold partners."
      ),
      moneyColumn(
        b.budget,
        13,
        "What the tier's partners may be allocated for the year ($[X]/yr)."
      ),
      figureColumn(m.allocated, MONEY_FORMAT, "Allocated to the tier's partners for the year."),
      {
        ...figureColumn(
          m.remaining,
          MONEY_FORMAT,
          "Budget not yet allocated; below zero when over budget."
        ),
        conditionalFormats: [{ kind: "lessThan", value: 0, tone: "error" }],
      },
      ...returnColumns("The tier's partners'"),
    ],
    rows: lines.map((line) => [...line, ...BUDGET_FORMULAS]),
  };
}

/** A sheet of one MDF table: its title, a note, the table under them. */
function mdfSheet(
  name: string,
  title: string,
  note: string,
  table: TablePlan,
  keyColumns: number
): SheetPlan {
  return {
    name,
    freezeRows: HEADER_ROW + 1,
    keyColumns,
    cells: [
      { at: { row: 0, column: 0 }, value: title, style: "title" },
      { at: { row: 1, column: 0 }, value: note, style: "note" },
    ],
    tables: [table],
  };
}

/**
 * The MDF sheets (§3.1, §5.2): each tier's budget per program year with what its partners were allocated,
 * claimed, were paid and sourced (MDF); each partner's allocation with the same figures (MDF Allocations);
 * the requests and claims (MDF Claims).
 */
export function mdfSheetPlans(data: MdfData, programYear: number): SheetPlan[] {
  return [
    mdfSheet(
      MDF_SHEET,
      "Market Development Funds",
      "The budget per tier and program year, and what the partners given MDF returned: their sourced pipeline and ARR of the year per MDF dollar paid.",
      budgetTable(data.budget, programYear),
      2
    ),
    mdfSheet(
      MDF_ALLOCATIONS_SHEET,
      "Market Development Fund Allocations",
      "One row per partner and program year: what it was allocated, claimed and paid (MDF Claims sheet), and what it sourced that year.",
      allocationsTable(data.allocations),
      2
    ),
    mdfSheet(
      MDF_CLAIMS_SHEET,
      "Market Development Fund Claims",
      "One row per request: every claim names its partner and campaign, and claims no more than was approved.",
      claimsTable(data.claims),
      1
    ),
  ];
}

const CLAIM_YEAR: Formula = formula(
  `IF(ISNUMBER(${thisRow(TBL_MDF_CLAIMS, MDF_CLAIM_COLUMNS.requestedOn)}),YEAR(${thisRow(TBL_MDF_CLAIMS, MDF_CLAIM_COLUMNS.requestedOn)}),"")`
);

const dateCell = (date: Date | undefined): number | null =>
  date === undefined ? null : excelSerial(date);

/** Each request for MDF with what was approved, claimed and paid, and the program year it draws on. */
function claimsTable(claims: readonly MdfClaimEntry[]): TablePlan {
  const c = MDF_CLAIM_COLUMNS;
  return {
    name: TBL_MDF_CLAIMS,
    topLeft: { row: HEADER_ROW, column: 0 },
    columns: [
      { header: c.id, width: 12 },
      { header: c.partner, width: 28 },
      { header: c.campaign, width: 30, wrap: true },
      dateColumn(c.requestedOn, 12, "When the partner asked for the funds."),
      moneyColumn(c.requested, 13),
      moneyColumn(c.approved, 13, "What we approved; a claim above it is a warning."),
      moneyColumn(c.claimed, 13, "What the partner claimed with proof of performance."),
      moneyColumn(c.paid, 13),
      dateColumn(c.paidOn, 12),
      {
        header: m.claimYear,
        width: headerWidth(m.claimYear),
        numberFormat: "0",
        description: "The year of the request: the program year the claim draws on.",
      },
    ],
    rows: rowsOrFillIn(
      claims.map((e) => [
        e.id,
        textCell(e.partner),
        textCell(e.campaign),
        excelSerial(e.requestedOn),
        e.requested,
        e.approved ?? null,
        e.claimed ?? null,
        e.paid ?? null,
        dateCell(e.paidOn),
        CLAIM_YEAR,
      ]),
      [null, null, null, null, null, null, null, null, null, CLAIM_YEAR]
    ),
  };
}
