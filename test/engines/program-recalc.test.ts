import { Workbook } from "exceljs";
import { mkdtemp, rm, writeFile } from "fs/promises";
import { tmpdir } from "os";
import { join } from "path";
import {
  attributionByQuarter,
  attributionByYear,
  CompanyArrRow,
  PartnerArrRow,
} from "../../src/domain/attribution";
import { addMonths, formatDate, isWithinMonths, readDate } from "../../src/domain/cells";
import { lockedPartners, recruitmentOrder, SAMPLE_COMPETITORS } from "../../src/domain/competitors";
import {
  decide,
  DECISION_INPUTS,
  DecisionInputs,
  nextReviewDate,
  parseDecisionInputs,
} from "../../src/domain/decisions";
import {
  isOverdue,
  nextMeetingDue,
  PLAYBOOK_EXECUTIVES,
  readCadence,
} from "../../src/domain/executives";
import { Severity } from "../../src/domain/findings";
import {
  LANDSCAPE_COLUMNS,
  LANDSCAPE_TIER_PROFILES,
  PARTNER_STATUSES,
} from "../../src/domain/landscape";
import { OkrEntry, okrEntries, okrProgress } from "../../src/domain/okrs";
import { formatQuarter, parseQuarter } from "../../src/domain/quarters";
import { RACI_DECISIONS, raciCheck } from "../../src/domain/raci";
import { roadmapEntries } from "../../src/domain/roadmap";
import { attractivenessScore, BANDS, parseRatings, scoreBand } from "../../src/domain/scoring";
import {
  DEFAULT_PROGRAM_SETTINGS,
  ProgramSettings,
  yearOneTargets,
} from "../../src/domain/settings";
import { thesisStatement } from "../../src/domain/thesis";
import {
  attributionSheetPlan,
  TBL_ATTRIBUTION,
  TBL_ATTRIBUTION_YEARS,
} from "../../src/workbook/attributionSheet";
import { competitorsSheetPlan } from "../../src/workbook/competitorsSheet";
import {
  CHECK_COLUMNS,
  dashboardSheetPlan,
  MDF_ALL_TIERS,
  MDF_DASH_COLUMNS,
  MEASURES,
  NOT_YET_RATED,
  RECRUIT_TOP,
  TBL_DASH_BANDS,
  TBL_DASH_CHECKS,
  TBL_DASH_MDF,
  TBL_DASH_RECRUIT,
  TBL_DASH_SEVERITY,
  TBL_DASH_SUMMARY,
  TBL_DASH_TIERS,
} from "../../src/workbook/dashboardSheet";
import {
  ALL_TIERS,
  DealRegistrationEntry,
  dealRegistrationsSheetPlan,
  TBL_DEAL_COMPLIANCE,
  TBL_DEAL_REGISTRATIONS,
} from "../../src/workbook/dealRegistrationsSheet";
import {
  DEFAULT_SLA,
  responseBusinessDays,
  responseHours,
  slaCompliance,
  slaOutcome,
  timestampOf,
} from "../../src/domain/dealRegistrations";
import { DecisionEntry, decisionsSheetPlan } from "../../src/workbook/decisionsSheet";
import { executivesSheetPlan } from "../../src/workbook/executivesSheet";
import { landscapePartners, landscapeSheetPlan } from "../../src/workbook/landscapeSheet";
import { modelsSheetPlan } from "../../src/workbook/modelsSheet";
import {
  MDF_ALLOCATION_COLUMNS,
  MDF_BUDGET_COLUMNS,
  MDF_CLAIM_COLUMNS,
  MDF_TIERS,
  MdfReturn,
  mdfReturns,
} from "../../src/domain/mdf";
import {
  MDF_COMPUTED_COLUMNS,
  MdfClaimEntry,
  MdfData,
  mdfSheetPlans,
  TBL_MDF_ALLOCATIONS,
  TBL_MDF_BUDGET,
  TBL_MDF_CLAIMS,
} from "../../src/workbook/mdfSheet";
import { okrsSheetPlan } from "../../src/workbook/okrsSheet";
import { CellPlan, isFormula, SheetPlan, TablePlan, WorkbookPlan } from "../../src/workbook/plan";
import { programSheets, sampleData } from "../../src/workbook/programSheets";
import { raciSheetPlan } from "../../src/workbook/raciSheet";
import { roadmapSheetPlan } from "../../src/workbook/roadmapSheet";
import { SAMPLE_PARTNERS } from "../../src/workbook/sample";
import { RatedPartner } from "../../src/workbook/scoringSheet";
import { settingsSheetPlan } from "../../src/workbook/settingsSheet";
import { thesisSheetPlan } from "../../src/workbook/thesisSheet";
import { TBL_QUARTERLY, TBL_TIER_REVIEW } from "../../src/workbook/tierSheets";
import { checkProgramHealth, ProgramHealth, tableSet } from "../../src/workbook/healthCheck";
import { HEALTH_RULES, healthRuleOf } from "../../src/workbook/healthRules";
import { excelSerial } from "../../src/workbook/dates";
import { SampleQuarter } from "../../src/workbook/quarterlySample";
import { readTables } from "../../src/xlsx/readTables";
import { tableValues } from "../../src/xlsx/tableValues";
import { writePlanToBuffer } from "../../src/xlsx/writePlan";
import { assembleProgram } from "../../src/workbook/programPlan";
import { describeWithEngine, LIBREOFFICE } from "./engine";
import { recalculate } from "./libreoffice";

/** LibreOffice's TODAY() on this machine (UTC), which the overdue and freshness formulas compare with. */
const TODAY = new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000);
const daysBefore = (date: Date, days: number): Date => new Date(date.getTime() - days * 86_400_000);
/** The sample company's worked example, dated from TODAY. */
const SAMPLE = sampleData(TODAY);

// ---- The edge-case program: every formula's boundaries, on data the domain also judges. ----

const EDGE_SETTINGS: ProgramSettings = {
  ...DEFAULT_PROGRAM_SETTINGS,
  company: '=Acme "Labs" & Co',
  partnerShare: 0.125,
  years: 1,
  markets: ["Brazil"],
  priorityModels: ["Referral"],
  programYear: TODAY.getUTCFullYear(),
};

/** Partners on the Landscape that the Scoring sheet does not rate: formula-like and quoted names. */
const UNSCORED: readonly RatedPartner[] = [
  { name: "=SUM(1,2)", type: "Boutique", ratings: [null, null, null, null, null] },
  { name: "O'Brien & Co", type: "Long-tail", ratings: [null, null, null, null, null] },
];

