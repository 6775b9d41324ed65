import { choiceLookup, formatPercent, readChoice } from "./cells";

/** The seven partnership models of playbook §1.2, in the playbook's order. */
export const PARTNERSHIP_MODELS = [
  "Referral",
  "Reseller",
  "Co-Sell",
  "Implementation",
  "OEM / Embed",
  "Joint Venture",
  "Technology Alliance",
] as const;
export type PartnershipModel = (typeof PARTNERSHIP_MODELS)[number];

export const MODEL_NAMES_TEXT = PARTNERSHIP_MODELS.join(", ");

/** A model whose deals move cash between us and the partner as a share of the deal's ACV. */
export interface CashEconomics {
  readonly kind: "cash";
  readonly fee: "Referral fee" | "Reseller margin" | "Royalty";
  /** We pay a referral fee and give a reseller its margin; an OEM partner pays us a royalty. */
  readonly paidTo: "partner" | "us";
  /** What the rate applies to, as the playbook words it. */
  readonly basis: string;
  /** Fractions of ACV: 0.1 is 10%. Bounds are inclusive. */
  readonly min: number;
  readonly max: number;
  readonly defaultRate: number;
  /** The playbook gives no royalty range: where the numbers come from, for the Models sheet. */
  readonly source: "playbook" | "ours";
}

/** A model without a fee: what each side earns instead. */
export interface NoCashEconomics {
  readonly kind: "none";
  readonly reason: string;
}

export interface ModelProfile {
  readonly model: PartnershipModel;
  readonly definition: string;
  readonly bestFor: string;
  readonly revenueMechanism: string;
  readonly economics: CashEconomics | NoCashEconomics;
}

export const MODEL_PROFILES: Readonly<Record<PartnershipModel, ModelProfile>> = {
  Referral: {
    model: "Referral",
    definition: "Partner introduces leads; company closes",
    bestFor: "Boutique consultancies, niche advisors",
    revenueMechanism: "Referral fee (5–15% of ACV)",
    economics: {
      kind: "cash",
      fee: "Referral fee",
      paidTo: "partner",
      basis: "of ACV",
      min: 0.05,
      max: 0.15,
      defaultRate: 0.1,
      source: "playbook",
    },
  },
  Reseller: {
    model: "Reseller",
    definition: "Partner sells the product in their name",
    bestFor: "GSIs, regional VARs, IT distributors",
    revenueMechanism: "Reseller margin (20–40% off list)",
    economics: {
      kind: "cash",
      fee: "Reseller margin",
      paidTo: "partner",
      basis: "off list",
      min: 0.2,
      max: 0.4,
      defaultRate: 0.3,
      source: "playbook",
    },
  },
  "Co-Sell": {
    model: "Co-Sell",
    definition: "Partner and company sell together to shared accounts",
    bestFor: "Big 4, Accenture, major SIs",
    revenueMechanism: "Revenue attribution; shared quota credit",
    economics: {
      kind: "none",
      reason: "Co-Sell has no partner fee: revenue attribution and shared quota credit only",
    },
  },
  Implementation: {
    model: "Implementation",
    definition: "Partner delivers implementation; company provides product",
    bestFor: "All major consulting firms",
    revenueMechanism: "Partner earns services revenue; company earns license",
    economics: {
      kind: "none",
      reason:
        "Implementation has no partner fee: the partner earns services revenue, we earn the license",
    },
  },
  "OEM / Embed": {
    model: "OEM / Embed",
    definition: "Partner embeds your product in their offering",
    bestFor: "Product ISVs, platform vendors",
    revenueMechanism: "Royalty or per-seat fee",
    economics: {
      kind: "cash",
      fee: "Royalty",
      paidTo: "us",
      basis: "of the partner's ACV",
      min: 0.1,
      max: 0.3,
      defaultRate: 0.2,
      source: "ours",
    },
  },
  "Joint Venture": {
    model: "Joint Venture",
    definition: "Shared entity or jointly-developed solution",
    bestFor: "Strategic product firms for new market entry",
    revenueMechanism: "Joint P&L; shared IP",
    economics: {
      kind: "none",
      reason: "Joint Venture has no partner fee: a joint P&L and shared IP",
    },
  },
  "Technology Alliance": {
    model: "Technology Alliance",
    definition: "Technical integration; co-marketing only",
    bestFor: "Complementary SaaS products",
    revenueMechanism: "Co-marketing credits; no direct cash",
    economics: {
      kind: "none",
      reason: "Technology Alliance has no direct cash: co-marketing credits only",
    },
  },
};

const MODEL_LOOKUP = choiceLookup(PARTNERSHIP_MODELS, {
  OEM: "OEM / Embed",
  Embed: "OEM / Embed",
  JV: "Joint Venture",
  "Tech Alliance": "Technology Alliance",
  Alliance: "Technology Alliance",
});

/** "co-sell", "OEM", "JV", "oem/embed" → the model; anything else is undefined. */
export const readModel = (raw: unknown): PartnershipModel | undefined =>
  readChoice(raw, MODEL_LOOKUP);

/**
 * The Models sheet's Default Economics column: "Referral fee 5%–15% of ACV (default 10%)", or what the
 * model earns instead of a fee. Our royalty range says so.
 */
export function economicsText(profile: ModelProfile): string {
  const e = profile.economics;
  if (e.kind === "none") return e.reason;
  const range = `${e.fee} ${formatPercent(e.min)}–${formatPercent(e.max)} ${e.basis}`;
  const source = e.source === "ours" ? "; our range, the playbook gives none" : "";
  return `${range} (default ${formatPercent(e.defaultRate)}${source})`;
}
