/** The playbook's tiers (§3.1), lowest first: a tier's index is its rank. */
export const TIERS = ["Registered", "Silver", "Gold", "Platinum"] as const;
export type Tier = (typeof TIERS)[number];

/** The tiers highest first, as the playbook and the Tiers sheet list them. */
export const TIERS_HIGHEST_FIRST: readonly Tier[] = [...TIERS].reverse();

/** The tiers that have criteria: Registered is what a partner is when it meets none. */
export type RankedTier = Exclude<Tier, "Registered">;
export const RANKED_TIERS: readonly RankedTier[] = ["Silver", "Gold", "Platinum"];

/** What a quarter's Recorded Tier cell may hold besides a tier, once the partnership has ended. */
export const EXITED = "Exited" as const;
export type RecordedTier = Tier | typeof EXITED;

export const tierRank = (tier: Tier): number => TIERS.indexOf(tier);

/** The tier of a rank from 0 (Registered) to 3 (Platinum). */
export const tierOfRank = (rank: number): Tier =>
  TIERS[Math.max(0, Math.min(TIERS.length - 1, rank))]!;

const BY_NAME: ReadonlyMap<string, RecordedTier> = new Map<string, RecordedTier>(
  [...TIERS, EXITED].map((t): [string, RecordedTier] => [t.toLowerCase(), t])
);

/** "gold", " GOLD " → "Gold"; "Exited" too; anything else is undefined. */
export function readRecordedTier(raw: unknown): RecordedTier | undefined {
  return typeof raw === "string" ? BY_NAME.get(raw.trim().toLowerCase()) : undefined;
}

/** A tier name, case-insensitive; "Exited" is not a tier. */
export function readTier(raw: unknown): Tier | undefined {
  const t = readRecordedTier(raw);
  return t === EXITED ? undefined : t;
}

export const TIER_NAMES_TEXT = "Platinum, Gold, Silver or Registered";
