import { COMPETITOR_COLUMNS } from "../domain/competitors";
import { DEAL_REGISTRATION_COLUMNS } from "../domain/dealRegistrations";
import { MDF_ALLOCATION_COLUMNS, MDF_CLAIM_COLUMNS } from "../domain/mdf";
import { DECISION_LOG_COLUMNS } from "../domain/decisions";
import { EXECUTIVE_COLUMNS } from "../domain/executives";
import { LANDSCAPE_COLUMNS } from "../domain/landscape";
import { CRITERIA } from "../domain/scoring";
import { QUARTERLY_COLUMNS } from "../domain/tiers";
import { MONEY_FORMAT } from "./styles";
import { ATTRIBUTION_COLUMNS, TBL_ATTRIBUTION } from "./attributionSheet";
import { TBL_COMPETITORS } from "./competitorsSheet";
import { DATE_FORMAT, TIMESTAMP_FORMAT } from "./dates";
import { TBL_DEAL_REGISTRATIONS } from "./dealRegistrationsSheet";
import { TBL_DECISIONS } from "./decisionsSheet";
import { TBL_MDF_ALLOCATIONS, TBL_MDF_CLAIMS } from "./mdfSheet";
import { TBL_EXECUTIVES } from "./executivesSheet";
import { MODEL_BY_TYPE, TBL_LANDSCAPE, TIER_BY_TYPE } from "./landscapeSheet";
import { isPartnerType } from "../domain/partners";
import { ColumnPlan, isFormula, Scalar, TablePlan, WorkbookPlan } from "./plan";
import { programWorkbookPlan } from "./programPlan";
import { SCORING_COLUMNS, TBL_SCORING } from "./scoringSheet";
import { TBL_QUARTERLY } from "./tierSheets";

/**
 * The data tables a CRM export can be imported into, and what each column accepts. The columns, their
 * lists and ranges come from the program's own table plans, so an import accepts exactly what the sheet's
 * validation accepts; this file adds only what a plan cannot say: the key, the columns an export must
 * have, and the other names real exports give a column.
 */

export const IMPORT_TARGET_NAMES = [
  "landscape",
  "scoring",
  "quarterly",
  "attribution",
  "competitors",
  "decisions",
  "executives",
  "registrations",
  "allocations",
  "claims",
] as const;
export type ImportTargetName = (typeof IMPORT_TARGET_NAMES)[number];

/** What a column's cells must be, read from its plan: the sheet's own validation and format. */
export type ColumnKind =
  | { readonly kind: "text" }
  | { readonly kind: "choice"; readonly values: readonly string[] }
  | { readonly kind: "number"; readonly min: number; readonly max: number; readonly whole: boolean }
  | { readonly kind: "money"; readonly max: number }
  | { readonly kind: "date" }
  /** A date and time (a deal registration's Submitted, Decided), kept as serial days. */
  | { readonly kind: "timestamp" }
  | { readonly kind: "quarter" };

export interface ImportColumn {
  /** The table's header. */
  readonly header: string;
  /** Other headers real exports use for it ("Partner Account" for Partner). */
  readonly aliases: readonly string[];
  readonly kind: ColumnKind;
}

export interface ImportTarget {
  readonly name: ImportTargetName;
  readonly table: string;
  /** The columns an import may fill, in the table's order; formula columns are not among them. */
  readonly columns: readonly ImportColumn[];
  /** Headers whose values together identify a row: a new key is appended, a known one updated. */
  readonly key: readonly string[];
  /** Headers an export must carry to be imported into this table (the key among them). */
  readonly required: readonly string[];
  /**
   * What the playbook gives a new row where the export leaves a column blank: by header, from the row's other
   * values (a Landscape partner's target tier and model follow from its type, §2.1).
   */
  readonly defaults: (row: ReadonlyMap<string, Scalar>) => ReadonlyMap<string, Scalar>;
}

const NO_DEFAULTS = (): ReadonlyMap<string, Scalar> => new Map();

/** §2.1: a partner's type gives its target tier and the model it is best for. */
function landscapeDefaults(row: ReadonlyMap<string, Scalar>): ReadonlyMap<string, Scalar> {
  const type = row.get(LANDSCAPE_COLUMNS.type);
  if (!isPartnerType(type)) return new Map();
  return new Map<string, Scalar>([
    [LANDSCAPE_COLUMNS.tier, TIER_BY_TYPE[type]],
    [LANDSCAPE_COLUMNS.model, MODEL_BY_TYPE[type]],
  ]);
}

