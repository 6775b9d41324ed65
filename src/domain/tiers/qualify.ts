import { ok, Result } from "../result";
import { readMetrics, TierInputError } from "./inputs";
import { qualifyingRank, TierRules } from "./rules";
import { Tier, tierOfRank } from "./tier";

/**
 * The highest tier whose criteria are all met by an annual pipeline, a number of certified individuals and
 * a dedicated-practice flag, given as raw cell values (blank is 0 / no). PS.TIERQUALIFY.
 */
export function qualifyTier(
  pipeline: unknown,
  certified: unknown,
  practice: unknown,
  rules: TierRules
): Result<Tier, TierInputError> {
  const metrics = readMetrics(pipeline, certified, practice);
  if (!metrics.ok) return metrics;
  const { pipeline: p, certified: c, practice: d } = metrics.value;
  return ok(tierOfRank(qualifyingRank(p, c, d, rules)));
}
