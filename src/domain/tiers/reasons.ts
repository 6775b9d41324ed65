import { listOf } from "../cells";
import { PartnerHistory, quarterSpan } from "./history";
import { TierRules } from "./rules";
import { exitWindowOf, TierStatus } from "./status";
import { Tier, tierOfRank, tierRank } from "./tier";

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Why the review of quarter `index`, for a partner holding `held`, gave `status`, in the analyst's words. */
export function explainReview(
  history: PartnerHistory,
  index: number,
  held: Tier,
  status: TierStatus,
  rules: TierRules
): string {
  const { quarters, track } = history;
  const label = (i: number): string => quarters[i]!.label;
  const streak = rules.movementStreak;
  const streakLabels = (): string[] => {
    const labels: string[] = [];
    for (let i = Math.max(0, index - streak + 1); i <= index; i++) labels.push(label(i));
    return labels;
  };
  const qualifying = (i: number): Tier => tierOfRank(track.qualifying[i] ?? 0);
  switch (status.kind) {
    case "exit": {
      const window = exitWindowOf(held, rules);
      return `no pipeline in ${quarterSpan(quarters[index - window + 1]!.ordinal, quarters[index]!.ordinal)}`;
    }
    case "promote": {
      const labels = streakLabels();
      const tiers = labels.map((_, k) => qualifying(index - labels.length + 1 + k));
      return tiers.every((t) => t === tiers[0])
        ? `qualified for ${tiers[0]} in ${listOf(labels)}`
        : `qualified for ${listOf(tiers.map((t, k) => `${t} in ${labels[k]}`))}`;
    }
    case "demote":
      return `missed ${held} criteria in ${listOf(streakLabels())}`;
    case "warning":
      return streak > 1
        ? `missed ${held} criteria in ${label(index)} (a warning: demotion takes ${plural(streak, "quarter")} in a row)`
        : `missed ${held} criteria in ${label(index)}`;
    case "hold": {
      const now = track.qualifying[index] ?? 0;
      if (now <= tierRank(held)) return `qualified for ${qualifying(index)} in ${label(index)}`;
      let run = 0;
      while (run <= index && (track.qualifying[index - run] ?? 0) > tierRank(held)) run++;
      return (
        `qualified above ${held} for ${plural(run, "quarter")} in a row to ${label(index)}; ` +
        `promotion takes ${streak}`
      );
    }
  }
}

/** Why an early exit was not due: the pipeline it shows, or a history shorter than the exit window. */
export function explainNoExit(
  history: PartnerHistory,
  index: number,
  held: Tier,
  rules: TierRules
): string {
  const window = exitWindowOf(held, rules);
  const needs = `exit takes ${plural(window, "quarter")} without pipeline`;
  for (let i = index; i >= 0 && i > index - window; i--) {
    if (history.track.pipeline[i] !== 0)
      return `pipeline in ${history.quarters[i]!.label}; ${needs}`;
  }
  return `${needs} and the history has ${index + 1}`;
}