interface TargetSpec {
  readonly table: string;
  readonly key: readonly string[];
  readonly required: readonly string[];
  readonly defaults?: ImportTarget["defaults"];
  readonly aliases: Readonly<Record<string, readonly string[]>>;
  /** Columns holding quarter labels, which no plan validation describes. */
  readonly quarters?: readonly string[];
}

/** Names CRMs (Salesforce, HubSpot, Dynamics, PRM exports) give the partner's name column. */
const PARTNER_ALIASES = [
  "Partner Account",
  "Partner Name",
  "Account Name",
  "Account",
  "Partner Company",
];

/** Names exports give a quarter's column. */
const QUARTER_ALIASES = ["Fiscal Quarter", "Period", "Quarter End", "Fiscal Period"];

const SPECS: Readonly<Record<ImportTargetName, TargetSpec>> = {
  landscape: {
    table: TBL_LANDSCAPE,
    key: [LANDSCAPE_COLUMNS.partner],
    required: [LANDSCAPE_COLUMNS.partner, LANDSCAPE_COLUMNS.type],
    defaults: landscapeDefaults,
    aliases: {
      [LANDSCAPE_COLUMNS.partner]: PARTNER_ALIASES,
      [LANDSCAPE_COLUMNS.type]: ["Partner Type", "Account Type", "Partner Category"],
      [LANDSCAPE_COLUMNS.tier]: ["Landscape Tier"],
      [LANDSCAPE_COLUMNS.practice]: ["Practice Area", "Specialization", "Specialisation"],
      [LANDSCAPE_COLUMNS.geography]: ["Region", "Geo", "Country", "Territory"],
      [LANDSCAPE_COLUMNS.model]: ["Partnership Model", "Partner Model", "Program Type"],
      [LANDSCAPE_COLUMNS.status]: ["Partner Status", "Stage", "Partner Stage"],
      [LANDSCAPE_COLUMNS.lockedTo]: ["Competitor", "Exclusive With"],
    },
  },
  scoring: {
    table: TBL_SCORING,
    key: [SCORING_COLUMNS.partner],
    required: [SCORING_COLUMNS.partner, ...CRITERIA.map((c) => c.label)],
    aliases: {
      [SCORING_COLUMNS.partner]: PARTNER_ALIASES,
      [SCORING_COLUMNS.type]: ["Type", "Account Type"],
      [CRITERIA[0].label]: ["ICP Overlap", "Client Overlap"],
      [CRITERIA[2].label]: ["Practice Fit"],
      [CRITERIA[3].label]: ["Appetite"],
      [CRITERIA[4].label]: ["Revenue"],
    },
  },
  quarterly: {
    table: TBL_QUARTERLY,
    key: [QUARTERLY_COLUMNS.partner, QUARTERLY_COLUMNS.quarter],
    required: [QUARTERLY_COLUMNS.partner, QUARTERLY_COLUMNS.quarter, QUARTERLY_COLUMNS.pipeline],
    quarters: [QUARTERLY_COLUMNS.quarter],
    aliases: {
      [QUARTERLY_COLUMNS.partner]: PARTNER_ALIASES,
      [QUARTERLY_COLUMNS.quarter]: QUARTER_ALIASES,
      [QUARTERLY_COLUMNS.pipeline]: ["Partner Pipeline", "Pipeline Amount", "Open Pipeline"],
      [QUARTERLY_COLUMNS.sourcedArr]: ["Partner Sourced ARR", "Sourced Revenue"],
      [QUARTERLY_COLUMNS.influencedArr]: ["Partner Influenced ARR", "Influenced Revenue"],
      [QUARTERLY_COLUMNS.certified]: ["Certified", "Certifications", "Certified Consultants"],
      [QUARTERLY_COLUMNS.dedicatedPractice]: ["Practice", "Has Dedicated Practice"],
      [QUARTERLY_COLUMNS.jointGtmActivities]: ["Joint GTM", "GTM Activities", "Joint Activities"],
      [QUARTERLY_COLUMNS.businessReviewHeld]: ["QBR Held", "Business Review", "QBR"],
      [QUARTERLY_COLUMNS.recordedTier]: ["Tier", "Partner Tier", "Current Tier", "Program Tier"],
    },
  },
  attribution: {
    table: TBL_ATTRIBUTION,
    key: [ATTRIBUTION_COLUMNS.quarter],
    required: [ATTRIBUTION_COLUMNS.quarter, ATTRIBUTION_COLUMNS.companyArr],
    quarters: [ATTRIBUTION_COLUMNS.quarter],
    aliases: {
      [ATTRIBUTION_COLUMNS.quarter]: QUARTER_ALIASES,
      [ATTRIBUTION_COLUMNS.companyArr]: ["Total ARR", "New ARR", "Company New ARR", "Bookings"],
    },
  },
  competitors: {
    table: TBL_COMPETITORS,
    key: [COMPETITOR_COLUMNS.competitor],
    required: [COMPETITOR_COLUMNS.competitor, COMPETITOR_COLUMNS.keyPartners],
    aliases: {
      [COMPETITOR_COLUMNS.competitor]: ["Competitor Name", "Vendor"],
      [COMPETITOR_COLUMNS.keyPartners]: ["Partners", "Their Partners"],
      [COMPETITOR_COLUMNS.model]: ["Model"],
      [COMPETITOR_COLUMNS.strength]: ["Strength", "Why Effective"],
      [COMPETITOR_COLUMNS.lastRefreshed]: ["Refreshed", "Last Updated", "Updated"],
    },
  },
  decisions: {
    table: TBL_DECISIONS,
    key: [DECISION_LOG_COLUMNS.id],
    required: [DECISION_LOG_COLUMNS.id, DECISION_LOG_COLUMNS.capability],
    aliases: {
      [DECISION_LOG_COLUMNS.id]: ["Decision ID", "Decision No"],
      [DECISION_LOG_COLUMNS.capability]: ["Capability", "Market", "Capability or Market"],
      [DECISION_LOG_COLUMNS.decided]: ["Decision Date", "Date Decided"],
      [DECISION_LOG_COLUMNS.reviewDate]: ["Next Review", "Review"],
    },
  },
  executives: {
    table: TBL_EXECUTIVES,
    key: [EXECUTIVE_COLUMNS.partner],
    required: [EXECUTIVE_COLUMNS.partner, EXECUTIVE_COLUMNS.partnerExecutive],
    aliases: {
      [EXECUTIVE_COLUMNS.partner]: PARTNER_ALIASES,
      [EXECUTIVE_COLUMNS.partnerExecutive]: ["Executive", "Partner Sponsor", "Partner Exec"],
      [EXECUTIVE_COLUMNS.counterpart]: ["Executive Sponsor", "Our Sponsor", "Sponsor"],
      [EXECUTIVE_COLUMNS.cadence]: ["Cadence", "Meeting Cadence"],
      [EXECUTIVE_COLUMNS.lastMeeting]: ["Last Met", "Last Meeting Date"],
    },
  },
  registrations: {
    table: TBL_DEAL_REGISTRATIONS,
    key: [DEAL_REGISTRATION_COLUMNS.id],
    required: [
      DEAL_REGISTRATION_COLUMNS.id,
      DEAL_REGISTRATION_COLUMNS.partner,
      DEAL_REGISTRATION_COLUMNS.submitted,
    ],
    aliases: {
      [DEAL_REGISTRATION_COLUMNS.id]: [
        "Deal Registration ID",
        "Deal Registration Number",
        "Registration Number",
        "Deal Reg ID",
      ],
      [DEAL_REGISTRATION_COLUMNS.partner]: PARTNER_ALIASES,
      [DEAL_REGISTRATION_COLUMNS.tier]: ["Tier", "Partner Level", "Program Tier"],
      [DEAL_REGISTRATION_COLUMNS.submitted]: [
        "Submitted On",
        "Submitted Date",
        "Date Submitted",
        "Registration Date",
        "Created Date",
      ],
      [DEAL_REGISTRATION_COLUMNS.decided]: [
        "Decided On",
        "Decision Date",
        "Date Decided",
        "Approval Date",
        "Approved Date",
      ],
      [DEAL_REGISTRATION_COLUMNS.decision]: ["Status", "Registration Status", "Approval Status"],
      [DEAL_REGISTRATION_COLUMNS.acv]: [
        "Annual Contract Value",
        "Deal Value",
        "Deal Amount",
        "Opportunity Amount",
        "Amount",
      ],
      [DEAL_REGISTRATION_COLUMNS.protectionEnds]: [
        "Protection End Date",
        "Expiration Date",
        "Expires",
        "Expiry Date",
      ],
    },
  },
  allocations: {
    table: TBL_MDF_ALLOCATIONS,
    key: [MDF_ALLOCATION_COLUMNS.year, MDF_ALLOCATION_COLUMNS.partner],
    required: [
      MDF_ALLOCATION_COLUMNS.year,
      MDF_ALLOCATION_COLUMNS.partner,
      MDF_ALLOCATION_COLUMNS.allocated,
    ],
    aliases: {
      [MDF_ALLOCATION_COLUMNS.year]: ["Year", "Fiscal Year", "FY", "Budget Year"],
      [MDF_ALLOCATION_COLUMNS.partner]: PARTNER_ALIASES,
      [MDF_ALLOCATION_COLUMNS.tier]: ["Tier", "Partner Level", "Program Tier"],
      [MDF_ALLOCATION_COLUMNS.allocated]: [
        "Allocation",
        "MDF Allocation",
        "MDF Allocated",
        "Allocated Amount",
        "Amount Allocated",
      ],
    },
  },
  claims: {
    table: TBL_MDF_CLAIMS,
    key: [MDF_CLAIM_COLUMNS.id],
    required: [MDF_CLAIM_COLUMNS.id, MDF_CLAIM_COLUMNS.partner, MDF_CLAIM_COLUMNS.campaign],
    aliases: {
      [MDF_CLAIM_COLUMNS.id]: [
        "Fund Request ID",
        "MDF Request ID",
        "Request ID",
        "Claim Number",
        "Fund Claim ID",
      ],
      [MDF_CLAIM_COLUMNS.partner]: PARTNER_ALIASES,
      [MDF_CLAIM_COLUMNS.campaign]: [
        "Campaign Name",
        "Activity",
        "Activity Name",
        "Marketing Activity",
      ],
      [MDF_CLAIM_COLUMNS.requestedOn]: ["Request Date", "Requested Date", "Date Requested"],
      [MDF_CLAIM_COLUMNS.requested]: ["Requested Amount", "Amount Requested", "Request Amount"],
      [MDF_CLAIM_COLUMNS.approved]: ["Approved Amount", "Amount Approved"],
      [MDF_CLAIM_COLUMNS.claimed]: ["Claim Amount", "Claimed Amount", "Amount Claimed"],
      [MDF_CLAIM_COLUMNS.paid]: ["Paid Amount", "Amount Paid", "Payment Amount"],
      [MDF_CLAIM_COLUMNS.paidOn]: ["Payment Date", "Paid Date", "Date Paid"],
    },
  },
};