const EDGE_COMPETITORS = [
  { ...SAMPLE_COMPETITORS[0]!, lastRefreshed: addMonths(TODAY, -6) },
  {
    ...SAMPLE_COMPETITORS[1]!,
    keyPartners: ["KPMG ; Infosys", "deloitte"],
    lastRefreshed: daysBefore(addMonths(TODAY, -6), 1),
  },
  { ...SAMPLE_COMPETITORS[2]!, lastRefreshed: undefined },
  {
    competitor: "Nimbus Risk",
    keyPartners: ["Northwind", "Harbor Lane Consulting"],
    model: "Referral" as const,
    strength: "Referral deals with regional advisors",
    lastRefreshed: TODAY,
  },
];

/** A fixed walk through the matrix's inputs: every rule, its neighbours and the 18-month boundary. */
function edgeDecisions(): DecisionEntry[] {
  let seed = 7;
  const next = (): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const months = [undefined, 0, 18, 19, 24];
  return Array.from({ length: 40 }, (_, i) => {
    const flag = (): boolean => next() < 0.5;
    const inputs: DecisionInputs = {
      core: flag(),
      capacity: flag(),
      adjacent: flag(),
      strongPartner: flag(),
      positiveEconomics: flag(),
      critical: flag(),
      buildMonths: months[i % months.length],
      acquisitionTarget: flag(),
      newMarket: flag(),
      localPresence: flag(),
    };
    return {
      capability: `Capability ${i + 1}`,
      inputs,
      rationale: decide(inputs).rationale,
      partnerConsidered: i % 3 === 0 ? "" : "PwC",
      financeInput: i % 4 === 0 ? "" : "Margin reviewed",
      decided: i % 5 === 0 ? undefined : addMonths(TODAY, -i),
    };
  });
}

const EDGE_RACI = [
  ...RACI_DECISIONS,
  { decision: "No accountable", letters: ["R", "C", "I", "I", "C", "C"] },
  { decision: "Two accountable", letters: ["A", "R", "A", "I", null, null] },
  { decision: "No responsible", letters: ["A", "C", "C", "I", "I", "I"] },
  { decision: "Lower case and spaces", letters: ["a", " R ", "c", null, null, "i"] },
  { decision: "Bad letters", letters: ["A", "R", "X", "AR", null, "Q"] },
  {
    decision: "A long note",
    letters: ["A", "R", "This note is far longer than forty characters, surely", null, null, null],
  },
  { decision: "Nothing assigned", letters: [null, null, null, null, null, null] },
  { decision: "Three A and a bad one", letters: ["A", "A", "A", "Z", null, null] },
];

function edgeOkrs(): OkrEntry[] {
  const entries = okrEntries(EDGE_SETTINGS);
  const currents = [3, -1, 0.5, 100, 5_000_000, 0, 1, 0.99, 2];
  return [
    ...entries.map((e, i) => ({ ...e, current: currents[i % currents.length]! })),
    {
      objective: "Grow the partner community",
      keyResult: "Host 4 partner webinars",
      indicator: "Leading",
      target: 4,
      unit: "count",
      owner: "VP Alliance GTM",
      current: 1,
    },
    {
      objective: "Grow the partner community",
      keyResult: "Zero target, nothing to measure against",
      indicator: "Leading",
      target: 0,
      unit: "count",
      owner: "VP Alliance GTM",
      current: 1,
    },
  ];
}

function edgeRoadmap() {
  const statuses = ["Done", "In progress", "Not started", "At risk"] as const;
  return roadmapEntries(EDGE_SETTINGS).map((e, i) => ({ ...e, status: statuses[i % 4]! }));
}

const EDGE_EXECUTIVES = [
  // Due today: not yet overdue.
  { ...PLAYBOOK_EXECUTIVES[0]!, lastMeeting: addMonths(TODAY, -1) },
  // A Platinum partner without our counterpart; its meeting was due yesterday.
  { ...PLAYBOOK_EXECUTIVES[1]!, counterpart: "", lastMeeting: daysBefore(addMonths(TODAY, -3), 1) },
  // From a month's last day: EDATE keeps to the shorter month's end.
  {
    partner: "Cognizant",
    partnerExecutive: "Head of Alliances",
    counterpart: "VP Alliance GTM",
    cadence: "Semi-annual" as const,
    lastMeeting: new Date(Date.UTC(2025, 7, 31)),
  },
  {
    partner: "KPMG",
    partnerExecutive: "Partner",
    counterpart: "CPO",
    cadence: "Annual" as const,
    lastMeeting: undefined,
  },
  {
    partner: "Infosys",
    partnerExecutive: "VP",
    counterpart: "CPO",
    cadence: "Monthly" as const,
    lastMeeting: TODAY,
  },
];

/** Registrations on the SLA's boundaries: exactly 48 hours, 48 hours and a second, a weekend inside Gold's 5 business days, pending past the SLA. */
const EDGE_REGISTRATIONS: readonly DealRegistrationEntry[] = (() => {
  const hour = 3_600_000;
  // A Friday at 16:00 a few weeks back.
  const friday = new Date(
    TODAY.getTime() - ((TODAY.getUTCDay() + 2) % 7) * 86_400_000 - 21 * 86_400_000 + 16 * hour
  );
  const entry = (
    i: number,
    tier: string,
    submitted: Date,
    decided: Date | undefined
  ): DealRegistrationEntry => ({
    id: `DR-${i}`,
    partner: `Partner ${i}`,
    tier,
    submitted,
    decided,
    decision: decided === undefined ? "Pending" : "Approved",
    acv: 10_000 * i,
    protectionEnds: undefined,
  });
  const at = (from: Date, hours: number) => new Date(from.getTime() + hours * hour);
  return [
    entry(1, "Gold", friday, at(friday, 48)),
    entry(2, "Silver", friday, at(friday, 48 + 1 / 3600)),
    entry(3, "Gold", friday, at(friday, 7 * 24 - 8)), // next Friday 08:00: 5 business days
    entry(4, "Gold", friday, at(friday, 10 * 24 - 8)), // the Monday after: 6
    entry(5, "Platinum", at(friday, -24 * 30), undefined), // pending for a month
    entry(6, "platinum", friday, at(friday, 3)),
  ];
})();

/**
 * MDF on the rules' boundaries: a Platinum budget allocated to the dollar, Gold's over it, Platinum allocated
 * in a year without its budget line, a Silver partner given MDF, claims of a name in another case, of another
 * year, a cent above approval, without a campaign.
 */
