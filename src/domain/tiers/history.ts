import { compareCells } from "../findings";
import { formatQuarterOrdinal } from "../quarters";
import { ReadRow } from "./quarterly";
import { TierRules } from "./rules";
import { buildTrack, QuarterTrack } from "./status";

/**
 * One quarter of a partner's history. A quarter missing from the data has neither `row` nor `duplicates`
 * and counts as a quarter without pipeline, certified individuals or practice; a quarter the data holds
 * more than once has unknown figures: neither row is trusted over the other.
 */
export interface HistoryQuarter {
  readonly ordinal: number;
  /** "2026-Q1". */
  readonly label: string;
  /** The quarter's row, when the data holds exactly one. */
  readonly row: ReadRow | undefined;
  /** Every row of a quarter the data holds more than once. */
  readonly duplicates: readonly ReadRow[] | undefined;
  /** Messages of the findings on this quarter, for the Tier Review (absent when there are none). */
  notes: string[] | undefined;
  /** How many quarters are missing from the data right before this one. */
  readonly missingBefore: number;
}

export const isMissing = (q: HistoryQuarter): boolean =>
  q.row === undefined && q.duplicates === undefined;

export interface PartnerHistory {
  /** The partner as typed in its earliest row. */
  readonly partner: string;
  /** From the partner's first quarter to its last, one entry per quarter (long gaps shortened, see below). */
  readonly quarters: readonly HistoryQuarter[];
  readonly track: QuarterTrack;
}

/**
 * How many empty quarters settle a partner's state for good: after them it has exited (every exit window
 * and streak is shorter) or is unknown with nothing to anchor on, and more empty quarters change neither.
 * A gap longer than twice this keeps only its first and last stretch, so a typo such as 1926 for 2026
 * cannot make a history millions of quarters long, while every quarter a reason cites near real data
 * keeps its own label.
 */
const settlingQuarters = (rules: TierRules): number =>
  Math.max(4, rules.exitWindow, rules.registeredExitWindow, rules.movementStreak) + 1;

const byQuarterThenCell = (a: ReadRow, b: ReadRow): number =>
  a.ordinal - b.ordinal || compareCells(a.cells.quarter, b.cells.quarter);

function isSorted(rows: readonly ReadRow[]): boolean {
  for (let i = 1; i < rows.length; i++)
    if (byQuarterThenCell(rows[i - 1]!, rows[i]!) > 0) return false;
  return true;
}

/** A partner's rows, in any order (a table sorted by partner and quarter needs no sorting), as its quarters. */
export function buildHistory(rows: ReadRow[], rules: TierRules): PartnerHistory {
  if (!isSorted(rows)) rows.sort(byQuarterThenCell);
  const quarters: HistoryQuarter[] = [];
  const settle = settlingQuarters(rules);
  const addMissing = (ordinal: number): void => {
    const label = formatQuarterOrdinal(ordinal);
    quarters.push({
      ordinal,
      label,
      row: undefined,
      duplicates: undefined,
      notes: undefined,
      missingBefore: 0,
    });
  };
  let previous = Number.NaN;
  for (let start = 0; start < rows.length;) {
    const first = rows[start]!;
    const ordinal = first.ordinal;
    let end = start + 1;
    while (end < rows.length && rows[end]!.ordinal === ordinal) end++;
    const duplicates = end > start + 1 ? rows.slice(start, end) : undefined;
    start = end;

    const missing = Number.isNaN(previous) ? 0 : ordinal - previous - 1;
    if (missing > 2 * settle) {
      for (let k = 1; k <= settle; k++) addMissing(previous + k);
      for (let k = settle; k >= 1; k--) addMissing(ordinal - k);
    } else for (let k = 1; k <= missing; k++) addMissing(previous + k);
    previous = ordinal;

    const row = duplicates ? undefined : first;
    const notes = duplicates
      ? duplicates.flatMap((r) => r.notes ?? [])
      : first.notes && [...first.notes];
    quarters.push({ ordinal, label: first.label, row, duplicates, notes, missingBefore: missing });
  }
  return { partner: rows[0]!.partner, quarters, track: trackOf(quarters, rules) };
}

/**
 * The history from quarter `start` on, as a partnership of its own: a partner that signs again after
 * an exit is a new partner, whose pipeline is annualised from its new first quarter.
 */
export function historyFrom(
  history: PartnerHistory,
  start: number,
  rules: TierRules
): PartnerHistory {
  const quarters = history.quarters.slice(start);
  return { partner: history.partner, quarters, track: trackOf(quarters, rules) };
}

function trackOf(quarters: readonly HistoryQuarter[], rules: TierRules): QuarterTrack {
  const pipeline: (number | undefined)[] = [];
  const certified: (number | undefined)[] = [];
  const practice: (boolean | undefined)[] = [];
  for (const q of quarters) {
    const missing = isMissing(q);
    pipeline.push(missing ? 0 : q.row?.pipeline);
    certified.push(missing ? 0 : q.row?.certified);
    practice.push(missing ? false : q.row?.practice);
  }
  return buildTrack(pipeline, certified, practice, rules);
}

/** "2026-Q1", "2026-Q1 to 2026-Q3". */
export function quarterSpan(first: number, last: number): string {
  const from = formatQuarterOrdinal(first);
  return first === last ? from : `${from} to ${formatQuarterOrdinal(last)}`;
}
