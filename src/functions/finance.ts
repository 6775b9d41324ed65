/**
 * The finance custom functions (PS.MDFROI, PS.SLAHOURS, PS.SLACOMPLIANCE): thin wrappers over src/domain's
 * MDF and deal registration rules. Their JSDoc is the metadata Excel shows in its autocomplete.
 */
import {
  DEFAULT_SLA,
  readTimestamp,
  Registration,
  responseBusinessDays,
  responseHours,
  slaCompliance,
  TimestampProblem,
} from "../domain/dealRegistrations";
import { showValue } from "../domain/findings";
import { mdfRoi } from "../domain/mdf";
import { readNumber } from "../domain/cells";
import { readFlag } from "../domain/tiers/values";
import { Cell, cellsOf, invalidValue, isBlank, isOmitted, notAvailable, spill } from "./arguments";
import { rowPrefix, valuesPerRow } from "./perRow";

const timestampProblem = (p: TimestampProblem, label: string): string =>
  p.kind === "blank"
    ? `${label} is blank`
    : `${label} ${showValue(p.value)} is not a date and time (enter one, or write 2026-03-31 14:30)`;

/**
 * Partner-sourced revenue per MDF dollar paid: 4 means $4 of revenue for each $1 of MDF. Columns give one ROI
 * per row (a partner, a tier, a year).
 * @customfunction MDFROI
 * @param sourcedRevenue Partner-sourced revenue (ARR or pipeline) of the period, in dollars, or a column of them.
 * @param mdfPaid MDF paid in the same period, in dollars, or a column of them.
 * @returns {number[][]} Revenue per MDF dollar; #VALUE! when nothing was paid.
 */
export function mdfRoiFunction(sourcedRevenue: unknown[][], mdfPaid: unknown[][]) {
  const rows = valuesPerRow(
    [
      ["sourcedRevenue", sourcedRevenue],
      ["mdfPaid", mdfPaid],
    ],
    "row"
  );
  return spill(
    rows.map(([revenue, paid], i): Cell<number>[] => {
      const roi = mdfRoi(revenue, paid);
      return [roi.ok ? roi.value : invalidValue(`${rowPrefix(rows.length, i)}${roi.error}`)];
    })
  );
}

/**
 * The time a deal registration waited for its decision: calendar hours (the 48-hour SLA), or business days
 * with weekends off (Gold's 5 business days). Columns give one answer per registration.
 * @customfunction SLAHOURS
 * @param submitted When the registration was submitted (a date and time), or a column of them.
 * @param decided When it was decided (a date and time), or a column of them.
 * @param [businessDays] TRUE for business days (weekdays after the submission's day, up to the decision's) instead of hours. Default: FALSE, hours.
 * @returns {number[][]} Hours (to the second) or business days; #N/A while it is not decided.
 */
export function slaHours(submitted: unknown[][], decided: unknown[][], businessDays?: unknown[][]) {
  const days = readFlag(cellsOf(businessDays)[0]);
  if (!days.ok) {
    throw invalidValue(
      `businessDays ${showValue(cellsOf(businessDays)[0])} is not TRUE or FALSE (Yes/No, 1/0)`
    );
  }
  const rows = valuesPerRow(
    [
      ["submitted", submitted],
      ["decided", decided],
    ],
    "registration"
  );
  return spill(
    rows.map(([s, d], i): Cell<number>[] => {
      const where = rowPrefix(rows.length, i);
      const from = readTimestamp(s);
      if (!from.ok) return [invalidValue(where + timestampProblem(from.error, "submitted"))];
      if (isBlank(d)) return [notAvailable(`${where}decided is blank: not decided yet`)];
      const to = readTimestamp(d);
      if (!to.ok) return [invalidValue(where + timestampProblem(to.error, "decided"))];
      if (to.value < from.value) {
        return [invalidValue(`${where}decided is before submitted: check the two dates`)];
      }
      return [
        days.value
          ? responseBusinessDays(from.value, to.value)
          : responseHours(from.value, to.value),
      ];
    })
  );
}

/**
 * The share of deal registrations answered within the SLA: those decided within it, of those decided and
 * those still pending past it (a pending one within the SLA is not yet due).
 * @customfunction SLACOMPLIANCE
 * @param submittedRange When each registration was submitted: the Deal Registrations sheet's Submitted column.
 * @param decidedRange When each was decided, blank while pending: the Decided column, as tall as submittedRange.
 * @param [slaHours] The SLA in calendar hours. Default: 48, the playbook's.
 * @param [asOf] The date and time pending registrations are measured at. Default: now.
 * @returns {number[][]} The share (0.95 is 95%); #N/A while no registration is due.
 */
export function slaComplianceFunction(
  submittedRange: unknown[][],
  decidedRange: unknown[][],
  slaHours?: unknown[][],
  asOf?: unknown[][]
) {
  const sla = isOmitted(slaHours) ? DEFAULT_SLA.hours : readNumber(cellsOf(slaHours)[0]);
  if (sla === undefined || sla <= 0) {
    throw invalidValue(
      `slaHours ${showValue(cellsOf(slaHours)[0])} is not a positive number of hours`
    );
  }
  let now = serialNow();
  if (!isOmitted(asOf)) {
    const at = readTimestamp(cellsOf(asOf)[0]);
    if (!at.ok) throw invalidValue(timestampProblem(at.error, "asOf"));
    now = at.value;
  }
  const submitted = cellsOf(submittedRange);
  const decided = cellsOf(decidedRange);
  if (submitted.length !== decided.length) {
    throw invalidValue(
      `submittedRange has ${submitted.length} cells but decidedRange has ${decided.length}: one of each per registration`
    );
  }
  const registrations: Registration[] = [];
  submitted.forEach((s, i) => {
    const d = decided[i];
    if (isBlank(s) && isBlank(d)) return;
    const from = readTimestamp(s);
    if (!from.ok) throw invalidValue(timestampProblem(from.error, `submitted ${i + 1}`));
    const to = isBlank(d) ? undefined : readTimestamp(d);
    if (to !== undefined && !to.ok)
      throw invalidValue(timestampProblem(to.error, `decided ${i + 1}`));
    registrations.push({ submitted: from.value, decided: to?.value });
  });
  const { share } = slaCompliance(registrations, sla, now);
  return spill([
    [share ?? notAvailable("no registration is due yet: none decided, none pending past the SLA")],
  ]);
}

/** Now, in serial days (UTC), as NOW() counts in a workbook on UTC. */
const serialNow = (): number => Date.now() / 86_400_000 + 25_569;