const EDGE_MDF: MdfData = (() => {
  const on = (text: string) => new Date(`${text}T00:00:00Z`);
  const claim = (
    id: string,
    partner: string,
    campaign: string,
    requestedOn: string,
    approved: number,
    claimed: number,
    paid: number | undefined
  ): MdfClaimEntry => ({
    id,
    partner,
    campaign,
    requestedOn: on(requestedOn),
    requested: approved,
    approved,
    claimed,
    paid,
    paidOn: paid === undefined ? undefined : addMonths(on(requestedOn), 2),
  });
  return {
    budget: [
      { year: 2026, tier: "Platinum", budget: 300_000 },
      { year: 2026, tier: "Gold", budget: 100_000 },
      { year: 2025, tier: "Gold", budget: 50_000 },
      { year: 2027, tier: "Gold", budget: 80_000 },
    ],
    allocations: [
      { year: 2026, partner: "Accenture", tier: "Platinum", allocated: 180_000 },
      { year: 2026, partner: "PwC", tier: "Platinum", allocated: 120_000 },
      { year: 2026, partner: "Deloitte", tier: "Gold", allocated: 60_000 },
      { year: 2026, partner: "Cognizant", tier: "Gold", allocated: 50_000 },
      { year: 2026, partner: "Kestrel Data Platform", tier: "Silver", allocated: 10_000 },
      { year: 2025, partner: "Infosys", tier: "Gold", allocated: 50_000 },
      // No Platinum budget line for 2025: one finding for the tier-year, not one per partner.
      { year: 2025, partner: "PwC", tier: "Platinum", allocated: 40_000 },
      { year: 2025, partner: "Accenture", tier: "Platinum", allocated: 30_000 },
    ],
    claims: [
      claim("E-1", "accenture", "Summit", "2026-02-10", 75_000, 75_000, 75_000),
      claim("E-2", "PwC", "Roundtables", "2026-03-03", 50_000, 50_000.01, 50_000),
      claim("E-3", "Deloitte", "", "2026-04-01", 10_000, 10_000, undefined),
      claim("E-4", "Accenture", "Webinars", "2025-12-30", 20_000, 20_000, 20_000),
      claim("E-5", "Infosys", "Booth", "2025-05-05", 30_000, 30_000, 30_000),
    ],
  };
})();

/**
 * The company's ARR on the edges of the shares: an earlier quarter of its own (a year with one quarter), a year
 * with its last quarter missing (no share), a quarter of 0 (no share of its own, yet part of its year's ARR).
 */
const EDGE_COMPANY_ARR: readonly CompanyArrRow[] = [
  { quarter: "2024-Q4", companyArr: 3_000_000 },
  { quarter: `${EDGE_SETTINGS.programYear - 1}-Q1`, companyArr: 3_500_000 },
  { quarter: `${EDGE_SETTINGS.programYear - 1}-Q2`, companyArr: 3_600_000 },
  { quarter: `${EDGE_SETTINGS.programYear - 1}-Q3`, companyArr: 3_700_000 },
  { quarter: `${EDGE_SETTINGS.programYear}-Q1`, companyArr: 0 },
  { quarter: `${EDGE_SETTINGS.programYear}-Q2`, companyArr: 4_000_000 },
  { quarter: `${EDGE_SETTINGS.programYear}-Q3`, companyArr: 4_100_000 },
  { quarter: `${EDGE_SETTINGS.programYear}-Q4`, companyArr: 4_200_000 },
];

function edgeSheets(): SheetPlan[] {
  const landscape = landscapePartners(
    [...SAMPLE_PARTNERS, ...UNSCORED],
    EDGE_COMPETITORS,
    (p) => PARTNER_STATUSES[p.name.length % PARTNER_STATUSES.length]!
  );
  return [
    settingsSheetPlan(EDGE_SETTINGS),
    thesisSheetPlan({}, undefined),
    modelsSheetPlan(),
    landscapeSheetPlan(landscape),
    competitorsSheetPlan(EDGE_COMPETITORS, 1),
    attributionSheetPlan(EDGE_SETTINGS, EDGE_COMPANY_ARR),
    decisionsSheetPlan(edgeDecisions(), "portable", 2),
    okrsSheetPlan(edgeOkrs()),
    roadmapSheetPlan(edgeRoadmap(), EDGE_SETTINGS.programYear, addMonths(TODAY, -4)),
    raciSheetPlan(EDGE_RACI, "portable"),
    executivesSheetPlan(EDGE_EXECUTIVES),
    dealRegistrationsSheetPlan(EDGE_REGISTRATIONS),
    ...mdfSheetPlans(EDGE_MDF, EDGE_SETTINGS.programYear),
    dashboardSheetPlan(),
  ];
}

/** The workbook before the first quarter's data: an empty Quarterly table, nothing reviewed. */
function withoutQuarters(plan: WorkbookPlan): WorkbookPlan {
  return {
    sheets: plan.sheets.map((sheet) => ({
      ...sheet,
      tables: sheet.tables.map((t) =>
        t.name === TBL_QUARTERLY || t.name === TBL_TIER_REVIEW ? { ...t, rows: [] } : t
      ),
    })),
  };
}

/**
 * The plan with the Landscape's rows reversed, as an analyst who sorted them by hand leaves them: the
 * recruitment rank then takes its general path (counting keys), not the in-order one (row positions).
 */
function landscapeReversed(plan: WorkbookPlan): WorkbookPlan {
  return {
    sheets: plan.sheets.map((sheet) => ({
      ...sheet,
      tables: sheet.tables.map((t) =>
        t.name === "tblLandscape" ? { ...t, rows: [...t.rows].reverse() } : t
      ),
    })),
  };
}

const score = (p: RatedPartner): number | undefined => {
  const ratings = parseRatings(p.ratings);
  return ratings.ok ? attractivenessScore(ratings.value) : undefined;
};

/** The plan with one table's rows edited: the data an analyst changed after the workbook was written. */
function editRows(
  plan: WorkbookPlan,
  name: string,
  edit: (rows: readonly (readonly CellPlan[])[], headers: readonly string[]) => CellPlan[][]
): WorkbookPlan {
  return {
    sheets: plan.sheets.map((sheet) => ({
      ...sheet,
      tables: sheet.tables.map((t) =>
        t.name === name
          ? {
              ...t,
              rows: edit(
                t.rows,
                t.columns.map((c) => c.header)
              ),
            }
          : t
      ),
    })),
  };
}

/**
 * The sample recruited against the playbook: Secondary partners signed while the Priority ones are still being
 * recruited, Opportunistic ones active though none came inbound, two recruited before the thesis's sign-off,
 * weights adding up to 95, a key result without a target; in the quarterly data a partner's quarter missing,
 * one recorded tier left blank and a Platinum partner with no joint go-to-market activity.
 */
