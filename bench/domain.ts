import { attractivenessScore, Ratings } from "../src/domain/scoring";
import { DEFAULT_TIER_RULES, validateProgram } from "../src/domain/tiers";
import { generateProgramRows } from "../test/unit/domain/tiers/generate";
import { medianMs, Runs } from "./measure";
import { Figure } from "./report";

const count = (n: number): string => n.toLocaleString("en-US");

export async function domain(
  scores: number,
  partners: number,
  quarters: number,
  runs: Runs
): Promise<Figure[]> {
  const ratings: Ratings[] = Array.from({ length: scores }, (_, i) => [
    i % 101,
    (i * 7) % 101,
    (i * 13) % 101,
    (i * 17) % 101,
    (i * 31) % 101,
  ]);
  // The scores feed a sum that is checked, so the engine cannot drop the work as unused.
  let sink = 0;
  const scoreMs = await medianMs(
    "domain.score1mMs",
    runs.fast,
    () => {
      for (const r of ratings) sink += attractivenessScore(r);
    },
    runs.warmUp
  );
  if (!Number.isFinite(sink)) throw new Error("scores were not finite");

  const rows = generateProgramRows(partners, quarters, 1);
  const validateMs = await medianMs(
    "domain.validate10kx12Ms",
    runs.fast,
    () => validateProgram(rows, DEFAULT_TIER_RULES, { sheet: "Quarterly" }),
    runs.warmUp
  );
  return [
    {
      key: "domain.score1mMs",
      what: `Domain: ${count(scores)} attractiveness scores`,
      value: scoreMs,
      unit: "ms",
      budget: 200,
      runs: runs.fast,
    },
    {
      key: "domain.validate10kx12Ms",
      what: `Domain: validate ${count(partners)} partners × ${quarters} quarters`,
      value: validateMs,
      unit: "ms",
      budget: 250,
      runs: runs.fast,
    },
  ];
}
