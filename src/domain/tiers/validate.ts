import { AllFindings, FindingSink } from "../findingSinks";
import { compareCells, Finding, FindingSummary, Severity } from "../findings";
import { checkCommitments } from "./commitments";
import {
  buildHistory,
  HistoryQuarter,
  historyFrom,
  isMissing,
  PartnerHistory,
  quarterSpan,
} from "./history";
import { QuarterlyRow, QuarterlyRowReader, ReadRow } from "./quarterly";
import { explainNoExit, explainReview } from "./reasons";
import { TierRules } from "./rules";
import { statusAt, TierStatus } from "./status";
import { EXITED, RecordedTier, Tier, tierOfRank } from "./tier";

/** One line of the Tier Review sheet: a partner's quarter as the rules see it. */
export interface TierReviewRow {
  readonly partner: string;
  /** "2026-Q1". */
  readonly quarter: string;
  /** The annual pipeline compared with the targets (undefined when a cell it needs is unreadable). */
  readonly pipeline: number | undefined;
  readonly qualifyingTier: Tier | undefined;
  /**
   * The tier the rules give for this quarter, walking from the first recorded tier; undefined until a
   * tier is recorded, and after a review that unreadable data left undecided.
   */
  readonly expectedTier: RecordedTier | undefined;
  readonly recordedTier: RecordedTier | undefined;
  /** The status at this quarter's review, for the expected tier: it gives the next quarter's tier. */
  readonly status: TierStatus | undefined;
  /** The messages of the findings on this partner and quarter, "; "-separated ("" when none). */
  readonly finding: string;
}

/** What to do with a partner now: the status at its latest quarter for the tier it is recorded in. */
export interface TierAction {
  readonly partner: string;
  readonly tier: Tier;
  readonly status: TierStatus;
}

export interface ProgramValidation {
  /** Sorted: errors first, then by cell. */
  readonly findings: Finding[];
  readonly actions: TierAction[];
  /** Partners in the order they first appear, quarters in order; quarters missing from the data are left out. */
  readonly review: TierReviewRow[];
  readonly summary: FindingSummary;
}

/** Where the tier a walk holds comes from, to explain it when a recorded tier disagrees. */
type Origin =
  { readonly kind: "recorded"; readonly index: number } | ({ readonly kind: "review" } & Review);

interface Review {
  readonly index: number;
  readonly held: Tier;
  readonly status: TierStatus;
}

type WalkState =
  | { readonly kind: "unknown" }
  | { readonly kind: "held"; readonly tier: Tier; readonly origin: Origin }
  | { readonly kind: "exited"; readonly confirmed: boolean; readonly origin: Origin };

type PartnerReporter = (
  quarter: HistoryQuarter,
  severity: Severity,
  rule: string,
  cell: string,
  body: string
) => void;

const isMovement = (status: TierStatus): status is Extract<TierStatus, { to: Tier }> =>
  status.kind === "promote" || status.kind === "demote";

/**
 * Walks a partner's quarters from its first recorded tier, applying the status rule at each review to
 * get the next quarter's expected tier, and reports every recorded tier that differs. Appends the
 * partner's Tier Review rows. Returns the quarter where the partner signs again after an exit, if it
 * does: the walk stops there, and the new partnership is walked on its own.
 *
 * - The walk follows the expected tiers, not the recorded ones: a mistyped tier is one finding, and a
 *   movement that was never made is a finding in every quarter until the tiers agree again.
 * - A review that unreadable data leaves undecided expects nothing; the next quarter that records a tier
 *   starts the walk again from it.
 * - After Exit the expected tier is Exited. A quarter recorded Exited, left blank or missing confirms
 *   it; a tier recorded before that is an error (the exit was not enforced), a tier recorded after it is
 *   a new partnership (info).
 */