function recruitedOutOfOrder(): WorkbookPlan {
  const signOff = SAMPLE.signOff!.date;
  const band = (p: RatedPartner) => {
    const s = score(p);
    return s === undefined ? undefined : scoreBand(s);
  };
  const quarters = SAMPLE.quarters
    .filter((q) => !(q.partner === "Infosys" && q.quarter === "2025-Q3"))
    .map((q) =>
      q.partner === "Accenture"
        ? { ...q, jointGtmActivities: 0 }
        : q.partner === "Cognizant" && q.quarter === "2026-Q2"
          ? // A recorded tier left blank: the plan writes null as an empty cell.
            { ...q, recordedTier: null as unknown as SampleQuarter["recordedTier"] }
          : q
    );
  const data = {
    ...SAMPLE,
    quarters,
    status: (p: RatedPartner) =>
      (({ Priority: "Recruiting", Secondary: "Signed", Opportunistic: "Active" }) as const)[
        band(p) ?? "Priority"
      ],
  };
  let plan = assembleProgram(
    programSheets(DEFAULT_PROGRAM_SETTINGS, "portable", TODAY, data),
    "portable",
    data
  );
  plan = editRows(plan, "tblWeights", (rows) =>
    rows.map((r, i) => (i === rows.length - 1 ? [r[0]!, 5, ...r.slice(2)] : [...r]))
  );
  plan = editRows(plan, "tblOKRs", (rows, headers) =>
    rows.map((r, i) => (i === 1 ? r.map((c, j) => (headers[j] === "Target" ? null : c)) : [...r]))
  );
  return editRows(plan, "tblLandscape", (rows, headers) => {
    const since = headers.indexOf(LANDSCAPE_COLUMNS.statusSince);
    return rows.map((r, i) =>
      i < 2 ? r.map((c, j) => (j === since ? excelSerial(daysBefore(signOff, 1)) : c)) : [...r]
    );
  });
}

interface Case {
  readonly title: string;
  readonly settings: ProgramSettings;
  readonly plan: WorkbookPlan;
}

const NEW_PROGRAM: ProgramSettings = {
  ...DEFAULT_PROGRAM_SETTINGS,
  company: "Acme Analytics",
  years: 5,
};

const CASES: readonly Case[] = [
  {
    title: "the demo workbook",
    settings: DEFAULT_PROGRAM_SETTINGS,
    plan: assembleProgram(
      programSheets(DEFAULT_PROGRAM_SETTINGS, "portable", TODAY, SAMPLE),
      "portable",
      SAMPLE
    ),
  },
  {
    title: "a new program",
    settings: NEW_PROGRAM,
    plan: assembleProgram(
      programSheets(NEW_PROGRAM, "portable", TODAY, SAMPLE),
      "portable",
      SAMPLE
    ),
  },
  {
    title: "edge cases",
    settings: EDGE_SETTINGS,
    plan: assembleProgram(edgeSheets(), "portable", SAMPLE),
  },
  {
    title: "landscape rows out of rank order",
    settings: DEFAULT_PROGRAM_SETTINGS,
    plan: landscapeReversed(
      assembleProgram(
        programSheets(DEFAULT_PROGRAM_SETTINGS, "portable", TODAY, SAMPLE),
        "portable",
        SAMPLE
      )
    ),
  },
  {
    title: "no quarterly data yet",
    settings: NEW_PROGRAM,
    plan: withoutQuarters(
      assembleProgram(programSheets(NEW_PROGRAM, "portable", TODAY, SAMPLE), "portable", SAMPLE)
    ),
  },
];

/** The cases whose Dashboard is checked against validate: the above, and one that breaks the playbook's rules. */
const CHECK_CASES: readonly Case[] = [
  ...CASES,
  {
    title: "recruited against the playbook",
    settings: DEFAULT_PROGRAM_SETTINGS,
    plan: recruitedOutOfOrder(),
  },
];

// ---- Reading what LibreOffice shows. ----

