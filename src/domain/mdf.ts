import {
  describeDateProblem,
  formatList,
  isBlank,
  isEmptyRow,
  readDate,
  readNumber,
  readText,
} from "./cells";
import { FindingContext, FindingsCollector, Finding, RawCell, showValue } from "./findings";
import { formatMoney, readMoney, roundCents } from "./money";
import { err, ok, Result } from "./result";
import { playbookBenefits } from "./tiers/rules";
import { Tier, TIERS_HIGHEST_FIRST } from "./tiers/tier";
import { describeValueProblem } from "./tiers/values";

/**
 * Market development funds (playbook §3.1 "Top MDF allocation ($[X]/yr)" for Platinum, "MDF allocation
 * ($[X]/yr)" for Gold; §5.2 "Implement MDF program for Gold and Platinum partners"): a budget per tier and
 * program year, allocated to partners, drawn by claims; what the money returned is the partners' sourced
 * pipeline and ARR of the same program year per MDF dollar paid.
 */

/** Less than a cent paid is nothing paid (and a ratio over it is no figure anyone can use). */
const ONE_CENT = 0.01;

/**
 * Revenue per MDF dollar paid: partner-sourced revenue of the period ÷ MDF paid in it. Both in dollars
 * ($1,250,000 and 1250000 alike); nothing paid has no return to measure.
 */
export function mdfRoi(sourcedRevenue: unknown, mdfPaid: unknown): Result<number, string> {
  const revenue = readMoney(sourcedRevenue);
  if (!revenue.ok) return err(describeValueProblem(revenue.error, "sourcedRevenue", true));
  const paid = readMoney(mdfPaid);
  if (!paid.ok) return err(describeValueProblem(paid.error, "mdfPaid", true));
  if (revenue.value < 0) return err(`sourcedRevenue ${revenue.value} is negative`);
  if (paid.value < ONE_CENT) {
    return err(
      `mdfPaid is ${paid.value}: nothing was paid, so there is no return per MDF dollar to measure`
    );
  }
  return ok(revenue.value / paid.value);
}

/**
 * Whether a tier's benefits grant MDF: they name it ("Top MDF allocation", "MDF allocation"), in any case.
 * The Tiers sheet's Benefits column is the rule, so an analyst who gives Silver MDF writes it there.
 */
export const grantsMdf = (benefits: string): boolean => benefits.toLowerCase().includes("mdf");

/** The tiers the playbook grants MDF: Platinum and Gold, highest first. */
export const MDF_TIERS: readonly Tier[] = TIERS_HIGHEST_FIRST.filter((tier) =>
  grantsMdf(playbookBenefits(tier))
);

export const MDF_BUDGET_COLUMNS = { year: "Program Year", tier: "Tier", budget: "Budget" } as const;

export const MDF_ALLOCATION_COLUMNS = {
  year: "Program Year",
  partner: "Partner",
  tier: "Partner Tier",
  allocated: "Allocated",
} as const;

export const MDF_CLAIM_COLUMNS = {
  id: "Claim ID",
  partner: "Partner",
  campaign: "Campaign",
  requestedOn: "Requested On",
  requested: "Requested",
  approved: "Approved",
  claimed: "Claimed",
  paid: "Paid",
  paidOn: "Paid On",
} as const;

type Row<C extends Readonly<Record<string, string>>> = Readonly<Partial<Record<keyof C, RawCell>>>;
export type MdfBudgetRow = Row<typeof MDF_BUDGET_COLUMNS>;
export type MdfAllocationRow = Row<typeof MDF_ALLOCATION_COLUMNS>;
/** A claim's program year is its request's year (the sheet computes it from Requested On). */
export type MdfClaimRow = Row<typeof MDF_CLAIM_COLUMNS>;

/** A partner's name as SUMIFS matches it: the same text, ignoring case. */
const partnerKey = (name: string): string => name.toLowerCase();
const tierKey = (tier: string): string => tier.trim().toLowerCase();
const yearTierKey = (year: number, tier: string): string => `${year}|${tierKey(tier)}`;
const yearPartnerKey = (year: number, partner: string): string => `${year}|${partnerKey(partner)}`;

/** A program year as typed: a whole number from 1900 to 9999. */
function readYear(raw: unknown): number | undefined {
  const year = readNumber(raw);
  return year !== undefined && Number.isInteger(year) && year >= 1900 && year <= 9999
    ? year
    : undefined;
}

/** A claim's program year: the year of its request, as the sheet's YEAR(Requested On) reads it. */
function claimYear(raw: unknown): number | undefined {
  const date = readDate(raw);
  return date.ok ? date.value.getUTCFullYear() : undefined;
}

