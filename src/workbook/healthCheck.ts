import { readNumber, readText } from "../domain/cells";
import {
  checkMdf,
  MDF_ALLOCATION_COLUMNS,
  MDF_BUDGET_COLUMNS,
  MDF_CLAIM_COLUMNS,
} from "../domain/mdf";
import { checkCompetitorMap, COMPETITOR_COLUMNS } from "../domain/competitors";
import {
  checkDealRegistrations,
  DEAL_REGISTRATION_COLUMNS,
  DealRegistrationSla,
  DEFAULT_DEAL_REGISTRATION_SLA,
  timestampOf,
} from "../domain/dealRegistrations";
import { checkDecisionLog, DECISION_INPUTS, DECISION_LOG_COLUMNS } from "../domain/decisions";
import { checkExecutiveMap, EXECUTIVE_COLUMNS, PlatinumPartner } from "../domain/executives";
import { Finding, RawCell, sortFindings, summarizeFindings } from "../domain/findings";
import {
  checkLandscape,
  checkRecruitment,
  LANDSCAPE_COLUMNS,
  LandscapeRow,
} from "../domain/landscape";
import { checkOkrs, OKR_COLUMNS } from "../domain/okrs";
import { formatQuarter, parseQuarter } from "../domain/quarters";
import { checkRaci, RACI_DECISION_COLUMN, RACI_ROLES } from "../domain/raci";
import { checkRoadmap, ROADMAP_COLUMNS } from "../domain/roadmap";
import {
  checkWeights,
  CRITERIA,
  DEFAULT_WEIGHTS,
  parseWeights,
  ratedBands,
  Weights,
} from "../domain/scoring";
import { readThesisSignOff, SIGN_OFF_LABELS, ThesisSignOff } from "../domain/thesis";
import { ProgramValidation, QuarterlyRow } from "../domain/tiers";
import { TIER_COLUMNS } from "../domain/tiers";
import { playbookBenefits } from "../domain/tiers/rules";
import { readTier, TIERS } from "../domain/tiers/tier";
import { TBL_COMPETITORS } from "./competitorsSheet";
import { DEAL_SLA_SETTINGS, TBL_DEAL_REGISTRATIONS, TBL_DEAL_SLA } from "./dealRegistrationsSheet";
import { TBL_DECISIONS } from "./decisionsSheet";
import { TBL_EXECUTIVES } from "./executivesSheet";
import { isSkipped } from "./healthRules";
import {
  MDF_ALLOCATIONS_SHEET,
  MDF_CLAIMS_SHEET,
  MDF_SHEET,
  TBL_MDF_ALLOCATIONS,
  TBL_MDF_BUDGET,
  TBL_MDF_CLAIMS,
} from "./mdfSheet";
import { TBL_LANDSCAPE } from "./landscapeSheet";
import { TBL_OKRS } from "./okrsSheet";
import { TBL_RACI } from "./raciSheet";
import {
  ProgramReview,
  readQuarterlyTable,
  tableRows,
  TableValues,
  validateTables,
} from "./readProgram";
import { TBL_ROADMAP } from "./roadmapSheet";
import { TBL_SCORING, TBL_WEIGHTS } from "./scoringSheet";
import { TBL_SIGN_OFF } from "./thesisSheet";
import { TBL_QUARTERLY, TBL_TIER_RULES, TBL_TIERS } from "./tierSheets";

/** The workbook's tables as a host read them, found by name ignoring case as Excel does. */
export interface ProgramTableSet {
  get(name: string): TableValues | undefined;
}

/** Tables by name, looked up ignoring case. */
export function tableSet(tables: Iterable<readonly [string, TableValues]>): ProgramTableSet {
  const byKey = new Map<string, TableValues>();
  for (const [name, table] of tables) byKey.set(name.toLowerCase(), table);
  return { get: (name) => byKey.get(name.toLowerCase()) };
}

export interface HealthOptions {
  /** "Today" for the rules that look at dates: fixed by `--as-of` so a run is reproducible. */
  readonly asOf: Date;
  /** Rule ids or families ("data.*") left out. */
  readonly skip?: readonly string[];
}

