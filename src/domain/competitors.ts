import {
  describeDateProblem,
  formatDate,
  isBlank,
  isEmptyRow,
  isWithinMonths,
  readDate,
  readList,
  readText,
} from "./cells";
import { Finding, FindingsCollector, RawCell, showValue } from "./findings";
import { MODEL_NAMES_TEXT, PartnershipModel, readModel } from "./models";

/** "Competitor ecosystem mapping must be refreshed every 6 months." */
export const COMPETITOR_REFRESH_MONTHS = 6;

/** Headers of tblCompetitors, in the sheet's order (§2.3 plus the refresh date). */
export const COMPETITOR_COLUMNS = {
  competitor: "Competitor",
  keyPartners: "Key Partners",
  model: "Partnership Model",
  strength: "Perceived Strength",
  lastRefreshed: "Last Refreshed",
} as const;

export interface CompetitorEntry {
  readonly competitor: string;
  readonly keyPartners: readonly string[];
  readonly model: PartnershipModel;
  /** Why their partnerships are effective. */
  readonly strength: string;
}

/** Three fictional competitors of the default company: the playbook asks for the top 3. */
export const SAMPLE_COMPETITORS: readonly CompetitorEntry[] = [
  {
    competitor: "Clearline Risk",
    keyPartners: ["Deloitte", "Accenture"],
    model: "Co-Sell",
    strength: "A joint risk-transformation offer sold through Deloitte's risk practice",
  },
  {
    competitor: "Aegis Compliance Suite",
    keyPartners: ["KPMG", "Infosys"],
    model: "Implementation",
    strength: "KPMG implements it in its regulatory remediation programmes",
  },
  {
    competitor: "Ledgerwise",
    keyPartners: ["Kestrel Data Platform"],
    model: "OEM / Embed",
    strength: "Embedded in a data platform most of our ICP already runs",
  },
];

/** One row of tblCompetitors as read; a column the table lacks is undefined. */
export interface CompetitorRow {
  readonly competitor: RawCell;
  readonly keyPartners?: RawCell;
  readonly model?: RawCell;
  readonly lastRefreshed?: RawCell;
}

/**
 * Every competitor row refreshed within the last 6 months of `today` (EDATE(today, -6) or later), as the
 * playbook's quality rule asks ("quality.competitor-refresh", a warning at the row's date); unreadable
 * dates and models are "competitor.bad-value". Rows with nothing in them are skipped.
 */
export function checkCompetitorMap(
  rows: readonly CompetitorRow[],
  today: Date,
  sheet: string
): Finding[] {
  const { report, findings } = new FindingsCollector(sheet);
  const every = `refresh the competitor map every ${COMPETITOR_REFRESH_MONTHS} months`;
  for (const row of rows) {
    const cells = [row.competitor, row.keyPartners, row.model, row.lastRefreshed];
    if (isEmptyRow(cells)) continue;
    const name = readText(row.competitor.value);
    if (name === undefined) {
      report("error", "competitor.bad-value", row.competitor, "the competitor's name is blank");
    }
    const title = name ?? `the competitor at ${row.competitor.cell}`;
    if (
      row.model !== undefined &&
      !isBlank(row.model.value) &&
      readModel(row.model.value) === undefined
    ) {
      report(
        "error",
        "competitor.bad-value",
        row.model,
        `${title}: ${showValue(row.model.value)} is not a partnership model; use ${MODEL_NAMES_TEXT}`
      );
    }
    const refreshed =
      row.lastRefreshed === undefined ? undefined : readDate(row.lastRefreshed.value);
    if (refreshed === undefined || (!refreshed.ok && refreshed.error.kind === "blank")) {
      report(
        "warning",
        "quality.competitor-refresh",
        row.lastRefreshed ?? row.competitor,
        `${title} has no refresh date: ${every}`
      );
    } else if (!refreshed.ok) {
      report(
        "error",
        "competitor.bad-value",
        row.lastRefreshed!,
        `${title}: ${describeDateProblem(refreshed.error, COMPETITOR_COLUMNS.lastRefreshed)}`
      );
    } else if (!isWithinMonths(refreshed.value, today, COMPETITOR_REFRESH_MONTHS)) {
      report(
        "warning",
        "quality.competitor-refresh",
        row.lastRefreshed!,
        `${title} was last refreshed on ${formatDate(refreshed.value)}, more than ${COMPETITOR_REFRESH_MONTHS} months before ${formatDate(today)}: ${every}`
      );
    }
  }
  return findings;
}

const key = (name: string): string => name.trim().toLowerCase();

/**
 * The competitors each landscape partner is locked to, by the partner's lower-case name: those its own
 * "Locked to Competitor" cell names, and those whose key partners list it. Partners locked to none are absent.
 */
export function lockedPartners(
  landscape: readonly { readonly partner: string; readonly lockedTo?: unknown }[],
  competitors: readonly { readonly competitor: string; readonly keyPartners: unknown }[]
): ReadonlyMap<string, readonly string[]> {
  const locks = new Map<string, string[]>();
  const lock = (partner: string, competitor: string) => {
    const list = locks.get(key(partner)) ?? [];
    if (!list.some((c) => key(c) === key(competitor))) list.push(competitor);
    locks.set(key(partner), list);
  };
  const known = new Set(landscape.map((p) => key(p.partner)));
  for (const p of landscape) for (const c of readList(p.lockedTo)) lock(p.partner, c);
  for (const c of competitors) {
    for (const partner of readList(c.keyPartners)) {
      if (known.has(key(partner))) lock(partner, c.competitor);
    }
  }
  return locks;
}

/** A recruitment target: its attractiveness score when it has one. */
export interface RecruitmentTarget {
  readonly partner: string;
  readonly score?: number;
}

/**
 * "Which partners are available or under-served by competitors? Recruit those first." Targets no competitor
 * has locked come first, then locked ones (approach their adjacent partners with a counter-narrative);
 * within each group the highest score first, unscored last, ties in the given order.
 */
export function recruitmentOrder<T extends RecruitmentTarget>(
  targets: readonly T[],
  locks: ReadonlyMap<string, readonly string[]>
): (T & { readonly lockedTo: readonly string[] })[] {
  const score = (t: RecruitmentTarget): number =>
    t.score === undefined || Number.isNaN(t.score) ? -Infinity : t.score;
  const ranked = targets.map((target, index) => ({
    target,
    lockedTo: locks.get(key(target.partner)) ?? [],
    index,
  }));
  ranked.sort((a, b) => {
    const byLock = Number(a.lockedTo.length > 0) - Number(b.lockedTo.length > 0);
    const byScore = score(b.target) - score(a.target);
    return byLock || (Number.isNaN(byScore) ? 0 : byScore) || a.index - b.index;
  });
  return ranked.map((r) => ({ ...r.target, lockedTo: r.lockedTo }));
}
