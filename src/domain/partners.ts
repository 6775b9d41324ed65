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

export const isPartnerType = (v: unknown): v is PartnerType =>
  typeof v === "string" && (PARTNER_TYPES as readonly string[]).includes(v);
