import { Tier } from "../domain/tiers/tier";
import { addMonths } from "../domain/cells";
import { SAMPLE_COMPETITORS } from "../domain/competitors";
import { decide, DecisionInputs, NO_DECISION_INPUTS } from "../domain/decisions";
import { ExecutiveEntry, PLAYBOOK_EXECUTIVES } from "../domain/executives";
import { PartnerStatus } from "../domain/landscape";
import { okrTemplateRows } from "../domain/okrs";
import { RACI_DECISIONS } from "../domain/raci";
import { roadmapEntries } from "../domain/roadmap";
import { attractivenessScore, parseRatings, PRIORITY_MIN } from "../domain/scoring";
import { ProgramSettings } from "../domain/settings";
import { CompanyArrRow } from "../domain/attribution";
import { DEFAULT_RATIONALE, RationaleGap, ThesisSignOff } from "../domain/thesis";
import { attributionSheetPlan } from "./attributionSheet";
import { CompetitorMapEntry, competitorsSheetPlan } from "./competitorsSheet";
import { dashboardSheetPlan } from "./dashboardSheet";
import { DealRegistrationEntry, dealRegistrationsSheetPlan } from "./dealRegistrationsSheet";
import { MdfData, mdfSheetPlans } from "./mdfSheet";
import { DecisionEntry, decisionsSheetPlan } from "./decisionsSheet";
import { ExecutiveMapEntry, executivesSheetPlan } from "./executivesSheet";
import { landscapePartners, landscapeSheetPlan } from "./landscapeSheet";
import { modelsSheetPlan } from "./modelsSheet";
import { okrsSheetPlan } from "./okrsSheet";
import { FormulaMode, SheetPlan } from "./plan";
import { SAMPLE_COMPANY_ARR, SAMPLE_QUARTERS, SampleQuarter } from "./quarterlySample";
import { raciSheetPlan } from "./raciSheet";
import { roadmapSheetPlan } from "./roadmapSheet";
import { SAMPLE_PARTNERS } from "./sample";
import { RatedPartner } from "./scoringSheet";
import { settingsSheetPlan } from "./settingsSheet";
import { thesisSheetPlan } from "./thesisSheet";

const DAY_MS = 86_400_000;
const daysBefore = (today: Date, days: number): Date => new Date(today.getTime() - days * DAY_MS);

/** The rationale log's first sentence from the matrix, then the example's own reasoning. */
function decision(
  capability: string,
  answers: Partial<DecisionInputs>,
  because: string,
  partnerConsidered: string,
  financeInput: string,
  decided: Date
): DecisionEntry {
  const inputs = { ...NO_DECISION_INPUTS, ...answers };
  return {
    capability,
    inputs,
    rationale: `${decide(inputs).rationale} ${because}`,
    partnerConsidered,
    financeInput,
    decided,
  };
}

/** One decision per outcome of the matrix, for the sample company. */
const exampleDecisions = (today: Date): DecisionEntry[] => [
  decision(
    "Risk-scoring engine",
    { core: true, capacity: true, critical: true, buildMonths: 9 },
    "The scoring models are what buyers choose us for.",
    "",
    "Build cost fits the approved R&D budget.",
    addMonths(today, -5)
  ),
  decision(
    "Implementation and data-integration services",
    { adjacent: true, strongPartner: true, positiveEconomics: true },
    "Partners earn the services revenue; we keep license margin.",
    "Accenture",
    "Partner-led services keep our gross margin above 75%.",
    addMonths(today, -4)
  ),
  decision(
    "Regulatory content library",
    { critical: true, buildMonths: 24, acquisitionTarget: true },
    "Buyers now expect mapped regulations out of the box.",
    "",
    "Target valued within the approved M&A budget.",
    addMonths(today, -3)
  ),
  decision(
    "DACH market entry",
    { newMarket: true, localPresence: true, strongPartner: true },
    "Our ICP in DACH buys through its audit advisors.",
    "PwC",
    "Referral fees at 10% of ACV are below our direct CAC there.",
    addMonths(today, -2)
  ),
  decision(
    "Treasury workflow integration",
    { adjacent: true, positiveEconomics: true },
    "No partner yet serves our ICP with a treasury product.",
    "",
    "Revisit once a partner's economics are modelled.",
    addMonths(today, -1)
  ),
];

/** Each partner's latest quarter in the quarterly data. */
function latestQuarters(quarters: readonly SampleQuarter[]): Map<string, SampleQuarter> {
  const latest = new Map<string, SampleQuarter>();
  for (const q of quarters) {
    const seen = latest.get(q.partner);
    if (seen === undefined || seen.quarter < q.quarter) latest.set(q.partner, q);
  }
  return latest;
}

