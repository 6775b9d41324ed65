import { CompanyArrRow } from "../domain/attribution";
import { formatQuarterOrdinal, parseQuarter, quarterOrdinal } from "../domain/quarters";
import { RecordedTier } from "../domain/tiers";

/** One row of tblQuarterly: a partner's figures for one quarter and the tier it was recorded in. */
export interface SampleQuarter {
  readonly partner: string;
  /** "2026-Q1". */
  readonly quarter: string;
  /** This quarter's pipeline (not annual). */
  readonly pipeline: number;
  readonly sourcedArr: number;
  readonly influencedArr: number;
  readonly certified: number;
  readonly dedicatedPractice: boolean;
  readonly jointGtmActivities: number;
  readonly businessReviewHeld: boolean;
  readonly recordedTier: RecordedTier;
}

/** pipeline, certified, dedicated practice, joint GTM activities, business review held, recorded tier. */
type Line = readonly [number, number, boolean, number, boolean, RecordedTier];

const Y = true;
const N = false;

/**
 * A partner's quarters from `first` on, one line each. Sourced and influenced ARR are shares of the
 * quarter's pipeline, rounded to $1,000: they decorate the data (the tier rules never read them).
 */
function partner(
  name: string,
  first: string,
  shares: { readonly sourced: number; readonly influenced: number },
  lines: readonly Line[]
): SampleQuarter[] {
  const start = parseQuarter(first);
  if (!start.ok) throw new Error(`sample: ${first} is not a quarter`);
  const ordinal = quarterOrdinal(start.value);
  const thousands = (x: number): number => Math.round(x / 1000) * 1000;
  return lines.map(([pipeline, certified, practice, activities, review, tier], i) => ({
    partner: name,
    quarter: formatQuarterOrdinal(ordinal + i),
    pipeline,
    sourcedArr: thousands(pipeline * shares.sourced),
    influencedArr: thousands(pipeline * shares.influenced),
    certified,
    dedicatedPractice: practice,
    jointGtmActivities: activities,
    businessReviewHeld: review,
    recordedTier: tier,
  }));
}

/**
 * The built-in quarterly history, 2024-Q4 to 2026-Q3, designed so that validation with the playbook's
 * default rules shows every status and both kinds of enforcement failure. Annual pipeline is the trailing
 * four quarters' sum (annualised × 4/n while a partner has fewer than four quarters).
 *
 * - Accenture: Platinum throughout, Hold.
 * - Deloitte: Gold; launches a dedicated practice, qualifies for Platinum in 2026-Q1 and 2026-Q2, promoted
 *   at the 2026-Q2 review and recorded Platinum in 2026-Q3.
 * - Cognizant: Platinum; falls to 4 certified in 2025-Q3 (Warning) and 2025-Q4 (Demote to Gold), recorded
 *   Gold from 2026-Q1.
 * - PwC: Platinum; pipeline falls below $2M a year in 2025-Q4 (Warning) and 2026-Q1 (Demote to Gold) but
 *   is still recorded Platinum in 2026-Q2 and 2026-Q3: two errors, the playbook's "tier criteria must be
 *   enforced". Its action is Demote to Gold.
 * - Quarry Point Analytics: Silver; qualifies for Gold in 2025-Q4 only and is recorded Gold in 2026-Q1, a
 *   quarter early (one error); qualifies again in 2026-Q1, so Gold is right from 2026-Q2.
 * - Kestrel Data Platform: joins 2025-Q1 as Silver; qualifies for Gold in 2026-Q2 and 2026-Q3: Promote to
 *   Gold now.
 * - Northwind Risk Advisory: Gold; down to 2 certified in 2026-Q3: Warning now.
 * - Infosys: Gold; pipeline collapses in 2026-Q2 (Warning) and 2026-Q3: Demote to Silver now.
 * - Copperleaf Compliance Group: Gold, Hold; no business review in 2026-Q2 or 2026-Q3 (a warning: Gold
 *   commits to one every 2 quarters).
 * - Ledgerline Software: joins 2026-Q1 as Registered; qualifies for Silver in 2026-Q3 only: Hold.
 * - Pinecrest IT Services: Registered; no pipeline in 2026-Q2 and 2026-Q3: Exit now.
 * - Saltmarsh Digital: Registered; no pipeline in 2025-Q2 and 2025-Q3, exited at the 2025-Q3 review and
 *   recorded Exited in 2025-Q4.
 */