function walk(
  history: PartnerHistory,
  rules: TierRules,
  report: PartnerReporter,
  review: TierReviewRow[]
): number | undefined {
  const { quarters, track } = history;
  const label = (i: number): string => quarters[i]!.label;
  const explain = (r: Review): string => explainReview(history, r.index, r.held, r.status, rules);
  const whence = (origin: Origin): string =>
    origin.kind === "recorded"
      ? `the tier recorded in ${label(origin.index)}`
      : `the ${label(origin.index)} review (${explain(origin)})`;
  const mismatch = (quarter: HistoryQuarter, expected: RecordedTier, reason: string): void => {
    const row = quarter.row!;
    const body = `recorded ${row.recorded}, expected ${expected} (${reason})`;
    report(quarter, "error", "tier.recorded-mismatch", row.cells.recordedTier, body);
  };
  let state: WalkState = { kind: "unknown" };
  let previous: Review | undefined;

  for (let index = 0; index < quarters.length; index++) {
    const quarter = quarters[index]!;
    const row = quarter.row;
    const recorded = row?.recorded;

    if (state.kind === "unknown") {
      const origin: Origin = { kind: "recorded", index };
      if (recorded === EXITED) state = { kind: "exited", confirmed: true, origin };
      else if (recorded !== undefined) state = { kind: "held", tier: recorded, origin };
    } else if (state.kind === "held" && row && previous) {
      if (row.recordedBlank) {
        const body = `no recorded tier; expected ${state.tier}`;
        report(quarter, "warning", "tier.recorded-missing", row.cells.recordedTier, body);
      } else if (recorded !== undefined && recorded !== state.tier) {
        let reason = explain(previous);
        if (!isMovement(previous.status)) {
          if (recorded === EXITED)
            reason += `; ${explainNoExit(history, previous.index, state.tier, rules)}`;
          reason += `; ${state.tier} since ${whence(state.origin)}`;
        }
        mismatch(quarter, state.tier, reason);
      }
    } else if (state.kind === "exited") {
      if (isMissing(quarter) || recorded === EXITED || row?.recordedBlank) {
        state = { kind: "exited", confirmed: true, origin: state.origin };
      } else if (recorded !== undefined && state.confirmed) {
        const after =
          state.origin.kind === "review"
            ? ` after the exit at the ${label(state.origin.index)} review`
            : "";
        const body = `recorded ${recorded}${after}: a new partnership from ${label(index)}`;
        report(quarter, "info", "tier.rejoined", row!.cells.recordedTier, body);
        return index;
      } else if (recorded !== undefined)
        mismatch(quarter, EXITED, `exited at ${whence(state.origin)}`);
    }

    const expected =
      state.kind === "held" ? state.tier : state.kind === "exited" ? EXITED : undefined;
    let status: TierStatus | undefined;
    previous = undefined;
    if (state.kind === "held") {
      status = statusAt(track, index, state.tier, rules);
      if (status === undefined) state = { kind: "unknown" };
      else {
        previous = { index, held: state.tier, status };
        const origin: Origin = { kind: "review", ...previous };
        if (status.kind === "exit") state = { kind: "exited", confirmed: false, origin };
        else if (isMovement(status)) state = { kind: "held", tier: status.to, origin };
      }
    }
    if (isMissing(quarter)) continue;
    const qualifying = track.qualifying[index];
    review.push({
      partner: history.partner,
      quarter: quarter.label,
      pipeline: track.annual[index],
      qualifyingTier: qualifying === undefined ? undefined : tierOfRank(qualifying),
      expectedTier: expected,
      recordedTier: recorded,
      status,
      finding: quarter.notes?.join("; ") ?? "",
    });
  }
  return undefined;
}

/**
 * Every row of a duplicated quarter is an error (whichever came first is no better than the others), and
 * a gap is a warning on the quarter after it.
 */
function reportDuplicatesAndGaps(history: PartnerHistory, report: PartnerReporter): void {
  for (const quarter of history.quarters) {
    const { duplicates, missingBefore } = quarter;
    if (duplicates) {
      const cells = duplicates.map((r) => r.cells.quarter).sort(compareCells);
      const body = `the quarter appears ${duplicates.length} times (${cells.join(", ")}); none of these rows is used`;
      for (const r of duplicates)
        report(quarter, "error", "quarter.duplicate", r.cells.quarter, body);
    }
    if (missingBefore > 0) {
      const span = quarterSpan(quarter.ordinal - missingBefore, quarter.ordinal - 1);
      const count = missingBefore === 1 ? "a quarter" : `${missingBefore} quarters`;
      const body = `no row for ${span} (${count} missing): they count as quarters without pipeline`;
      const cell = (quarter.row ?? quarter.duplicates![0]!).cells.quarter;
      report(quarter, "warning", "quarter.gap", cell, body);
    }
  }
}

/** The action for a partner: the status at its latest quarter for the tier it is recorded in (or expected to hold). */
function actionOf(
  history: PartnerHistory,
  last: TierReviewRow,
  rules: TierRules
): TierAction | undefined {
  const recorded = last.recordedTier;
  const tier = recorded !== undefined && recorded !== EXITED ? recorded : last.expectedTier;
  if (tier === undefined || tier === EXITED) return undefined;
  const status =
    tier === last.expectedTier
      ? last.status
      : statusAt(history.track, history.quarters.length - 1, tier, rules);
  return status && { partner: history.partner, tier, status };
}