/**
 * The rows the program's data tables start with (Landscape, Scoring, Competitors, Quarterly, Attribution's
 * Company ARR, Decisions, Executives, Deal Registrations, MDF; the Tier Review is validation's output over them)
 * and the thesis's answers and sign-off: the sample company's worked example, or nothing for the analyst's own
 * program.
 */
export interface ProgramData {
  readonly partners: readonly RatedPartner[];
  readonly quarters: readonly SampleQuarter[];
  /** The company's new ARR per quarter, for the shares of the Attribution sheet. */
  readonly companyArr: readonly CompanyArrRow[];
  readonly answers: Partial<Readonly<Record<RationaleGap, string>>>;
  readonly signOff: ThesisSignOff | undefined;
  readonly competitors: readonly CompetitorMapEntry[];
  readonly decisions: readonly DecisionEntry[];
  readonly executives: readonly ExecutiveMapEntry[];
  readonly registrations: readonly DealRegistrationEntry[];
  readonly mdf: MdfData;
  readonly status: (partner: RatedPartner) => PartnerStatus;
}

const HOUR_MS = 3_600_000;

/**
 * The sample's deal registrations of the last weeks: each decided within a day, but for one Gold partner's,
 * decided 12 days after it came in (past the 48-hour SLA and Gold's 5 business days), which puts compliance
 * under 95%.
 */
function sampleRegistrations(today: Date): DealRegistrationEntry[] {
  const partners = [
    ["Accenture", "Platinum"],
    ["Deloitte", "Platinum"],
    ["Cognizant", "Gold"],
    ["Copperleaf Compliance Group", "Gold"],
    ["Kestrel Data Platform", "Silver"],
    ["Quarry Point Analytics", "Gold"],
    ["Accenture", "Platinum"],
    ["Infosys", "Gold"],
    ["Deloitte", "Platinum"],
    ["Northwind Risk Advisory", "Gold"],
  ] as const;
  return partners.map(([partner, tier], i) => {
    const submitted = new Date(today.getTime() - (40 - 3 * i) * 24 * HOUR_MS + 9 * HOUR_MS);
    const late = i === partners.length - 1;
    const decided = new Date(submitted.getTime() + (late ? 12 * 24 : 6 + 2 * i) * HOUR_MS);
    return {
      id: `DR-${String(1001 + i)}`,
      partner,
      tier,
      submitted,
      decided,
      decision: i % 4 === 3 ? "Rejected" : "Approved",
      acv: 60_000 + 15_000 * i,
      protectionEnds: addMonths(submitted, 3),
    };
  });
}

/**
 * The sample's MDF in `year`, the year of its latest quarterly data, and the next year's budget: Platinum and
 * Gold partners within their tiers' budgets, their claims mostly paid, one claim above its approved amount.
 */
function sampleMdf(year: number): MdfData {
  const on = (month: number, day: number): Date => new Date(Date.UTC(year, month - 1, day));
  const allocations: [string, Tier, number][] = [
    ["Accenture", "Platinum", 180_000],
    ["PwC", "Platinum", 120_000],
    ["Deloitte", "Gold", 70_000],
    ["Cognizant", "Gold", 50_000],
    ["Northwind Risk Advisory", "Gold", 30_000],
    ["Copperleaf Compliance Group", "Gold", 30_000],
  ];
  type Claim = [string, string, Date, number, number, number | undefined, Date | undefined];
  const claims: Claim[] = [
    ["Accenture", "Risk analytics summit sponsorship", on(2, 10), 80_000, 75_000, 75_000, on(4, 2)],
    ["Accenture", "Joint webinar series, 4 sessions", on(5, 6), 40_000, 40_000, 38_500, on(6, 20)],
    ["PwC", "Regulatory change roundtables", on(3, 3), 60_000, 50_000, 50_000, on(5, 14)],
    ["Deloitte", "Co-branded ROI study", on(2, 24), 45_000, 40_000, 40_000, on(4, 30)],
    ["Cognizant", "Industry event booth", on(4, 15), 30_000, 25_000, 25_000, on(6, 5)],
    [
      "Northwind Risk Advisory",
      "Regional CFO breakfasts",
      on(6, 2),
      15_000,
      15_000,
      undefined,
      undefined,
    ],
    [
      "Copperleaf Compliance Group",
      "Compliance newsletter campaign",
      on(7, 8),
      10_000,
      10_000,
      10_000,
      on(8, 21),
    ],
  ];
  // Northwind claimed more than it was approved: a warning until the claim is corrected.
  const claimed = (i: number, approved: number): number => (i === 5 ? 18_500 : approved);
  return {
    budget: [
      { year, tier: "Platinum", budget: 350_000 },
      { year, tier: "Gold", budget: 200_000 },
      { year: year + 1, tier: "Platinum", budget: 450_000 },
      { year: year + 1, tier: "Gold", budget: 250_000 },
    ],
    allocations: allocations.map(([partner, tier, allocated]) => ({
      year,
      partner,
      tier,
      allocated,
    })),
    claims: claims.map(
      ([partner, campaign, requestedOn, requested, approved, paid, paidOn], i) => ({
        id: `MDF-${String(101 + i)}`,
        partner,
        campaign,
        requestedOn,
        requested,
        approved,
        claimed: claimed(i, approved),
        paid,
        paidOn,
      })
    ),
  };
}

