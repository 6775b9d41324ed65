import { err, ok, Result } from "../result";
import { readHistory, readTierArgument, TierInputError } from "./inputs";
import { annualPipelineAt, qualifyingRank, TierRules } from "./rules";
import { EXITED, RecordedTier, Tier, TIERS, tierRank } from "./tier";
import { readAmount, readCount, readFlag } from "./values";

/** The movement rules' verdict for a partner holding a tier, at a quarterly review (playbook §3.2). */
export type TierStatus =
  | { readonly kind: "hold" }
  | { readonly kind: "warning" }
  | { readonly kind: "promote"; readonly to: Tier }
  | { readonly kind: "demote"; readonly to: Tier }
  | { readonly kind: "exit" };

/** Statuses are values: the walk over a program's history shares these instead of allocating one per quarter. */
const HOLD: TierStatus = { kind: "hold" };
const WARNING: TierStatus = { kind: "warning" };
const EXIT: TierStatus = { kind: "exit" };
const PROMOTE: readonly TierStatus[] = TIERS.map((to) => ({ kind: "promote", to }));
const DEMOTE: readonly TierStatus[] = TIERS.map((to) => ({ kind: "demote", to }));

/** "Hold", "Warning", "Promote to Gold", "Demote to Gold", "Exit". */
export function formatTierStatus(status: TierStatus): string {
  switch (status.kind) {
    case "hold":
      return "Hold";
    case "warning":
      return "Warning";
    case "promote":
      return `Promote to ${status.to}`;
    case "demote":
      return `Demote to ${status.to}`;
    case "exit":
      return "Exit";
  }
}

/** The tier a partner holds in the quarter after a review. */
export function tierAfter(held: Tier, status: TierStatus): RecordedTier {
  switch (status.kind) {
    case "promote":
    case "demote":
      return status.to;
    case "exit":
      return EXITED;
    default:
      return held;
  }
}

/**
 * A partner's history, one entry per quarter from its first (gaps filled with blank quarters), with what
 * the movement rules look at. `undefined` marks what an unreadable cell leaves unknown.
 */
export interface QuarterTrack {
  readonly length: number;
  /** Quarterly pipeline; blank is 0. */
  readonly pipeline: readonly (number | undefined)[];
  /** The annual figure compared with the targets. */
  readonly annual: readonly (number | undefined)[];
  /** Rank of the highest tier the quarter qualifies for (0 = Registered). */
  readonly qualifying: readonly (number | undefined)[];
  /** Consecutive quarters without pipeline ending here. */
  readonly emptyRun: readonly number[];
  /** The same, counting unknown pipeline as possibly empty. */
  readonly emptyOrUnknownRun: readonly number[];
}

export function buildTrack(
  pipeline: readonly (number | undefined)[],
  certified: readonly (number | undefined)[],
  practice: readonly (boolean | undefined)[],
  rules: TierRules
): QuarterTrack {
  const length = pipeline.length;
  const annual: (number | undefined)[] = [];
  const qualifying: (number | undefined)[] = [];
  const emptyRun: number[] = [];
  const emptyOrUnknownRun: number[] = [];
  for (let i = 0; i < length; i++) {
    const yearly = annualPipelineAt(pipeline, i, rules.pipelineMode);
    const people = certified[i];
    const dedicated = practice[i];
    annual.push(yearly);
    qualifying.push(
      yearly === undefined || people === undefined || dedicated === undefined
        ? undefined
        : qualifyingRank(yearly, people, dedicated, rules)
    );
    const quarterly = pipeline[i];
    const before = i === 0 ? 0 : emptyRun[i - 1]!;
    const beforeOrUnknown = i === 0 ? 0 : emptyOrUnknownRun[i - 1]!;
    emptyRun.push(quarterly === 0 ? before + 1 : 0);
    emptyOrUnknownRun.push(quarterly === 0 || quarterly === undefined ? beforeOrUnknown + 1 : 0);
  }
  return { length, pipeline, annual, qualifying, emptyRun, emptyOrUnknownRun };
}

/** Exit applies to Registered partners after their own, shorter window. */
export const exitWindowOf = (held: Tier, rules: TierRules): number =>
  held === "Registered" ? rules.registeredExitWindow : rules.exitWindow;

/**
 * The status at the review of quarter `index` for a partner holding `held`, first match wins: Exit (a full
 * window of quarters without pipeline: a partner younger than the window never exits), Promote (the last
 * `movementStreak` quarters all qualify above `held`; to the lowest of them), Demote (they all miss
 * `held`'s criteria; one tier down), Warning (the last quarter misses them), Hold. Undefined when the
 * answer depends on an unreadable cell.
 */
export function statusAt(
  track: QuarterTrack,
  index: number,
  held: Tier,
  rules: TierRules
): TierStatus | undefined {
  const window = exitWindowOf(held, rules);
  if (track.emptyRun[index]! >= window) return EXIT;
  if (track.emptyOrUnknownRun[index]! >= window) return undefined;
  const rank = tierRank(held);
  const streak = rules.movementStreak;
  if (index + 1 >= streak) {
    // Counted in one pass: an unknown quarter leaves a movement undecided only if every known one agrees.
    let above = 0;
    let below = 0;
    let unknown = 0;
    let lowest = TIERS.length - 1;
    for (let i = index - streak + 1; i <= index; i++) {
      const q = track.qualifying[i];
      if (q === undefined) unknown++;
      else if (q > rank) {
        above++;
        lowest = Math.min(lowest, q);
      } else if (q < rank) below++;
    }
    if (above + unknown === streak) return unknown > 0 ? undefined : PROMOTE[lowest];
    if (below + unknown === streak) return unknown > 0 ? undefined : DEMOTE[rank - 1];
  }
  const last = track.qualifying[index];
  if (last === undefined) return undefined;
  return last < rank ? WARNING : HOLD;
}

/**
 * The status of a partner holding `currentTier`, from its quarterly pipeline, certified individuals and
 * dedicated-practice flags, one value per quarter, most recent last (raw cell values; blank is 0 / no).
 * Pipeline is quarterly: it is annualised per `rules.pipelineMode`. PS.TIERSTATUS.
 */
export function tierStatus(
  currentTier: unknown,
  pipelineHistory: readonly unknown[],
  certifiedHistory: readonly unknown[],
  practiceHistory: readonly unknown[],
  rules: TierRules
): Result<TierStatus, TierInputError> {
  const held = readTierArgument(currentTier, "currentTier");
  if (!held.ok) return held;
  const lengths = {
    pipeline: pipelineHistory.length,
    certified: certifiedHistory.length,
    practice: practiceHistory.length,
  };
  if (lengths.pipeline !== lengths.certified || lengths.pipeline !== lengths.practice) {
    return err({ kind: "unequalHistories", ...lengths });
  }
  if (lengths.pipeline === 0) return err({ kind: "emptyHistory" });
  const pipeline = readHistory(pipelineHistory, "pipelineHistory", readAmount);
  if (!pipeline.ok) return pipeline;
  const certified = readHistory(certifiedHistory, "certifiedHistory", readCount);
  if (!certified.ok) return certified;
  const practice = readHistory(practiceHistory, "practiceHistory", readFlag);
  if (!practice.ok) return practice;
  const track = buildTrack(pipeline.value, certified.value, practice.value, rules);
  // Every value was read, so nothing is unknown and the rules always decide.
  return ok(statusAt(track, track.length - 1, held.value, rules)!);
}
