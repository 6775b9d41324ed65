import { scoreBand } from "../domain/scoring";

/**
 * A score with up to 2 decimals (83.25, 71.5, 67). Rounding never carries a score across a band boundary:
 * 74.996 is Secondary, so it is shown as 74.996, not 75.
 */
export function formatScore(score: number): string {
  const band = scoreBand(score);
  for (let decimals = 2; decimals < 15; decimals++) {
    const shown = Number(score.toFixed(decimals));
    if (scoreBand(shown) === band) return String(shown);
  }
  return String(score);
}
