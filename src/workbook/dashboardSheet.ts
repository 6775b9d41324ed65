import { COMPETITOR_COLUMNS } from "../domain/competitors";
import { DEAL_REGISTRATION_COLUMNS } from "../domain/dealRegistrations";
import { DECISION_LOG_COLUMNS } from "../domain/decisions";
import { EXECUTIVE_COLUMNS } from "../domain/executives";
import { Severity } from "../domain/findings";
import {
  isBeyondProspect,
  LANDSCAPE_COLUMNS,
  LANDSCAPE_TIER_PROFILES,
  LANDSCAPE_TIERS,
  PARTNER_STATUSES,
} from "../domain/landscape";
import { INDICATORS, OKR_COLUMNS } from "../domain/okrs";
import { ROADMAP_COLUMNS, ROADMAP_REVIEW_MONTHS } from "../domain/roadmap";
import { BANDS, WHOLE_WEIGHTS } from "../domain/scoring";
import { SIGN_OFF_LABELS } from "../domain/thesis";
import { QUARTERLY_COLUMNS } from "../domain/tiers/quarterly";
import { EXITED, TIERS_HIGHEST_FIRST } from "../domain/tiers/tier";
import { columnRef, formula, NO, nonBlankRef, textLiteral, thisRow, YES } from "./columns";
import { ATTRIBUTION_COLUMNS, TBL_ATTRIBUTION_YEARS } from "./attributionSheet";
import { headerWidth } from "./layout";
import {
  MDF_COMPUTED_COLUMNS,
  RATIO_FORMAT,
  TBL_MDF_ALLOCATIONS,
  TBL_MDF_BUDGET,
  TBL_MDF_CLAIMS,
} from "./mdfSheet";
import {
  MDF_ALLOCATION_COLUMNS,
  MDF_BUDGET_COLUMNS,
  MDF_CLAIM_COLUMNS,
  MDF_TIERS,
} from "../domain/mdf";
import { MONEY_FORMAT, PERCENT_FORMAT, SHARE_FORMAT } from "./styles";
import { dataRowCount } from "./address";
import { REFRESHED_COLUMN, TBL_COMPETITORS } from "./competitorsSheet";
import {
  DEAL_COMPUTED_COLUMNS,
  DEAL_SLA_SETTINGS,
  OVERALL_COMPLIANCE,
  SLA_OUTCOMES,
  slaSetting,
  TBL_DEAL_REGISTRATIONS,
} from "./dealRegistrationsSheet";
import { TBL_DECISIONS } from "./decisionsSheet";
import { OVERDUE_COLUMN, TBL_EXECUTIVES } from "./executivesSheet";
import { LANDSCAPE_LOOKUP_COLUMNS, TBL_LANDSCAPE } from "./landscapeSheet";
import { TBL_OKRS } from "./okrsSheet";
import { CellPlan, CellRef, ChartPlan, Formula, LooseCellPlan, SheetPlan, TablePlan } from "./plan";
import { RACI_CHECK_COLUMN, TBL_RACI } from "./raciSheet";
import { TBL_ROADMAP } from "./roadmapSheet";
import { TBL_SCORING, TBL_WEIGHTS } from "./scoringSheet";
import { HEALTH_RULES, HealthRule } from "./healthRules";
import { settingRef } from "./settingsSheet";
import { TBL_SIGN_OFF } from "./thesisSheet";
import { YEAR_TARGETS } from "./yearTargets";
import { TBL_QUARTERLY, TBL_TIER_REVIEW, TIER_REVIEW_COLUMNS } from "./tierSheets";

export const DASHBOARD_SHEET = "Dashboard";
export const TBL_DASH_SUMMARY = "tblDashSummary";
export const TBL_DASH_TIERS = "tblDashTiers";
export const TBL_DASH_BANDS = "tblDashBands";
export const TBL_DASH_CHECKS = "tblDashChecks";
export const TBL_DASH_SEVERITY = "tblDashSeverity";
export const TBL_DASH_RECRUIT = "tblDashRecruit";
export const TBL_DASH_QUARTERS = "tblDashQuarters";
export const TBL_DASH_MDF = "tblDashMdf";

export const SUMMARY_COLUMNS = { measure: "Measure", value: "Value" } as const;
export const TIER_COUNT_COLUMNS = {
  tier: "Tier",
  partners: "Partners",
  landscapeTarget: "Landscape Target",
} as const;
export const BAND_COUNT_COLUMNS = { band: "Band", partners: "Partners" } as const;
export const CHECK_COLUMNS = {
  check: "Check",
  sheet: "Sheet",
  severity: "Severity",
  open: "Open",
  rule: "Rule",
} as const;
export const QUARTER_COLUMNS = {
  quarter: "Quarter",
  sourced: "Sourced ARR",
  influenced: "Influenced ARR",
  target: "Sourced ARR Target",
} as const;
export const SEVERITY_COLUMNS = { severity: "Severity", open: "Open" } as const;
export const MDF_DASH_COLUMNS = {
  tier: "Tier",
  budget: "Budget",
  paid: "Paid",
  sourcedArr: "Sourced ARR",
  arrPerDollar: "ARR per MDF $",
} as const;
/** The MDF table's last row: every allocation of the year, whatever its tier. */
export const MDF_ALL_TIERS = "All tiers";
export const RECRUIT_COLUMNS = {
  partner: "Partner",
  rank: "Rank",
  score: "Score",
  band: "Band",
  lockedTo: "Locked to Competitor",
} as const;