const ERROR_CELL = /^(#NAME\?|#VALUE!|#REF!|#DIV\/0!|#NUM!|#NULL!|#N\/A|Err:\d+)$/;

/** A table of the plan as LibreOffice shows it: the plan's cells beside the texts computed from them. */
interface Shown {
  readonly plan: TablePlan;
  /** Data rows of texts, by header. */
  readonly rows: readonly Readonly<Record<string, string>>[];
  /** The planned cell of a row, by header. */
  readonly planned: (row: number, header: string) => CellPlan;
}

function shownTable(sheets: Map<string, string[][]>, plan: WorkbookPlan, name: string): Shown {
  const sheet = plan.sheets.find((s) => s.tables.some((t) => t.name === name));
  const table = sheet?.tables.find((t) => t.name === name);
  if (sheet === undefined || table === undefined) throw new Error(`no ${name} in the plan`);
  const grid = sheets.get(sheet.name);
  if (grid === undefined)
    throw new Error(`no ${sheet.name} sheet in ${[...sheets.keys()].join(", ")}`);
  const headers = table.columns.map((c) => c.header);
  const { row: top, column: left } = table.topLeft;
  expect(grid[top]!.slice(left, left + headers.length)).toEqual(headers);
  const rows = table.rows.map((_, r) =>
    Object.fromEntries(headers.map((h, c) => [h, grid[top + 1 + r]?.[left + c] ?? ""]))
  );
  return {
    plan: table,
    rows,
    planned: (row, header) => table.rows[row]![headers.indexOf(header)]!,
  };
}

/** A number as the CSV writes it: raw digits, or a percentage for cells formatted as one. */
function number(text: string | undefined): number {
  if (text === undefined) throw new Error("no such cell");
  const percent = /^(-?[\d.E+-]+)%$/.exec(text);
  const value = percent ? Number(percent[1]) / 100 : Number(text);
  if (text === "" || Number.isNaN(value)) throw new Error(`"${text}" is not a number`);
  return value;
}

/** What attribution reads from the plan: the quarterly rows' ARR and the company's ARR per quarter, as typed. */
function attributionInputs(plan: WorkbookPlan): {
  readonly partners: PartnerArrRow[];
  readonly company: CompanyArrRow[];
} {
  const tables = plan.sheets.flatMap((s) => s.tables);
  const cells = (name: string, header: string): CellPlan[] => {
    const table = tables.find((t) => t.name === name)!;
    const index = table.columns.findIndex((c) => c.header === header);
    return table.rows.map((r) => r[index]!);
  };
  const amount = (cell: CellPlan): number | undefined =>
    typeof cell === "number" ? cell : undefined;
  const sourced = cells(TBL_QUARTERLY, "Sourced ARR");
  const influenced = cells(TBL_QUARTERLY, "Influenced ARR");
  const companyArr = cells(TBL_ATTRIBUTION, "Company ARR");
  return {
    partners: cells(TBL_QUARTERLY, "Quarter").map((quarter, i) => ({
      quarter: String(quarter),
      sourcedArr: amount(sourced[i]!),
      influencedArr: amount(influenced[i]!),
    })),
    company: cells(TBL_ATTRIBUTION, "Quarter").map((quarter, i) => ({
      quarter: String(quarter),
      companyArr: amount(companyArr[i]!),
    })),
  };
}

describeWithEngine(LIBREOFFICE, "the program workbook recalculated", () => {
  let dir: string;
  const computed = new Map<string, Map<string, string[][]>>();
  const healthOf = new Map<string, ProgramHealth>();
  /** The rules each case's Dashboard counts something for. */
  const counted = new Map<string, Set<string>>();
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "ps-program-recalc-"));
    for (const [i, c] of CHECK_CASES.entries()) {
      const path = join(dir, `program-${i}.xlsx`);
      const bytes = await writePlanToBuffer(c.plan);
      await writeFile(path, bytes);
      computed.set(c.title, await recalculate(path));
      // What `validate` reads: the file as written, its formulas not yet computed.
      const tables = await readTables(new Uint8Array(bytes));
      const values = [...tables].map(([n, t]) => [n, tableValues(t, t.sheet, "keep")] as const);
      healthOf.set(c.title, checkProgramHealth(tableSet(values), { asOf: TODAY }));
    }
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  describe.each(CASES.map((c) => [c.title, c] as const))("%s", (title, c) => {
    const sheets = (): Map<string, string[][]> => computed.get(title)!;
    const table = (name: string): Shown => shownTable(sheets(), c.plan, name);

    test("every formula computes: no error anywhere, #N/A only for partners not yet rated", () => {
      expect([...sheets().keys()].sort()).toEqual(c.plan.sheets.map((s) => s.name).sort());
      const errors = [...sheets()].flatMap(([sheet, rows]) =>
        rows.flatMap((cells, r) =>
          cells.flatMap((text, col) =>
            ERROR_CELL.test(text) ? [`${sheet}!R${r + 1}C${col + 1} ${text}`] : []
          )
        )
      );
      const unrated = SAMPLE_PARTNERS.filter((p) => score(p) === undefined).length;
      expect(errors.filter((e) => !/^Scoring!.* #N\/A$/.test(e))).toEqual([]);
      expect(errors).toHaveLength(2 * unrated);
    });

    test("the thesis statement equals the domain's, assembled from the Settings sheet", () => {
      const lines = table("tblThesis").rows.map((r) => r.Statement);
      expect(lines.join("\n")).toBe(thesisStatement(c.settings));
    });

    test("every decision is the matrix's, every review date quarterly", () => {
      const decisions = table("tblDecisions");
      expect(decisions.rows.length).toBeGreaterThan(0);
      decisions.rows.forEach((row, i) => {
        const inputs = DECISION_INPUTS.map((d) => decisions.planned(i, d.label));
        const parsed = parseDecisionInputs(inputs);
        const expected =
          row["Capability / Market"] === "" ? "" : parsed.ok && decide(parsed.value).decision;
        expect({ id: row.ID, decision: row.Decision }).toEqual({ id: row.ID, decision: expected });
        const decided = readDate(decisions.planned(i, "Decided"));
        expect(row["Review Date"]).toBe(
          decided.ok ? formatDate(nextReviewDate(decided.value)) : ""
        );
      });
    });

    test("every RACI check equals raciCheck", () => {
      const raci = table("tblRACI");
      raci.rows.forEach((row, i) => {
        const letters = [
          "CPO",
          "VP Alliance GTM",
          "Director Partner Dev",
          "Director Partner Ops",
          "Finance",
          "Legal",
        ].map((role) => raci.planned(i, role));
        expect({ decision: row.Decision, check: row.Check }).toEqual({
          decision: row.Decision,
          check: raciCheck(letters),
        });
      });
    });

    test("OKR words and targets equal the domain's for the Settings sheet's settings", () => {
      const okrs = table("tblOKRs");
      const domain = okrEntries(c.settings);
      expect(
        okrs.rows
          .slice(0, domain.length)
          .map((r) => [r.Objective, r["Key Result"], number(r.Target)])
      ).toEqual(domain.map((e) => [e.objective, e.keyResult, e.target]));
    });

    test("deal registrations: hours, business days, SLA and compliance per tier equal the domain's", () => {
      const log = table(TBL_DEAL_REGISTRATIONS);
      const now = timestampOf(new Date());
      const registrations = log.plan.rows.flatMap((_, i) => {
        const submitted = log.planned(i, "Submitted");
        if (typeof submitted !== "number") return [];
        const decided = log.planned(i, "Decided");
        const registration = {
          submitted,
          decided: typeof decided === "number" ? decided : undefined,
        };
        const row = log.rows[i]!;
        const outcome = slaOutcome(registration, DEFAULT_SLA.hours, now);
        expect([row.SLA, row["Business Days"]]).toEqual([
          { met: "Met", breached: "Breached", open: "Open" }[outcome],
          String(responseBusinessDays(submitted, registration.decided ?? now)),
        ]);
        if (registration.decided !== undefined) {
          expect(number(row["Response Hours"])).toBeCloseTo(
            responseHours(submitted, registration.decided),
            1
          );
        }
        return [{ tier: String(log.planned(i, "Partner Tier")).toLowerCase(), registration }];
      });
      const compliance = table(TBL_DEAL_COMPLIANCE).rows;
      for (const r of compliance) {
        const mine = registrations.filter(
          (x) => r.Tier === ALL_TIERS || x.tier === r.Tier!.toLowerCase()
        );
        const { met, due, share } = slaCompliance(
          mine.map((x) => x.registration),
          DEFAULT_SLA.hours,
          now
        );
        expect([r.Tier, number(r.Due), number(r.Met)]).toEqual([r.Tier, due, met]);
        if (share === undefined) expect(r.Compliance).toBe("");
        else expect(number(r.Compliance)).toBeCloseTo(share, 2);
      }
    });

    test("MDF: each partner's and each tier's claims, payments, utilisation and returns equal mdfReturns", () => {
      const allocations = table(TBL_MDF_ALLOCATIONS);
      const budget = table(TBL_MDF_BUDGET);
      const claims = table(TBL_MDF_CLAIMS);
      const quarterly = table(TBL_QUARTERLY);
      const cells = <K extends string>(shown: Shown, columns: Readonly<Record<K, string>>) =>
        shown.plan.rows.map((_, i) =>
          Object.fromEntries(
            Object.entries<string>(columns).map(([key, header]) => [
              key,
              { value: shown.planned(i, header), cell: "" },
            ])
          )
        );
      const sourced = (partner: string, year: number) => {
        const rows = quarterly.plan.rows.flatMap((_, i) =>
          String(quarterly.planned(i, "Partner")).toLowerCase() === partner.toLowerCase() &&
          String(quarterly.planned(i, "Quarter")).startsWith(`${year}-Q`)
            ? [i]
            : []
        );
        const sum = (header: string) =>
          rows.reduce((a, i) => a + Number(quarterly.planned(i, header)), 0);
        return { pipeline: sum("Pipeline"), arr: sum("Sourced ARR") };
      };
      const returns = mdfReturns(
        cells(budget, MDF_BUDGET_COLUMNS),
        cells(allocations, MDF_ALLOCATION_COLUMNS),
        cells(claims, MDF_CLAIM_COLUMNS),
        sourced
      );
      const m = MDF_COMPUTED_COLUMNS;
      const FIGURES = [
        "claimed",
        "paid",
        "utilisation",
        "sourcedPipeline",
        "sourcedArr",
        "pipelinePerDollar",
        "arrPerDollar",
      ] as const;
      const shownReturn = (row: Readonly<Record<string, string>>) => {
        const figure = (header: string) => (row[header] === "" ? undefined : number(row[header]));
        return {
          claimed: figure(m.claimed),
          paid: figure(m.paid),
          utilisation: figure(m.utilisation),
          sourcedPipeline: figure(m.sourcedPipeline),
          sourcedArr: figure(m.sourcedArr),
          pipelinePerDollar: figure(m.pipelinePerDollar),
          arrPerDollar: figure(m.arrPerDollar),
        };
      };
      const expected = (r: MdfReturn | undefined) =>
        r === undefined
          ? undefined
          : Object.fromEntries(
              FIGURES.map((k) => {
                const v = r[k];
                return [k, v === undefined ? undefined : expect.closeTo(v, 6)];
              })
            );
      expect(allocations.rows.map(shownReturn)).toEqual(returns.partners.map(expected));
      expect(budget.rows.map(shownReturn)).toEqual(returns.tiers.map(expected));
      expect(budget.rows.map((r) => r[m.allocated])).toEqual(
        returns.tiers.map((r) => (r === undefined ? "" : String(r.allocated)))
      );
      // Claims draw on the year of their request.
      expect(claims.rows.map((r) => r[m.claimYear])).toEqual(
        claims.plan.rows.map((_, i) => {
          const on = readDate(claims.planned(i, MDF_CLAIM_COLUMNS.requestedOn));
          return on.ok ? String(on.value.getUTCFullYear()) : "";
        })
      );

      // The Dashboard's MDF by tier: the year of the latest quarter (the program year before any data).
      const latest = quarterly.plan.rows.reduce<string>((a, _, i) => {
        const label = String(quarterly.planned(i, "Quarter"));
        return label > a ? label : a;
      }, "");
      const year = latest === "" ? c.settings.programYear : Number(latest.slice(0, 4));
      const dash = table(TBL_DASH_MDF).rows;
      const inYear = (tier: string | undefined) =>
        allocations.plan.rows.flatMap((_, i) => {
          const allocatedTier = String(allocations.planned(i, MDF_ALLOCATION_COLUMNS.tier));
          return allocations.planned(i, MDF_ALLOCATION_COLUMNS.year) === year &&
            (tier === undefined || allocatedTier.toLowerCase() === tier.toLowerCase())
            ? [returns.partners[i]!]
            : [];
        });
      expect(dash.map((r) => r[MDF_DASH_COLUMNS.tier])).toEqual([...MDF_TIERS, MDF_ALL_TIERS]);
      for (const row of dash) {
        const tier =
          row[MDF_DASH_COLUMNS.tier] === MDF_ALL_TIERS ? undefined : row[MDF_DASH_COLUMNS.tier];
        const members = inYear(tier);
        const paid = members.reduce((a, r) => a + r.paid, 0);
        const arr = members.reduce((a, r) => a + r.sourcedArr, 0);
        const budgetOf = budget.plan.rows.reduce((a, _, i) => {
          const same =
            budget.planned(i, MDF_BUDGET_COLUMNS.year) === year &&
            (tier === undefined || budget.planned(i, MDF_BUDGET_COLUMNS.tier) === tier);
          return a + (same ? Number(budget.planned(i, MDF_BUDGET_COLUMNS.budget) ?? 0) : 0);
        }, 0);
        expect({
          budget: number(row[MDF_DASH_COLUMNS.budget]),
          paid: number(row[MDF_DASH_COLUMNS.paid]),
          sourcedArr: number(row[MDF_DASH_COLUMNS.sourcedArr]),
          arrPerDollar:
            row[MDF_DASH_COLUMNS.arrPerDollar] === ""
              ? undefined
              : number(row[MDF_DASH_COLUMNS.arrPerDollar]),
        }).toEqual({
          budget: budgetOf,
          paid,
          sourcedArr: arr,
          arrPerDollar: paid < 0.01 ? undefined : expect.closeTo(arr / paid, 6),
        });
      }

      // SLA compliance against its target, as the Deal Registrations sheet computes it.
      const summary = new Map(table(TBL_DASH_SUMMARY).rows.map((r) => [r.Measure, r.Value]));
      const all = table(TBL_DEAL_COMPLIANCE).rows.find((r) => r.Tier === ALL_TIERS)!;
      expect(summary.get(MEASURES.slaCompliance)).toBe(all.Compliance);
      expect(number(summary.get(MEASURES.slaTarget))).toBe(DEFAULT_SLA.target);
    });

    test("OKR progress equals okrProgress", () => {
      const okrs = table("tblOKRs");
      okrs.rows.forEach((row, i) => {
        // A target computed from the settings is read as LibreOffice shows it.
        const planned = okrs.planned(i, "Target");
        const target = isFormula(planned) ? number(row.Target) : planned;
        // The SLA key result's Current is the deal registrations' compliance, computed.
        const plannedCurrent = okrs.planned(i, "Current");
        const current = !isFormula(plannedCurrent)
          ? plannedCurrent
          : row.Current === ""
            ? null
            : number(row.Current);
        const progress = okrProgress(target, current);
        if (progress.ok) expect(number(row.Progress)).toBeCloseTo(progress.value, 9);
        else expect(row.Progress).toBe("");
      });
    });

    test("executives: next meeting due as nextMeetingDue, overdue as isOverdue", () => {
      const executives = table("tblExecutives");
      executives.rows.forEach((row, i) => {
        const last = readDate(executives.planned(i, "Last Meeting"));
        const cadence = readCadence(executives.planned(i, "Relationship Cadence"));
        const due = last.ok && cadence ? nextMeetingDue(last.value, cadence) : undefined;
        expect({ partner: row.Partner, due: row["Next Due"], overdue: row.Overdue }).toEqual({
          partner: row.Partner,
          due: due ? formatDate(due) : "",
          overdue: due ? (isOverdue(due, TODAY) ? "Yes" : "No") : "",
        });
      });
    });

    test("competitors: refreshed within 6 months as isWithinMonths", () => {
      const competitors = table("tblCompetitors");
      competitors.rows.forEach((row, i) => {
        const refreshed = readDate(competitors.planned(i, "Last Refreshed"));
        const expected =
          row.Competitor === ""
            ? ""
            : refreshed.ok && isWithinMonths(refreshed.value, TODAY, 6)
              ? "Yes"
              : "No";
        expect(row["Refreshed in Last 6 Months"]).toBe(expected);
      });
    });

    test("landscape: the competitor that locked each partner, its score, and the recruitment order", () => {
      const landscape = table("tblLandscape");
      const competitors = table("tblCompetitors").rows.map((r) => ({
        competitor: r.Competitor!,
        keyPartners: r["Key Partners"],
      }));
      const partners = landscape.rows.map((r) => ({ partner: r.Partner! }));
      const locks = lockedPartners(partners, competitors);
      const byName = new Map(SAMPLE_PARTNERS.map((p) => [p.name, p]));
      landscape.rows.forEach((row) => {
        const rated = byName.get(row.Partner!);
        const s = rated && score(rated);
        expect({
          partner: row.Partner,
          locked: row["Locked to Competitor"],
          band: row.Band,
        }).toEqual({
          partner: row.Partner,
          locked: locks.get(row.Partner!.toLowerCase())?.[0] ?? "",
          band: s === undefined ? "" : scoreBand(s),
        });
        if (s === undefined) expect(row.Score).toBe("");
        else expect(number(row.Score)).toBeCloseTo(s, 9);
      });
      const order = recruitmentOrder(
        landscape.rows.map((r) => {
          const rated = byName.get(r.Partner!);
          return { partner: r.Partner!, score: rated && score(rated) };
        }),
        locks
      ).map((t) => t.partner);
      const byRank = [...landscape.rows]
        .sort((a, b) => number(a["Recruitment Rank"]) - number(b["Recruitment Rank"]))
        .map((r) => r.Partner);
      expect(byRank).toEqual(order);
      expect(
        landscape.rows.map((r) => number(r["Recruitment Rank"])).sort((a, b) => a - b)
      ).toEqual(landscape.rows.map((_, i) => i + 1));
    });

    test("roadmap: the quarter of each due date, the band in that quarter's column", () => {
      const roadmap = table("tblRoadmap");
      const bands = roadmap.plan.columns.slice(8).map((col) => col.header);
      roadmap.rows.forEach((row, i) => {
        const due = readDate(roadmap.planned(i, "Due"));
        const quarter = due.ok ? parseQuarter(formatDate(due.value)) : undefined;
        const label = quarter?.ok ? formatQuarter(quarter.value) : "";
        expect(row.Quarter).toBe(label);
        expect(bands.map((b) => row[b])).toEqual(bands.map((b) => (b === label ? row.Status : "")));
      });
    });

    test("attribution: each quarter's and each year's ARR and shares equal the domain's, sourced and influenced apart", () => {
      const { partners, company } = attributionInputs(c.plan);
      const shownPeriod = (row: Readonly<Record<string, string>>) => ({
        sourcedArr: number(row["Sourced ARR"]),
        influencedArr: number(row["Influenced ARR"]),
        companyArr: row["Company ARR"] === "" ? undefined : number(row["Company ARR"]),
      });
      const expectShares = (
        row: Readonly<Record<string, string>>,
        period: { readonly sourcedShare?: number; readonly influencedShare?: number }
      ) => {
        for (const [header, share] of [
          ["Sourced Share", period.sourcedShare],
          ["Influenced Share", period.influencedShare],
        ] as const) {
          if (share === undefined)
            expect({ header, shown: row[header] }).toEqual({ header, shown: "" });
          else expect(number(row[header])).toBeCloseTo(share, 9);
        }
      };

      const quarters = table(TBL_ATTRIBUTION).rows;
      const byQuarter = attributionByQuarter(partners, company);
      expect(quarters.map((r) => r.Quarter)).toEqual(byQuarter.map((p) => p.quarter));
      quarters.forEach((row, i) => {
        const p = byQuarter[i]!;
        expect({ quarter: row.Quarter, ...shownPeriod(row) }).toEqual({
          quarter: p.quarter,
          sourcedArr: p.sourcedArr,
          influencedArr: p.influencedArr,
          companyArr: p.companyArr,
        });
        expectShares(row, p);
      });

      const years = table(TBL_ATTRIBUTION_YEARS).rows;
      const byYear = attributionByYear(
        partners,
        company,
        years.map((r) => number(r["Program Year"]))
      );
      years.forEach((row, i) => {
        const p = byYear[i]!;
        expect({ year: row["Program Year"], ...shownPeriod(row) }).toEqual({
          year: String(p.year),
          sourcedArr: p.sourcedArr,
          influencedArr: p.influencedArr,
          companyArr: p.companyArr,
        });
        expectShares(row, p);
      });
    });

    test("dashboard: every figure equals what the domain computes from the same data", () => {
      const summary = new Map(table(TBL_DASH_SUMMARY).rows.map((r) => [r.Measure, r.Value]));
      const value = (m: keyof typeof MEASURES): string => summary.get(MEASURES[m])!;

      const quarterly = table("tblQuarterly");
      const q = quarterly.plan.rows.map((_, i) => ({
        partner: String(quarterly.planned(i, "Partner")),
        quarter: String(quarterly.planned(i, "Quarter")),
        pipeline: Number(quarterly.planned(i, "Pipeline")),
        sourced: Number(quarterly.planned(i, "Sourced ARR")),
        influenced: Number(quarterly.planned(i, "Influenced ARR")),
        tier: String(quarterly.planned(i, "Recorded Tier")),
      }));
      const latest = q.reduce((a, r) => (r.quarter > a ? r.quarter : a), "");
      const sum = (rows: typeof q, f: (r: (typeof q)[number]) => number) =>
        rows.reduce((a, r) => a + f(r), 0);
      const inYear = q.filter((r) => r.quarter.startsWith(`${c.settings.programYear}-Q`));
      const sourced = sum(q, (r) => r.sourced);
      const targets = yearOneTargets(c.settings);
      const targetSourced = c.settings.partnerShare * c.settings.targetArr;
      expect(value("latestQuarter")).toBe(latest);
      expect({
        landscape: number(value("landscapePartners")),
        pipelineLatest: number(value("pipelineLatest")),
        pipelineYear: number(value("pipelineYear")),
        pipelineYearTarget: number(value("pipelineYearTarget")),
        sourcedArr: number(value("sourcedArr")),
        influencedArr: number(value("influencedArr")),
        currentArr: number(value("currentArr")),
        sourcedYear: number(value("sourcedYear")),
        sourcedYearTarget: number(value("sourcedYearTarget")),
        targetShare: number(value("targetShare")),
        targetSourcedArr: number(value("targetSourcedArr")),
      }).toEqual({
        landscape: table("tblLandscape").rows.length,
        pipelineLatest: sum(
          q.filter((r) => r.quarter === latest),
          (r) => r.pipeline
        ),
        pipelineYear: sum(inYear, (r) => r.pipeline),
        pipelineYearTarget: targets.pipeline,
        sourcedArr: sourced,
        influencedArr: sum(q, (r) => r.influenced),
        currentArr: c.settings.currentArr,
        sourcedYear: sum(inYear, (r) => r.sourced),
        sourcedYearTarget: targets.partnerSourcedArr,
        targetShare: c.settings.partnerShare,
        targetSourcedArr: targetSourced,
      });
      // The program year's sourced share: that year's sourced ARR against that year's company ARR.
      const { partners, company } = attributionInputs(c.plan);
      const [programYear] = attributionByYear(partners, company, [c.settings.programYear]);
      if (programYear!.sourcedShare === undefined) expect(value("sourcedShare")).toBe("");
      else expect(number(value("sourcedShare"))).toBeCloseTo(programYear!.sourcedShare, 9);
      expect(number(value("progress"))).toBeCloseTo(sourced / targetSourced, 9);

      const landscapeTiers = table("tblLandscape").rows.map((r) => r["Target Tier"]);
      expect(table(TBL_DASH_TIERS).rows).toEqual(
        ["Platinum", "Gold", "Silver", "Registered", "Exited"].map((tier) => ({
          Tier: tier,
          Partners: String(q.filter((r) => r.quarter === latest && r.tier === tier).length),
          "Landscape Target": String(
            landscapeTiers.filter(
              (t) => LANDSCAPE_TIER_PROFILES[t as "A" | "B" | "C"].target === tier
            ).length
          ),
        }))
      );

      const scores = SAMPLE_PARTNERS.map(score);
      expect(table(TBL_DASH_BANDS).rows).toEqual([
        ...BANDS.map((band) => ({
          Band: band,
          Partners: String(scores.filter((s) => s !== undefined && scoreBand(s) === band).length),
        })),
        { Band: NOT_YET_RATED, Partners: String(scores.filter((s) => s === undefined).length) },
      ]);

      const recruit = table(TBL_DASH_RECRUIT).rows;
      const ranked = [...table("tblLandscape").rows].sort(
        (a, b) => number(a["Recruitment Rank"]) - number(b["Recruitment Rank"])
      );
      expect(recruit.map((r) => [r.Partner, r.Band, r["Locked to Competitor"]])).toEqual(
        ranked.slice(0, RECRUIT_TOP).map((r) => [r.Partner, r.Band, r["Locked to Competitor"]])
      );
    });
  });

  describe.each(CHECK_CASES.map((c) => [c.title, c] as const))("%s", (title, c) => {
    const table = (name: string): Shown => shownTable(computed.get(title)!, c.plan, name);

    test("dashboard: each rule's open findings equal what validate reports on the file, summed by severity", () => {
      const health = healthOf.get(title)!;
      const found = new Map<string, number>();
      for (const f of health.findings) found.set(f.rule, (found.get(f.rule) ?? 0) + 1);
      const checks = table(TBL_DASH_CHECKS).rows;
      expect(
        Object.fromEntries(
          checks.map((r) => [r[CHECK_COLUMNS.rule], number(r[CHECK_COLUMNS.open])])
        )
      ).toEqual(
        Object.fromEntries(
          HEALTH_RULES.filter((r) => r.family !== "values").map((r) => [r.id, found.get(r.id) ?? 0])
        )
      );
      counted.set(title, new Set(checks.filter((r) => number(r.Open) > 0).map((r) => r.Rule!)));
      // Unreadable values are listed by validate only; everything else is on the Dashboard.
      const counts = health.findings.filter((f) => healthRuleOf(f.rule)?.family !== "values");
      const bySeverity = (severity: Severity) =>
        counts.filter((f) => f.severity === severity).length;
      expect(table(TBL_DASH_SEVERITY).rows).toEqual([
        { Severity: "Error", Open: String(bySeverity("error")) },
        { Severity: "Warning", Open: String(bySeverity("warning")) },
      ]);
    });
  });

  test("the cases show the program year's share both known (edge cases) and not known yet (the demo)", () => {
    const shares = CASES.map((c) => {
      const { partners, company } = attributionInputs(c.plan);
      return attributionByYear(partners, company, [c.settings.programYear])[0]!.sourcedShare;
    });
    expect(shares.filter((s) => s !== undefined && s > 0).length).toBeGreaterThan(0);
    expect(shares.filter((s) => s === undefined).length).toBeGreaterThan(0);
  });

  test("the cases leave every rule of the Dashboard something to count", () => {
    const seen = new Set([...counted.values()].flatMap((rules) => [...rules]));
    expect(
      HEALTH_RULES.filter((r) => r.family !== "values" && !seen.has(r.id)).map((r) => r.id)
    ).toEqual([]);
  });
});

describe("the program workbook on the file host", () => {
  test("written and read back: every table present, at its place, with its rows; the settings round-trip", async () => {
    const plan = assembleProgram(
      programSheets(DEFAULT_PROGRAM_SETTINGS, "portable", TODAY, SAMPLE),
      "portable",
      SAMPLE
    );
    const tables = await readTables(await writePlanToBuffer(plan));
    for (const sheet of plan.sheets) {
      for (const t of sheet.tables) {
        const read = tables.get(t.name);
        expect(read && { sheet: read.sheet, header: read.header, topLeft: read.topLeft }).toEqual({
          sheet: sheet.name,
          header: t.columns.map((col) => col.header),
          topLeft: t.topLeft,
        });
        const filled = t.rows.filter((r) => r.some((cell) => cell !== null));
        expect({ table: t.name, rows: read!.rows.length }).toEqual({
          table: t.name,
          rows: filled.length,
        });
      }
    }
    const settings = tables.get("tblSettings")!;
    expect(settings.rows.map((r) => [r[0], r[1]])).toEqual(
      plan.sheets[0]!.tables[0]!.rows.map((r) => [r[0], r[1]])
    );
  });

  test("a key/value column gets each row's own number format", async () => {
    const plan = assembleProgram(
      programSheets(DEFAULT_PROGRAM_SETTINGS, "portable", TODAY, SAMPLE),
      "portable",
      SAMPLE
    );
    const workbook = new Workbook();
    await workbook.xlsx.load(new Uint8Array(await writePlanToBuffer(plan)).buffer);
    const settings = workbook.getWorksheet("Settings")!;
    const format = (label: string): string | undefined => {
      let found: string | undefined;
      settings.eachRow((row) => {
        if (row.getCell(1).value === label) found = row.getCell(2).numFmt;
      });
      return found;
    };
    expect([format("Current ARR"), format("Partner Share of ARR"), format("Company")]).toEqual([
      "$#,##0",
      "0%",
      undefined,
    ]);
  });

  test("names that look like formulas are written as text", async () => {
    const plan = assembleProgram(edgeSheets(), "portable", SAMPLE);
    const tables = await readTables(await writePlanToBuffer(plan));
    expect(tables.get("tblSettings")!.rows[0]).toEqual([
      "Company",
      EDGE_SETTINGS.company,
      expect.any(String),
    ]);
    expect(tables.get("tblLandscape")!.rows.map((r) => r[0])).toContain("=SUM(1,2)");
  });
});