/** What the partners sourced in a program year: pipeline and ARR, from the quarterly data. */
export interface SourcedFigures {
  readonly pipeline: number;
  readonly arr: number;
}

/** MDF's figures for one partner's or one tier's program year, as the MDF sheet computes them. */
export interface MdfReturn {
  readonly allocated: number;
  readonly claimed: number;
  readonly paid: number;
  /** Claimed ÷ allocated; undefined when nothing was allocated. */
  readonly utilisation: number | undefined;
  readonly sourcedPipeline: number;
  readonly sourcedArr: number;
  /** Sourced pipeline per MDF dollar paid; undefined when nothing was paid. */
  readonly pipelinePerDollar: number | undefined;
  /** Sourced ARR per MDF dollar paid; undefined when nothing was paid. */
  readonly arrPerDollar: number | undefined;
}

const perDollar = (amount: number, paid: number): number | undefined =>
  paid < ONE_CENT ? undefined : amount / paid;

function mdfReturn(
  allocated: number,
  claimed: number,
  paid: number,
  sourced: SourcedFigures
): MdfReturn {
  return {
    allocated,
    claimed,
    paid,
    utilisation: allocated < ONE_CENT ? undefined : claimed / allocated,
    sourcedPipeline: sourced.pipeline,
    sourcedArr: sourced.arr,
    pipelinePerDollar: perDollar(sourced.pipeline, paid),
    arrPerDollar: perDollar(sourced.arr, paid),
  };
}

/** An amount cell as the sheet's sums read it: a number, else nothing (blank and unreadable add 0). */
const amountOf = (cell: RawCell | undefined): number => {
  const read = readMoney(cell?.value);
  return read.ok ? read.value : 0;
};

/**
 * The returns of MDF per allocation (a partner's program year) and per budget row (a tier's program year),
 * as the MDF sheet's formulas compute them: a partner's claims are those of its name in the allocation's
 * year; a tier's figures add up its partners' allocations of the year; `sourced` gives a partner's sourced
 * pipeline and ARR of a year (the Quarterly sheet's quarters of that year).
 */
export function mdfReturns(
  budget: readonly MdfBudgetRow[],
  allocations: readonly MdfAllocationRow[],
  claims: readonly MdfClaimRow[],
  sourced: (partner: string, year: number) => SourcedFigures
): { readonly partners: (MdfReturn | undefined)[]; readonly tiers: (MdfReturn | undefined)[] } {
  const drawn = new Map<string, { claimed: number; paid: number }>();
  for (const claim of claims) {
    const year = claimYear(claim.requestedOn?.value);
    const partner = readText(claim.partner?.value);
    if (year === undefined || partner === undefined) continue;
    const key = yearPartnerKey(year, partner);
    const sum = drawn.get(key) ?? { claimed: 0, paid: 0 };
    drawn.set(key, {
      claimed: sum.claimed + amountOf(claim.claimed),
      paid: sum.paid + amountOf(claim.paid),
    });
  }
  const byTier = new Map<string, MdfReturn[]>();
  const partners = allocations.map((row) => {
    const year = readYear(row.year?.value);
    const partner = readText(row.partner?.value);
    if (year === undefined || partner === undefined) return undefined;
    const { claimed, paid } = drawn.get(yearPartnerKey(year, partner)) ?? { claimed: 0, paid: 0 };
    const result = mdfReturn(amountOf(row.allocated), claimed, paid, sourced(partner, year));
    const tier = readText(row.tier?.value);
    if (tier !== undefined) {
      const key = yearTierKey(year, tier);
      byTier.set(key, [...(byTier.get(key) ?? []), result]);
    }
    return result;
  });
  const tiers = budget.map((row) => {
    const year = readYear(row.year?.value);
    const tier = readText(row.tier?.value);
    if (year === undefined || tier === undefined) return undefined;
    const members = byTier.get(yearTierKey(year, tier)) ?? [];
    const sum = (f: (r: MdfReturn) => number): number => members.reduce((s, r) => s + f(r), 0);
    return mdfReturn(
      sum((r) => r.allocated),
      sum((r) => r.claimed),
      sum((r) => r.paid),
      { pipeline: sum((r) => r.sourcedPipeline), arr: sum((r) => r.sourcedArr) }
    );
  });
  return { partners, tiers };
}

/** The sheets the MDF tables are on. */
export interface MdfSheets {
  readonly budget: string;
  readonly allocations: string;
  readonly claims: string;
}

/**
 * A check's reports on one MDF table, with the readers every table shares: amounts and years that do not
 * read are "mdf.bad-value" errors at their cell.
 */
