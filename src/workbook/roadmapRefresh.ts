import { isBlank, readDate, readText } from "../domain/cells";
import { parseQuarter } from "../domain/quarters";
import { quarterEnd, ROADMAP_COLUMNS, roadmapEntries, RoadmapEntry } from "../domain/roadmap";
import { ProgramSettings } from "../domain/settings";
import { DATE_FORMAT, excelSerial } from "./dates";
import { CellPlan, ColumnPlan, Formula, Scalar, SheetPlan, TablePlan } from "./plan";
import { TableValues } from "./readProgram";
import { bandFormula, QUARTER_FORMULA, roadmapSheetPlan } from "./roadmapSheet";

/**
 * "Generate roadmap": the Roadmap sheet for the program year of the settings, refreshed from the tblRoadmap
 * the workbook holds. The generated milestones come in the playbook's order, each keeping what the analyst
 * typed on its row (Owner, Status, Last Reviewed, and Due when it is not the generated quarter end); rows
 * the analyst added, and columns of their own, are kept after them. Refreshing the result again changes
 * nothing.
 */
export interface RoadmapRefresh {
  /** The Roadmap sheet (title, note, tblRoadmap) to write in place of the sheet's current table. */
  readonly sheet: SheetPlan;
  /**
   * The sheet's tblRoadmap: the planned columns, then the analyst's own columns; its rows are the
   * milestones, then the rows added by hand.
   */
  readonly table: TablePlan;
  readonly programYear: number;
  /** Generated milestones, the first rows. */
  readonly milestones: number;
  /** Of them, the ones whose Owner, Status, Due or own columns the analyst had changed, kept as edited. */
  readonly edited: number;
  /** Of them, the ones the table did not hold (all of them for a new table). */
  readonly created: number;
  /** Rows the analyst added, whose milestone is not generated, kept after the milestones. */
  readonly byHand: number;
  /** Rows of the table dropped because nothing was typed in them (an empty table's blank row). */
  readonly blankRows: number;
}

type Field = keyof typeof ROADMAP_COLUMNS;

/** A cell read back by a host: a constant, a date, an error value, or a formula to keep as it is. */
const isFormulaCell = (v: unknown): v is Formula =>
  typeof v === "object" && v !== null && typeof (v as Formula).formula === "string";

/** A cell read back as a cell to write: dates as Excel serials, error values ({ error }) as their text. */
function cellOf(value: unknown): CellPlan {
  if (value === undefined) return null;
  if (value instanceof Date) return excelSerial(value);
  if (isFormulaCell(value)) return { formula: value.formula };
  if (typeof value === "object" && value !== null) {
    return "error" in value ? String(value.error) : String(value);
  }
  return value as Scalar;
}

/** Lower case without spaces: how milestones are matched. */
const milestoneKey = (text: string): string => text.toLowerCase().replace(/\s+/g, "");

/** Numbers masked: "Partner-sourced pipeline > $3,300,000" is the same milestone at another target. */
const wordingKey = (text: string): string => milestoneKey(text).replace(/\d[\d,.]*/g, "#");

/**
 * Whether two texts say the same thing but for their numbers ("Partnership Roadmap 2027" and "… 2028"):
 * a host rewrites a sheet's title only when the cell still holds the generated wording.
 */
export const sameWording = (a: string, b: string): boolean => wordingKey(a) === wordingKey(b);

/** A timeline column of a roadmap, of this program year or an earlier one: regenerated, never kept. */
const BAND_HEADER = /^\d{4}-Q[1-4]$/;

const headerKey = (header: unknown): string =>
  String(header ?? "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");

const FIELD_BY_HEADER: ReadonlyMap<string, Field> = new Map(
  (Object.entries(ROADMAP_COLUMNS) as [Field, string][]).map(([field, header]) => [
    headerKey(header),
    field,
  ])
);

/** An existing row, by field, with the values of the analyst's own columns. */
interface ExistingRow {
  readonly fields: Partial<Record<Field, unknown>>;
  readonly own: readonly unknown[];
}

interface ExistingTable {
  readonly rows: ExistingRow[];
  /** Headers of the analyst's own columns, in the table's order. */
  readonly ownHeaders: string[];
  /** The fields the table has a column for. */
  readonly fields: ReadonlySet<Field>;
}

function readExisting(table: TableValues): ExistingTable {
  const fieldAt = new Map<number, Field>();
  const ownAt: number[] = [];
  table.header.forEach((header, i) => {
    const field = FIELD_BY_HEADER.get(headerKey(header));
    if (field !== undefined && ![...fieldAt.values()].includes(field)) fieldAt.set(i, field);
    else if (!BAND_HEADER.test(String(header ?? "").trim())) ownAt.push(i);
  });
  const rows = table.rows.map((cells) => {
    const fields: Partial<Record<Field, unknown>> = {};
    for (const [i, field] of fieldAt) fields[field] = cells[i];
    return { fields, own: ownAt.map((i) => cells[i]) };
  });
  return {
    rows,
    ownHeaders: ownAt.map((i) => String(table.header[i] ?? "")),
    fields: new Set(fieldAt.values()),
  };
}

/** Quarter and the timeline columns are formulas of the others: a row holding nothing else is blank. */
const isBlankRow = (row: ExistingRow): boolean =>
  row.own.every(isBlank) &&
  isBlank(dueOf(row)) &&
  (Object.entries(row.fields) as [Field, unknown][]).every(
    ([field, value]) => field === "quarter" || field === "due" || isBlank(value)
  );

