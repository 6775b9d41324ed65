import {
  DEAL_DECISIONS,
  DEAL_REGISTRATION_COLUMNS,
  DEFAULT_DEAL_REGISTRATION_SLA,
  DealDecision,
} from "../domain/dealRegistrations";
import { TIERS_HIGHEST_FIRST } from "../domain/tiers/tier";
import {
  choiceColumn,
  columnRef,
  dateColumn,
  moneyColumn,
  rowsOrFillIn,
  textCell,
  thisRow,
} from "./columns";
import { excelSerial, TIMESTAMP_FORMAT } from "./dates";
import { CellPlan, ColumnPlan, Formula, SheetPlan, TablePlan } from "./plan";
import { headerWidth } from "./layout";
import { PERCENT_FORMAT } from "./styles";

export const DEAL_REGISTRATIONS_SHEET = "Deal Registrations";
export const TBL_DEAL_REGISTRATIONS = "tblDealRegistrations";
export const TBL_DEAL_SLA = "tblDealRegSla";
export const TBL_DEAL_COMPLIANCE = "tblDealRegCompliance";

/** The columns the sheet computes from each registration's inputs. */
export const DEAL_COMPUTED_COLUMNS = {
  hours: "Response Hours",
  businessDays: "Business Days",
  sla: "SLA",
} as const;

/** What the SLA column says: as the domain's slaOutcome, in words. */
export const SLA_OUTCOMES = { met: "Met", breached: "Breached", open: "Open" } as const;

export const DEAL_SLA_SETTINGS = {
  hours: "SLA (Hours)",
  target: "SLA Target",
  goldBusinessDays: "Gold Decision (Business Days)",
} as const;

export const DEAL_COMPLIANCE_COLUMNS = {
  tier: "Tier",
  due: "Due",
  met: "Met",
  compliance: "Compliance",
} as const;

/** The compliance table's last row: every registration, whatever its partner's tier. */
export const ALL_TIERS = "All";

const HEADER_ROW = 2;
const SIDE_LEFT = 12;

const c = DEAL_REGISTRATION_COLUMNS;
const submitted = thisRow(TBL_DEAL_REGISTRATIONS, c.submitted);
const decided = thisRow(TBL_DEAL_REGISTRATIONS, c.decided);

/** A setting's Value, looked up by name. */
export const slaSetting = (name: string): string =>
  `INDEX(${columnRef(TBL_DEAL_SLA, "Value")},MATCH("${name}",${columnRef(TBL_DEAL_SLA, "Setting")},0))`;

/** Calendar hours to the second (the domain's responseHours); blank while pending. */
const HOURS_FORMULA: Formula = {
  formula: `=IF(AND(ISNUMBER(${submitted}),ISNUMBER(${decided})),ROUND((${decided}-${submitted})*86400,0)/3600,"")`,
};

/** Weekdays after the submission's day up to the decision's, or to today while pending (responseBusinessDays). */
const BUSINESS_DAYS_FORMULA: Formula = (() => {
  const end = `IF(ISNUMBER(${decided}),INT(${decided}),TODAY())`;
  return {
    formula: `=IF(ISNUMBER(${submitted}),IF(${end}<INT(${submitted})+1,0,NETWORKDAYS(INT(${submitted})+1,${end})),"")`,
  };
})();

/** Met, Breached, or Open while pending within the SLA (the domain's slaOutcome, to the second). */
const SLA_FORMULA: Formula = (() => {
  const limit = `${slaSetting(DEAL_SLA_SETTINGS.hours)}*3600`;
  const { met, breached, open } = SLA_OUTCOMES;
  return {
    formula: `=IF(ISNUMBER(${submitted}),IF(ISNUMBER(${decided}),IF(ROUND((${decided}-${submitted})*86400,0)<=${limit},"${met}","${breached}"),IF(ROUND((NOW()-${submitted})*86400,0)>${limit},"${breached}","${open}")),"")`,
  };
})();

const COMPUTED: readonly CellPlan[] = [HOURS_FORMULA, BUSINESS_DAYS_FORMULA, SLA_FORMULA];

/** A registration as the sample or an analyst starts the log. */
export interface DealRegistrationEntry {
  readonly id: string;
  readonly partner: string;
  readonly tier: string;
  readonly submitted: Date;
  readonly decided: Date | undefined;
  readonly decision: DealDecision;
  readonly acv: number;
  readonly protectionEnds: Date | undefined;
}

/** A timestamp as a cell holds it: serial days with the time of day. */
const timestampCell = (date: Date | undefined): number | null =>
  date === undefined ? null : excelSerial(date) + (date.getTime() % 86_400_000) / 86_400_000;

const timestampColumn = (header: string, description: string): ColumnPlan => ({
  header,
  width: 17,
  numberFormat: TIMESTAMP_FORMAT,
  description,
});

