import { formatMoney, roundCents } from "../money";
import { ok, Result } from "../result";
import { readMetrics, readTierArgument, TierInputError } from "./inputs";
import { qualifyingRank, TierRules } from "./rules";
import { Tier, tierOfRank, TIERS } from "./tier";

/** What a partner lacks for a tier. */
export interface TierGap {
  /** The tier looked at: the one named, or the next above what the partner qualifies for. */
  readonly target: Tier;
  /** The highest tier the partner qualifies for now. */
  readonly qualifies: Tier;
  readonly met: boolean;
  /** More annual pipeline needed, in dollars (0 when enough). */
  readonly pipeline: number;
  /** More certified individuals needed (0 when enough). */
  readonly certified: number;
  /** A dedicated practice is still needed. */
  readonly dedicatedPractice: boolean;
  /** "Gold: +$150,000 pipeline, +1 certified", "Platinum: dedicated practice", "meets Platinum". */
  readonly text: string;
}

/**
 * What a partner with this annual pipeline, certified count and practice flag (raw cell values) lacks for
 * `targetTier`, or when it is blank for the tier above the one it qualifies for (Platinum being the
 * last). PS.TIERGAP.
 */
export function tierGap(
  pipeline: unknown,
  certified: unknown,
  practice: unknown,
  targetTier: unknown,
  rules: TierRules
): Result<TierGap, TierInputError> {
  const metrics = readMetrics(pipeline, certified, practice);
  if (!metrics.ok) return metrics;
  const { pipeline: p, certified: c, practice: d } = metrics.value;
  const qualifyingTierRank = qualifyingRank(p, c, d, rules);
  const blank =
    targetTier === null ||
    targetTier === undefined ||
    (typeof targetTier === "string" && targetTier.trim() === "");
  let target: Tier;
  if (blank) target = tierOfRank(qualifyingTierRank + 1);
  else {
    const named = readTierArgument(targetTier, "targetTier");
    if (!named.ok) return named;
    target = named.value;
  }
  const qualifies = TIERS[qualifyingTierRank]!;
  if (target === "Registered") return ok(metGap(target, qualifies));
  const criteria = rules.criteria[target];
  const gap = {
    pipeline: p < criteria.pipeline ? roundCents(criteria.pipeline - p) : 0,
    certified: Math.max(0, criteria.certified - c),
    dedicatedPractice: criteria.dedicatedPractice && !d,
  };
  if (gap.pipeline === 0 && gap.certified === 0 && !gap.dedicatedPractice) {
    return ok(metGap(target, qualifies));
  }
  const parts: string[] = [];
  if (gap.pipeline > 0) parts.push(`+${formatMoney(gap.pipeline)} pipeline`);
  if (gap.certified > 0) parts.push(`+${gap.certified} certified`);
  if (gap.dedicatedPractice) parts.push("dedicated practice");
  return ok({ target, qualifies, met: false, ...gap, text: `${target}: ${parts.join(", ")}` });
}

const metGap = (target: Tier, qualifies: Tier): TierGap => ({
  target,
  qualifies,
  met: true,
  pipeline: 0,
  certified: 0,
  dedicatedPractice: false,
  text: `meets ${target}`,
});