/** How a ProgramValidator groups the rows it is given. */
export interface ValidatorOptions {
  /** The sheet (or file) the findings cite. */
  readonly sheet: string;
  /**
   * True: the rows come grouped by partner, and each partner is validated, and its rows let go, as soon as
   * the next partner starts; a partner that comes back later makes `add` return false. False (the
   * default): every partner's rows are kept until `finish`, in any order.
   */
  readonly grouped?: boolean;
  /** False: no Tier Review rows are kept (a command line that prints findings needs none). Default true. */
  readonly review?: boolean;
  /** Where the findings go; by default all are kept. */
  readonly findings?: FindingSink;
}

/**
 * Validates a program's quarterly data row by row, so a host can stream a file of any size through it:
 * every row's cells as it arrives, then each partner's history (duplicates and gaps, the movement rules,
 * the commitments) once its rows are complete. The result does not depend on `grouped` or on the order
 * of the rows.
 */
export class ProgramValidator {
  private readonly findings: FindingSink;
  private readonly reader: QuarterlyRowReader;
  /** Partners whose rows are still coming; in grouped mode only the one being read. */
  private readonly open = new Map<string, ReadRow[]>();
  /** In grouped mode, the partners already validated. */
  private readonly done = new Set<string>();
  private readonly actions: TierAction[] = [];
  private readonly review: TierReviewRow[] = [];
  private readonly grouped: boolean;
  private readonly keepReview: boolean;
  private validated = 0;

  constructor(
    private readonly rules: TierRules,
    private readonly options: ValidatorOptions
  ) {
    this.findings = options.findings ?? new AllFindings();
    this.reader = new QuarterlyRowReader(options.sheet, this.findings);
    this.grouped = options.grouped ?? false;
    this.keepReview = options.review ?? true;
  }

  /** How many partners have been validated so far (for a progress line). */
  get partnersValidated(): number {
    return this.validated;
  }

  /**
   * Reads one row. False, in grouped mode, when the row belongs to a partner already validated: the rows
   * are not grouped, and the validation must start again with `grouped: false`.
   */
  add(row: QuarterlyRow): boolean {
    const read = this.reader.read(row);
    if (!read) return true;
    const key = read.partnerKey;
    const group = this.open.get(key);
    if (group) {
      group.push(read);
      return true;
    }
    if (this.grouped) {
      if (this.done.has(key)) return false;
      for (const [previous, rows] of this.open) {
        this.validatePartner(rows);
        this.done.add(previous);
      }
      this.open.clear();
    }
    this.open.set(key, [read]);
    return true;
  }

  /** Validates the partners still open; the findings the sink kept, sorted errors first. */
  finish(): ProgramValidation {
    for (const rows of this.open.values()) this.validatePartner(rows);
    this.open.clear();
    return {
      findings: this.findings.sorted(),
      actions: this.actions,
      review: this.review,
      summary: this.findings.summary(),
    };
  }

  private validatePartner(rows: ReadRow[]): void {
    const { rules, findings } = this;
    const { sheet } = this.options;
    let history = buildHistory(rows, rules);
    const { partner } = history;
    const report: PartnerReporter = (quarter, severity, rule, cell, body) => {
      const message = `${partner} ${quarter.label}: ${body}`;
      findings.push({ severity, rule, sheet, cell, partner, quarter: quarter.label, message });
      (quarter.notes ??= []).push(body);
    };
    reportDuplicatesAndGaps(history, report);
    checkCommitments(history, rules, (quarter, rule, cell, body) =>
      report(quarter, "warning", rule, cell, body)
    );
    const review: TierReviewRow[] = [];
    for (let rejoined = walk(history, rules, report, review); rejoined !== undefined;) {
      history = historyFrom(history, rejoined, rules);
      rejoined = walk(history, rules, report, review);
    }
    const last = review[review.length - 1];
    const action = last && actionOf(history, last, rules);
    if (action) this.actions.push(action);
    // One row at a time: a spread of a whole program's rows would overflow the stack.
    if (this.keepReview) for (const r of review) this.review.push(r);
    this.validated++;
  }
}

/**
 * Validates a program's quarterly data against the tier rules: every row's cells, duplicates and gaps,
 * the movement rules walked through each partner's history, and the tier commitments. Never throws on
 * cell values; a bad cell is a finding and the rest of the data is still validated. Linear in the rows
 * (one grouping by partner, one sort of each partner's quarters).
 */
export function validateProgram(
  rows: readonly QuarterlyRow[],
  rules: TierRules,
  options: { readonly sheet: string }
): ProgramValidation {
  const validator = new ProgramValidator(rules, { sheet: options.sheet });
  for (const row of rows) validator.add(row);
  return validator.finish();
}