/**
 * Widths in characters: the labels' column, then the figures'. The charts start right after the widest table (the
 * recruitment list's five columns) and take default-width columns: the whole width fits a 1366-pixel screen.
 */
const LABEL_WIDTH = 40;
const FIGURE_WIDTH = 16;
const CHART_COLUMN = 5;
const CHART_SIZE = { columns: 7, rows: 13 } as const;

/** The summary's measures, in order; `latestQuarter` is what the other figures of "now" refer to. */
export const MEASURES = {
  latestQuarter: "Latest quarter in the Quarterly data",
  landscapePartners: "Partners in the landscape",
  pipelineLatest: "Partner-sourced pipeline, latest quarter",
  pipelineYear: "Partner-sourced pipeline, program year",
  pipelineYearTarget: "Program-year pipeline target",
  sourcedArr: "Partner-sourced ARR, all quarters",
  influencedArr: "Partner-influenced ARR, all quarters (kept apart)",
  currentArr: "Current ARR",
  sourcedYear: "Partner-sourced ARR, program year",
  sourcedShare: "Partner-sourced share of ARR, program year",
  sourcedYearTarget: "Program-year partner-sourced ARR target",
  targetShare: "Target share of ARR from partners",
  targetSourcedArr: "Target partner-sourced ARR (share × target ARR)",
  progress: "Progress to target partner-sourced ARR",
  slaCompliance: "Deal registrations decided within the SLA",
  slaTarget: "Deal registration SLA target",
} as const;
type Measure = keyof typeof MEASURES;

/** Recruitment targets listed on the dashboard. */
export const RECRUIT_TOP = 10;

const q = (column: string): string => columnRef(TBL_QUARTERLY, column);
const summaryValue = (measure: Measure): string =>
  `INDEX(${columnRef(TBL_DASH_SUMMARY, SUMMARY_COLUMNS.value)},MATCH(${textLiteral(MEASURES[measure])},${columnRef(TBL_DASH_SUMMARY, SUMMARY_COLUMNS.measure)},0))`;
const latest = summaryValue("latestQuarter");
/** A figure over another sheet's table, which may be empty or not yet filled: 0 rather than an error. */
const orZero = (text: string): Formula => formula(`IFERROR(${text},0)`);

/**
 * The latest "2026-Q3" label of tblQuarterly's Quarter column: the largest year-and-quarter number, written
 * back as a label; blank when the table is empty or a label is not of that form.
 */
const LATEST_QUARTER = (() => {
  const quarters = q(QUARTERLY_COLUMNS.quarter);
  const largest = `SUMPRODUCT(MAX(--(0&LEFT(${quarters},4)&RIGHT(${quarters},1))))`;
  return formula(`IFERROR(IF(${largest}=0,"",LEFT(${largest},4)&"-Q"&RIGHT(${largest},1)),"")`);
})();

/**
 * The program year's row of the Attribution sheet's years: its sourced ARR against the company's new ARR of the
 * same year. Blank while that is not known (a quarter's Company ARR missing, or no row for the year).
 */
const PROGRAM_YEAR_SOURCED_SHARE: Formula = (() => {
  const years = (column: string) => columnRef(TBL_ATTRIBUTION_YEARS, column);
  return formula(
    `IFERROR(INDEX(${years(ATTRIBUTION_COLUMNS.sourcedShare)},MATCH(${settingRef("programYear")},${years(ATTRIBUTION_COLUMNS.year)},0)),"")`
  );
})();