class MdfReports extends FindingsCollector {
  /** An amount of `what` (a partner, a claim): dollars, 0 or more; undefined when blank or unreadable. */
  readonly amount = (
    cell: RawCell | undefined,
    label: string,
    what: string,
    context: FindingContext = {}
  ): number | undefined => {
    if (cell === undefined || isBlank(cell.value)) return undefined;
    const read = readMoney(cell.value);
    if (read.ok && read.value >= 0) return read.value;
    const problem = read.ok ? { kind: "negative" as const, value: read.value } : read.error;
    const message = `${what}: ${describeValueProblem(problem, label, true)}`;
    this.report("error", "mdf.bad-value", cell, message, context);
    return undefined;
  };

  readonly year = (cell: RawCell | undefined, what: string): number | undefined => {
    const read = readYear(cell?.value);
    if (read === undefined && cell !== undefined) {
      const message = isBlank(cell.value)
        ? `${what} has no Program Year`
        : `${what}: Program Year ${showValue(cell.value)} is not a year`;
      this.report("error", "mdf.bad-value", cell, message);
    }
    return read;
  };
}

/** What a tier was allocated in a year, to whom, and whether its benefits grant MDF at all. */
interface TierAllocation {
  readonly year: number;
  readonly tier: string;
  readonly granted: boolean;
  /** The first allocation's Allocated cell: where a finding about the whole tier-year points. */
  readonly at: RawCell;
  readonly total: number;
  readonly partners: readonly string[];
}

/** The tiers' allocations per year, by yearTierKey. */
type TierAllocations = Map<string, TierAllocation>;

/**
 * The allocations: a second allocation for a partner's year, one without a tier (errors); MDF to a tier whose
 * benefits grant none ("mdf.tier-not-granted"). Returns what each tier was allocated per year.
 */
function checkAllocations(
  rows: readonly MdfAllocationRow[],
  benefits: ReadonlyMap<string, string>,
  out: MdfReports
): TierAllocations {
  const c = MDF_ALLOCATION_COLUMNS;
  const allocatedTo: TierAllocations = new Map();
  const firstRow = new Map<string, string>();
  for (const row of rows) {
    if (isEmptyRow([row.year, row.partner, row.tier, row.allocated])) continue;
    const partner = readText(row.partner?.value);
    const about = partner === undefined ? {} : { partner };
    const what = partner ?? `The allocation at ${(row.partner ?? row.year)?.cell}`;
    const allocated = out.amount(row.allocated, c.allocated, what, about);
    const when = out.year(row.year, what);
    if (when !== undefined && partner !== undefined) {
      const key = yearPartnerKey(when, partner);
      const first = firstRow.get(key);
      if (first === undefined) firstRow.set(key, row.partner!.cell);
      else {
        out.report(
          "error",
          "mdf.bad-value",
          row.partner!,
          `${partner} has a second allocation for ${when} (the first at ${first}): keep one, or its claims count twice`,
          about
        );
      }
    }
    if (allocated === undefined || allocated < ONE_CENT) continue;
    const tier = readText(row.tier?.value);
    if (tier === undefined) {
      out.report(
        "error",
        "mdf.bad-value",
        row.tier ?? row.allocated!,
        `${what} is allocated ${formatMoney(allocated)} of MDF but has no Partner Tier`,
        about
      );
      continue;
    }
    const benefit = benefits.get(tierKey(tier));
    const granted = benefit !== undefined && grantsMdf(benefit);
    if (when !== undefined) {
      const key = yearTierKey(when, tier);
      const sum = allocatedTo.get(key);
      allocatedTo.set(key, {
        year: when,
        tier: sum?.tier ?? tier,
        granted,
        at: sum?.at ?? row.allocated!,
        total: (sum?.total ?? 0) + allocated,
        partners: [...(sum?.partners ?? []), ...(partner === undefined ? [] : [partner])],
      });
    }
    if (granted) continue;
    const why =
      benefit === undefined
        ? `${tier} is not a tier of the Tiers sheet`
        : `the Tiers sheet's benefits grant ${tier} partners no MDF`;
    out.report(
      "warning",
      "mdf.tier-not-granted",
      row.tier!,
      `${what} is allocated ${formatMoney(allocated)} of MDF${when === undefined ? "" : ` for ${when}`}, but ${why}`,
      about
    );
  }
  return allocatedTo;
}

/**
 * Each budget line against what its tier was allocated that year ("mdf.over-budget", at the Budget cell); a
 * tier that grants MDF allocated some in a year it has no budget line for is over a budget of nothing (at its
 * first allocation). A line with its Budget still blank is a line: its tier-year is not reported.
 */
