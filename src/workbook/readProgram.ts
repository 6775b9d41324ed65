import { listOf } from "../domain/cells";
import {
  Finding,
  FindingsCollector,
  RawCell,
  sortFindings,
  summarizeFindings,
} from "../domain/findings";
import { formatQuarter, parseQuarter } from "../domain/quarters";
import {
  EXITED,
  parseTierRules,
  ProgramValidation,
  QUARTERLY_COLUMNS,
  QuarterlyRow,
  ReadRowCells,
  TIER_COLUMNS,
  TIER_SETTING_COLUMNS,
  tierGap,
  TierReviewRow,
  TierRules,
  TierSettingRow,
  TierTableRow,
  validateProgram,
} from "../domain/tiers";
import { readCount, readFlag } from "../domain/tiers/values";
import { a1, columnLetters } from "./address";
import { CellRef } from "./plan";

/**
 * A table as a host read it: an Excel table (ListObject) or a CSV file. `topLeft` is the header row's
 * first cell, zero-based: every cell address a finding cites is computed from it. For a CSV, `sheet` is
 * the file's name and `topLeft` is { row: 0, column: 0 }, so "C7" is the seventh record's third field.
 */
export interface TableValues {
  readonly sheet: string;
  readonly header: readonly unknown[];
  readonly rows: readonly (readonly unknown[])[];
  readonly topLeft: CellRef;
}

/** A Tier Review row with the figures it was qualified on and, on a partner's latest quarter, its gap. */
export interface TierReviewEntry extends TierReviewRow {
  readonly certified: number | undefined;
  readonly practice: boolean | undefined;
  /**
   * What the partner lacks for the tier above the one it qualifies for ("Gold: +$150,000 pipeline"); ""
   * except on its latest quarter, and there too when it exits or exited or its figures are unknown.
   */
  readonly nextTierGap: string;
}

/** A program validated from its tables: the domain's validation, the reading findings merged in. */
export interface ProgramReview extends ProgramValidation {
  readonly review: TierReviewEntry[];
  /** Whether the criteria came from tblTiers rather than the playbook's defaults. */
  readonly criteriaFromTable: boolean;
}

/** The rule of the finding that a quarterly table lacks a required column: nothing else can be validated. */
export const MISSING_QUARTERLY_COLUMNS = "data.missing-columns";

type QuarterlyField = keyof typeof QUARTERLY_COLUMNS;

/** Columns without which no row can be read; the others are optional (their rules are then not checked). */
const REQUIRED_QUARTERLY: readonly QuarterlyField[] = [
  "partner",
  "quarter",
  "pipeline",
  "certified",
  "dedicatedPractice",
  "recordedTier",
];

/** Other names a header may use: "Certified" is the CSV import's name for Certified Individuals. */
const QUARTERLY_ALIASES: Partial<Record<QuarterlyField, readonly string[]>> = {
  certified: ["Certified"],
};

/** Lower case, letters and digits only: "Dedicated Practice", "DedicatedPractice" and "dedicated_practice" are one header. */
export const headerKey = (header: unknown): string =>
  typeof header === "string" || typeof header === "number"
    ? String(header)
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]/gu, "")
    : "";

/** What the findings of one table are filed under, and how its cells are addressed. */
interface TableReader {
  readonly table: TableValues;
  readonly collector: FindingsCollector;
  /** "data" for the quarterly table, "tier-rules" for the rule tables: the prefix of their rule ids. */
  readonly rules: "data" | "tier-rules";
}

const headerCell = (table: TableValues, column: number): string =>
  a1({ row: table.topLeft.row, column: table.topLeft.column + column });

/** A table's reader, its findings going to `findings` (a new list by default). */
const readerOf = (
  table: TableValues,
  rules: TableReader["rules"],
  findings: Finding[] = []
): TableReader => ({ table, collector: new FindingsCollector(table.sheet, findings), rules });

function report(
  reader: TableReader,
  severity: Finding["severity"],
  rule: string,
  cell: string,
  message: string
): void {
  reader.collector.report(severity, rule, cell, message);
}