export const SAMPLE_QUARTERS: readonly SampleQuarter[] = [
  ...partner("Accenture", "2024-Q4", { sourced: 0.3, influenced: 0.2 }, [
    [620_000, 8, Y, 1, Y, "Platinum"],
    [650_000, 8, Y, 1, Y, "Platinum"],
    [700_000, 9, Y, 2, Y, "Platinum"],
    [680_000, 9, Y, 1, Y, "Platinum"],
    [720_000, 9, Y, 1, Y, "Platinum"],
    [750_000, 10, Y, 2, Y, "Platinum"],
    [730_000, 10, Y, 1, Y, "Platinum"],
    [760_000, 10, Y, 1, Y, "Platinum"],
  ]),
  ...partner("Deloitte", "2024-Q4", { sourced: 0.25, influenced: 0.25 }, [
    [280_000, 4, N, 0, Y, "Gold"],
    [300_000, 4, N, 1, Y, "Gold"],
    [320_000, 4, N, 0, N, "Gold"],
    [450_000, 5, Y, 1, Y, "Gold"],
    [600_000, 5, Y, 1, Y, "Gold"],
    [650_000, 6, Y, 1, Y, "Gold"],
    [700_000, 6, Y, 1, Y, "Gold"],
    [720_000, 6, Y, 1, Y, "Platinum"],
  ]),
  ...partner("Cognizant", "2024-Q4", { sourced: 0.2, influenced: 0.15 }, [
    [550_000, 5, Y, 1, Y, "Platinum"],
    [540_000, 5, Y, 1, Y, "Platinum"],
    [560_000, 5, Y, 1, Y, "Platinum"],
    [550_000, 4, Y, 1, Y, "Platinum"],
    [530_000, 4, Y, 1, Y, "Platinum"],
    [520_000, 4, Y, 1, Y, "Gold"],
    [540_000, 4, Y, 0, N, "Gold"],
    [560_000, 4, Y, 1, Y, "Gold"],
  ]),
  ...partner("PwC", "2024-Q4", { sourced: 0.3, influenced: 0.1 }, [
    [600_000, 6, Y, 1, Y, "Platinum"],
    [560_000, 6, Y, 1, Y, "Platinum"],
    [520_000, 6, Y, 1, Y, "Platinum"],
    [400_000, 6, Y, 1, Y, "Platinum"],
    [300_000, 6, Y, 1, Y, "Platinum"],
    [280_000, 6, Y, 1, Y, "Platinum"],
    [350_000, 6, Y, 1, Y, "Platinum"],
    [380_000, 6, Y, 1, Y, "Platinum"],
  ]),
  ...partner("Quarry Point Analytics", "2024-Q4", { sourced: 0.4, influenced: 0.1 }, [
    [60_000, 3, N, 0, N, "Silver"],
    [70_000, 3, N, 0, Y, "Silver"],
    [80_000, 3, N, 1, N, "Silver"],
    [90_000, 3, N, 0, N, "Silver"],
    [280_000, 3, N, 0, Y, "Silver"],
    [200_000, 3, N, 1, Y, "Gold"],
    [180_000, 3, N, 1, N, "Gold"],
    [170_000, 3, N, 0, Y, "Gold"],
  ]),
  ...partner("Kestrel Data Platform", "2025-Q1", { sourced: 0.5, influenced: 0.1 }, [
    [50_000, 1, N, 0, N, "Silver"],
    [60_000, 1, N, 1, Y, "Silver"],
    [70_000, 2, N, 0, N, "Silver"],
    [80_000, 2, N, 0, N, "Silver"],
    [150_000, 3, N, 1, Y, "Silver"],
    [210_000, 3, N, 1, N, "Silver"],
    [230_000, 4, N, 1, N, "Silver"],
  ]),
  ...partner("Northwind Risk Advisory", "2024-Q4", { sourced: 0.35, influenced: 0.15 }, [
    [150_000, 4, N, 1, Y, "Gold"],
    [140_000, 4, N, 0, Y, "Gold"],
    [160_000, 4, N, 1, N, "Gold"],
    [150_000, 4, N, 0, Y, "Gold"],
    [170_000, 4, N, 1, Y, "Gold"],
    [160_000, 4, N, 0, Y, "Gold"],
    [150_000, 3, N, 1, N, "Gold"],
    [155_000, 2, N, 0, Y, "Gold"],
  ]),
  ...partner("Infosys", "2024-Q4", { sourced: 0.25, influenced: 0.2 }, [
    [140_000, 3, N, 1, Y, "Gold"],
    [150_000, 3, N, 0, Y, "Gold"],
    [130_000, 3, N, 1, Y, "Gold"],
    [140_000, 3, N, 0, Y, "Gold"],
    [150_000, 3, N, 1, Y, "Gold"],
    [135_000, 3, N, 0, Y, "Gold"],
    [40_000, 3, N, 0, Y, "Gold"],
    [30_000, 3, N, 0, Y, "Gold"],
  ]),
  ...partner("Copperleaf Compliance Group", "2024-Q4", { sourced: 0.45, influenced: 0.1 }, [
    [160_000, 3, N, 0, Y, "Gold"],
    [170_000, 3, N, 1, Y, "Gold"],
    [150_000, 3, N, 0, N, "Gold"],
    [165_000, 3, N, 1, Y, "Gold"],
    [175_000, 3, N, 0, Y, "Gold"],
    [160_000, 3, N, 1, Y, "Gold"],
    [170_000, 3, N, 0, N, "Gold"],
    [180_000, 3, N, 1, N, "Gold"],
  ]),
  ...partner("Ledgerline Software", "2026-Q1", { sourced: 0.5, influenced: 0 }, [
    [30_000, 0, N, 0, N, "Registered"],
    [30_000, 0, N, 0, N, "Registered"],
    [45_000, 1, N, 1, Y, "Registered"],
  ]),
  ...partner("Pinecrest IT Services", "2024-Q4", { sourced: 0.6, influenced: 0 }, [
    [15_000, 0, N, 0, N, "Registered"],
    [12_000, 0, N, 0, N, "Registered"],
    [10_000, 0, N, 0, N, "Registered"],
    [18_000, 0, N, 0, N, "Registered"],
    [8_000, 0, N, 0, N, "Registered"],
    [5_000, 0, N, 0, N, "Registered"],
    [0, 0, N, 0, N, "Registered"],
    [0, 0, N, 0, N, "Registered"],
  ]),
  ...partner("Saltmarsh Digital", "2024-Q4", { sourced: 0.6, influenced: 0 }, [
    [10_000, 0, N, 0, N, "Registered"],
    [8_000, 0, N, 0, N, "Registered"],
    [0, 0, N, 0, N, "Registered"],
    [0, 0, N, 0, N, "Registered"],
    [0, 0, N, 0, N, "Exited"],
  ]),
];

/**
 * The sample company's new ARR booked in each quarter of the quarterly history, all channels: $3.8M in 2024-Q4
 * rising by $100K a quarter to $4.5M in 2026-Q3, so that the partners' sourced ARR is 19%–22% of it (influenced
 * 11%–12%). That is fast growth for a company at $20M of Current ARR (about $17M booked in the last four quarters),
 * because the sample's partner ARR is large for its size. Later quarters are left for the analyst to type.
 */
export const SAMPLE_COMPANY_ARR: readonly CompanyArrRow[] = [
  ...new Set(SAMPLE_QUARTERS.map((q) => q.quarter)),
]
  .sort()
  .map((quarter, i) => ({ quarter, companyArr: 3_800_000 + 100_000 * i }));
