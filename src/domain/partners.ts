/** Partner types of the playbook's landscape (§2.1). */
export const PARTNER_TYPES = [
  "Big 4",
  "GSI",
  "Boutique",
  "Regional SI",
  "ISV/Product",
  "Long-tail",
] as const;
export type PartnerType = (typeof PARTNER_TYPES)[number];

/**
 * Each partner type as a sentence says it. The short codes stay in cells and drop-downs, where an analyst filters
 * by them; generated prose (the thesis) uses these words.
 */
export const PARTNER_TYPE_WORDS: Readonly<Record<PartnerType, string>> = {
  "Big 4": "Big 4 firms",
  GSI: "global systems integrators",
  Boutique: "boutique consultancies",
  "Regional SI": "regional systems integrators",
  "ISV/Product": "product vendors",
  "Long-tail": "long-tail partners",
};

export const isPartnerType = (v: unknown): v is PartnerType =>
  typeof v === "string" && (PARTNER_TYPES as readonly string[]).includes(v);
