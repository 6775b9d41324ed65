import { Severity } from "../domain/findings";
import { ROADMAP_REVIEW_MONTHS } from "../domain/roadmap";
import { COMPETITOR_REFRESH_MONTHS } from "../domain/competitors";
import { COMPETITORS_SHEET } from "./competitorsSheet";
import { DEAL_REGISTRATIONS_SHEET } from "./dealRegistrationsSheet";
import { MDF_ALLOCATIONS_SHEET, MDF_CLAIMS_SHEET, MDF_SHEET } from "./mdfSheet";
import { DECISIONS_SHEET } from "./decisionsSheet";
import { EXECUTIVES_SHEET } from "./executivesSheet";
import { LANDSCAPE_SHEET } from "./landscapeSheet";
import { OKRS_SHEET } from "./okrsSheet";
import { RACI_SHEET } from "./raciSheet";
import { ROADMAP_SHEET } from "./roadmapSheet";
import { SCORING_SHEET } from "./scoringSheet";
import { THESIS_SHEET } from "./thesisSheet";
import { QUARTERLY_SHEET } from "./tierSheets";

/**
 * What the health check watches. "quality": the playbook's quality rules, counted live by the Dashboard's
 * formulas; "tier": the tier rules, found by the tier engine and counted from the Tier Review that
 * validation writes; "values": cells that cannot be read, listed by validate and the pane only.
 */
export type RuleFamily = "quality" | "tier" | "values";

export interface HealthRule {
  /** Stable: what findings carry, what --skip takes. A family of ids is written "data.*". */
  readonly id: string;
  readonly family: RuleFamily;
  /** The severity of its findings; undefined for a group of rules of several severities. */
  readonly severity: Exclude<Severity, "info"> | undefined;
  readonly sheet: string;
  /** One line, as the Dashboard and the task pane name it. */
  readonly title: string;
}

const rule = (
  id: string,
  family: RuleFamily,
  severity: HealthRule["severity"],
  sheet: string,
  title: string
): HealthRule => ({ id, family, severity, sheet, title });

