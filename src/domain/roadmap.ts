import {
  choiceLookup,
  compareDays,
  describeDateProblem,
  formatDate,
  isBlank,
  isEmptyRow,
  isWithinMonths,
  readChoice,
  readDate,
  readText,
} from "./cells";
import { Finding, FindingsCollector, RawCell, showValue } from "./findings";
import { formatMoney } from "./money";
import { formatQuarter, parseQuarter, Quarter } from "./quarters";
import { RaciRole } from "./raci";
import { ProgramSettings, YearOneTargets, yearOneTargets } from "./settings";

export const ROADMAP_STATUSES = ["Not started", "In progress", "Done", "At risk"] as const;
export type RoadmapStatus = (typeof ROADMAP_STATUSES)[number];

/** The kinds of work the roadmap's milestones belong to; ours, the playbook lists milestones only. */
export const WORKSTREAMS = [
  "Strategy",
  "Recruitment",
  "Enablement",
  "Revenue",
  "Marketing",
  "Operations",
  "Governance",
] as const;
export type Workstream = (typeof WORKSTREAMS)[number];

/** Platinum and Gold partners the roadmap signs in its year: a first and a second Platinum, two Gold. */
export const ROADMAP_PLATINUM_PARTNERS = 2;
export const ROADMAP_GOLD_PARTNERS = 2;

export interface Milestone {
  readonly milestone: string;
  readonly workstream: Workstream;
  readonly owner: RaciRole;
}

export interface RoadmapPhase {
  readonly quarter: Quarter["quarter"];
  readonly theme: string;
  readonly milestones: readonly Milestone[];
}

const m = (milestone: string, workstream: Workstream, owner: RaciRole): Milestone => ({
  milestone,
  workstream,
  owner,
});

/** The four quarters of §5.2, the playbook's [X] filled from the year's targets. */
export function roadmapPhases(targets: YearOneTargets): RoadmapPhase[] {
  return [
    {
      quarter: 1,
      theme: "Foundation",
      milestones: [
        m("Finalize partnership thesis and tier framework", "Strategy", "CPO"),
        m(
          "Launch outreach to the top 5 priority partners (Big 4 firms and one global systems integrator)",
          "Recruitment",
          "Director Partner Dev"
        ),
        m("Sign first Platinum partner agreement", "Recruitment", "Director Partner Dev"),
        m(
          "Stand up partner portal (self-serve training + deal registration)",
          "Operations",
          "Director Partner Ops"
        ),
      ],
    },
    {
      quarter: 2,
      theme: "First Revenue",
      milestones: [
        m(
          "Enable first Platinum partner (training + certification completed)",
          "Enablement",
          "Director Partner Ops"
        ),
        m("First joint co-sell meetings with Platinum partner", "Revenue", "VP Alliance GTM"),
        m(
          `Sign ${ROADMAP_GOLD_PARTNERS} Gold partners from boutique consultancy tier`,
          "Recruitment",
          "Director Partner Dev"
        ),
        m("Publish first joint whitepaper with Platinum partner", "Marketing", "VP Alliance GTM"),
        m(
          "First quarterly business review with a partner completed",
          "Governance",
          "VP Alliance GTM"
        ),
      ],
    },
    {
      quarter: 3,
      theme: "Scale",
      milestones: [
        m("Onboard second Platinum partner", "Enablement", "Director Partner Ops"),
        m(
          `Partner-sourced pipeline > ${formatMoney(targets.firstPipeline)} (first meaningful contribution)`,
          "Revenue",
          "VP Alliance GTM"
        ),
        m(
          "Launch partner-specific events program (joint webinar series)",
          "Marketing",
          "VP Alliance GTM"
        ),
        m(
          "Implement MDF program for Gold and Platinum partners",
          "Operations",
          "Director Partner Ops"
        ),
        m("First joint win closed with a partner", "Revenue", "VP Alliance GTM"),
      ],
    },
    {
      quarter: 4,
      theme: "Acceleration",
      milestones: [
        m(
          "All Platinum + Gold partners certified and in active co-sell",
          "Enablement",
          "Director Partner Ops"
        ),
        m(
          `Partner-sourced ARR hits ${Math.round(targets.partnerShare * 100)}% of total ARR`,
          "Revenue",
          "VP Alliance GTM"
        ),
        m("Board report shows positive partnership ROI", "Governance", "CPO"),
        m(
          "Roadmap for Year 2 (geographic expansion, joint-venture exploration)",
          "Strategy",
          "CPO"
        ),
        m("Annual Partner Summit (inaugural)", "Marketing", "VP Alliance GTM"),
      ],
    },
  ];
}

/** Headers of tblRoadmap, in the sheet's order. */
export const ROADMAP_COLUMNS = {
  quarter: "Quarter",
  theme: "Theme",
  workstream: "Workstream",
  milestone: "Milestone",
  owner: "Owner",
  status: "Status",
  due: "Due",
  lastReviewed: "Last Reviewed",
} as const;