/**
 * A running program: the thesis signed off, partners in the quarterly data active (or exited), the other
 * Priority ones being recruited, an executive sponsor for every partner now recorded Platinum. `partners`
 * are the sample's unless a test or the bench scales them up.
 */
export function sampleData(
  today: Date,
  partners: readonly RatedPartner[] = SAMPLE_PARTNERS
): ProgramData {
  const latest = latestQuarters(SAMPLE_QUARTERS);
  const lastQuarter = [...latest.values()].reduce((a, q) => (q.quarter > a ? q.quarter : a), "");
  const mapped = new Set(PLAYBOOK_EXECUTIVES.map((e) => e.partner));
  const platinum = [...latest.values()].filter(
    (q) => q.quarter === lastQuarter && q.recordedTier === "Platinum" && !mapped.has(q.partner)
  );
  const executives: ExecutiveEntry[] = [
    ...PLAYBOOK_EXECUTIVES,
    ...platinum.map((q) => ({
      partner: q.partner,
      partnerExecutive: "Alliance Lead",
      counterpart: "VP Alliance GTM",
      cadence: "Quarterly" as const,
    })),
  ];
  return {
    partners,
    quarters: SAMPLE_QUARTERS,
    companyArr: SAMPLE_COMPANY_ARR,
    answers: DEFAULT_RATIONALE,
    signOff: { by: "Maya Okafor, CPO", date: addMonths(today, -9) },
    competitors: SAMPLE_COMPETITORS.map((c) => ({ ...c, lastRefreshed: addMonths(today, -2) })),
    decisions: exampleDecisions(today),
    executives: executives.map((e, i) => ({ ...e, lastMeeting: daysBefore(today, 10 + 20 * i) })),
    registrations: sampleRegistrations(today),
    mdf: sampleMdf(Number(lastQuarter.slice(0, 4))),
    status: (partner) => {
      const recorded = latest.get(partner.name)?.recordedTier;
      if (recorded !== undefined) return recorded === "Exited" ? "Exited" : "Active";
      const ratings = parseRatings(partner.ratings);
      return ratings.ok && attractivenessScore(ratings.value) >= PRIORITY_MIN
        ? "Recruiting"
        : "Prospect";
    },
  };
}

/** The analyst's own program: every data table empty, the thesis to answer and sign off. */
export const BLANK_DATA: ProgramData = {
  partners: [],
  quarters: [],
  companyArr: [],
  answers: {},
  signOff: undefined,
  competitors: [],
  decisions: [],
  executives: [],
  registrations: [],
  mdf: { budget: [], allocations: [], claims: [] },
  status: () => "Prospect",
};

/**
 * The program's sheets this module plans, in the order recommended for the tabs (Scoring goes after the
 * Landscape, the tier sheets between Competitors and Attribution, which reads their quarterly data): the
 * settings and the playbook's content, with `data` in the data tables. `today` dates the roadmap's first review.
 */
export function programSheets(
  settings: ProgramSettings,
  mode: FormulaMode,
  today: Date,
  data: ProgramData
): SheetPlan[] {
  return [
    settingsSheetPlan(settings),
    thesisSheetPlan(data.answers, data.signOff, settings),
    modelsSheetPlan(),
    landscapeSheetPlan(landscapePartners(data.partners, data.competitors, data.status)),
    competitorsSheetPlan(data.competitors),
    attributionSheetPlan(settings, data.companyArr),
    decisionsSheetPlan(data.decisions, mode),
    okrsSheetPlan(okrTemplateRows(), settings),
    roadmapSheetPlan(roadmapEntries(settings), settings.programYear, today),
    raciSheetPlan(RACI_DECISIONS, mode),
    executivesSheetPlan(data.executives),
    dealRegistrationsSheetPlan(data.registrations),
    ...mdfSheetPlans(data.mdf, settings.programYear),
    dashboardSheetPlan(),
  ];
}
