import { formatPercent, isBlank, isEmptyRow, readText } from "./cells";
import { Finding, FindingContext, FindingsCollector, RawCell, showValue } from "./findings";
import { readTier } from "./tiers/tier";
import { err, ok, Result } from "./result";

/**
 * Deal registration response times (playbook §5.1 "48-hour deal registration response SLA at 95%+ compliance";
 * §3.1 Gold: "deal registration within 5 business days"). Timestamps are Excel serial days (whole days since
 * 1899-12-30, the fraction the time of day), as cells hold them: no time zone enters the arithmetic.
 */

/** The playbook's SLA: a decision within 48 calendar hours, for at least 95% of registrations. */
export const DEFAULT_SLA = { hours: 48, target: 0.95 } as const;

/** Gold's benefit: a registration decided within 5 business days (weekends off). */
export const GOLD_DECISION_BUSINESS_DAYS = 5;

export const DEAL_DECISIONS = ["Approved", "Rejected", "Pending"] as const;
export type DealDecision = (typeof DEAL_DECISIONS)[number];

const DAY_MS = 86_400_000;
/** 1899-12-30, Excel's day 0 (past the 1900 leap-year bug). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
/** 9999-12-31, the last day Excel shows. */
const MAX_SERIAL = 2_958_466;

export type TimestampProblem =
  { readonly kind: "blank" } | { readonly kind: "notATimestamp"; readonly value: unknown };

/** "2026-03-31", "2026-03-31 14:30", or a CRM's "2026-03-31T14:30:00.000Z" (read as written: no time zone shift). */
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?Z?)?$/;

/**
 * A cell as a timestamp in serial days: a number (Excel's date-time), a Date, or text written
 * "2026-03-31 14:30" (the time optional).
 */
export function readTimestamp(raw: unknown): Result<number, TimestampProblem> {
  if (isBlank(raw)) return err({ kind: "blank" });
  if (typeof raw === "number") {
    return raw >= 1 && raw < MAX_SERIAL ? ok(raw) : err({ kind: "notATimestamp", value: raw });
  }
  if (raw instanceof Date) {
    const t = raw.getTime();
    return Number.isNaN(t) ? err({ kind: "notATimestamp", value: raw }) : ok(timestampOf(raw));
  }
  const m = typeof raw === "string" ? ISO.exec(raw.trim()) : null;
  if (!m) return err({ kind: "notATimestamp", value: raw });
  const [year, month, day, hour = 0, minute = 0, second = 0] = m
    .slice(1)
    .map((p) => Number(p ?? 0));
  const t = Date.UTC(year!, month! - 1, day!, hour, minute, second);
  const back = new Date(t);
  const real =
    back.getUTCMonth() === month! - 1 && back.getUTCDate() === day && hour < 24 && minute < 60;
  return real ? ok(serialOf(t)) : err({ kind: "notATimestamp", value: raw });
}

const serialOf = (ms: number): number => (ms - EXCEL_EPOCH_MS) / DAY_MS;

/** A Date as a timestamp cell holds it: serial days, the time of day the fraction. */
export const timestampOf = (date: Date): number => serialOf(date.getTime());

/** Calendar hours from one timestamp to the other, to the second (negative when `decided` is earlier). */
export const responseHours = (submitted: number, decided: number): number =>
  Math.round((decided - submitted) * 24 * 3600) / 3600;

/** Saturday or Sunday, for a whole serial day (day 1, 1900-01-01, was a Sunday in Excel's count). */
const isWeekend = (day: number): boolean => {
  const weekday = new Date(EXCEL_EPOCH_MS + day * DAY_MS).getUTCDay();
  return weekday === 0 || weekday === 6;
};

/**
 * Business days a decision took: the weekdays after the submission's day up to and including the decision's
 * day, as NETWORKDAYS(INT(submitted)+1, INT(decided)) counts them. A decision the same day takes 0; one on
 * the next Monday after a Friday submission takes 1.
 */
export function responseBusinessDays(submitted: number, decided: number): number {
  const first = Math.floor(submitted) + 1;
  const last = Math.floor(decided);
  if (last < first) return 0;
  const days = last - first + 1;
  const weeks = Math.floor(days / 7);
  let count = weeks * 5;
  for (let day = first + weeks * 7; day <= last; day++) if (!isWeekend(day)) count++;
  return count;
}

/** One registration as the SLA sees it: when it came, and when it was decided (undefined while pending). */
export interface Registration {
  readonly submitted: number;
  readonly decided: number | undefined;
}

/** Whether a registration met the SLA, broke it, or is pending and not yet due. */
export type SlaOutcome = "met" | "breached" | "open";

/**
 * A registration against the SLA on `asOf` (serial days): decided within `slaHours` is met, decided later is
 * breached; a pending one is breached once it is older than the SLA, and open before.
 */
export function slaOutcome(r: Registration, slaHours: number, asOf: number): SlaOutcome {
  if (r.decided !== undefined) {
    return responseHours(r.submitted, r.decided) <= slaHours ? "met" : "breached";
  }
  return responseHours(r.submitted, asOf) > slaHours ? "breached" : "open";
}

