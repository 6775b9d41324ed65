/**
 * The tier custom functions (PS.TIERQUALIFY, PS.TIERSTATUS, PS.TIERGAP): thin wrappers over the tier framework
 * in src/domain/tiers. Their JSDoc is the metadata Excel shows in its autocomplete.
 *
 * The domain reads a blank pipeline or count as 0 and a blank practice as No, as Excel sums them. A row with
 * no figures at all is a partner not reported yet: #N/A, as PS.PARTNERSCORE answers a partner not yet rated.
 */
import { qualifyTier } from "../domain/tiers/qualify";
import * as status from "../domain/tiers/status";
import * as gap from "../domain/tiers/gap";
import { describeTierInputError, TierInputError } from "../domain/tiers/inputs";
import { DEFAULT_TIER_RULES, TierRules } from "../domain/tiers/rules";
import { tierRulesFromRange } from "../domain/tiers/settings";
import { Cell, invalidValue, isBlank, isOmitted, notAvailable, rowsOf, spill } from "./arguments";
import { rowPrefix, valuesPerRow } from "./perRow";

const tierError = (e: TierInputError, where = ""): CustomFunctions.Error =>
  invalidValue(where + describeTierInputError(e));

/**
 * The criteria in tiersRange and the movement settings in movementRange, the playbook's for either left out.
 * Bad settings fail the call.
 */
function rulesOf(tiersRange: unknown, movementRange?: unknown): TierRules {
  const tiers = isOmitted(tiersRange) ? undefined : rowsOf(tiersRange);
  const movement = isOmitted(movementRange) ? undefined : rowsOf(movementRange);
  if (tiers === undefined && movement === undefined) return DEFAULT_TIER_RULES;
  const rules = tierRulesFromRange(tiers, movement);
  if (!rules.ok) throw tierError(rules.error);
  return rules.value;
}

const NO_FIGURES = "pipeline, certified and practice are blank: the partner has no figures yet";

/** One row per partner: pipeline, certified, practice, then `extra` arguments, each one value per row. */
function partnerRows(
  pipeline: unknown,
  certified: unknown,
  practice: unknown,
  ...extra: (readonly [name: string, arg: unknown])[]
): unknown[][] {
  return valuesPerRow(
    [["pipeline", pipeline], ["certified", certified], ["practice", practice], ...extra],
    "partner"
  );
}

/**
 * The highest tier whose criteria a partner meets, by default Platinum ($2,000,000 annual pipeline, 5
 * certified, dedicated practice), Gold ($500,000, 3), Silver ($100,000, 1) or else Registered. Columns give
 * one tier per row.
 * @customfunction TIERQUALIFY
 * @param pipeline The partner's annual pipeline in dollars (for example the trailing four quarters' sum), or a column of them, one row per partner. Blank counts as $0.
 * @param certified How many of the partner's people are certified (a whole number), or a column of counts. Blank counts as 0.
 * @param practice Whether the partner has a dedicated practice: TRUE/FALSE, Yes/No, Y/N or 1/0, or a column of them. Blank counts as No.
 * @param [tiersRange] Your tier criteria: the Tiers sheet's tblTiers with its header row (tblTiers[#All]), or without it with columns Tier, Pipeline Target, Certified Individuals, Dedicated Practice. Default: the playbook's.
 * @returns {string[][]} The tier; #N/A for a partner with no figures yet.
 */
export function tierQualify(
  pipeline: unknown[][],
  certified: unknown[][],
  practice: unknown[][],
  tiersRange?: unknown[][]
) {
  const rows = partnerRows(pipeline, certified, practice);
  const rules = rulesOf(tiersRange);
  return spill(
    rows.map(([p, c, d], i): Cell<string>[] => {
      const where = rowPrefix(rows.length, i);
      if ([p, c, d].every(isBlank)) return [notAvailable(where + NO_FIGURES)];
      const tier = qualifyTier(p, c, d, rules);
      return [tier.ok ? tier.value : tierError(tier.error, where)];
    })
  );
}

/**
 * What a partner lacks for the next tier up, or for the tier you name: "Gold: +$150,000 pipeline, +1
 * certified", "Platinum: dedicated practice", or "meets Platinum" when nothing is missing. Columns (one row
 * per partner) give one answer per row.
 * @customfunction TIERGAP
 * @param pipeline The partner's annual pipeline in dollars (for example the trailing four quarters' sum), or a column of them, one row per partner. Blank counts as $0.
 * @param certified How many of the partner's people are certified (a whole number), or a column of counts. Blank counts as 0.
 * @param practice Whether the partner has a dedicated practice: TRUE/FALSE, Yes/No, Y/N or 1/0, or a column of them. Blank counts as No.
 * @param [targetTier] The tier to measure against: Platinum, Gold, Silver or Registered, or a column of tiers. Default: the tier above the one the partner qualifies for.
 * @param [tiersRange] Your tier criteria: the Tiers sheet's tblTiers with its header row (tblTiers[#All]), or without it with columns Tier, Pipeline Target, Certified Individuals, Dedicated Practice. Default: the playbook's.
 * @returns {string[][]} What is missing, or "meets" and the tier; #N/A for a partner with no figures yet.
 */
export function tierGap(
  pipeline: unknown[][],
  certified: unknown[][],
  practice: unknown[][],
  targetTier?: unknown[][],
  tiersRange?: unknown[][]
) {
  const rows = partnerRows(pipeline, certified, practice, ["targetTier", targetTier]);
  const rules = rulesOf(tiersRange);
  return spill(
    rows.map(([p, c, d, target], i): Cell<string>[] => {
      const where = rowPrefix(rows.length, i);
      if ([p, c, d].every(isBlank)) return [notAvailable(where + NO_FIGURES)];
      const missing = gap.tierGap(p, c, d, target, rules);
      return [missing.ok ? missing.value.text : tierError(missing.error, where)];
    })
  );
}