function summaryTable(topLeft: CellRef): TablePlan {
  const year = `${settingRef("programYear")}&"-Q*"`;
  const targets = YEAR_TARGETS;
  const rows: readonly [Measure, CellPlan, string | undefined][] = [
    ["latestQuarter", LATEST_QUARTER, undefined],
    [
      "landscapePartners",
      formula(`SUMPRODUCT(--(LEN(${columnRef(TBL_LANDSCAPE, LANDSCAPE_COLUMNS.partner)})>0))`),
      "0",
    ],
    [
      "pipelineLatest",
      orZero(`SUMIFS(${q(QUARTERLY_COLUMNS.pipeline)},${q(QUARTERLY_COLUMNS.quarter)},${latest})`),
      MONEY_FORMAT,
    ],
    [
      "pipelineYear",
      orZero(`SUMIFS(${q(QUARTERLY_COLUMNS.pipeline)},${q(QUARTERLY_COLUMNS.quarter)},${year})`),
      MONEY_FORMAT,
    ],
    ["pipelineYearTarget", formula(targets.pipeline), MONEY_FORMAT],
    ["sourcedArr", orZero(`SUM(${q(QUARTERLY_COLUMNS.sourcedArr)})`), MONEY_FORMAT],
    ["influencedArr", orZero(`SUM(${q(QUARTERLY_COLUMNS.influencedArr)})`), MONEY_FORMAT],
    ["currentArr", formula(settingRef("currentArr")), MONEY_FORMAT],
    [
      "sourcedYear",
      orZero(`SUMIFS(${q(QUARTERLY_COLUMNS.sourcedArr)},${q(QUARTERLY_COLUMNS.quarter)},${year})`),
      MONEY_FORMAT,
    ],
    ["sourcedShare", PROGRAM_YEAR_SOURCED_SHARE, SHARE_FORMAT],
    ["sourcedYearTarget", formula(targets.sourced), MONEY_FORMAT],
    ["targetShare", formula(settingRef("partnerShare")), PERCENT_FORMAT],
    [
      "targetSourcedArr",
      formula(`${settingRef("partnerShare")}*${settingRef("targetArr")}`),
      MONEY_FORMAT,
    ],
    [
      "progress",
      formula(`IFERROR(${summaryValue("sourcedArr")}/${summaryValue("targetSourcedArr")},0)`),
      PERCENT_FORMAT,
    ],
    // Blank while no registration is due: no compliance to show yet.
    ["slaCompliance", formula(`IFERROR(${OVERALL_COMPLIANCE},"")`), PERCENT_FORMAT],
    ["slaTarget", formula(`IFERROR(${slaSetting(DEAL_SLA_SETTINGS.target)},"")`), PERCENT_FORMAT],
  ];
  return {
    name: TBL_DASH_SUMMARY,
    topLeft,
    columns: [
      { header: SUMMARY_COLUMNS.measure, width: LABEL_WIDTH, wrap: true },
      {
        header: SUMMARY_COLUMNS.value,
        width: FIGURE_WIDTH,
        rowNumberFormats: rows.map(([, , format]) => format),
        description:
          "From the Quarterly data (sourced and influenced ARR never added together), the Attribution sheet and the Settings sheet.",
      },
    ],
    rows: rows.map(([measure, value]) => [MEASURES[measure], value]),
  };
}

/** Program tiers, highest first, as the Recorded Tier column names them. */

function tiersTable(topLeft: CellRef): TablePlan {
  const landscapeTarget = (tier: string): CellPlan => {
    const letters = LANDSCAPE_TIERS.filter((t) => LANDSCAPE_TIER_PROFILES[t].target === tier);
    if (letters.length === 0) return 0;
    return formula(
      letters
        .map((t) => `COUNTIF(${columnRef(TBL_LANDSCAPE, LANDSCAPE_COLUMNS.tier)},"${t}")`)
        .join("+")
    );
  };
  return {
    name: TBL_DASH_TIERS,
    topLeft,
    columns: [
      { header: TIER_COUNT_COLUMNS.tier, width: LABEL_WIDTH },
      {
        header: TIER_COUNT_COLUMNS.partners,
        width: FIGURE_WIDTH,
        numberFormat: "0",
        description: "Partners whose Recorded Tier in the latest quarter is this tier.",
      },
      {
        header: TIER_COUNT_COLUMNS.landscapeTarget,
        width: FIGURE_WIDTH,
        numberFormat: "0",
        description:
          "Landscape partners recruited for this tier: Tier A for Platinum, B for Gold, C for Registered.",
      },
    ],
    rows: [...TIERS_HIGHEST_FIRST, EXITED].map((tier) => [
      tier,
      orZero(
        `COUNTIFS(${q(QUARTERLY_COLUMNS.quarter)},${latest},${q(QUARTERLY_COLUMNS.recordedTier)},"${tier}")`
      ),
      landscapeTarget(tier),
    ]),
  };
}

export const NOT_YET_RATED = "Not yet rated";

function bandsTable(topLeft: CellRef): TablePlan {
  const bands = columnRef(TBL_SCORING, "Band");
  const unrated = `SUMPRODUCT((LEN(${columnRef(TBL_SCORING, "Partner")})>0)*ISNA(${columnRef(TBL_SCORING, "Score")}))`;
  return {
    name: TBL_DASH_BANDS,
    topLeft,
    columns: [
      { header: BAND_COUNT_COLUMNS.band, width: LABEL_WIDTH },
      {
        header: BAND_COUNT_COLUMNS.partners,
        width: FIGURE_WIDTH,
        numberFormat: "0",
        description: "Partners of the Scoring sheet in each band.",
      },
    ],
    rows: [
      ...BANDS.map((band) => [band, orZero(`COUNTIF(${bands},"${band}")`)]),
      [NOT_YET_RATED, orZero(unrated)],
    ],
  };
}

const blank = (ref: string): string => `(LEN(TRIM(${ref}))=0)`;

/**
 * The formula counting each rule's open findings, by rule id: the same count `validate` and the task pane
 * report for the rule on this workbook (the quality rules live, the tier rules from the Tier Review that
 * validation last wrote). Tested against the CLI after LibreOffice recalculates.
 */
