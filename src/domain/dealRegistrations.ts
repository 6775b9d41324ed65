import { isBlank } from "./cells";
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

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

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
    return Number.isNaN(t) ? err({ kind: "notATimestamp", value: raw }) : ok(serialOf(t));
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