/** Every rule of the health check, in the playbook's order: what `validate --rules` lists. */
export const HEALTH_RULES: readonly HealthRule[] = [
  rule(
    "quality.thesis-before-recruitment",
    "quality",
    "error",
    LANDSCAPE_SHEET,
    "Partners recruited before the thesis was signed off"
  ),
  rule(
    "scoring.weights-total",
    "quality",
    "warning",
    SCORING_SHEET,
    "Scoring weights that do not add up to 100%"
  ),
  rule(
    "scoring.unrated",
    "quality",
    "warning",
    LANDSCAPE_SHEET,
    "Partners beyond Prospect not yet rated"
  ),
  rule(
    "scoring.opportunistic-inbound",
    "quality",
    "warning",
    LANDSCAPE_SHEET,
    "Opportunistic partners recruited that did not come inbound"
  ),
  rule(
    "scoring.secondary-first",
    "quality",
    "warning",
    LANDSCAPE_SHEET,
    "Secondary partners recruited before a Priority partner is Signed or Active"
  ),
  rule(
    "quality.finance-input",
    "quality",
    "error",
    DECISIONS_SHEET,
    "Decisions without Finance input"
  ),
  rule(
    "decision.partner-considered",
    "quality",
    "warning",
    DECISIONS_SHEET,
    "PARTNER decisions naming no partner considered"
  ),
  rule(
    "quality.decision-review",
    "quality",
    "warning",
    DECISIONS_SHEET,
    "Decisions past their quarterly review date"
  ),
  rule(
    "quality.okr-indicators",
    "quality",
    "error",
    OKRS_SHEET,
    "Objectives missing a leading or a lagging key result"
  ),
  rule("quality.okr-target", "quality", "warning", OKRS_SHEET, "Key results without a target"),
  rule(
    "quality.raci",
    "quality",
    "error",
    RACI_SHEET,
    "RACI rows without exactly one A and an R, or with letters other than R, A, C, I"
  ),
  rule(
    "tier.recorded-mismatch",
    "tier",
    "error",
    QUARTERLY_SHEET,
    "Quarters recorded in another tier than the rules give"
  ),
  rule(
    "tier.recorded-missing",
    "tier",
    "warning",
    QUARTERLY_SHEET,
    "Quarters without a recorded tier"
  ),
  rule(
    "commitment.joint-gtm",
    "tier",
    "warning",
    QUARTERLY_SHEET,
    "Joint go-to-market activities below the tier's commitment"
  ),
  rule(
    "commitment.qbr",
    "tier",
    "warning",
    QUARTERLY_SHEET,
    "Business reviews missed against the tier's commitment"
  ),
  rule("quarter.gap", "tier", "warning", QUARTERLY_SHEET, "Quarters missing from a partner's data"),
  rule(
    "quality.roadmap-review",
    "quality",
    "warning",
    ROADMAP_SHEET,
    `Roadmap not reviewed in the last ${ROADMAP_REVIEW_MONTHS} months`
  ),
  rule("roadmap.overdue", "quality", "warning", ROADMAP_SHEET, "Milestones past due and not Done"),
  rule(
    "quality.competitor-refresh",
    "quality",
    "warning",
    COMPETITORS_SHEET,
    `Competitors not refreshed in the last ${COMPETITOR_REFRESH_MONTHS} months`
  ),
  rule(
    "quality.executive-sponsor",
    "quality",
    "error",
    EXECUTIVES_SHEET,
    "Platinum partners without an executive sponsor and cadence"
  ),
  rule("executive.overdue", "quality", "warning", EXECUTIVES_SHEET, "Executive meetings overdue"),
  rule(
    "deal.sla",
    "quality",
    "warning",
    DEAL_REGISTRATIONS_SHEET,
    "Registrations past the SLA while compliance is under its target"
  ),
  rule(
    "deal.gold-business-days",
    "quality",
    "warning",
    DEAL_REGISTRATIONS_SHEET,
    "Gold partners' registrations not decided within 5 business days"
  ),
  rule(
    "mdf.over-budget",
    "quality",
    "error",
    MDF_SHEET,
    "Tiers allocated more MDF than their budget for the year"
  ),
  rule(
    "mdf.tier-not-granted",
    "quality",
    "warning",
    MDF_ALLOCATIONS_SHEET,
    "MDF allocated to partners whose tier grants none"
  ),
  rule(
    "mdf.claim-incomplete",
    "quality",
    "error",
    MDF_CLAIMS_SHEET,
    "MDF claims without a partner or a campaign"
  ),
  rule(
    "mdf.claim-over-approved",
    "quality",
    "warning",
    MDF_CLAIMS_SHEET,
    "MDF claims above their approved amount"
  ),
  rule(
    "tier.*",
    "values",
    undefined,
    QUARTERLY_SHEET,
    "Other tier findings: unknown tier names, a partner rejoining (info)"
  ),
  rule(
    "quarter.*",
    "values",
    undefined,
    QUARTERLY_SHEET,
    "Quarters that cannot be read or appear twice"
  ),
  rule("data.*", "values", undefined, QUARTERLY_SHEET, "Quarterly figures that cannot be read"),
  rule(
    "tier-rules.*",
    "values",
    undefined,
    QUARTERLY_SHEET,
    "Tier criteria and movement rules that cannot be read (Tiers sheet)"
  ),
  rule("landscape.*", "values", "error", LANDSCAPE_SHEET, "Landscape values that cannot be read"),
  rule("thesis.*", "values", "error", THESIS_SHEET, "A sign-off date that is not a date"),
  rule("scoring.*", "values", "error", SCORING_SHEET, "Scoring weights that cannot be read"),
  rule("decision.*", "values", "error", DECISIONS_SHEET, "Decision values that cannot be read"),
  rule("okr.*", "values", "error", OKRS_SHEET, "Key result values that cannot be read"),
  rule("roadmap.*", "values", "error", ROADMAP_SHEET, "Roadmap values that cannot be read"),
  rule(
    "competitor.*",
    "values",
    "error",
    COMPETITORS_SHEET,
    "Competitor values that cannot be read"
  ),
  rule(
    "deal.*",
    "values",
    "error",
    DEAL_REGISTRATIONS_SHEET,
    "Registration dates that cannot be read"
  ),
  rule("mdf.*", "values", "error", MDF_SHEET, "MDF amounts, years and dates that cannot be read"),
  rule(
    "executive.*",
    "values",
    "error",
    EXECUTIVES_SHEET,
    "Executive map values that cannot be read"
  ),
];

const EXACT = new Map(HEALTH_RULES.filter((r) => !r.id.endsWith(".*")).map((r) => [r.id, r]));

/** The catalogue's entry for a finding's rule id: the rule itself, else the family ("data.*") it falls in. */
export function healthRuleOf(id: string): HealthRule | undefined {
  const exact = EXACT.get(id);
  if (exact !== undefined) return exact;
  const prefix = `${id.slice(0, id.indexOf(".") + 1)}*`;
  return HEALTH_RULES.find((r) => r.id === prefix);
}

/** How the task pane and the CLI name a finding's rule: its catalogue title, else the id itself. */
export const ruleTitle = (id: string): string => healthRuleOf(id)?.title ?? id;

/**
 * Whether a finding's rule is left out by `--skip`: each entry is a rule id or a family ("data.*"), and a
 * family entry also leaves out its exactly-named rules ("tier.*" skips "tier.recorded-mismatch").
 */
export function isSkipped(id: string, skip: readonly string[]): boolean {
  return skip.some((s) => s === id || (s.endsWith(".*") && id.startsWith(s.slice(0, -1))));
}

/** The --skip entries that name no rule of the catalogue, for a usage error that names them. */
export const unknownRules = (skip: readonly string[]): string[] =>
  skip.filter((s) => !HEALTH_RULES.some((r) => r.id === s || isSkipped(r.id, [s])));