function checkBudget(
  rows: readonly MdfBudgetRow[],
  allocatedTo: TierAllocations,
  out: MdfReports,
  allocations: MdfReports
): void {
  const lines = new Set<string>();
  for (const row of rows) {
    if (isEmptyRow([row.year, row.tier, row.budget])) continue;
    const tier = readText(row.tier?.value);
    const what = tier === undefined ? "A budget" : `The ${tier} budget`;
    const when = out.year(row.year, what);
    const limit = out.amount(row.budget, MDF_BUDGET_COLUMNS.budget, what);
    if (when !== undefined && tier !== undefined) lines.add(yearTierKey(when, tier));
    if (when === undefined || tier === undefined || limit === undefined) continue;
    const allocated = allocatedTo.get(yearTierKey(when, tier));
    if (allocated === undefined || roundCents(allocated.total) <= roundCents(limit)) continue;
    out.report(
      "error",
      "mdf.over-budget",
      row.budget!,
      `${tier} partners are allocated ${formatMoney(allocated.total)} of MDF for ${when}, above the ${formatMoney(limit)} budget (${formatList(allocated.partners)})`
    );
  }
  for (const [key, allocated] of allocatedTo) {
    if (!allocated.granted || lines.has(key)) continue;
    const { tier, year } = allocated;
    allocations.report(
      "error",
      "mdf.over-budget",
      allocated.at,
      `${tier} partners are allocated ${formatMoney(allocated.total)} of MDF for ${year}, but the MDF sheet has no ${tier} budget for ${year} (${formatList(allocated.partners)})`
    );
  }
}

/** Each claim: its partner and campaign ("mdf.claim-incomplete"), no more claimed than approved. */
function checkClaims(rows: readonly MdfClaimRow[], out: MdfReports): void {
  const c = MDF_CLAIM_COLUMNS;
  for (const row of rows) {
    const inputs = (Object.keys(c) as (keyof typeof c)[]).map((key) => row[key]);
    if (isEmptyRow(inputs)) continue;
    const partner = readText(row.partner?.value);
    const about = partner === undefined ? {} : { partner };
    const what =
      readText(row.id?.value) ?? `The claim at ${inputs.find((cell) => cell !== undefined)!.cell}`;
    const missing = [
      partner === undefined ? c.partner : undefined,
      readText(row.campaign?.value) === undefined ? c.campaign : undefined,
    ].filter((m) => m !== undefined);
    if (missing.length > 0) {
      const at = (partner === undefined ? row.partner : row.campaign) ?? inputs.find(Boolean)!;
      out.report(
        "error",
        "mdf.claim-incomplete",
        at,
        `${what} has no ${missing.join(" and no ")}: MDF is paid to a partner for a campaign`,
        about
      );
    }
    for (const key of ["requested", "paid"] as const) out.amount(row[key], c[key], what, about);
    for (const key of ["requestedOn", "paidOn"] as const) {
      const cell = row[key];
      const date = readDate(cell?.value);
      if (cell === undefined || date.ok || date.error.kind === "blank") continue;
      out.report(
        "error",
        "mdf.bad-value",
        cell,
        `${what}: ${describeDateProblem(date.error, c[key])}`,
        about
      );
    }
    const approved = out.amount(row.approved, c.approved, what, about);
    const claimed = out.amount(row.claimed, c.claimed, what, about);
    if (approved === undefined || claimed === undefined) continue;
    if (roundCents(claimed) <= roundCents(approved)) continue;
    out.report(
      "warning",
      "mdf.claim-over-approved",
      row.claimed!,
      `${what} claims ${formatMoney(claimed)}, above the ${formatMoney(approved)} approved`,
      about
    );
  }
}

/**
 * The MDF rules: a tier's allocations of a program year above its budget ("mdf.over-budget", an error at
 * the budget); MDF allocated to a partner whose tier's benefits (the Tiers sheet: `benefits` by lower-case
 * tier name) grant none ("mdf.tier-not-granted", a warning); a claim without a partner or a campaign
 * ("mdf.claim-incomplete", an error); a claim above its approved amount ("mdf.claim-over-approved", a
 * warning). Values that cannot be read are "mdf.bad-value" errors. Rows with nothing typed are skipped.
 */
export function checkMdf(
  budget: readonly MdfBudgetRow[],
  allocations: readonly MdfAllocationRow[],
  claims: readonly MdfClaimRow[],
  benefits: ReadonlyMap<string, string>,
  sheets: MdfSheets
): Finding[] {
  const findings: Finding[] = [];
  const onAllocations = new MdfReports(sheets.allocations, findings);
  const allocatedTo = checkAllocations(allocations, benefits, onAllocations);
  checkBudget(budget, allocatedTo, new MdfReports(sheets.budget, findings), onAllocations);
  checkClaims(claims, new MdfReports(sheets.claims, findings));
  return findings;
}