function ruleCounts(): Readonly<Record<string, Formula>> {
  const landscape = (c: string) => columnRef(TBL_LANDSCAPE, c);
  const decisions = (c: string) => columnRef(TBL_DECISIONS, c);
  const okrs = (c: string) => columnRef(TBL_OKRS, c);
  const roadmap = (c: string) => columnRef(TBL_ROADMAP, c);
  const executives = (c: string) => columnRef(TBL_EXECUTIVES, c);
  const registrations = (c: string) => columnRef(TBL_DEAL_REGISTRATIONS, c);
  const signOff = (c: string) => `INDEX(${columnRef(TBL_SIGN_OFF, c)},1)`;
  const signedOff = `AND(${nonBlankRef(signOff(SIGN_OFF_LABELS.by))},ISNUMBER(${signOff(SIGN_OFF_LABELS.date)}))`;
  const objectives = okrs(OKR_COLUMNS.objective);
  const missingKind = (kind: string) =>
    `(COUNTIFS(${objectives},${objectives},${okrs(OKR_COLUMNS.indicator)},"${kind}")=0)`;
  const status = landscape(LANDSCAPE_COLUMNS.status);
  const since = landscape(LANDSCAPE_COLUMNS.statusSince);
  const band = landscape(LANDSCAPE_LOOKUP_COLUMNS.band);
  const recruited = PARTNER_STATUSES.filter(isBeyondProspect).map((s) => `"${s}"`);
  const beyond = `${nonBlankRef(landscape(LANDSCAPE_COLUMNS.partner))}*ISNUMBER(MATCH(${status},{${recruited.join(",")}},0))`;
  const priorityActive = ["Signed", "Active"]
    .map((s) => `COUNTIFS(${band},"Priority",${status},"${s}")`)
    .join("+");
  const logged = `((${[
    DECISION_LOG_COLUMNS.id,
    DECISION_LOG_COLUMNS.capability,
    DECISION_LOG_COLUMNS.partnerConsidered,
    DECISION_LOG_COLUMNS.financeInput,
  ]
    .map((c) => `LEN(TRIM(${decisions(c)}))`)
    .join("+")})>0)`;
  const reviewDue = decisions(DECISION_LOG_COLUMNS.reviewDate);
  const due = roadmap(ROADMAP_COLUMNS.due);
  const platinumNow = `(${q(QUARTERLY_COLUMNS.quarter)}=${latest})*(${q(QUARTERLY_COLUMNS.recordedTier)}="Platinum")`;
  const sponsored = `COUNTIFS(${executives(EXECUTIVE_COLUMNS.partner)},${q(QUARTERLY_COLUMNS.partner)},${executives(EXECUTIVE_COLUMNS.counterpart)},"<>",${executives(EXECUTIVE_COLUMNS.cadence)},"<>")`;
  const tierRule = (id: string) =>
    orZero(`COUNTIF(${columnRef(TBL_TIER_REVIEW, TIER_REVIEW_COLUMNS.rules)},"*${id}*")`);
  return {
    "quality.thesis-before-recruitment": formula(
      `IF(${signedOff},SUMPRODUCT(${beyond}*ISNUMBER(${since})*(${since}<${signOff(SIGN_OFF_LABELS.date)})),SUMPRODUCT(${beyond}))`
    ),
    "scoring.weights-total": formula(
      `IF(AND(${WHOLE_WEIGHTS.map((w) => `ABS(SUM(${columnRef(TBL_WEIGHTS, "Weight")})-${w})>1E-9`).join(",")}),1,0)`
    ),
    "scoring.unrated": formula(
      `SUMPRODUCT(${beyond}*(1-ISNUMBER(${landscape(LANDSCAPE_LOOKUP_COLUMNS.score)})))`
    ),
    "scoring.opportunistic-inbound": formula(
      `SUMPRODUCT(${beyond}*(${band}="Opportunistic")*(${landscape(LANDSCAPE_COLUMNS.inbound)}<>"${YES}"))`
    ),
    "scoring.secondary-first": formula(
      `IF(${priorityActive}>0,0,SUMPRODUCT(${beyond}*(${band}="Secondary")))`
    ),
    "quality.finance-input": formula(
      `SUMPRODUCT(${logged}*${blank(decisions(DECISION_LOG_COLUMNS.financeInput))})`
    ),
    "decision.partner-considered": formula(
      `SUMPRODUCT((${decisions(DECISION_LOG_COLUMNS.decision)}="PARTNER")*${blank(decisions(DECISION_LOG_COLUMNS.partnerConsidered))})`
    ),
    "quality.decision-review": formula(`SUMPRODUCT(ISNUMBER(${reviewDue})*(${reviewDue}<TODAY()))`),
    "quality.okr-indicators": formula(
      `SUMPRODUCT(${nonBlankRef(objectives)}/COUNTIF(${objectives},${objectives}&"")*(${INDICATORS.map(missingKind).join("+")}))`
    ),
    "quality.okr-target": formula(
      `SUMPRODUCT(${nonBlankRef(okrs(OKR_COLUMNS.keyResult))}*${blank(okrs(OKR_COLUMNS.target))})`
    ),
    "quality.raci": formula(
      `SUMPRODUCT(${nonBlankRef(columnRef(TBL_RACI, RACI_CHECK_COLUMN))}*(${columnRef(TBL_RACI, RACI_CHECK_COLUMN)}<>"OK"))`
    ),
    "tier.recorded-mismatch": tierRule("tier.recorded-mismatch"),
    "tier.recorded-missing": tierRule("tier.recorded-missing"),
    "commitment.joint-gtm": tierRule("commitment.joint-gtm"),
    "commitment.qbr": tierRule("commitment.qbr"),
    "quarter.gap": tierRule("quarter.gap"),
    "quality.roadmap-review": formula(
      `IF(SUMPRODUCT(--${nonBlankRef(roadmap(ROADMAP_COLUMNS.milestone))})=0,0,IF(MAX(${roadmap(ROADMAP_COLUMNS.lastReviewed)})>=EDATE(TODAY(),-${ROADMAP_REVIEW_MONTHS}),0,1))`
    ),
    "roadmap.overdue": formula(
      `SUMPRODUCT(ISNUMBER(${due})*(${due}<TODAY())*(${roadmap(ROADMAP_COLUMNS.status)}<>"Done"))`
    ),
    "quality.competitor-refresh": formula(
      `SUMPRODUCT(${nonBlankRef(columnRef(TBL_COMPETITORS, COMPETITOR_COLUMNS.competitor))}*(${columnRef(TBL_COMPETITORS, REFRESHED_COLUMN)}<>"Yes"))`
    ),
    "quality.executive-sponsor": orZero(`SUMPRODUCT(${platinumNow}*(${sponsored}=0))`),
    "executive.overdue": formula(`COUNTIF(${executives(OVERDUE_COLUMN)},"Yes")`),
    "deal.sla": orZero(
      `IF(ISNUMBER(${OVERALL_COMPLIANCE}),IF(${OVERALL_COMPLIANCE}<${slaSetting(DEAL_SLA_SETTINGS.target)},COUNTIF(${registrations(DEAL_COMPUTED_COLUMNS.sla)},"${SLA_OUTCOMES.breached}"),0),0)`
    ),
    ...mdfCounts(),
    "deal.gold-business-days": orZero(
      `COUNTIFS(${registrations(DEAL_REGISTRATION_COLUMNS.tier)},"Gold",${registrations(DEAL_COMPUTED_COLUMNS.businessDays)},">"&${slaSetting(DEAL_SLA_SETTINGS.goldBusinessDays)})`
    ),
  };
}