/** A row of the roadmap as the workbook starts it. */
export interface RoadmapEntry {
  /** "2027-Q1". */
  readonly quarter: string;
  readonly theme: string;
  readonly workstream: Workstream;
  readonly milestone: string;
  readonly owner: RaciRole;
  readonly status: RoadmapStatus;
  /** The last day of the milestone's quarter. */
  readonly due: Date;
}

/** The last day of a quarter. */
export const quarterEnd = (q: Quarter): Date => new Date(Date.UTC(q.year, q.quarter * 3, 0));

/** The roadmap of the settings' program year, every milestone Not started and due at its quarter's end. */
export function roadmapEntries(settings: ProgramSettings): RoadmapEntry[] {
  return roadmapPhases(yearOneTargets(settings)).flatMap((phase) => {
    const quarter: Quarter = { year: settings.programYear, quarter: phase.quarter };
    return phase.milestones.map((milestone) => ({
      quarter: formatQuarter(quarter),
      theme: phase.theme,
      ...milestone,
      status: "Not started" as const,
      due: quarterEnd(quarter),
    }));
  });
}

/** "The roadmap must be revisited quarterly": reviewed within the last 3 months. */
export const ROADMAP_REVIEW_MONTHS = 3;

const STATUS_LOOKUP = choiceLookup(ROADMAP_STATUSES);
export const readRoadmapStatus = (raw: unknown): RoadmapStatus | undefined =>
  readChoice(raw, STATUS_LOOKUP);

/** A due cell: a date, or a quarter label ("2027-Q1", due at the quarter's end). */
function readDue(raw: unknown): Date | undefined {
  const date = readDate(raw);
  if (date.ok) return date.value;
  const quarter = typeof raw === "string" ? parseQuarter(raw) : undefined;
  return quarter?.ok ? quarterEnd(quarter.value) : undefined;
}

/** One row of tblRoadmap as read; a column the table lacks is undefined. */
export interface RoadmapRow {
  readonly milestone: RawCell;
  readonly status?: RawCell;
  readonly due?: RawCell;
  readonly lastReviewed?: RawCell;
}

/**
 * The roadmap's rules relative to `today`: it was reviewed within the last quarter (its latest Last
 * Reviewed date is EDATE(today, -3) or later: "quality.roadmap-review", a warning); a milestone not Done
 * past its due date is "roadmap.overdue"; statuses and dates are readable ("roadmap.bad-value"). Rows with
 * nothing in them are skipped.
 */
export function checkRoadmap(rows: readonly RoadmapRow[], today: Date, sheet: string): Finding[] {
  const { report, findings } = new FindingsCollector(sheet);
  let latest: { date: Date; cell: RawCell } | undefined;
  let firstRow: RoadmapRow | undefined;
  for (const row of rows) {
    const cells = [row.milestone, row.status, row.due, row.lastReviewed];
    if (isEmptyRow(cells)) continue;
    firstRow ??= row;
    const name = readText(row.milestone.value) ?? `the milestone at ${row.milestone.cell}`;
    let status: RoadmapStatus | undefined;
    if (row.status !== undefined && !isBlank(row.status.value)) {
      status = readRoadmapStatus(row.status.value);
      if (status === undefined) {
        report(
          "error",
          "roadmap.bad-value",
          row.status,
          `${name}: ${showValue(row.status.value)} is not a status; use ${ROADMAP_STATUSES.join(", ")}`
        );
      }
    }
    if (row.due !== undefined && !isBlank(row.due.value)) {
      const due = readDue(row.due.value);
      if (due === undefined) {
        report(
          "error",
          "roadmap.bad-value",
          row.due,
          `${name}: ${ROADMAP_COLUMNS.due} ${showValue(row.due.value)} is not a date or a quarter (write 2027-03-31 or 2027-Q1)`
        );
      } else if (status !== "Done" && compareDays(today, due) > 0) {
        report(
          "warning",
          "roadmap.overdue",
          row.due,
          `${name} was due on ${formatDate(due)} and is ${status ?? "without a status"}`
        );
      }
    }
    if (row.lastReviewed !== undefined && !isBlank(row.lastReviewed.value)) {
      const reviewed = readDate(row.lastReviewed.value);
      if (!reviewed.ok) {
        const problem = describeDateProblem(reviewed.error, ROADMAP_COLUMNS.lastReviewed);
        report("error", "roadmap.bad-value", row.lastReviewed, `${name}: ${problem}`);
      } else if (latest === undefined || compareDays(reviewed.value, latest.date) > 0) {
        latest = { date: reviewed.value, cell: row.lastReviewed };
      }
    }
  }
  if (firstRow === undefined) return findings;
  const quarterly = "the roadmap must be revisited quarterly";
  if (latest === undefined) {
    report(
      "warning",
      "quality.roadmap-review",
      firstRow.lastReviewed ?? firstRow.milestone,
      `the roadmap has no review date: ${quarterly}`
    );
  } else if (!isWithinMonths(latest.date, today, ROADMAP_REVIEW_MONTHS)) {
    report(
      "warning",
      "quality.roadmap-review",
      latest.cell,
      `the roadmap was last reviewed on ${formatDate(latest.date)}, more than a quarter before ${formatDate(today)}: ${quarterly}`
    );
  }
  return findings;
}
