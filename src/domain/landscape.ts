import {
  choiceLookup,
  compareDays,
  DateProblem,
  describeDateProblem,
  formatDate,
  isBlank,
  isEmptyRow,
  readChoice,
  readDate,
  readText,
} from "./cells";
import { Finding, FindingsCollector, RawCell, showValue } from "./findings";
import { MODEL_NAMES_TEXT, readModel } from "./models";
import { PARTNER_TYPES, PartnerType } from "./partners";
import { Result } from "./result";
import { Band } from "./scoring";
import { Tier } from "./tiers/tier";
import { readFlag } from "./tiers/values";
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
  statusSince: "Status Since",
  inbound: "Inbound",
  lockedTo: "Locked to Competitor",
} as const;

/** One row of tblLandscape as read; a column the table lacks is undefined. */
export interface LandscapeRow {
  readonly partner: RawCell;
  readonly type?: RawCell;
  readonly tier?: RawCell;
  readonly model?: RawCell;
  readonly status?: RawCell;
  /** The date the status was last changed, where the analyst records it. */
  readonly statusSince?: RawCell;
  /** Yes when the partner came to us (inbound) rather than being recruited. */
  readonly inbound?: RawCell;
  readonly lockedTo?: RawCell;
}

/** The status of a landscape row when it is readable and beyond Prospect: recruitment has started. */
function recruitedStatus(row: LandscapeRow): PartnerStatus | undefined {
  const status = row.status === undefined ? undefined : readPartnerStatus(row.status.value);
  return status !== undefined && isBeyondProspect(status) ? status : undefined;
}

/**
 * The landscape's rules: known partner types, tiers, models and statuses ("landscape.bad-value"), one row
 * per partner ("landscape.duplicate-partner"), and the playbook's first quality rule: no partner beyond
 * Prospect without a signed-off thesis, nor one whose Status Since is before the sign-off date
 * ("quality.thesis-before-recruitment", at the partner's status). Rows with nothing in them are skipped.
 */
export function checkLandscape(
  rows: readonly LandscapeRow[],
  signOff: ThesisSignOff | undefined,
  sheet: string
): Finding[] {
  const { report, findings } = new FindingsCollector(sheet);
  const seen = new Map<string, string>();
  for (const row of rows) {
    if (isBlankRow(row)) continue;
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
    const since = readStatusSince(row);
    if (since !== undefined && !since.ok) {
      report(
        "error",
        "landscape.bad-value",
        row.statusSince!,
        `${name}: ${describeDateProblem(since.error, LANDSCAPE_COLUMNS.statusSince)}`
      );
    }
    const status = recruitedStatus(row);
    if (status === undefined) continue;
    const never = "never start partner recruitment without a signed-off thesis";
    if (signOff === undefined) {
      report(
        "error",
        "quality.thesis-before-recruitment",
        row.status!,
        `${name} is ${status} but the partnership thesis is not signed off: ${never}`
      );
    } else if (since?.ok && compareDays(since.value, signOff.date) < 0) {
      report(
        "error",
        "quality.thesis-before-recruitment",
        row.statusSince!,
        `${name} became ${status} on ${formatDate(since.value)}, before the thesis was signed off on ${formatDate(signOff.date)}: ${never}`
      );
    }
  }
  return findings;
}

const isBlankRow = (row: LandscapeRow): boolean =>
  isEmptyRow([
    row.partner,
    row.type,
    row.tier,
    row.model,
    row.status,
    row.statusSince,
    row.inbound,
    row.lockedTo,
  ]);

/** The Status Since date, undefined when the column is absent or the cell blank. */
function readStatusSince(row: LandscapeRow): Result<Date, DateProblem> | undefined {
  if (row.statusSince === undefined || isBlank(row.statusSince.value)) return undefined;
  return readDate(row.statusSince.value);
}

function cameInbound(row: LandscapeRow): boolean {
  const inbound = readFlag(row.inbound?.value);
  return inbound.ok && inbound.value;
}

/**
 * The scoring rules of recruitment (§2.2), for each partner beyond Prospect: it is rated on the Scoring sheet
 * ("scoring.unrated"); an Opportunistic partner came inbound ("scoring.opportunistic-inbound": "inbound
 * only"); a Secondary partner is recruited only once a Priority partner is Signed or Active
 * ("scoring.secondary-first": "after the Priority tier is active"). All warnings, at the partner's status.
 * `bands` holds each rated partner's band by lower-case name.
 */
export function checkRecruitment(
  rows: readonly LandscapeRow[],
  bands: ReadonlyMap<string, Band>,
  sheet: string
): Finding[] {
  const { report, findings } = new FindingsCollector(sheet);
  const recruited = rows.flatMap((row) => {
    const status = recruitedStatus(row);
    const partner = readText(row.partner.value);
    if (status === undefined || partner === undefined) return [];
    return [{ row, status, partner, band: bands.get(partner.toLowerCase()) }];
  });
  const priorityActive = recruited.some(
    (r) => r.band === "Priority" && (r.status === "Signed" || r.status === "Active")
  );
  for (const { row, status, partner, band } of recruited) {
    const at = row.status!;
    if (band === undefined) {
      report(
        "warning",
        "scoring.unrated",
        at,
        `${partner} is ${status} but not yet rated on the Scoring sheet: score a partner before recruiting it`
      );
    } else if (band === "Opportunistic" && !cameInbound(row)) {
      report(
        "warning",
        "scoring.opportunistic-inbound",
        row.inbound ?? at,
        `${partner} is Opportunistic and ${status}, but did not come inbound: Opportunistic partners are taken inbound only`
      );
    } else if (band === "Secondary" && !priorityActive) {
      report(
        "warning",
        "scoring.secondary-first",
        at,
        `${partner} is Secondary and ${status} while no Priority partner is Signed or Active: recruit after the Priority tier is active`
      );
    }
  }
  return findings;
}