/** Every rule's findings on a program workbook, and the tier engine's review for the Tier Review sheet. */
export interface ProgramHealth extends Omit<ProgramValidation, "review"> {
  /** The tier engine's review; undefined when the workbook has no quarterly data to review. */
  readonly tierReview: ProgramReview | undefined;
}

/** The tables the health check reads: what a host loads in its one read. */
export const HEALTH_TABLES: readonly string[] = [
  TBL_QUARTERLY,
  TBL_TIERS,
  TBL_TIER_RULES,
  TBL_LANDSCAPE,
  TBL_SIGN_OFF,
  TBL_SCORING,
  TBL_WEIGHTS,
  TBL_DECISIONS,
  TBL_OKRS,
  TBL_ROADMAP,
  TBL_COMPETITORS,
  TBL_EXECUTIVES,
  TBL_RACI,
  TBL_DEAL_REGISTRATIONS,
  TBL_DEAL_SLA,
  TBL_MDF_BUDGET,
  TBL_MDF_ALLOCATIONS,
  TBL_MDF_CLAIMS,
];

/** Whether a workbook holds any of the program's tables, so that the health check has something to check. */
export const isProgramWorkbook = (tables: ProgramTableSet): boolean =>
  HEALTH_TABLES.some((name) => tables.get(name) !== undefined);

/**
 * The program health check: every rule of the playbook on the workbook's tables (a table the workbook lacks
 * is not checked), with the tier engine on tblQuarterly when it has rows. Pure: the CLI and the Excel host
 * both call it on what they read, so they report the same findings.
 */
export function checkProgramHealth(tables: ProgramTableSet, options: HealthOptions): ProgramHealth {
  const { asOf, skip = [] } = options;
  const findings: Finding[] = [];
  const quarterly = tables.get(TBL_QUARTERLY);
  // Read once: the tier rules and the executive map's Platinum partners both work from these rows.
  const read = quarterly === undefined ? undefined : readQuarterlyTable(quarterly);
  const review =
    quarterly !== undefined && quarterly.rows.length > 0
      ? validateTables(quarterly, tables.get(TBL_TIERS), tables.get(TBL_TIER_RULES), read)
      : undefined;
  if (review !== undefined) findings.push(...review.findings);

  const signOff = readSignOff(tables.get(TBL_SIGN_OFF), findings);
  const landscape = tables.get(TBL_LANDSCAPE);
  if (landscape !== undefined) {
    const rows = landscapeRows(landscape);
    findings.push(...checkLandscape(rows, signOff, landscape.sheet));
    const weights = readWeights(tables.get(TBL_WEIGHTS), findings);
    const scoring = tables.get(TBL_SCORING);
    const bands = ratedBands(scoring === undefined ? [] : scoringRows(scoring), weights);
    findings.push(...checkRecruitment(rows, bands, landscape.sheet));
  } else readWeights(tables.get(TBL_WEIGHTS), findings);

  const decisions = tables.get(TBL_DECISIONS);
  if (decisions !== undefined) {
    const headers: Record<string, string> = { ...DECISION_LOG_COLUMNS };
    for (const input of DECISION_INPUTS) headers[input.key] = input.label;
    const rows = rowsWith(decisions, headers, ["id", "capability", "decision"]).map((r) => ({
      ...r,
      inputs: DECISION_INPUTS.map((input) => r[input.key] ?? blankAt(r)),
    }));
    findings.push(...checkDecisionLog(rows, asOf, decisions.sheet));
  }
  const okrs = tables.get(TBL_OKRS);
  if (okrs !== undefined) {
    findings.push(
      ...checkOkrs(rowsWith(okrs, OKR_COLUMNS, ["objective", "keyResult"]), okrs.sheet)
    );
  }
  const roadmap = tables.get(TBL_ROADMAP);
  if (roadmap !== undefined) {
    const rows = rowsWith(roadmap, ROADMAP_COLUMNS, ["milestone"]);
    findings.push(...checkRoadmap(rows, asOf, roadmap.sheet));
  }
  const competitors = tables.get(TBL_COMPETITORS);
  if (competitors !== undefined) {
    const rows = rowsWith(competitors, COMPETITOR_COLUMNS, ["competitor"]);
    findings.push(...checkCompetitorMap(rows, asOf, competitors.sheet));
  }
  const executives = tables.get(TBL_EXECUTIVES);
  if (executives !== undefined) {
    const rows = rowsWith(executives, EXECUTIVE_COLUMNS, ["partner"]);
    const platinum = quarterly && read ? latestPlatinum(read.rows, quarterly.sheet) : [];
    findings.push(...checkExecutiveMap(rows, platinum, asOf, executives.sheet));
  }
  const registrations = tables.get(TBL_DEAL_REGISTRATIONS);
  if (registrations !== undefined) {
    const rows = rowsWith(registrations, DEAL_REGISTRATION_COLUMNS, ["id"]);
    const sla = readDealSla(tables.get(TBL_DEAL_SLA));
    findings.push(...checkDealRegistrations(rows, sla, timestampOf(asOf), registrations.sheet));
  }
  findings.push(...mdfFindings(tables));
  const raci = tables.get(TBL_RACI);
  if (raci !== undefined) {
    const headers: Record<string, string> = { decision: RACI_DECISION_COLUMN };
    for (const role of RACI_ROLES) headers[role] = role;
    const rows = rowsWith(raci, headers, ["decision"]).map((r) => ({
      decision: r.decision,
      letters: RACI_ROLES.map((role) => r[role] ?? blankAt(r)),
    }));
    findings.push(...checkRaci(rows, raci.sheet));
  }

  const kept = skip.length === 0 ? findings : findings.filter((f) => !isSkipped(f.rule, skip));
  const sorted = sortFindings(kept);
  return {
    findings: sorted,
    actions: review?.actions ?? [],
    summary: summarizeFindings(sorted),
    tierReview: review,
  };
}