function registrationsTable(entries: readonly DealRegistrationEntry[]): TablePlan {
  return {
    name: TBL_DEAL_REGISTRATIONS,
    topLeft: { row: HEADER_ROW, column: 0 },
    columns: [
      { header: c.id, width: 14 },
      { header: c.partner, width: 28 },
      choiceColumn(
        c.tier,
        12,
        TIERS_HIGHEST_FIRST,
        "The partner's tier when it registered the deal."
      ),
      timestampColumn(c.submitted, "When the partner registered the deal: date and time."),
      timestampColumn(c.decided, "When we approved or rejected it; blank while pending."),
      choiceColumn(c.decision, 11, DEAL_DECISIONS),
      moneyColumn(c.acv, 14, "Annual contract value of the deal registered."),
      dateColumn(c.protectionEnds, 14),
      {
        header: DEAL_COMPUTED_COLUMNS.hours,
        width: headerWidth(DEAL_COMPUTED_COLUMNS.hours),
        numberFormat: "0.0",
        description: "Calendar hours from submission to decision.",
      },
      {
        header: DEAL_COMPUTED_COLUMNS.businessDays,
        width: headerWidth(DEAL_COMPUTED_COLUMNS.businessDays),
        numberFormat: "0",
        description:
          "Weekdays after the submission's day up to the decision's (to today while pending). Gold partners get a decision within 5.",
      },
      {
        header: DEAL_COMPUTED_COLUMNS.sla,
        width: 10,
        conditionalFormats: [{ kind: "textEquals", text: SLA_OUTCOMES.breached, tone: "error" }],
        description:
          "Met when decided within the SLA; Breached when decided later, or pending past it; Open while pending within it.",
      },
    ],
    rows: rowsOrFillIn(
      entries.map((e) => [
        e.id,
        textCell(e.partner),
        e.tier,
        timestampCell(e.submitted),
        timestampCell(e.decided),
        e.decision,
        e.acv,
        e.protectionEnds === undefined ? null : excelSerial(e.protectionEnds),
        ...COMPUTED,
      ]),
      [null, null, null, null, null, null, null, null, ...COMPUTED]
    ),
  };
}

function slaTable(): TablePlan {
  const sla = DEFAULT_DEAL_REGISTRATION_SLA;
  return {
    name: TBL_DEAL_SLA,
    topLeft: { row: HEADER_ROW, column: SIDE_LEFT },
    columns: [
      { header: "Setting", width: 28 },
      { header: "Value", width: 10, rowNumberFormats: ["0", PERCENT_FORMAT, "0"] },
    ],
    rows: [
      [DEAL_SLA_SETTINGS.hours, sla.hours],
      [DEAL_SLA_SETTINGS.target, sla.target],
      [DEAL_SLA_SETTINGS.goldBusinessDays, sla.goldBusinessDays],
    ],
  };
}

function complianceTable(): TablePlan {
  const tiers = columnRef(TBL_DEAL_REGISTRATIONS, c.tier);
  const outcomes = columnRef(TBL_DEAL_REGISTRATIONS, DEAL_COMPUTED_COLUMNS.sla);
  const count = (tier: string, outcome: string) =>
    tier === ALL_TIERS
      ? `COUNTIF(${outcomes},"${outcome}")`
      : `COUNTIFS(${tiers},"${tier}",${outcomes},"${outcome}")`;
  const row = (tier: string): CellPlan[] => {
    const due = `${count(tier, SLA_OUTCOMES.met)}+${count(tier, SLA_OUTCOMES.breached)}`;
    const met = count(tier, SLA_OUTCOMES.met);
    return [
      tier,
      { formula: `=${due}` },
      { formula: `=${met}` },
      { formula: `=IF((${due})=0,"",(${met})/(${due}))` },
    ];
  };
  return {
    name: TBL_DEAL_COMPLIANCE,
    topLeft: { row: HEADER_ROW + 6, column: SIDE_LEFT },
    columns: [
      { header: DEAL_COMPLIANCE_COLUMNS.tier, width: 28 },
      { header: DEAL_COMPLIANCE_COLUMNS.due, width: 10, numberFormat: "0" },
      { header: DEAL_COMPLIANCE_COLUMNS.met, width: 10, numberFormat: "0" },
      {
        header: DEAL_COMPLIANCE_COLUMNS.compliance,
        width: headerWidth(DEAL_COMPLIANCE_COLUMNS.compliance),
        numberFormat: PERCENT_FORMAT,
        description:
          "Decided within the SLA, of those decided and those pending past it; blank while none is due.",
      },
    ],
    rows: [...TIERS_HIGHEST_FIRST, ALL_TIERS].map(row),
  };
}

/** The overall compliance cell: what the OKR's SLA key result reads as its Current. */
export const OVERALL_COMPLIANCE = `INDEX(${columnRef(TBL_DEAL_COMPLIANCE, DEAL_COMPLIANCE_COLUMNS.compliance)},MATCH("${ALL_TIERS}",${columnRef(TBL_DEAL_COMPLIANCE, DEAL_COMPLIANCE_COLUMNS.tier)},0))`;

/**
 * The deal registration log (§3.1, §5.1): each registration with its response time and whether it met the SLA,
 * the SLA's settings, and compliance per tier and overall.
 */
export function dealRegistrationsSheetPlan(entries: readonly DealRegistrationEntry[]): SheetPlan {
  return {
    name: DEAL_REGISTRATIONS_SHEET,
    freezeRows: HEADER_ROW + 1,
    cells: [
      { at: { row: 0, column: 0 }, value: "Deal Registrations", style: "title" },
      {
        at: { row: 1, column: 0 },
        value:
          "One row per registration. Decide within the SLA (48 calendar hours by default) for 95% of them; Gold partners within 5 business days.",
        style: "note",
      },
      { at: { row: HEADER_ROW - 1, column: SIDE_LEFT }, value: "SLA", style: "subtitle" },
      {
        at: { row: HEADER_ROW + 5, column: SIDE_LEFT },
        value: "Compliance",
        style: "subtitle",
      },
    ],
    tables: [registrationsTable(entries), slaTable(), complianceTable()],
  };
}