const HISTORIES = ["pipelineHistory", "certifiedHistory", "practiceHistory"] as const;

/** One partner: the tier it holds and its three histories, oldest quarter first. */
interface PartnerHistories {
  readonly tier: unknown;
  readonly histories: readonly (readonly unknown[])[];
}

/**
 * One current tier with histories as a row or a column of quarters; or a column of current tiers with
 * one row of quarters per partner in each history.
 */
function partnersOf(currentTier: unknown, histories: readonly unknown[]): PartnerHistories[] {
  const tiers = rowsOf(currentTier);
  if (tiers.length === 1 && tiers[0]!.length === 1) {
    return [
      {
        tier: tiers[0]![0],
        histories: histories.map((arg, h) => {
          const rows = rowsOf(arg);
          const block = rows.length > 1 && rows.some((row) => row.length > 1);
          if (block) {
            throw invalidValue(
              `${HISTORIES[h]} must be one row or one column of quarters, oldest first; for several ` +
                `partners, give currentTier as a column with one row of quarters per partner`
            );
          }
          return rows.flat();
        }),
      },
    ];
  }
  if (tiers.some((row) => row.length > 1)) {
    throw invalidValue(
      "currentTier must be one tier, or a column of tiers with one row of quarters per partner in each history"
    );
  }
  const byHistory = histories.map((arg, h) => {
    const rows = rowsOf(arg);
    if (rows.length !== tiers.length) {
      throw invalidValue(
        `${HISTORIES[h]} has ${rows.length} rows but currentTier has ${tiers.length}: ` +
          `give one row of quarters per partner, oldest first`
      );
    }
    return rows;
  });
  return tiers.map(([tier], i) => ({ tier, histories: byHistory.map((rows) => rows[i]!) }));
}

/** A quarter blank in every history: before the first report or after the last, it was not reported. */
function reportedSpan(histories: readonly (readonly unknown[])[]): [from: number, to: number] {
  const length = histories[0]!.length;
  const blank = (q: number) => histories.every((h) => isBlank(h[q]));
  let from = 0;
  while (from < length && blank(from)) from++;
  let to = length;
  while (to > from && blank(to - 1)) to--;
  return [from, to];
}

function statusOf(
  { tier, histories }: PartnerHistories,
  rules: TierRules,
  where: string
): Cell<string> {
  if (isBlank(tier))
    return notAvailable(`${where}currentTier is blank: the partner holds no tier yet`);
  const [pipeline, certified, practice] = histories as [unknown[], unknown[], unknown[]];
  const equal = pipeline.length === certified.length && pipeline.length === practice.length;
  // Unequal histories go to the domain untrimmed: its message counts the quarters as given.
  const [from, to] = equal ? reportedSpan(histories) : [0, undefined];
  if (from === to) {
    return notAvailable(`${where}the histories are blank: no quarter is reported yet`);
  }
  const result = status.tierStatus(
    tier,
    pipeline.slice(from, to),
    certified.slice(from, to),
    practice.slice(from, to),
    rules
  );
  if (result.ok) return status.formatTierStatus(result.value);
  const error = result.error;
  // Positions count from the first quarter given, blank ones before the first report included.
  const located =
    error.kind === "badValue" && error.index !== undefined
      ? { ...error, index: error.index + from }
      : error;
  return tierError(located, where);
}

/**
 * Tier movement from a partner's quarterly history: Exit (no pipeline for 4 quarters; Registered 2), Promote
 * to X or Demote to X (last 2 quarters above or below its tier), Warning (last one below) or Hold. A column
 * of tiers gives one status per row.
 * @customfunction TIERSTATUS
 * @param currentTier The tier the partner holds now: Platinum, Gold, Silver or Registered. Or a column of tiers, one row per partner.
 * @param pipelineHistory The partner's pipeline of each quarter in dollars (quarterly: the trailing four are summed), as a row or a column, oldest first, latest last. Blank quarters before the first report or after the last are ignored.
 * @param certifiedHistory How many of the partner's people were certified in each quarter, in the same order as the pipeline: oldest first, latest last.
 * @param practiceHistory Whether the partner had a dedicated practice in each quarter (TRUE/FALSE, Yes/No, Y/N, 1/0), oldest first, latest last.
 * @param [tiersRange] Your tier criteria: the Tiers sheet's tblTiers with its header row (tblTiers[#All]), or without it with columns Tier, Pipeline Target, Certified Individuals, Dedicated Practice. Default: the playbook's.
 * @param [movementRange] Your movement rules: the Tiers sheet's tblTierRules with its header row (tblTierRules[#All]), or without it with columns Setting, Value (quarters to promote, to demote, the exit window…). Default: the playbook's.
 * @returns {string[][]} Hold, Warning, Promote to X, Demote to X or Exit; #N/A while no quarter is reported.
 */
export function tierStatus(
  currentTier: unknown[][],
  pipelineHistory: unknown[][],
  certifiedHistory: unknown[][],
  practiceHistory: unknown[][],
  tiersRange?: unknown[][],
  movementRange?: unknown[][]
) {
  const partners = partnersOf(currentTier, [pipelineHistory, certifiedHistory, practiceHistory]);
  const widths = partners[0]!.histories.map((h) => h.length) as [number, number, number];
  if (widths[0] !== widths[1] || widths[0] !== widths[2]) {
    const [p, c, d] = widths;
    throw tierError({ kind: "unequalHistories", pipeline: p, certified: c, practice: d });
  }
  const rules = rulesOf(tiersRange, movementRange);
  return spill(
    partners.map((partner, i) => [statusOf(partner, rules, rowPrefix(partners.length, i))])
  );
}