/**
 * The share of registrations due by `asOf` that met the SLA; undefined when none is due yet (all pending
 * within the SLA, or none at all).
 */
export function slaCompliance(
  registrations: Iterable<Registration>,
  slaHours: number,
  asOf: number
): { readonly met: number; readonly due: number; readonly share: number | undefined } {
  let met = 0;
  let due = 0;
  for (const r of registrations) {
    const outcome = slaOutcome(r, slaHours, asOf);
    if (outcome === "open") continue;
    due++;
    if (outcome === "met") met++;
  }
  return { met, due, share: due === 0 ? undefined : met / due };
}

/** tblDealRegistrations' input columns. */
export const DEAL_REGISTRATION_COLUMNS = {
  id: "Registration ID",
  partner: "Partner",
  tier: "Partner Tier",
  submitted: "Submitted",
  decided: "Decided",
  decision: "Decision",
  acv: "ACV",
  protectionEnds: "Protection Ends",
} as const;

/** One row of tblDealRegistrations as read; a column the table lacks is undefined. */
export interface DealRegistrationRow {
  readonly id: RawCell;
  readonly partner?: RawCell;
  readonly tier?: RawCell;
  readonly submitted?: RawCell;
  readonly decided?: RawCell;
}

/** The SLA as the workbook sets it: hours, the share to meet, Gold's business days. */
export interface DealRegistrationSla {
  readonly hours: number;
  readonly target: number;
  readonly goldBusinessDays: number;
}

export const DEFAULT_DEAL_REGISTRATION_SLA: DealRegistrationSla = {
  ...DEFAULT_SLA,
  goldBusinessDays: GOLD_DECISION_BUSINESS_DAYS,
};

/**
 * The deal registration rules on `asOf` (serial days): readable timestamps ("deal.bad-value"); when the share
 * decided within the SLA is under its target, each breaching registration ("deal.sla", a warning at its
 * Decided cell); a Gold partner's registration decided, or still pending, past Gold's business days
 * ("deal.gold-business-days", a warning). Rows with nothing typed in them are skipped.
 */
export function checkDealRegistrations(
  rows: readonly DealRegistrationRow[],
  sla: DealRegistrationSla,
  asOf: number,
  sheet: string
): Finding[] {
  const { report, findings } = new FindingsCollector(sheet);
  const read: {
    row: DealRegistrationRow;
    name: string;
    registration: Registration;
    about: FindingContext;
  }[] = [];
  for (const row of rows) {
    if (isEmptyRow([row.id, row.partner, row.tier, row.submitted, row.decided])) continue;
    const name = readText(row.id.value) ?? `the registration at ${row.id.cell}`;
    const submitted = readTimestamp(row.submitted?.value);
    if (!submitted.ok) {
      const problem = submitted.error.kind === "blank" ? "has no Submitted date" : "";
      report(
        "error",
        "deal.bad-value",
        row.submitted ?? row.id,
        problem === ""
          ? `${name}: Submitted ${showValue(row.submitted?.value)} is not a date and time`
          : `${name} ${problem}`
      );
      continue;
    }
    const decided = isBlank(row.decided?.value) ? undefined : readTimestamp(row.decided?.value);
    if (decided !== undefined && !decided.ok) {
      report(
        "error",
        "deal.bad-value",
        row.decided!,
        `${name}: Decided ${showValue(row.decided!.value)} is not a date and time`
      );
      continue;
    }
    const registration = { submitted: submitted.value, decided: decided?.value };
    const partner = readText(row.partner?.value);
    const about = partner === undefined ? {} : { partner };
    read.push({ row, name, registration, about });
    const tier = row.tier === undefined ? undefined : readTier(row.tier.value);
    const days = responseBusinessDays(submitted.value, decided?.value ?? asOf);
    if (tier === "Gold" && days > sla.goldBusinessDays) {
      const what = decided === undefined ? "is still pending after" : "was decided after";
      report(
        "warning",
        "deal.gold-business-days",
        row.decided ?? row.id,
        `${name} ${what} ${days} business days: Gold partners get a decision within ${sla.goldBusinessDays}`,
        about
      );
    }
  }
  const { share } = slaCompliance(
    read.map((r) => r.registration),
    sla.hours,
    asOf
  );
  if (share === undefined || share >= sla.target) return findings;
  for (const { row, name, registration, about } of read) {
    if (slaOutcome(registration, sla.hours, asOf) !== "breached") continue;
    const waited = responseHours(registration.submitted, registration.decided ?? asOf);
    report(
      "warning",
      "deal.sla",
      row.decided ?? row.id,
      `${name} ${registration.decided === undefined ? "has waited" : "was decided after"} ${Math.floor(waited)} hours, past the ${sla.hours}-hour SLA, and compliance is ${formatPercent(share)} against ${formatPercent(sla.target)}`,
      about
    );
  }
  return findings;
}