/** The MDF rules' counts, over the MDF sheets' tables as checkMdf reads them. */
function mdfCounts(): Readonly<Record<string, Formula>> {
  const budget = (c: string) => columnRef(TBL_MDF_BUDGET, c);
  const alloc = (c: string) => columnRef(TBL_MDF_ALLOCATIONS, c);
  const claims = (c: string) => columnRef(TBL_MDF_CLAIMS, c);
  const c = MDF_CLAIM_COLUMNS;
  const typed = Object.values(c)
    .map((column) => `LEN(TRIM(${claims(column)}))`)
    .join("+");
  const amounts = (column: string) => `ISNUMBER(${claims(column)})`;
  const overBudgetLines = `SUMPRODUCT(ISNUMBER(${budget(MDF_BUDGET_COLUMNS.budget)})*ISNUMBER(${budget(MDF_COMPUTED_COLUMNS.allocated)})*(ROUND(${budget(MDF_COMPUTED_COLUMNS.allocated)},2)>ROUND(${budget(MDF_BUDGET_COLUMNS.budget)},2)))`;
  // A tier granted MDF, allocated some in a year with no budget line: counted once per tier and year, each of
  // its allocation rows adding 1 / (its tier-year's rows).
  const a = MDF_ALLOCATION_COLUMNS;
  const [year, tier, amount, granted] = [
    a.year,
    a.tier,
    a.allocated,
    MDF_COMPUTED_COLUMNS.granted,
  ].map(alloc);
  const counted = `ISNUMBER(${year})*(${granted}="${YES}")*ISNUMBER(${amount})*(${amount}>=0.01)`;
  const unbudgeted = `(COUNTIFS(${budget(MDF_BUDGET_COLUMNS.year)},${year},${budget(MDF_BUDGET_COLUMNS.tier)},${tier})=0)`;
  const rowsOfTierYear = `COUNTIFS(${year},${year},${tier},${tier},${granted},"${YES}",${amount},">=0.01")`;
  const unbudgetedTierYears = `SUMPRODUCT(${counted}*${unbudgeted}/(${rowsOfTierYear}+(${counted}=0)))`;
  return {
    "mdf.over-budget": orZero(`${overBudgetLines}+${unbudgetedTierYears}`),
    "mdf.tier-not-granted": orZero(
      `COUNTIFS(${alloc(MDF_COMPUTED_COLUMNS.granted)},"${NO}",${alloc(MDF_ALLOCATION_COLUMNS.allocated)},">=0.01")`
    ),
    "mdf.claim-incomplete": orZero(
      `SUMPRODUCT(((${typed})>0)*((${blank(claims(c.partner))}+${blank(claims(c.campaign))})>0))`
    ),
    "mdf.claim-over-approved": orZero(
      `SUMPRODUCT(${amounts(c.claimed)}*${amounts(c.approved)}*(ROUND(${claims(c.claimed)},2)>ROUND(${claims(c.approved)},2)))`
    ),
  };
}

/** The rules the Dashboard counts (every rule of the health check but unreadable values), with their formulas. */
function checks(): { readonly rule: HealthRule; readonly open: Formula }[] {
  const counts = ruleCounts();
  return HEALTH_RULES.filter((r) => r.family !== "values").map((rule) => {
    const open = counts[rule.id];
    if (open === undefined) throw new Error(`the Dashboard has no count for ${rule.id}`);
    return { rule, open };
  });
}