/**
 * Where each field's column is: headers matched ignoring case, spaces and punctuation, in any order,
 * extra columns ignored. A second column for a field already found is reported and ignored.
 */
function matchColumns<F extends string>(
  reader: TableReader,
  names: Readonly<Record<F, readonly string[]>>
): Map<F, number> {
  const fieldOf = new Map<string, F>();
  for (const field of Object.keys(names) as F[]) {
    for (const name of names[field]) fieldOf.set(headerKey(name), field);
  }
  const columns = new Map<F, number>();
  reader.table.header.forEach((header, index) => {
    const field = fieldOf.get(headerKey(header));
    if (field === undefined) return;
    const first = columns.get(field);
    if (first === undefined) {
      columns.set(field, index);
      return;
    }
    const firstCell = headerCell(reader.table, first);
    report(
      reader,
      "warning",
      `${reader.rules}.duplicate-column`,
      headerCell(reader.table, index),
      `the column "${String(header)}" repeats ${names[field][0]} (${firstCell}); only ${firstCell}'s column is read`
    );
  });
  return columns;
}

/** Reports the required fields `columns` lacks; true when it lacks none. */
function hasRequired<F extends string>(
  reader: TableReader,
  columns: ReadonlyMap<F, number>,
  required: readonly F[],
  names: Readonly<Record<F, readonly string[]>>,
  consequence: string
): boolean {
  const missing = required.filter((f) => !columns.has(f));
  if (missing.length === 0) return true;
  const shown = missing.map((f) => {
    const [name, ...aliases] = names[f];
    return aliases.length === 0 ? name! : `${name} (or ${aliases.join(" or ")})`;
  });
  const noun = missing.length === 1 ? "column" : "columns";
  report(
    reader,
    "error",
    `${reader.rules}.missing-columns`,
    headerCell(reader.table, 0),
    `the header row lacks the ${noun} ${listOf(shown)}; ${consequence}`
  );
  return false;
}

/** The data rows' cells of the matched columns, each with its address (a column's letters found once). */
function rowsOf<F extends string>(
  table: TableValues,
  columns: ReadonlyMap<F, number>
): Partial<Record<F, RawCell>>[] {
  const matched = [...columns].map(([field, c]) => ({
    field,
    c,
    letters: columnLetters(table.topLeft.column + c),
  }));
  // A1 row numbers count from 1, and the data start under the header.
  const firstRow = table.topLeft.row + 2;
  return table.rows.map((values, r) => {
    const cells: Partial<Record<F, RawCell>> = {};
    for (const { field, c, letters } of matched) {
      cells[field] = { value: values[c] ?? null, cell: `${letters}${firstRow + r}` };
    }
    return cells;
  });
}

/**
 * A table's data rows as cells of the named columns, matched as the quarterly data's are (ignoring case,
 * spaces and punctuation); a column the table lacks is absent from every row, and so unchecked.
 */
export function tableRows<F extends string>(
  table: TableValues,
  headers: Readonly<Record<F, string>>
): Partial<Record<F, RawCell>>[] {
  const reader = readerOf(table, "data");
  return rowsOf(table, matchColumns(reader, namesOf(headers)));
}

function namesOf<F extends string>(
  headers: Readonly<Record<F, string>>,
  aliases: Partial<Record<F, readonly string[]>> = {}
): Record<F, readonly string[]> {
  const names = {} as Record<F, readonly string[]>;
  for (const f of Object.keys(headers) as F[]) names[f] = [headers[f], ...(aliases[f] ?? [])];
  return names;
}

const QUARTERLY_NAMES = namesOf(QUARTERLY_COLUMNS, QUARTERLY_ALIASES);

/**
 * A cell whose address is spelled only when asked for: a validation cites few of the cells it reads, and
 * a streamed file of a million rows would otherwise spell ten million addresses.
 */
class LazyCell implements RawCell {
  constructor(
    readonly value: unknown,
    private readonly letters: string,
    private readonly line: number
  ) {}