/** A cell of a column the table lacks: blank, cited at the row's first cell that exists. */
function blankAt(row: Readonly<Record<string, RawCell | undefined>>): RawCell {
  const first = Object.values(row).find((c) => c !== undefined);
  return { value: null, cell: first?.cell ?? "A1" };
}

/**
 * tableRows, each row holding the `required` fields the checks cannot do without: where the table lacks the
 * column, a blank cell cited at the row's first cell.
 */
function rowsWith<F extends string, R extends F>(
  table: TableValues,
  headers: Readonly<Record<F, string>>,
  required: readonly R[]
): (Partial<Record<F, RawCell>> & Record<R, RawCell>)[] {
  return tableRows(table, headers).map((r) => {
    const row: Partial<Record<F, RawCell>> = { ...r };
    for (const field of required) row[field] = r[field] ?? blankAt(r);
    return row as Partial<Record<F, RawCell>> & Record<R, RawCell>;
  });
}

const landscapeRows = (table: TableValues): LandscapeRow[] =>
  rowsWith(table, LANDSCAPE_COLUMNS, ["partner"]);

function readSignOff(
  table: TableValues | undefined,
  findings: Finding[]
): ThesisSignOff | undefined {
  if (table === undefined) return undefined;
  const [row] = tableRows(table, SIGN_OFF_LABELS);
  if (row?.by === undefined || row.date === undefined) return undefined;
  const read = readThesisSignOff(row.by, row.date, table.sheet);
  findings.push(...read.findings);
  return read.signOff;
}

/** The SLA of tblDealRegSla, each setting the playbook's where the table lacks it or it does not read. */
function readDealSla(table: TableValues | undefined): DealRegistrationSla {
  const sla = { ...DEFAULT_DEAL_REGISTRATION_SLA };
  if (table === undefined) return sla;
  const keys: Record<string, keyof DealRegistrationSla> = {
    [DEAL_SLA_SETTINGS.hours.toLowerCase()]: "hours",
    [DEAL_SLA_SETTINGS.target.toLowerCase()]: "target",
    [DEAL_SLA_SETTINGS.goldBusinessDays.toLowerCase()]: "goldBusinessDays",
  };
  for (const row of tableRows(table, { setting: "Setting", value: "Value" })) {
    const key =
      keys[
        String(row.setting?.value ?? "")
          .trim()
          .toLowerCase()
      ];
    const value = readNumber(row.value?.value);
    if (key !== undefined && value !== undefined && value > 0) sla[key] = value;
  }
  return sla;
}