/** "error" → "Error": the Severity column reads as the task pane shows it. */
const severityLabel = (severity: Severity): string =>
  severity.charAt(0).toUpperCase() + severity.slice(1);

function checksTable(topLeft: CellRef): TablePlan {
  return {
    name: TBL_DASH_CHECKS,
    topLeft,
    columns: [
      { header: CHECK_COLUMNS.check, width: LABEL_WIDTH, wrap: true },
      { header: CHECK_COLUMNS.sheet, width: FIGURE_WIDTH },
      {
        header: CHECK_COLUMNS.severity,
        width: FIGURE_WIDTH,
        conditionalFormats: [
          {
            kind: "textWhileAtLeast",
            text: "Error",
            column: CHECK_COLUMNS.open,
            value: 1,
            tone: "error",
          },
          {
            kind: "textWhileAtLeast",
            text: "Warning",
            column: CHECK_COLUMNS.open,
            value: 1,
            tone: "warning",
          },
        ],
      },
      {
        header: CHECK_COLUMNS.open,
        width: 10,
        numberFormat: "0",
        conditionalFormats: [{ kind: "atLeast", value: 1, tone: "error" }],
      },
      {
        header: CHECK_COLUMNS.rule,
        width: 30,
        description: "The rule's id, as validate prints it and --skip takes it.",
      },
    ],
    rows: checks().map(({ rule, open }) => [
      rule.title,
      rule.sheet,
      severityLabel(rule.severity!),
      open,
      rule.id,
    ]),
  };
}

function severityTable(topLeft: CellRef): TablePlan {
  const open = columnRef(TBL_DASH_CHECKS, CHECK_COLUMNS.open);
  const severities = columnRef(TBL_DASH_CHECKS, CHECK_COLUMNS.severity);
  return {
    name: TBL_DASH_SEVERITY,
    topLeft,
    columns: [
      { header: SEVERITY_COLUMNS.severity, width: LABEL_WIDTH },
      { header: SEVERITY_COLUMNS.open, width: FIGURE_WIDTH, numberFormat: "0" },
    ],
    rows: (["error", "warning"] as const).map((s) => [
      severityLabel(s),
      formula(`SUMIFS(${open},${severities},"${severityLabel(s)}")`),
    ]),
  };
}

function recruitTable(topLeft: CellRef): TablePlan {
  const rank = (n: number) =>
    `MATCH(${n},${columnRef(TBL_LANDSCAPE, LANDSCAPE_LOOKUP_COLUMNS.rank)},0)`;
  const pick = (column: string, n: number): Formula =>
    formula(`IFERROR(INDEX(${columnRef(TBL_LANDSCAPE, column)},${rank(n)})&"","")`);
  return {
    name: TBL_DASH_RECRUIT,
    topLeft,
    columns: [
      { header: RECRUIT_COLUMNS.partner, width: LABEL_WIDTH },
      { header: RECRUIT_COLUMNS.rank, width: FIGURE_WIDTH, numberFormat: "0" },
      { header: RECRUIT_COLUMNS.score, width: 10, numberFormat: "0.0" },
      { header: RECRUIT_COLUMNS.band, width: 14 },
      { header: RECRUIT_COLUMNS.lockedTo, width: FIGURE_WIDTH },
    ],
    rows: Array.from({ length: RECRUIT_TOP }, (_, i) => {
      const n = i + 1;
      return [
        pick(LANDSCAPE_COLUMNS.partner, n),
        n,
        formula(
          `IFERROR(INDEX(${columnRef(TBL_LANDSCAPE, LANDSCAPE_LOOKUP_COLUMNS.score)},${rank(n)}),"")`
        ),
        pick(LANDSCAPE_LOOKUP_COLUMNS.band, n),
        pick(LANDSCAPE_COLUMNS.lockedTo, n),
      ];
    }),
  };
}

/** The ARR chart's quarters: the latest in the data and the seven before it, two years, oldest first. */
export const QUARTERS_SHOWN = 8;

/**
 * Partner-sourced and partner-influenced ARR of each of the last quarters (never added together), against a
 * quarter's share of the program-year target. Quarters are counted back from the latest in the data, so the rows
 * follow the data without a setting; a quarter with no rows shows 0.
 */
function quartersTable(topLeft: CellRef): TablePlan {
  const label = (back: number): Formula => {
    const ordinal = `(LEFT(${latest},4)*4+RIGHT(${latest},1)-1-${back})`;
    return formula(`IF(${latest}="","",INT(${ordinal}/4)&"-Q"&(MOD(${ordinal},4)+1))`);
  };
  const quarterCell = thisRow(TBL_DASH_QUARTERS, QUARTER_COLUMNS.quarter);
  const sum = (column: string): Formula =>
    orZero(`SUMIFS(${q(column)},${q(QUARTERLY_COLUMNS.quarter)},${quarterCell})`);
  return {
    name: TBL_DASH_QUARTERS,
    topLeft,
    noFilterButtons: true,
    columns: [
      { header: QUARTER_COLUMNS.quarter, width: LABEL_WIDTH },
      {
        header: QUARTER_COLUMNS.sourced,
        width: Math.max(FIGURE_WIDTH, headerWidth(QUARTER_COLUMNS.sourced)),
        numberFormat: MONEY_FORMAT,
      },
      {
        header: QUARTER_COLUMNS.influenced,
        width: Math.max(FIGURE_WIDTH, headerWidth(QUARTER_COLUMNS.influenced)),
        numberFormat: MONEY_FORMAT,
        description: "Kept apart from sourced ARR, never added to it.",
      },
      {
        header: QUARTER_COLUMNS.target,
        width: FIGURE_WIDTH,
        numberFormat: MONEY_FORMAT,
        description: "A quarter of the program-year partner-sourced ARR target (OKRs sheet).",
      },
    ],
    rows: Array.from({ length: QUARTERS_SHOWN }, (_, i) => [
      label(QUARTERS_SHOWN - 1 - i),
      sum(QUARTERLY_COLUMNS.sourcedArr),
      sum(QUARTERLY_COLUMNS.influencedArr),
      formula(`${YEAR_TARGETS.sourced}/4`),
    ]),
  };
}

