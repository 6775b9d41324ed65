/**
 * Deterministic quarterly data for tests and `npm run bench`: partners whose figures drift from quarter to
 * quarter and whose recorded tiers follow the movement rules, with a little noise (about 1% mistyped
 * tiers, 0.5% unreadable pipeline cells, 0.5% missing quarters). Free of jest so the bench can import it.
 */
import { formatQuarter, quarterFromOrdinal } from "../../../../src/domain/quarters";
import {
  DEFAULT_TIER_RULES,
  EXITED,
  QuarterlyRow,
  RecordedTier,
  tierAfter,
  TIERS,
  tierStatus,
} from "../../../../src/domain/tiers";
import { QuarterLine, quarterlyRow } from "./rows";

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST_QUARTER = 2024 * 4;

/** The rows of generateProgramRows as values, one at a time: a file of a million rows is written without holding them. */
export function* generateProgramLines(
  partners: number,
  quarters: number,
  seed: number
): Generator<QuarterLine> {
  const rnd = random(seed);
  for (let p = 0; p < partners; p++) {
    const name = `Partner ${String(p + 1).padStart(5, "0")}`;
    let level = rnd() * 2_600_000;
    let people = Math.floor(rnd() * 7);
    const practice = rnd() < 0.3;
    const pipelines: number[] = [];
    const certifieds: number[] = [];
    const practices: boolean[] = [];
    let tier: RecordedTier = TIERS[Math.floor(rnd() * TIERS.length)]!;
    for (let q = 0; q < quarters; q++) {
      if (rnd() < 0.1) level = Math.max(0, level * (0.4 + rnd()));
      const pipeline = rnd() < 0.05 ? 0 : Math.round((level / 4) * (0.7 + rnd() * 0.6));
      people = Math.max(0, people + (rnd() < 0.2 ? (rnd() < 0.5 ? -1 : 1) : 0));
      pipelines.push(pipeline);
      certifieds.push(people);
      practices.push(practice);
      if (rnd() < 0.005) continue;

      const noise = rnd();
      const line: QuarterLine = {
        partner: name,
        quarter: formatQuarter(quarterFromOrdinal(FIRST_QUARTER + q)),
        pipeline: noise > 0.995 ? "n/a" : pipeline,
        sourced: Math.round(pipeline * 0.2),
        influenced: Math.round(pipeline * 0.1),
        certified: people,
        practice: practice ? "Yes" : "No",
        activities: Math.floor(rnd() * 3),
        review: rnd() < 0.8,
        tier: noise < 0.01 ? TIERS[Math.floor(rnd() * TIERS.length)]! : tier,
      };
      yield line;
      if (tier === EXITED) continue;
      const status = tierStatus(tier, pipelines, certifieds, practices, DEFAULT_TIER_RULES);
      if (status.ok) tier = tierAfter(tier, status.value);
    }
  }
}

export function generateProgramRows(
  partners: number,
  quarters: number,
  seed: number
): QuarterlyRow[] {
  const rows: QuarterlyRow[] = [];
  for (const line of generateProgramLines(partners, quarters, seed)) {
    rows.push(quarterlyRow(line, rows.length + 2));
  }
  return rows;
}
