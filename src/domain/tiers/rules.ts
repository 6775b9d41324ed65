import { roundCents } from "../money";
import { RankedTier, Tier, TIERS } from "./tier";

/** What a quarter must show to qualify for a tier (playbook §3.1). */
export interface TierCriteria {
  /** Annual pipeline, in dollars, at least. */
  readonly pipeline: number;
  readonly certified: number;
  readonly dedicatedPractice: boolean;
}

/** What a partner commits to while it holds a tier; an absent field is no commitment. */
export interface TierCommitments {
  /** A business review at least once every this many quarters (Platinum's QBR: 1). */
  readonly reviewEveryQuarters?: number;
  /** Joint go-to-market activities (Silver: joint webinars) in each year of the quarter labels. */
  readonly jointActivitiesPerYear?: number;
}

/**
 * "trailing-four-quarters": the sum of the last four quarters, annualised (× 4/n) while fewer than four
 * quarters of history exist. "annualised-quarter": the quarter alone × 4.
 */
export type PipelineMode = "trailing-four-quarters" | "annualised-quarter";
export const PIPELINE_MODES: readonly PipelineMode[] = [
  "trailing-four-quarters",
  "annualised-quarter",
];

/** Every setting of the tier framework, as the Tiers sheet holds them. Built by DEFAULT_TIER_RULES or parseTierRules. */
export interface TierRules {
  /** Registered has no criteria: it is what a partner meeting no other tier's criteria qualifies for. */
  readonly criteria: Readonly<Record<RankedTier, TierCriteria>>;
  readonly commitments: Readonly<Record<Tier, TierCommitments>>;
  readonly pipelineMode: PipelineMode;
  /** Quarters without pipeline that end a partnership (playbook: 12 months). */
  readonly exitWindow: number;
  /** The same for Registered partners (playbook: 6 months). */
  readonly registeredExitWindow: number;
  /** Consecutive quarters above (below) a tier's criteria that promote (demote). */
  readonly movementStreak: number;
}

export const DEFAULT_TIER_RULES: TierRules = {
  criteria: {
    Platinum: { pipeline: 2_000_000, certified: 5, dedicatedPractice: true },
    Gold: { pipeline: 500_000, certified: 3, dedicatedPractice: false },
    Silver: { pipeline: 100_000, certified: 1, dedicatedPractice: false },
  },
  commitments: {
    Platinum: { reviewEveryQuarters: 1, jointActivitiesPerYear: 4 },
    Gold: { reviewEveryQuarters: 2, jointActivitiesPerYear: 2 },
    Silver: { reviewEveryQuarters: 4, jointActivitiesPerYear: 1 },
    Registered: {},
  },
  pipelineMode: "trailing-four-quarters",
  exitWindow: 4,
  registeredExitWindow: 2,
  movementStreak: 2,
};

/** The playbook's words for each tier (§3.1), for the Tiers sheet's Benefits and Commitments columns. */
export const TIER_PLAYBOOK: Readonly<
  Record<Tier, { readonly benefits: readonly string[]; readonly commitments: readonly string[] }>
> = {
  Platinum: {
    benefits: [
      "Dedicated Partner Account Manager (PAM)",
      "Top MDF allocation",
      "Executive-to-executive relationships (CPO ↔ VP Alliance at partner)",
      "Early product access (beta program)",
      "Co-branded marketing campaigns",
      "Premium placement in partner directory",
      "Joint PR and press release on major wins",
    ],
    commitments: [
      "Joint business plan (signed by VP+)",
      "Quarterly Business Review (QBR)",
      "Minimum 4 joint go-to-market activities per year",
      "Named PAM at the partner firm",
    ],
  },
  Gold: {
    benefits: [
      "PAM shared across 3–5 Gold partners",
      "MDF allocation",
      "Access to partner portal and deal registration",
      "Joint webinars and co-marketing",
      "Partner directory listing",
    ],
    commitments: [
      "Semi-annual business review",
      "Minimum 2 joint go-to-market activities per year",
      "Deal registration within 5 business days",
    ],
  },
  Silver: {
    benefits: ["Partner portal access", "Training and certification", "Deal registration"],
    commitments: ["Annual review", "1 joint webinar per year"],
  },
  Registered: {
    benefits: ["Limited deal registration", "Self-serve training access"],
    commitments: [],
  },
};

/** A tier's benefits as the Tiers sheet's Benefits cell writes them. */
export const playbookBenefits = (tier: Tier): string => TIER_PLAYBOOK[tier].benefits.join("; ");

/** Every quarter counts as a quarter of the year, so fewer than four are scaled up to a year. */
const QUARTERS_PER_YEAR = 4;

/**
 * The annual pipeline compared with the tier targets at quarter `index` of a partner's history (its first
 * quarter is 0), in whole cents; undefined when a quarter it needs is unreadable.
 */
export function annualPipelineAt(
  quarterly: readonly (number | undefined)[],
  index: number,
  mode: PipelineMode
): number | undefined {
  const from = mode === "annualised-quarter" ? index : Math.max(0, index - QUARTERS_PER_YEAR + 1);
  let sum = 0;
  for (let i = from; i <= index; i++) {
    const value = quarterly[i];
    if (value === undefined) return undefined;
    sum += value;
  }
  return roundCents((sum * QUARTERS_PER_YEAR) / (index - from + 1));
}

export function meetsCriteria(
  criteria: TierCriteria,
  pipeline: number,
  certified: number,
  practice: boolean
): boolean {
  return (
    pipeline >= criteria.pipeline &&
    certified >= criteria.certified &&
    (practice || !criteria.dedicatedPractice)
  );
}

/** The highest tier whose criteria are all met, as a rank (0 = Registered). */
export function qualifyingRank(
  pipeline: number,
  certified: number,
  practice: boolean,
  rules: TierRules
): number {
  for (let rank = TIERS.length - 1; rank > 0; rank--) {
    const criteria = rules.criteria[TIERS[rank] as RankedTier];
    if (meetsCriteria(criteria, pipeline, certified, practice)) return rank;
  }
  return 0;
}