function kindOf(column: ColumnPlan, quarters: readonly string[]): ColumnKind {
  if (quarters.includes(column.header)) return { kind: "quarter" };
  const v = column.validation;
  if (v?.kind === "list") return { kind: "choice", values: v.values };
  if (column.numberFormat === MONEY_FORMAT && v?.kind === "decimal") {
    return { kind: "money", max: v.max };
  }
  if (v?.kind === "decimal" || v?.kind === "whole") {
    return { kind: "number", min: v.min, max: v.max, whole: v.kind === "whole" };
  }
  if (column.numberFormat === DATE_FORMAT) return { kind: "date" };
  if (column.numberFormat === TIMESTAMP_FORMAT) return { kind: "timestamp" };
  return { kind: "text" };
}

/** Whether any planned row computes the column: a formula column belongs to the sheet, not to an import. */
const isComputed = (table: TablePlan, index: number): boolean =>
  table.rows.some((row) => {
    const cell = row[index];
    return cell !== undefined && isFormula(cell);
  });

/**
 * The import targets of a program workbook plan: give it a plan with rows (the sample's), so that its
 * formula columns show. Throws when the plan lacks a data table, which would be a bug in the plans.
 */
export function importTargets(plan: WorkbookPlan): readonly ImportTarget[] {
  const tables = new Map(plan.sheets.flatMap((s) => s.tables.map((t) => [t.name, t] as const)));
  return IMPORT_TARGET_NAMES.map((name) => {
    const spec = SPECS[name];
    const table = tables.get(spec.table);
    if (table === undefined) throw new Error(`the program plan has no table ${spec.table}`);
    const columns = table.columns.flatMap((column, index) =>
      isComputed(table, index)
        ? []
        : [
            {
              header: column.header,
              aliases: spec.aliases[column.header] ?? [],
              kind: kindOf(column, spec.quarters ?? []),
            },
          ]
    );
    const known = new Set(columns.map((c) => c.header));
    const unknown = [...spec.key, ...spec.required].find((h) => !known.has(h));
    if (unknown !== undefined) throw new Error(`${spec.table} has no importable column ${unknown}`);
    return {
      name,
      table: spec.table,
      columns,
      key: spec.key,
      required: spec.required,
      defaults: spec.defaults ?? NO_DEFAULTS,
    };
  });
}

let programTargets: readonly ImportTarget[] | undefined;

/** The import targets of the program workbook, made once. */
export const programImportTargets = (): readonly ImportTarget[] =>
  (programTargets ??= importTargets(programWorkbookPlan({ mode: "portable", data: "blank" })));

export const programImportTarget = (name: ImportTargetName): ImportTarget =>
  programImportTargets().find((t) => t.name === name)!;