  get cell(): string {
    return `${this.letters}${this.line}`;
  }
}

/** The column letters of the cells a read row keeps the addresses of. */
interface AddressLetters {
  readonly quarter: string;
  readonly recordedTier: string;
  readonly jointGtmActivities: string | undefined;
  readonly businessReviewHeld: string | undefined;
}

/** A read row's addresses as its line number and the shared letters: a number per row, spelled when cited. */
class LineAddresses implements ReadRowCells {
  constructor(
    private readonly letters: AddressLetters,
    private readonly line: number
  ) {}

  get quarter(): string {
    return `${this.letters.quarter}${this.line}`;
  }

  get recordedTier(): string {
    return `${this.letters.recordedTier}${this.line}`;
  }

  get jointGtmActivities(): string | undefined {
    const letters = this.letters.jointGtmActivities;
    return letters === undefined ? undefined : `${letters}${this.line}`;
  }

  get businessReviewHeld(): string | undefined {
    const letters = this.letters.businessReviewHeld;
    return letters === undefined ? undefined : `${letters}${this.line}`;
  }
}

/** How to read the data rows under a quarterly header, one at a time. */
export interface QuarterlyHeader {
  /** The header's findings: repeated columns, and MISSING_QUARTERLY_COLUMNS when a required one is absent. */
  readonly findings: Finding[];
  /**
   * The domain's row from a data row's values, `index` counting data rows from 0; undefined when a
   * required column is missing (no row can be read).
   */
  readonly row: ((values: readonly unknown[], index: number) => QuarterlyRow) | undefined;
}

/**
 * The columns of a quarterly header (tblQuarterly's, or a CSV export's first record): headers matched
 * ignoring case, spaces and punctuation, in any order. `sheet` and `topLeft` place the header, as in
 * TableValues, so each row's cells get their addresses: spelled out as plain objects, or `lazy` (spelled
 * when read) for a stream whose rows are many and mostly clean.
 */
export function readQuarterlyHeader(
  sheet: string,
  header: readonly unknown[],
  topLeft: CellRef,
  addresses: "spelled" | "lazy" = "spelled"
): QuarterlyHeader {
  const table: TableValues = { sheet, header, rows: [], topLeft };
  const reader = readerOf(table, "data");
  const columns = matchColumns(reader, QUARTERLY_NAMES);
  if (!hasRequired(reader, columns, REQUIRED_QUARTERLY, QUARTERLY_NAMES, "no row is validated")) {
    return { findings: reader.collector.findings, row: undefined };
  }
  const at = (field: QuarterlyField): { c: number; letters: string } | undefined => {
    const c = columns.get(field);
    return c === undefined ? undefined : { c, letters: columnLetters(topLeft.column + c) };
  };
  // Every required column was matched above.
  const partner = at("partner")!;
  const quarter = at("quarter")!;
  const pipeline = at("pipeline")!;
  const certified = at("certified")!;
  const dedicatedPractice = at("dedicatedPractice")!;
  const recordedTier = at("recordedTier")!;
  const sourcedArr = at("sourcedArr");
  const influencedArr = at("influencedArr");
  const jointGtmActivities = at("jointGtmActivities");
  const businessReviewHeld = at("businessReviewHeld");
  const letters: AddressLetters = {
    quarter: quarter.letters,
    recordedTier: recordedTier.letters,
    jointGtmActivities: jointGtmActivities?.letters,
    businessReviewHeld: businessReviewHeld?.letters,
  };
  // A1 row numbers count from 1, and the data start under the header.
  const firstRow = topLeft.row + 2;
  return {
    findings: reader.collector.findings,
    row: (values, index) => {
      const line = firstRow + index;
      const cell = (col: { c: number; letters: string }): RawCell =>
        addresses === "lazy"
          ? new LazyCell(values[col.c] ?? null, col.letters, line)
          : { value: values[col.c] ?? null, cell: `${col.letters}${line}` };
      const optional = (col: { c: number; letters: string } | undefined): RawCell | undefined =>
        col && cell(col);
      return {
        partner: cell(partner),
        quarter: cell(quarter),
        pipeline: cell(pipeline),
        sourcedArr: optional(sourcedArr),
        influencedArr: optional(influencedArr),
        certified: cell(certified),
        dedicatedPractice: cell(dedicatedPractice),
        jointGtmActivities: optional(jointGtmActivities),
        businessReviewHeld: optional(businessReviewHeld),
        recordedTier: cell(recordedTier),
        ...(addresses === "lazy" && { addresses: new LineAddresses(letters, line) }),
      };
    },
  };
}

