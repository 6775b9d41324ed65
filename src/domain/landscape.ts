import { choiceLookup, isBlank, readChoice, readText } from "./cells";
import { Finding, RawCell, showValue } from "./findings";
import { MODEL_NAMES_TEXT, readModel } from "./models";
import { PARTNER_TYPES, PartnerType } from "./partners";
import { Tier } from "./tiers/tier";
import { ThesisSignOff } from "./thesis";

/** The landscape's strategic tiers (§2.1) and the program tier each is recruited for. */
export const LANDSCAPE_TIERS = ["A", "B", "C"] as const;
export type LandscapeTier = (typeof LANDSCAPE_TIERS)[number];

export const LANDSCAPE_TIER_PROFILES: Readonly<
  Record<LandscapeTier, { readonly name: string; readonly target: Tier; readonly approach: string }>
> = {
  A: {
    name: "Strategic Partners",
    target: "Platinum",
    approach: "Big 4 consulting and global systems integrators",
  },
  B: {
    name: "Growth Partners",
    target: "Gold",
    approach: "Vertical boutiques, regional and mid-market SIs, product and ISV partners",
  },
  C: {
    name: "Long-Tail / Registered Partners",
    target: "Registered",
    approach: "Self-serve partner portal; automated onboarding; minimal investment",
  },
};

const TIER_LOOKUP = choiceLookup(LANDSCAPE_TIERS, {
  "Tier A": "A",
  "Tier B": "B",
  "Tier C": "C",
  Strategic: "A",
  Growth: "B",
  "Long-tail": "C",
});

/** "A", "tier b", "Strategic" → the landscape tier. */
export const readLandscapeTier = (raw: unknown): LandscapeTier | undefined =>
  readChoice(raw, TIER_LOOKUP);

/** Where a landscape partner is in recruitment, in order. */
export const PARTNER_STATUSES = ["Prospect", "Recruiting", "Signed", "Active", "Exited"] as const;
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];

const STATUS_LOOKUP = choiceLookup(PARTNER_STATUSES);
export const readPartnerStatus = (raw: unknown): PartnerStatus | undefined =>
  readChoice(raw, STATUS_LOOKUP);

const TYPE_LOOKUP = choiceLookup(PARTNER_TYPES);
export const readPartnerType = (raw: unknown): PartnerType | undefined =>
  readChoice(raw, TYPE_LOOKUP);

/** Recruitment has started for any status after Prospect (an exited partner was recruited once). */
export const isBeyondProspect = (status: PartnerStatus): boolean => status !== "Prospect";

/** A partner of the landscape as the playbook names it. */
export interface LandscapeEntry {
  readonly partner: string;
  readonly type: PartnerType;
  readonly tier: LandscapeTier;
  readonly practice: string;
}

/** The firms §2.1 names, with the practices it names (blank where it leaves a placeholder). */
export const PLAYBOOK_LANDSCAPE: readonly LandscapeEntry[] = [
  { partner: "Deloitte", type: "Big 4", tier: "A", practice: "Digital, Risk, Technology" },
  { partner: "PwC", type: "Big 4", tier: "A", practice: "Consulting, Digital Services" },
  { partner: "EY", type: "Big 4", tier: "A", practice: "Technology Consulting" },
  { partner: "KPMG", type: "Big 4", tier: "A", practice: "Advisory, Technology" },
  { partner: "Accenture", type: "GSI", tier: "A", practice: "" },
  { partner: "Cognizant", type: "GSI", tier: "A", practice: "" },
  { partner: "Infosys", type: "GSI", tier: "A", practice: "" },
  { partner: "TCS", type: "GSI", tier: "A", practice: "" },
  { partner: "Wipro", type: "GSI", tier: "A", practice: "" },
];

/** Headers of tblLandscape, in the sheet's order. */
export const LANDSCAPE_COLUMNS = {
  partner: "Partner",
  type: "Type",
  tier: "Target Tier",
  practice: "Practice",
  geography: "Geography",
  model: "Model",
  status: "Status",
  lockedTo: "Locked to Competitor",
} as const;

/** One row of tblLandscape as read; a column the table lacks is undefined. */
export interface LandscapeRow {
  readonly partner: RawCell;
  readonly type?: RawCell;
  readonly tier?: RawCell;
  readonly model?: RawCell;
  readonly status?: RawCell;
  readonly lockedTo?: RawCell;
}

/**
 * The landscape's rules: known partner types, tiers, models and statuses ("landscape.bad-value"), one row
 * per partner ("landscape.duplicate-partner"), and the playbook's first quality rule: no partner beyond
 * Prospect without a signed-off thesis ("quality.thesis-before-recruitment", at the partner's status).
 * Rows with nothing in them are skipped.
 */
export function checkLandscape(
  rows: readonly LandscapeRow[],
  signOff: ThesisSignOff | undefined,
  sheet: string
): Finding[] {
  const findings: Finding[] = [];
  const report = (severity: Finding["severity"], rule: string, cell: RawCell, message: string) =>
    findings.push({ severity, rule, sheet, cell: cell.cell, message });
  const seen = new Map<string, string>();
  for (const row of rows) {
    const cells = [row.partner, row.type, row.tier, row.model, row.status, row.lockedTo];
    if (cells.every((c) => c === undefined || isBlank(c.value))) continue;
    const partner = readText(row.partner.value);
    if (partner === undefined) {
      report("error", "landscape.bad-value", row.partner, "the partner's name is blank");
    } else {
      const key = partner.toLowerCase();
      const first = seen.get(key);
      if (first !== undefined) {
        report(
          "error",
          "landscape.duplicate-partner",
          row.partner,
          `${partner} appears twice (first at ${first}): keep one row per partner`
        );
      } else seen.set(key, row.partner.cell);
    }
    const name = partner ?? `the partner at ${row.partner.cell}`;
    const choice = (
      cell: RawCell | undefined,
      read: (raw: unknown) => unknown,
      what: string,
      choices: string
    ) => {
      if (cell !== undefined && !isBlank(cell.value) && read(cell.value) === undefined) {
        report(
          "error",
          "landscape.bad-value",
          cell,
          `${name}: ${showValue(cell.value)} is not a ${what}; use ${choices}`
        );
      }
    };
    choice(row.type, readPartnerType, "partner type", PARTNER_TYPES.join(", "));
    choice(row.tier, readLandscapeTier, "target tier", LANDSCAPE_TIERS.join(", "));
    choice(row.model, readModel, "partnership model", MODEL_NAMES_TEXT);
    choice(row.status, readPartnerStatus, "status", PARTNER_STATUSES.join(", "));
    const status = row.status === undefined ? undefined : readPartnerStatus(row.status.value);
    if (
      row.status !== undefined &&
      status !== undefined &&
      isBeyondProspect(status) &&
      signOff === undefined
    ) {
      report(
        "error",
        "quality.thesis-before-recruitment",
        row.status,
        `${name} is ${status} but the partnership thesis is not signed off: never start partner recruitment without a signed-off thesis`
      );
    }
  }
  return findings;
}