/** The MDF rules on whichever of the MDF tables the workbook has; tblTiers' benefits say which tiers get MDF. */
function mdfFindings(tables: ProgramTableSet): Finding[] {
  const budget = tables.get(TBL_MDF_BUDGET);
  const allocations = tables.get(TBL_MDF_ALLOCATIONS);
  const claims = tables.get(TBL_MDF_CLAIMS);
  if (budget === undefined && allocations === undefined && claims === undefined) return [];
  const rows = <C extends Readonly<Record<string, string>>>(
    table: TableValues | undefined,
    columns: C
  ) => (table === undefined ? [] : tableRows(table, columns));
  return checkMdf(
    rows(budget, MDF_BUDGET_COLUMNS),
    rows(allocations, MDF_ALLOCATION_COLUMNS),
    rows(claims, MDF_CLAIM_COLUMNS),
    tierBenefits(tables.get(TBL_TIERS)),
    {
      budget: budget?.sheet ?? MDF_SHEET,
      allocations: allocations?.sheet ?? MDF_ALLOCATIONS_SHEET,
      claims: claims?.sheet ?? MDF_CLAIMS_SHEET,
    }
  );
}

/** Each tier's benefits, by lower-case name: tblTiers', else the playbook's. */
function tierBenefits(table: TableValues | undefined): ReadonlyMap<string, string> {
  if (table === undefined) {
    return new Map(TIERS.map((t) => [t.toLowerCase(), playbookBenefits(t)]));
  }
  const benefits = new Map<string, string>();
  for (const row of tableRows(table, {
    tier: TIER_COLUMNS.tier,
    benefits: TIER_COLUMNS.benefits,
  })) {
    const tier = readText(row.tier?.value);
    if (tier !== undefined) benefits.set(tier.toLowerCase(), readText(row.benefits?.value) ?? "");
  }
  return benefits;
}

/** The weights of tblWeights (checked into `findings`), or the playbook's when it is absent or unreadable. */
function readWeights(table: TableValues | undefined, findings: Finding[]): Weights {
  if (table === undefined) return DEFAULT_WEIGHTS;
  const cells = tableRows(table, { weight: "Weight" }).flatMap((r) =>
    r.weight === undefined ? [] : [r.weight]
  );
  findings.push(...checkWeights(cells, table.sheet));
  const weights = parseWeights(cells.map((c) => c.value));
  return weights.ok ? weights.value : DEFAULT_WEIGHTS;
}

function scoringRows(table: TableValues): { partner: unknown; ratings: unknown[] }[] {
  const headers: Record<string, string> = { partner: "Partner" };
  for (const c of CRITERIA) headers[c.key] = c.label;
  return tableRows(table, headers).map((r) => ({
    partner: r.partner?.value,
    ratings: CRITERIA.map((c) => r[c.key]?.value),
  }));
}

/**
 * The partners recorded Platinum in the latest quarter on file, as the Dashboard's formula counts them:
 * the executive map must give each an executive sponsor.
 */
function latestPlatinum(rows: readonly QuarterlyRow[], sheet: string): PlatinumPartner[] {
  let latest = "";
  const labelled = rows.map((row) => {
    const quarter = parseQuarter(row.quarter.value);
    const label = quarter.ok ? formatQuarter(quarter.value) : "";
    if (label > latest) latest = label;
    return { row, label };
  });
  return labelled.flatMap(({ row, label }) => {
    const partner = typeof row.partner.value === "string" ? row.partner.value.trim() : "";
    if (label !== latest || partner === "" || readTier(row.recordedTier.value) !== "Platinum")
      return [];
    return [{ name: partner, sheet, cell: row.recordedTier.cell }];
  });
}