/**
 * The year whose MDF the Dashboard shows: the year of the latest quarter in the data (its "now"), or the
 * program year before any quarterly data.
 */
const MDF_YEAR = `IF(${latest}="",${settingRef("programYear")},VALUE(LEFT(${latest},4)))`;

/**
 * What MDF returned per tier in MDF_YEAR: the tier's budget, what its partners were paid, and their sourced ARR
 * per MDF dollar paid (the MDF sheet's figures, summed; allocations and utilisation are on that sheet).
 */
function mdfTable(topLeft: CellRef): TablePlan {
  const tier = thisRow(TBL_DASH_MDF, MDF_DASH_COLUMNS.tier);
  const row = (name: string): CellPlan[] => {
    // The last row adds up every tier's.
    const ofTier = (table: string, column: string) =>
      name === MDF_ALL_TIERS ? "" : `,${columnRef(table, column)},${tier}`;
    const budget = `SUMIFS(${columnRef(TBL_MDF_BUDGET, MDF_BUDGET_COLUMNS.budget)},${columnRef(TBL_MDF_BUDGET, MDF_BUDGET_COLUMNS.year)},${MDF_YEAR}${ofTier(TBL_MDF_BUDGET, MDF_BUDGET_COLUMNS.tier)})`;
    const alloc = (amount: string) =>
      `SUMIFS(${columnRef(TBL_MDF_ALLOCATIONS, amount)},${columnRef(TBL_MDF_ALLOCATIONS, MDF_ALLOCATION_COLUMNS.year)},${MDF_YEAR}${ofTier(TBL_MDF_ALLOCATIONS, MDF_ALLOCATION_COLUMNS.tier)})`;
    const ratio = (over: string, under: string) =>
      formula(`IFERROR(IF(${under}<0.01,"",${over}/${under}),"")`);
    const m = MDF_COMPUTED_COLUMNS;
    return [
      name,
      orZero(budget),
      orZero(alloc(m.paid)),
      orZero(alloc(m.sourcedArr)),
      ratio(alloc(m.sourcedArr), alloc(m.paid)),
    ];
  };
  const c = MDF_DASH_COLUMNS;
  const money = (header: string, description?: string) => ({
    header,
    width: FIGURE_WIDTH,
    numberFormat: MONEY_FORMAT,
    description,
  });
  return {
    name: TBL_DASH_MDF,
    topLeft,
    columns: [
      { header: c.tier, width: LABEL_WIDTH },
      money(c.budget),
      money(c.paid),
      money(c.sourcedArr, "Sourced ARR of the year of the partners given MDF."),
      {
        header: c.arrPerDollar,
        width: FIGURE_WIDTH,
        numberFormat: RATIO_FORMAT,
        description: "Sourced ARR per MDF dollar paid: what MDF returned.",
      },
    ],
    rows: [...MDF_TIERS, MDF_ALL_TIERS].map(row),
  };
}

const MONEY_MILLIONS = '$#,##0.0,,"M"';

/** A headline figure: its words above it, the figure below in large type. */
const kpi = (at: CellRef, label: string, value: Formula, numberFormat: string): LooseCellPlan[] => [
  { at, value: label, style: "kpiLabel" },
  { at: { row: at.row + 1, column: at.column }, value, style: "kpi", numberFormat },
];

/** The Dashboard's title for a company: "Veridian Cloud partner program" (by formula on the sheet). */
export const dashboardTitle = (company: string): string => `${company} partner program`;