/**
 * tblQuarterly (or a CSV export) as the domain's rows, each cell with its address. A table without a
 * required column gives no rows and an error finding naming the missing columns (MISSING_QUARTERLY_COLUMNS).
 */
export function readQuarterlyTable(table: TableValues): {
  rows: QuarterlyRow[];
  findings: Finding[];
} {
  const { findings, row } = readQuarterlyHeader(table.sheet, table.header, table.topLeft);
  return { rows: row === undefined ? [] : table.rows.map(row), findings };
}

type TierField = keyof TierTableRow;
const TIER_NAMES = namesOf<TierField>({
  tier: TIER_COLUMNS.tier,
  pipelineTarget: TIER_COLUMNS.pipelineTarget,
  certified: TIER_COLUMNS.certified,
  dedicatedPractice: TIER_COLUMNS.dedicatedPractice,
  reviewEveryQuarters: TIER_COLUMNS.reviewEveryQuarters,
  jointActivitiesPerYear: TIER_COLUMNS.jointActivitiesPerYear,
});
const SETTING_NAMES = namesOf(TIER_SETTING_COLUMNS);

function tierRows(table: TableValues, findings: Finding[]): TierTableRow[] | undefined {
  const reader = readerOf(table, "tier-rules", findings);
  const columns = matchColumns(reader, TIER_NAMES);
  if (!hasRequired(reader, columns, ["tier"], TIER_NAMES, "the playbook's criteria apply")) {
    return undefined;
  }
  return rowsOf(table, columns).map((c) => ({ ...c, tier: c.tier! }));
}

function settingRows(table: TableValues, findings: Finding[]): TierSettingRow[] | undefined {
  const reader = readerOf(table, "tier-rules", findings);
  const columns = matchColumns(reader, SETTING_NAMES);
  const consequence = "the playbook's movement rules apply";
  if (!hasRequired(reader, columns, ["setting", "value"], SETTING_NAMES, consequence)) {
    return undefined;
  }
  return rowsOf(table, columns).map((c) => ({ setting: c.setting!, value: c.value! }));
}

/**
 * The tier rules from tblTiers (criteria and commitments) and tblTierRules (movement settings), either
 * of which may be absent: the playbook's defaults then apply. Never throws; every bad value is a finding
 * citing its cell, on its own table's sheet. `criteriaFromTable`: tblTiers was read (it has a Tier column).
 */
export function readTierRules(
  tiers?: TableValues,
  settings?: TableValues
): { rules: TierRules; findings: Finding[]; criteriaFromTable: boolean } {
  const findings: Finding[] = [];
  const tierTable = tiers && tierRows(tiers, findings);
  const criteria = parseTierRules(tierTable, undefined, { sheet: tiers?.sheet ?? "" });
  const movement = parseTierRules(undefined, settings && settingRows(settings, findings), {
    sheet: settings?.sheet ?? "",
  });
  return {
    rules: {
      ...movement.rules,
      criteria: criteria.rules.criteria,
      commitments: criteria.rules.commitments,
    },
    findings: sortFindings([...findings, ...criteria.findings, ...movement.findings]),
    criteriaFromTable: tierTable !== undefined,
  };
}

type QuarterRows = Map<string, QuarterlyRow | "duplicate">;

/**
 * Each partner's rows by quarter, grouped as the domain groups them (the name trimmed, ignoring case; the
 * canonical quarter label); "duplicate" for a quarter the data holds more than once.
 */
