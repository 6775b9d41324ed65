import { isBlank, isNumberTooLarge, readNumber } from "./cells";
import { Finding, FindingsCollector, RawCell, showValue } from "./findings";
import { err, ok, Result } from "./result";

/** The five attractiveness criteria of playbook §2.2, in the playbook's order, with their default weights. */
export const CRITERIA = [
  { key: "icp", label: "ICP Client Overlap", weight: 30, question: "Do they serve our exact ICP?" },
  {
    key: "influence",
    label: "Market Influence",
    weight: 25,
    question: "Brand credibility with our buyers?",
  },
  {
    key: "practice",
    label: "Practice Alignment",
    weight: 20,
    question: "Do they have a practice that maps to our product?",
  },
  {
    key: "appetite",
    label: "Partnership Appetite",
    weight: 15,
    question: "Have they partnered with similar vendors?",
  },
  {
    key: "revenue",
    label: "Revenue Potential",
    weight: 10,
    question: "Addressable pipeline they could generate?",
  },
] as const;

export type CriterionKey = (typeof CRITERIA)[number]["key"];
export const CRITERIA_COUNT = CRITERIA.length;

/** Exactly five numbers, in CRITERIA order. */
export type Quintuple = readonly [number, number, number, number, number];
export type Ratings = Quintuple;
export type Weights = Quintuple;

export const DEFAULT_WEIGHTS: Weights = CRITERIA.map((c) => c.weight) as unknown as Weights;
export const RATING_MIN = 0;
export const RATING_MAX = 100;
/** Keeps Σwᵢrᵢ finite; no real weighting needs more. */
export const WEIGHT_MAX = 1e9;

export type Band = "Priority" | "Secondary" | "Opportunistic";
export const BANDS: readonly Band[] = ["Priority", "Secondary", "Opportunistic"];
export const PRIORITY_MIN = 75;
export const SECONDARY_MIN = 50;

/** Why a set of ratings or weights cannot be scored. `index` is the criterion's position (0–4). */
export type ScoreInputError =
  | { readonly kind: "notRated"; readonly index: number }
  | {
      readonly kind: "notANumber";
      readonly field: "rating" | "weight";
      readonly index: number;
      readonly value: unknown;
    }
  | { readonly kind: "ratingOutOfRange"; readonly index: number; readonly value: number }
  | { readonly kind: "negativeWeight"; readonly index: number; readonly value: number }
  | { readonly kind: "weightTooLarge"; readonly index: number; readonly value: number }
  | { readonly kind: "zeroWeights" }
  | { readonly kind: "wrongCount"; readonly field: "ratings" | "weights"; readonly count: number };

/**
 * Scores are rounded to 9 decimals, here and by ROUND in the portable formula: a weighted mean of ratings of 75
 * can otherwise come out as 74.99999999999999 (or 100.00000000000004) and fall on the wrong side of a band.
 */
export const SCORE_DECIMALS = 9;
const roundScore = (score: number): number =>
  Math.round(score * 10 ** SCORE_DECIMALS) / 10 ** SCORE_DECIMALS;

/**
 * Weights all below this are scaled up by 2^900 before use. Tiny weights lose precision in the products:
 * 5e-324 × 74.6 rounds to 75 × 5e-324, so the score of 74.6 came out as 75 (Priority, not Secondary).
 * Multiplying by a power of two is exact, so the scaled score is Σwᵢrᵢ / Σwᵢ computed exactly as for
 * ordinary weights; and since ordinary weights are not scaled, their scores do not change by one ulp.
 */
const TINY_WEIGHTS = 2 ** -900;
const TINY_SCALE = 2 ** 900;

/** Weighted score Σwᵢrᵢ / Σwᵢ of already valid ratings and weights (any positive total). */
export function attractivenessScore(ratings: Ratings, weights: Weights = DEFAULT_WEIGHTS): number {
  let largest = 0;
  for (let i = 0; i < CRITERIA_COUNT; i++) if (weights[i]! > largest) largest = weights[i]!;
  const scale = largest < TINY_WEIGHTS ? TINY_SCALE : 1;
  let weighted = 0;
  let total = 0;
  for (let i = 0; i < CRITERIA_COUNT; i++) {
    const weight = weights[i]! * scale;
    weighted += weight * ratings[i]!;
    total += weight;
  }
  return roundScore(weighted / total);
}

/** Priority ≥ 75, Secondary 50 to < 75, Opportunistic < 50. */
export function scoreBand(score: number): Band {
  if (score >= PRIORITY_MIN) return "Priority";
  if (score >= SECONDARY_MIN) return "Secondary";
  return "Opportunistic";
}

/** Checks five raw cell values as ratings: blank is "not yet rated", text or out-of-range is an error. */
export function parseRatings(raw: readonly unknown[]): Result<Ratings, ScoreInputError> {
  if (raw.length !== CRITERIA_COUNT)
    return err({ kind: "wrongCount", field: "ratings", count: raw.length });
  const ratings: number[] = [];
  for (let index = 0; index < CRITERIA_COUNT; index++) {
    const value = raw[index];
    if (isBlank(value)) return err({ kind: "notRated", index });
    const n = readNumber(value);
    if (n === undefined) return err({ kind: "notANumber", field: "rating", index, value });
    if (n < RATING_MIN || n > RATING_MAX) return err({ kind: "ratingOutOfRange", index, value: n });
    ratings.push(n);
  }
  return ok(ratings as unknown as Ratings);
}

