/**
 * The program custom functions (PS.BUILDPARTNER, PS.PARTNERFEE, PS.RACICHECK): thin wrappers over the
 * decision matrix, the models' economics and the RACI rule in src/domain. Their JSDoc is the metadata Excel
 * shows in its autocomplete.
 */
import { ArgumentError } from "../domain/cells";
import * as decisions from "../domain/decisions";
import * as economics from "../domain/economics";
import * as raci from "../domain/raci";
import {
  Cell,
  cellsOf,
  invalidValue,
  isBlank,
  isOmitted,
  notAvailable,
  rowsOf,
  spill,
} from "./arguments";
import { rowPrefix, valuesPerRow } from "./perRow";

/** Not given yet is #N/A; wrong is #VALUE!. */
const argumentError = (e: ArgumentError<string>, where = ""): CustomFunctions.Error =>
  e.kind === "blank" ? notAvailable(where + e.message) : invalidValue(where + e.message);

const { DECISION_INPUTS } = decisions;
const INPUT_LABELS = DECISION_INPUTS.map((d) => d.label).join(", ");

/** A row with no answer at all is a decision not yet worked through, not a REVIEW. */
function decideRow(raw: readonly unknown[], where: string): Cell<decisions.Decision> {
  if (raw.every(isBlank))
    return notAvailable(`${where}the inputs are blank: nothing to decide yet`);
  const outcome = decisions.buildPartner(raw);
  return outcome.ok ? outcome.value.decision : argumentError(outcome.error, where);
}

/** BUILDPARTNER(core, capacity, …): ten single answers. */
function decideSingle(args: readonly unknown[]): Cell<decisions.Decision>[][] {
  const raw = args.map((arg, index) => {
    const cells = cellsOf(arg);
    if (cells.length > 1) {
      throw invalidValue(
        `${DECISION_INPUTS[index]!.label} must be one answer, not a range of ${cells.length} cells ` +
          `(to decide from a range of inputs, give it as the first argument)`
      );
    }
    return cells[0];
  });
  return [[decideRow(raw, "")]];
}

/** BUILDPARTNER(inputsRange): one row of ten inputs per decision, one decision per row. */
function decideRange(inputs: unknown, rest: readonly unknown[]): Cell<decisions.Decision>[][] {
  rest.forEach((arg, index) => {
    if (!isOmitted(arg)) {
      throw invalidValue(
        `${DECISION_INPUTS[index + 1]!.key} must be empty when the first argument is a range of inputs`
      );
    }
  });
  const rows = rowsOf(inputs);
  const misshapen = rows.find((row) => row.length !== DECISION_INPUTS.length);
  if (misshapen) {
    throw invalidValue(
      `the range of inputs has ${misshapen.length} columns; it needs ${DECISION_INPUTS.length} ` +
        `(${INPUT_LABELS}), one row per decision`
    );
  }
  return rows.map((row, i) => [decideRow(row, rowPrefix(rows.length, i, " of the inputs"))]);
}

/**
 * Build vs partner vs acquire, first rule wins: BUILD (core, capacity), PARTNER (adjacent not core, strong
 * partner, positive economics), ACQUIRE (critical, build over 18 months, target in budget), PARTNER (new
 * market, local partner), else REVIEW.
 * @customfunction BUILDPARTNER
 * @param coreOrInputs Is it core to our product differentiation? (TRUE/FALSE, Yes/No, Y/N, 1/0; blank is No). Or a range of the ten inputs in this order, one row per decision (the Decisions sheet's input columns), for one result per row.
 * @param [capacity] Do we have the engineering capacity to build it? Leave empty after a range of inputs.
 * @param [adjacent] Is it adjacent to our product, complementary, but not core?
 * @param [strongPartner] Does a strong partner exist who serves our ICP?
 * @param [positiveEconomics] Are the partner economics positive?
 * @param [critical] Is it critical to our market position?
 * @param [buildMonths] How many months building it would take (a number of months; over 18 can justify an acquisition). Blank: unknown.
 * @param [acquisitionTarget] Does an acquisition target exist within budget?
 * @param [newMarket] Is it a market entry vehicle in a new geography or vertical?
 * @param [localPresence] Does a partner have existing relationships and local presence there?
 * @returns {string[][]} BUILD, PARTNER, ACQUIRE or REVIEW; #N/A while every input is blank.
 */
export function buildPartner(
  coreOrInputs: unknown[][],
  capacity?: unknown[][],
  adjacent?: unknown[][],
  strongPartner?: unknown[][],
  positiveEconomics?: unknown[][],
  critical?: unknown[][],
  buildMonths?: unknown[][],
  acquisitionTarget?: unknown[][],
  newMarket?: unknown[][],
  localPresence?: unknown[][]
) {
  const rest = [
    capacity,
    adjacent,
    strongPartner,
    positiveEconomics,
    critical,
    buildMonths,
    acquisitionTarget,
    newMarket,
    localPresence,
  ];
  return spill(
    cellsOf(coreOrInputs).length > 1
      ? decideRange(coreOrInputs, rest)
      : decideSingle([coreOrInputs, ...rest])
  );
}

/**
 * A deal's partner economics in dollars: the referral fee we pay (5–15% of ACV, default 10%), the reseller's
 * margin (20–40% off list, default 30%) or the royalty an OEM partner pays us (10–30%, default 20%). Columns
 * give one amount per row.
 * @customfunction PARTNERFEE
 * @param model The partnership model: Referral, Reseller or OEM / Embed (Co-Sell, Implementation, Joint Venture and Technology Alliance have no fee). Or a column of models, one row per deal.
 * @param acv The deal's annual contract value in dollars (list price for a reseller, the partner's deal for an OEM), or a column of them.
 * @param [rate] The rate as a percentage (10% or 0.1), within the model's range. Default: the model's default rate.
 * @returns {number[][]} The amount in dollars, to the cent.
 */
export function partnerFee(model: unknown[][], acv: unknown[][], rate?: unknown[][]) {
  const rows = valuesPerRow(
    [
      ["model", model],
      ["acv", acv],
      ["rate", rate],
    ],
    "deal"
  );
  return spill(
    rows.map(([m, a, r], i): Cell<number>[] => {
      const fee = economics.partnerFee(m, a, r);
      return [fee.ok ? fee.value.amount : argumentError(fee.error, rowPrefix(rows.length, i))];
    })
  );
}

/**
 * Checks a RACI row: "OK", or what is wrong ("no Accountable", "2 Accountable (CPO, Finance)", "no
 * Responsible", a letter other than R, A, C or I). A range of rows gives one answer per row.
 * @customfunction RACICHECK
 * @param rowRange The letters of one decision, one cell per role in the RACI sheet's order (CPO, VP Alliance GTM, Director Partner Dev, Director Partner Ops, Finance, Legal), blank for no part; or several rows, one per decision. Without the Decision column.
 * @returns {string[][]} OK, or every problem of the row; #N/A for a row with no letter yet.
 */
export function raciCheck(rowRange: unknown[][]) {
  const rows = rowsOf(rowRange);
  return spill(
    rows.map((row, i): Cell<string>[] => [
      row.every(isBlank)
        ? notAvailable(`${rowPrefix(rows.length, i)}the row is blank: no role has a letter yet`)
        : raci.raciCheck(row),
    ])
  );
}