/** A Due the analyst left as generated: the end of the milestone's quarter, in any program year. */
function isGeneratedDue(value: unknown, entry: RoadmapEntry): boolean {
  if (isFormulaCell(value)) return false;
  const due = readDate(value);
  if (!due.ok) return false;
  const quarter = Math.floor(entry.due.getUTCMonth() / 3) + 1;
  const end = quarterEnd({ year: due.value.getUTCFullYear(), quarter: quarter as 1 | 2 | 3 | 4 });
  return due.value.getTime() === end.getTime();
}

const sameText = (value: unknown, text: string): boolean =>
  !isFormulaCell(value) && milestoneKey(readText(value) ?? "") === milestoneKey(text);

/**
 * A Due typed as a quarter in the Quarter column of a row without a Due: the Quarter column is a formula
 * of the Due, which passes a typed quarter through, so the label moves there rather than being lost.
 */
function dueOf(row: ExistingRow): unknown {
  const { due, quarter } = row.fields;
  if (!isBlank(due) || isFormulaCell(quarter) || typeof quarter !== "string") return due;
  return parseQuarter(quarter).ok ? quarter.trim() : due;
}

/**
 * Each generated milestone's existing row: the first unused row with the same milestone text (ignoring
 * case and spaces), else the first with the same wording at other numbers.
 */
function matchRows(entries: readonly RoadmapEntry[], rows: readonly ExistingRow[]) {
  const unused = new Set(rows.filter((row) => !isBlankRow(row)));
  const text = (row: ExistingRow): string | undefined =>
    isFormulaCell(row.fields.milestone) ? undefined : readText(row.fields.milestone);
  const take = (key: (s: string) => string, entry: RoadmapEntry): ExistingRow | undefined => {
    const wanted = key(entry.milestone);
    const row = [...unused].find((r) => {
      const t = text(r);
      return t !== undefined && key(t) === wanted;
    });
    if (row !== undefined) unused.delete(row);
    return row;
  };
  const matched: (ExistingRow | undefined)[] = entries.map((e) => take(milestoneKey, e));
  entries.forEach((e, i) => (matched[i] ??= take(wordingKey, e)));
  return { matched, byHand: rows.filter((row) => unused.has(row)) };
}

/**
 * The Roadmap sheet of `settings`' program year, refreshed from the workbook's tblRoadmap (`existing`,
 * undefined when the workbook has none). Cells may be constants, dates (Date or serial), error values, or
 * formulas ({ formula }), which are kept as formulas. `today` is the Last Reviewed of milestones new to the
 * table, as when the roadmap is first generated.
 */
export function refreshRoadmap(
  existing: TableValues | undefined,
  settings: ProgramSettings,
  today: Date
): RoadmapRefresh {
  const entries = roadmapEntries(settings);
  const base = roadmapSheetPlan(entries, settings.programYear, today);
  const baseTable = base.tables[0]!;
  const counts = { programYear: settings.programYear, milestones: entries.length };
  if (existing === undefined) {
    return {
      sheet: base,
      table: baseTable,
      ...counts,
      edited: 0,
      created: entries.length,
      byHand: 0,
      blankRows: 0,
    };
  }

  const old = readExisting(existing);
  const { matched, byHand } = matchRows(entries, old.rows);
  const index = (field: Field): number =>
    baseTable.columns.findIndex((c) => c.header === ROADMAP_COLUMNS[field]);
  const analystFields: readonly Field[] = ["owner", "status", "lastReviewed"];
  let edited = 0;

  const generated = entries.map((entry, i) => {
    const cells = [...baseTable.rows[i]!];
    const row = matched[i];
    if (row === undefined) return [...cells, ...old.ownHeaders.map(() => null)];
    for (const field of analystFields) {
      if (old.fields.has(field)) cells[index(field)] = cellOf(row.fields[field]);
    }
    const due = dueOf(row);
    const dueKept = old.fields.has("due") && !isGeneratedDue(due, entry);
    if (dueKept) cells[index("due")] = cellOf(due);
    const changed =
      dueKept ||
      row.own.some((v) => !isBlank(v)) ||
      (old.fields.has("owner") && !sameText(row.fields.owner, entry.owner)) ||
      (old.fields.has("status") && !sameText(row.fields.status, entry.status));
    if (changed) edited++;
    return [...cells, ...row.own.map(cellOf)];
  });

  const handRows = byHand.map((row) => [
    ...baseTable.columns.map((column): CellPlan => {
      const field = FIELD_BY_HEADER.get(headerKey(column.header));
      if (field === undefined) return bandFormula(column.header);
      if (field === "quarter") return QUARTER_FORMULA;
      return cellOf(field === "due" ? dueOf(row) : row.fields[field]);
    }),
    ...row.own.map(cellOf),
  ]);

  const ownColumns: ColumnPlan[] = old.ownHeaders.map((header, c) => ({
    header,
    width: 14,
    // Dates read back as dates keep showing as dates; the host cannot keep the cells' own formats.
    ...(old.rows.some((r) => r.own[c] instanceof Date) && { numberFormat: DATE_FORMAT }),
  }));
  const table: TablePlan = {
    ...baseTable,
    columns: [...baseTable.columns, ...ownColumns],
    rows: [...generated, ...handRows],
  };
  return {
    sheet: { ...base, tables: [table] },
    table,
    ...counts,
    edited,
    created: matched.filter((m) => m === undefined).length,
    byHand: byHand.length,
    blankRows: old.rows.filter(isBlankRow).length,
  };
}
