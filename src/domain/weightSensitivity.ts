import {
  attractivenessScore,
  Band,
  CRITERIA,
  CriterionKey,
  Ratings,
  scoreBand,
  Weights,
} from "./scoring";

/** A partner with all five ratings, as the sensitivity view scores it. */
export interface ScoredPartnerInput {
  readonly name: string;
  readonly ratings: Ratings;
}

/** What one partner's standing becomes when a weight moves; `rank` is its place in the top N, undefined beyond it. */
export interface PartnerShift {
  readonly partner: string;
  readonly band: Band;
  readonly bandAfter: Band;
  readonly rank: number | undefined;
  readonly rankAfter: number | undefined;
}

/** One weight moved by a factor, and the partners whose band or top-N rank it changes. */
export interface WeightMove {
  readonly criterion: CriterionKey;
  /** +0.2 for 20% more weight, −0.2 for 20% less. */
  readonly change: number;
  readonly weights: Weights;
  readonly shifts: readonly PartnerShift[];
}

export interface SensitivityOptions {
  /** How far each weight moves, as a fraction of itself. */
  readonly step: number;
  /** How many of the best-scored partners a rank change is looked for among. */
  readonly top: number;
}

export const DEFAULT_SENSITIVITY: SensitivityOptions = { step: 0.2, top: 10 };

/** The top `n` partners' indexes by score, best first (ties by name), in one pass: O(partners × n). */
function topIndexes(
  scores: Float64Array,
  partners: readonly ScoredPartnerInput[],
  n: number
): number[] {
  const better = (a: number, b: number): boolean =>
    scores[a]! > scores[b]! || (scores[a] === scores[b] && partners[a]!.name < partners[b]!.name);
  const top: number[] = [];
  for (let i = 0; i < partners.length; i++) {
    if (top.length === n && !better(i, top[n - 1]!)) continue;
    let at = top.length === n ? n - 1 : top.length;
    if (top.length < n) top.push(i);
    while (at > 0 && better(i, top[at - 1]!)) {
      top[at] = top[at - 1]!;
      at--;
    }
    top[at] = i;
  }
  return top;
}

function scoresOf(partners: readonly ScoredPartnerInput[], weights: Weights): Float64Array {
  const scores = new Float64Array(partners.length);
  for (let i = 0; i < partners.length; i++)
    scores[i] = attractivenessScore(partners[i]!.ratings, weights);
  return scores;
}

/**
 * For each of the five weights moved up and down by `step` (the others kept), which partners change band and which
 * change place among the top `top`: how much the priorities depend on the weights chosen. Linear in the partners
 * for each of the ten moves. Weights must be valid (≥ 0, positive sum); a weight of 0 moved stays 0.
 */
export function weightSensitivity(
  partners: readonly ScoredPartnerInput[],
  weights: Weights,
  options: SensitivityOptions = DEFAULT_SENSITIVITY
): WeightMove[] {
  const base = scoresOf(partners, weights);
  const baseTop = topIndexes(base, partners, options.top);
  const baseRank = new Map(baseTop.map((p, i) => [p, i + 1]));
  const moves: WeightMove[] = [];
  CRITERIA.forEach((criterion, c) => {
    for (const change of [options.step, -options.step]) {
      const moved = weights.map((w, i) => (i === c ? w * (1 + change) : w)) as unknown as Weights;
      const scores = scoresOf(partners, moved);
      const top = topIndexes(scores, partners, options.top);
      const rankAfter = new Map(top.map((p, i) => [p, i + 1]));
      const shifted = new Set<number>();
      for (let i = 0; i < partners.length; i++)
        if (scoreBand(base[i]!) !== scoreBand(scores[i]!)) shifted.add(i);
      for (const p of new Set([...baseTop, ...top]))
        if (baseRank.get(p) !== rankAfter.get(p)) shifted.add(p);
      const shifts = [...shifted]
        .sort((a, b) => a - b)
        .map((i) => ({
          partner: partners[i]!.name,
          band: scoreBand(base[i]!),
          bandAfter: scoreBand(scores[i]!),
          rank: baseRank.get(i),
          rankAfter: rankAfter.get(i),
        }));
      moves.push({ criterion: criterion.key, change, weights: moved, shifts });
    }
  });
  return moves;
}