function rowsByPartner(rows: readonly QuarterlyRow[]): Map<string, QuarterRows> {
  // Quarter labels repeat on every partner: each is parsed once.
  const labels = new Map<unknown, string | undefined>();
  const labelOf = (raw: unknown): string | undefined => {
    if (labels.has(raw)) return labels.get(raw);
    const parsed = parseQuarter(raw);
    const label = parsed.ok ? formatQuarter(parsed.value) : undefined;
    if (typeof raw === "string" || typeof raw === "number") labels.set(raw, label);
    return label;
  };
  const partners = new Map<string, QuarterRows>();
  for (const row of rows) {
    const p = row.partner.value;
    const name = typeof p === "string" ? p.trim() : typeof p === "number" ? String(p) : "";
    const label = labelOf(row.quarter.value);
    if (name === "" || label === undefined) continue;
    const key = name.toLowerCase();
    let quarters = partners.get(key);
    if (quarters === undefined) partners.set(key, (quarters = new Map()));
    quarters.set(label, quarters.has(label) ? "duplicate" : row);
  }
  return partners;
}

/**
 * The review's rows with the certified count and practice flag each quarter was qualified on (unknown for
 * a quarter the data holds twice or an unreadable cell), and the gap on each partner's latest quarter.
 */
function reviewEntries(
  rows: readonly QuarterlyRow[],
  review: readonly TierReviewRow[],
  rules: TierRules
): TierReviewEntry[] {
  const partners = rowsByPartner(rows);
  // A partner's review rows are consecutive: its quarters are looked up once.
  let partner: string | undefined;
  let quarters: QuarterRows | undefined;
  return review.map((r, i) => {
    if (r.partner !== partner) {
      partner = r.partner;
      quarters = partners.get(partner.toLowerCase());
    }
    const row = quarters?.get(r.quarter);
    const source = row === "duplicate" ? undefined : row;
    const c = source && readCount(source.certified.value);
    const d = source && readFlag(source.dedicatedPractice.value);
    const certified = c?.ok ? c.value : undefined;
    const practice = d?.ok ? d.value : undefined;
    const latest = review[i + 1]?.partner !== r.partner;
    const leaving =
      r.expectedTier === EXITED || r.recordedTier === EXITED || r.status?.kind === "exit";
    const gap =
      latest &&
      !leaving &&
      r.pipeline !== undefined &&
      certified !== undefined &&
      practice !== undefined
        ? tierGap(r.pipeline, certified, practice, null, rules)
        : undefined;
    // Copied field by field: a spread of 120,000 rows costs several times more.
    return {
      partner: r.partner,
      quarter: r.quarter,
      pipeline: r.pipeline,
      qualifyingTier: r.qualifyingTier,
      expectedTier: r.expectedTier,
      recordedTier: r.recordedTier,
      status: r.status,
      finding: r.finding,
      certified,
      practice,
      nextTierGap: gap?.ok ? gap.value.text : "",
    };
  });
}

/**
 * Validates a program from its tables, as both hosts read them: tblQuarterly (or a CSV) and, when
 * present, tblTiers and tblTierRules. The reading findings (missing or repeated columns, bad rule
 * values) are merged with the domain's and sorted; the summary counts them all.
 */
export function validateTables(
  quarterly: TableValues,
  tiers?: TableValues,
  settings?: TableValues,
  read: ReturnType<typeof readQuarterlyTable> = readQuarterlyTable(quarterly)
): ProgramReview {
  const { rules, findings: ruleFindings, criteriaFromTable } = readTierRules(tiers, settings);
  const validation = validateProgram(read.rows, rules, { sheet: quarterly.sheet });
  const findings = sortFindings([...read.findings, ...ruleFindings, ...validation.findings]);
  return {
    findings,
    actions: validation.actions,
    review: reviewEntries(read.rows, validation.review, rules),
    summary: summarizeFindings(findings),
    criteriaFromTable,
  };
}