/** The title block and the headline figures: what a VP reads first. */
function headline(): { cells: LooseCellPlan[]; rows: number } {
  const tierCount = (tier: string): string =>
    `INDEX(${columnRef(TBL_DASH_TIERS, TIER_COUNT_COLUMNS.partners)},MATCH("${tier}",${columnRef(TBL_DASH_TIERS, TIER_COUNT_COLUMNS.tier)},0))`;
  const openErrors = `SUMIFS(${columnRef(TBL_DASH_CHECKS, CHECK_COLUMNS.open)},${columnRef(TBL_DASH_CHECKS, CHECK_COLUMNS.severity)},"Error")`;
  const cells: LooseCellPlan[] = [
    {
      at: { row: 0, column: 0 },
      value: formula(`${settingRef("company")}&${textLiteral(dashboardTitle(""))}`),
      style: "title",
    },
    {
      at: { row: 1, column: 0 },
      value: formula("TODAY()"),
      style: "kpiLabel",
      numberFormat: '"As of "d mmmm yyyy',
    },
    {
      at: { row: 2, column: 0 },
      value: formula(
        `IF(${latest}="","No quarterly data yet.","Latest quarter in the data: "&${latest}&".")&" Every figure is a formula over the program's sheets; Validate in the task pane for each finding's cell."`
      ),
      style: "note",
    },
    ...kpi(
      { row: 4, column: 0 },
      "Partner-sourced ARR, all quarters",
      formula(summaryValue("sourcedArr")),
      MONEY_MILLIONS
    ),
    ...kpi(
      { row: 4, column: 1 },
      "Target",
      formula(summaryValue("targetSourcedArr")),
      MONEY_MILLIONS
    ),
    ...kpi({ row: 4, column: 2 }, "Progress", formula(summaryValue("progress")), PERCENT_FORMAT),
    ...kpi({ row: 4, column: 3 }, "Open errors", formula(openErrors), "0"),
    ...kpi(
      { row: 4, column: 4 },
      "Registrations within SLA",
      formula(summaryValue("slaCompliance")),
      PERCENT_FORMAT
    ),
    ...kpi(
      { row: 7, column: 0 },
      "Partners, latest quarter (Exited left out)",
      formula(TIERS_HIGHEST_FIRST.map(tierCount).join("+")),
      "0"
    ),
    ...TIERS_HIGHEST_FIRST.flatMap((tier, i) =>
      kpi({ row: 7, column: 1 + i }, tier, formula(tierCount(tier)), "0")
    ),
  ];
  return { cells, rows: 10 };
}

/**
 * The program at a glance: a title block with the company and the date, the headline figures in large type, then
 * each summary with its chart beside it: partners by tier against the landscape's targets, by band, partner-sourced
 * and influenced ARR by quarter against the target, open findings by rule; then the revenue measures and who to
 * recruit first. Every figure is a formula over the other sheets' tables, and every chart draws from these tables,
 * in Excel and in the .xlsx file alike.
 */
export function dashboardSheetPlan(): SheetPlan {
  interface Section {
    /** A formula where it names a figure ("…, 2026"). */
    readonly title: string | Formula;
    readonly build: (at: CellRef) => TablePlan;
    readonly chart?: Omit<ChartPlan, "at" | "size" | "table">;
  }
  const sections: readonly Section[] = [
    {
      title: "Partners by tier (latest quarter)",
      build: tiersTable,
      chart: {
        kind: "column",
        title: "Partners by tier against the landscape target",
        categoryColumn: TIER_COUNT_COLUMNS.tier,
        series: [
          { column: TIER_COUNT_COLUMNS.partners },
          { column: TIER_COUNT_COLUMNS.landscapeTarget },
        ],
      },
    },
    {
      title: "Partners by attractiveness band",
      build: bandsTable,
      chart: {
        kind: "column",
        title: "Partners by attractiveness band",
        categoryColumn: BAND_COUNT_COLUMNS.band,
        series: [{ column: BAND_COUNT_COLUMNS.partners }],
      },
    },
    {
      title: "Partner-sourced and partner-influenced ARR by quarter",
      build: quartersTable,
      chart: {
        kind: "column",
        title: "Partner-sourced and influenced ARR by quarter against the target",
        categoryColumn: QUARTER_COLUMNS.quarter,
        series: [
          { column: QUARTER_COLUMNS.sourced },
          { column: QUARTER_COLUMNS.influenced },
          { column: QUARTER_COLUMNS.target, line: true },
        ],
      },
    },
    {
      title: "Quality checks",
      build: checksTable,
      chart: {
        kind: "bar",
        title: "Open findings by rule",
        categoryColumn: CHECK_COLUMNS.check,
        series: [{ column: CHECK_COLUMNS.open }],
      },
    },
    { title: "Open findings by severity", build: severityTable },
    {
      title: formula(`"Market development funds by tier, "&${MDF_YEAR}`),
      build: mdfTable,
    },
    { title: "Revenue against target", build: summaryTable },
    { title: `Recruit first: the top ${RECRUIT_TOP}`, build: recruitTable },
  ];
  const top = headline();
  const tables: TablePlan[] = [];
  const charts: ChartPlan[] = [];
  const cells: LooseCellPlan[] = [...top.cells];
  let row = top.rows;
  for (const section of sections) {
    cells.push({ at: { row, column: 0 }, value: section.title, style: "subtitle" });
    const table = { noFilterButtons: true, ...section.build({ row: row + 1, column: 0 }) };
    tables.push(table);
    let height = dataRowCount(table) + 2;
    if (section.chart !== undefined) {
      // Horizontal bars get room for a two-line label each, the title and the axis, so every label shows.
      const rows =
        section.chart.kind === "bar"
          ? Math.max(CHART_SIZE.rows, Math.ceil(dataRowCount(table) * 1.5) + 3)
          : CHART_SIZE.rows;
      charts.push({
        ...section.chart,
        table: table.name,
        at: { row, column: CHART_COLUMN },
        size: { columns: CHART_SIZE.columns, rows },
      });
      height = Math.max(height, rows);
    }
    row += height + 1;
  }
  return { name: DASHBOARD_SHEET, freezeRows: 0, hideGridlines: true, cells, tables, charts };
}
