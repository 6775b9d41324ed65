import {
  addMonths,
  choiceLookup,
  compareDays,
  describeDateProblem,
  formatDate,
  isBlank,
  isEmptyRow,
  readChoice,
  readDate,
  readText,
} from "./cells";
import { Finding, FindingsCollector, RawCell, showValue } from "./findings";

/**
 * Relationship cadences of the executive map (§6.2) and how often each brings the executives together: a
 * combined cadence counts its most frequent meeting ("Monthly 1:1 + QBR" meets monthly).
 */
export const CADENCES = [
  { name: "Monthly 1:1 + QBR", months: 1 },
  { name: "Monthly", months: 1 },
  { name: "Quarterly + Annual Summit", months: 3 },
  { name: "Quarterly", months: 3 },
  { name: "Semi-annual", months: 6 },
  { name: "Annual", months: 12 },
] as const;
export type Cadence = (typeof CADENCES)[number];
export type CadenceName = Cadence["name"];

const CADENCE_BY_NAME: ReadonlyMap<string, CadenceName> = choiceLookup(
  CADENCES.map((c) => c.name),
  { QBR: "Quarterly", "Monthly 1:1": "Monthly", "Semi-annually": "Semi-annual", Annually: "Annual" }
);

export const CADENCE_NAMES_TEXT = CADENCES.map((c) => c.name).join(", ");

/** "monthly 1:1 + qbr", "QBR" → the cadence; anything else is undefined. */
export function readCadence(raw: unknown): Cadence | undefined {
  const name = readChoice(raw, CADENCE_BY_NAME);
  return CADENCES.find((c) => c.name === name);
}

/** The next meeting is due one interval after the last (Excel's EDATE(last, months)). */
export const nextMeetingDue = (lastMeeting: Date, cadence: Cadence): Date =>
  addMonths(lastMeeting, cadence.months);

/** Overdue from the day after the due date. */
export const isOverdue = (due: Date, today: Date): boolean => compareDays(today, due) > 0;

export interface ExecutiveEntry {
  readonly partner: string;
  readonly partnerExecutive: string;
  readonly counterpart: string;
  readonly cadence: CadenceName;
}

/** The playbook's two examples. */
export const PLAYBOOK_EXECUTIVES: readonly ExecutiveEntry[] = [
  {
    partner: "Deloitte",
    partnerExecutive: "VP Alliance, Digital",
    counterpart: "CPO",
    cadence: "Monthly 1:1 + QBR",
  },
  {
    partner: "Accenture",
    partnerExecutive: "Managing Director",
    counterpart: "CPO + CEO",
    cadence: "Quarterly + Annual Summit",
  },
];

/** Headers of tblExecutives, in the sheet's order. */
export const EXECUTIVE_COLUMNS = {
  partner: "Partner",
  partnerExecutive: "Partner Executive",
  counterpart: "Our Counterpart",
  cadence: "Relationship Cadence",
  lastMeeting: "Last Meeting",
  nextDue: "Next Due",
} as const;

/** One row of tblExecutives as read; a column the table lacks is undefined. */
export interface ExecutiveRow {
  readonly partner: RawCell;
  readonly partnerExecutive?: RawCell;
  readonly counterpart?: RawCell;
  readonly cadence?: RawCell;
  readonly lastMeeting?: RawCell;
}

/** A partner whose current tier is Platinum, and the cell that says so (on any sheet). */
export interface PlatinumPartner {
  readonly name: string;
  readonly sheet: string;
  readonly cell: string;
}

/**
 * The executive map's rules. Every Platinum partner has a row naming our counterpart (its executive sponsor)
 * and a cadence ("quality.executive-sponsor", an error, one per Platinum partner: at the row's missing cell,
 * or at the partner's tier when it has no row); cadences and dates are readable ("executive.bad-value"); a
 * meeting whose next one is past due is "executive.overdue". Rows with nothing in them are skipped.
 */
export function checkExecutiveMap(
  rows: readonly ExecutiveRow[],
  platinum: readonly PlatinumPartner[],
  today: Date,
  sheet: string
): Finding[] {
  const { report, findings } = new FindingsCollector(sheet);
  /** Each partner's first row, and whether any of its rows names a counterpart and a cadence. */
  const mapped = new Map<string, { row: ExecutiveRow; sponsored: boolean }>();
  for (const row of rows) {
    const cells = [
      row.partner,
      row.partnerExecutive,
      row.counterpart,
      row.cadence,
      row.lastMeeting,
    ];
    if (isEmptyRow(cells)) continue;
    const partner = readText(row.partner.value);
    const filled = (cell: RawCell | undefined) => cell !== undefined && !isBlank(cell.value);
    if (partner === undefined) {
      report("error", "executive.bad-value", row.partner, "the partner's name is blank");
    } else {
      const key = partner.toLowerCase();
      const sponsored = filled(row.counterpart) && filled(row.cadence);
      const first = mapped.get(key);
      if (first === undefined) mapped.set(key, { row, sponsored });
      else if (sponsored) mapped.set(key, { row, sponsored });
    }
    const name = partner ?? `the partner at ${row.partner.cell}`;
    let cadence: Cadence | undefined;
    if (filled(row.cadence)) {
      cadence = readCadence(row.cadence!.value);
      if (cadence === undefined) {
        report(
          "error",
          "executive.bad-value",
          row.cadence!,
          `${name}: ${showValue(row.cadence!.value)} is not a cadence; use ${CADENCE_NAMES_TEXT}`
        );
      }
    }
    if (row.lastMeeting === undefined || isBlank(row.lastMeeting.value)) continue;
    const last = readDate(row.lastMeeting.value);
    if (!last.ok) {
      const problem = describeDateProblem(last.error, EXECUTIVE_COLUMNS.lastMeeting);
      report("error", "executive.bad-value", row.lastMeeting, `${name}: ${problem}`);
    } else if (cadence !== undefined) {
      const due = nextMeetingDue(last.value, cadence);
      if (isOverdue(due, today)) {
        report(
          "warning",
          "executive.overdue",
          row.lastMeeting,
          `${name}: the next ${cadence.name} meeting was due on ${formatDate(due)} (last met ${formatDate(last.value)})`
        );
      }
    }
  }
  const reported = new Set<string>();
  const needs = "every Platinum partner needs an executive sponsor with a cadence";
  for (const p of platinum) {
    const key = p.name.trim().toLowerCase();
    const entry = mapped.get(key);
    if (entry?.sponsored || reported.has(key)) continue;
    reported.add(key);
    if (entry === undefined) {
      report(
        "error",
        "quality.executive-sponsor",
        p.cell,
        `${p.name} is Platinum but has no row on the executive map: ${needs}`,
        { sheet: p.sheet, partner: p.name }
      );
      continue;
    }
    const { row } = entry;
    const name = readText(row.partner.value) ?? p.name;
    const noSponsor = row.counterpart === undefined || isBlank(row.counterpart.value);
    report(
      "error",
      "quality.executive-sponsor",
      (noSponsor ? row.counterpart : row.cadence) ?? row.partner,
      `${name} is Platinum but has no ${noSponsor ? "executive sponsor (our counterpart)" : `relationship cadence (${CADENCE_NAMES_TEXT})`}: ${needs}`,
      { partner: name }
    );
  }
  return findings;
}