/** Checks five raw weights: numbers ≥ 0 with a positive sum. Any scale works; the score is normalised. */
export function parseWeights(raw: readonly unknown[]): Result<Weights, ScoreInputError> {
  if (raw.length !== CRITERIA_COUNT)
    return err({ kind: "wrongCount", field: "weights", count: raw.length });
  const weights: number[] = [];
  for (let index = 0; index < CRITERIA_COUNT; index++) {
    const value = raw[index];
    const n = isBlank(value) ? undefined : readNumber(value);
    if (n === undefined) return err({ kind: "notANumber", field: "weight", index, value });
    if (n < 0) return err({ kind: "negativeWeight", index, value: n });
    if (n > WEIGHT_MAX) return err({ kind: "weightTooLarge", index, value: n });
    weights.push(n);
  }
  if (weights.reduce((a, b) => a + b, 0) <= 0) return err({ kind: "zeroWeights" });
  return ok(weights as unknown as Weights);
}

/** Score of raw ratings with optional raw weights (defaults 30/25/20/15/10). */
export function scorePartner(
  rawRatings: readonly unknown[],
  rawWeights?: readonly unknown[]
): Result<number, ScoreInputError> {
  const ratings = parseRatings(rawRatings);
  if (!ratings.ok) return ratings;
  const weights = rawWeights === undefined ? ok(DEFAULT_WEIGHTS) : parseWeights(rawWeights);
  if (!weights.ok) return weights;
  return ok(attractivenessScore(ratings.value, weights.value));
}

/** A sentence an analyst can act on, naming the criterion and the problem. */
export function describeScoreError(e: ScoreInputError): string {
  switch (e.kind) {
    case "notRated":
      return `${CRITERIA[e.index]!.label} is not yet rated`;
    case "notANumber":
      if (isBlank(e.value)) return `${CRITERIA[e.index]!.label} ${e.field} is blank`;
      return isNumberTooLarge(e.value)
        ? `${CRITERIA[e.index]!.label} ${e.field} ${showValue(e.value)} is a number too large`
        : `${CRITERIA[e.index]!.label} ${e.field} ${showValue(e.value)} is not a number`;
    case "ratingOutOfRange":
      return `${CRITERIA[e.index]!.label} rating ${e.value} is outside ${RATING_MIN}–${RATING_MAX}`;
    case "negativeWeight":
      return `${CRITERIA[e.index]!.label} weight ${e.value} is negative`;
    case "weightTooLarge":
      return `${CRITERIA[e.index]!.label} weight ${e.value} is larger than ${WEIGHT_MAX.toLocaleString("en-US")}`;
    case "zeroWeights":
      return "the weights add up to 0; give at least one criterion a positive weight";
    case "wrongCount":
      return `expected ${CRITERIA_COUNT} ${e.field}, got ${e.count}`;
  }
}

/** One row of tblScoring as read: the partner's name and its five ratings, in CRITERIA order. */
export interface ScoringRow {
  readonly partner: unknown;
  readonly ratings: readonly unknown[];
}

/**
 * The band of every partner rated in full, by lower-case name, scored with `weights` as the Score column
 * does; a partner with a blank or unreadable rating is not rated and is absent.
 */
export function ratedBands(rows: readonly ScoringRow[], weights: Weights): Map<string, Band> {
  const bands = new Map<string, Band>();
  for (const row of rows) {
    const partner = typeof row.partner === "string" ? row.partner.trim() : "";
    const ratings = parseRatings(row.ratings);
    if (partner === "" || !ratings.ok) continue;
    bands.set(partner.toLowerCase(), scoreBand(attractivenessScore(ratings.value, weights)));
  }
  return bands;
}

/** The weights' totals at which they read as shares of 100%: 30/25/20/15/10, or 30%/25%/… typed as percentages. */
export const WHOLE_WEIGHTS: readonly number[] = [100, 1];

/**
 * The scoring weights as tblWeights holds them (one cell per criterion): readable ("scoring.bad-value", an
 * error, at the weight's cell) and adding up to 100% ("scoring.weights-total", a warning at the first
 * weight: the score is still normalised by the total, but the weights no longer read as shares).
 */
export function checkWeights(cells: readonly RawCell[], sheet: string): Finding[] {
  const { report, findings } = new FindingsCollector(sheet);
  const first = cells[0];
  if (first === undefined) return findings;
  const weights = parseWeights(cells.map((c) => c.value));
  if (!weights.ok) {
    const e = weights.error;
    report(
      "error",
      "scoring.bad-value",
      "index" in e ? cells[e.index]! : first,
      describeScoreError(e)
    );
    return findings;
  }
  const total = weights.value.reduce((a, b) => a + b, 0);
  if (WHOLE_WEIGHTS.every((whole) => Math.abs(total - whole) > 1e-9)) {
    report(
      "warning",
      "scoring.weights-total",
      first,
      `the weights add up to ${Number(total.toPrecision(12))}, not 100 (or 100%): scores are still divided by the total, but the weights no longer read as shares`
    );
  }
  return findings;
}
