import { HistoryQuarter, PartnerHistory, quarterSpan } from "./history";
import { TierRules } from "./rules";
import { Tier } from "./tier";

export type CommitmentReport = (
  quarter: HistoryQuarter,
  rule: string,
  cell: string,
  message: string
) => void;

/** The tier a quarter's single row records, if it records one. */
function heldTier(history: PartnerHistory, index: number): Tier | undefined {
  const recorded = history.quarters[index]!.row?.recorded;
  return recorded === undefined || recorded === "Exited" ? undefined : recorded;
}

/**
 * The review cadence of the tier the partner is recorded in: a run of `reviewEveryQuarters` quarters in
 * that tier without a business review is a warning on the last of them. A change of tier, a missing or
 * duplicated quarter, or an unreadable cell starts the count again: the data cannot tell.
 */
function checkReviews(history: PartnerHistory, rules: TierRules, report: CommitmentReport): void {
  let run = 0;
  let runTier: Tier | undefined;
  const { quarters } = history;
  for (let index = 0; index < quarters.length; index++) {
    const quarter = quarters[index]!;
    const tier = heldTier(history, index);
    const held = quarter.row?.reviewHeld;
    const cell = quarter.row?.cells.businessReviewHeld;
    const every = tier === undefined ? undefined : rules.commitments[tier].reviewEveryQuarters;
    if (tier === undefined || every === undefined || held === undefined || cell === undefined) {
      run = 0;
      runTier = undefined;
      continue;
    }
    if (tier !== runTier) run = 0;
    runTier = tier;
    if (held) {
      run = 0;
      continue;
    }
    run++;
    if (run < every) continue;
    const message =
      every === 1
        ? `no QBR held; ${tier} commits to a QBR every quarter`
        : `no business review held in ${quarterSpan(history.quarters[index - every + 1]!.ordinal, quarter.ordinal)}; ` +
          `${tier} commits to one every ${every} quarters`;
    report(quarter, "commitment.qbr", cell, message);
    run = 0;
  }
}

/**
 * Joint GTM activities per year of the quarter labels: checked for each year whose four quarters are all
 * recorded in the same tier with a readable count, and reported on the fourth quarter. A year cut by a
 * tier change, or not over yet, is not checked: its minimum would be a guess.
 */
function checkActivities(
  history: PartnerHistory,
  rules: TierRules,
  report: CommitmentReport
): void {
  let year = Number.NaN;
  let tier: Tier | undefined;
  let counted = 0;
  let sum = 0;
  const { quarters } = history;
  for (let index = 0; index < quarters.length; index++) {
    const quarter = quarters[index]!;
    const quarterYear = Math.floor(quarter.ordinal / 4);
    if (quarterYear !== year) {
      year = quarterYear;
      tier = heldTier(history, index);
      counted = 0;
      sum = 0;
    }
    const activities = quarter.row?.activities;
    if (heldTier(history, index) !== tier || activities === undefined) continue;
    counted++;
    sum += activities;
    const minimum = tier === undefined ? undefined : rules.commitments[tier].jointActivitiesPerYear;
    const cell = quarter.row?.cells.jointGtmActivities;
    if (quarter.ordinal % 4 !== 3 || counted < 4 || minimum === undefined || cell === undefined) {
      continue;
    }
    if (sum >= minimum) continue;
    report(
      quarter,
      "commitment.joint-gtm",
      cell,
      `${sum} joint GTM ${sum === 1 ? "activity" : "activities"} in ${year}; ${tier} commits to at least ${minimum} a year`
    );
  }
}

/** The commitments of the tier a partner is recorded in, where the data has their columns. */
export function checkCommitments(
  history: PartnerHistory,
  rules: TierRules,
  report: CommitmentReport
): void {
  checkReviews(history, rules, report);
  checkActivities(history, rules, report);
}
