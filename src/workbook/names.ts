import { a1 } from "./address";
import { CellPlan, CellRef, isFormula, WorkbookPlan } from "./plan";

/**
 * Excel's rules for the names a plan gives sheets and tables, as pure checks: a plan that breaks one would
 * make Excel refuse the whole request (the Excel host) or repair the file on opening (the file host).
 * Each check returns what is wrong, in words, or undefined when the name is fine.
 */

const MAX_SHEET_NAME = 31;
const MAX_TABLE_NAME = 255;

const SHEET_FORBIDDEN = /[:\\/?*[\]]/;
/** Excel keeps "History" for its change-tracking sheet. */
const RESERVED_SHEET = "history";

export function sheetNameProblem(name: string): string | undefined {
  if (name === "") return "a sheet name cannot be blank";
  if (name.length > MAX_SHEET_NAME) {
    return `sheet name "${name}" has ${name.length} characters; Excel allows ${MAX_SHEET_NAME}`;
  }
  const forbidden = SHEET_FORBIDDEN.exec(name);
  if (forbidden !== null) {
    return `sheet name "${name}" contains "${forbidden[0]}"; Excel allows none of : \\ / ? * [ ]`;
  }
  if (name.startsWith("'") || name.endsWith("'")) {
    return `sheet name "${name}" starts or ends with an apostrophe, which Excel does not allow`;
  }
  if (name.toLowerCase() === RESERVED_SHEET) {
    return `sheet name "${name}" is reserved by Excel`;
  }
  return undefined;
}

/** Letters (any script), then letters, digits, periods and underscores; `_` or `\` may also start it. */
const TABLE_NAME = /^[\p{L}_\\][\p{L}\p{N}._]*$/u;
const A1_REFERENCE = /^([A-Z]{1,3})(\d+)$/i;
/** R1C1 references and their parts: R, C, R5, C12, RC, R2C3. */
const R1C1_REFERENCE = /^(R\d*C?\d*|C\d*)$/i;
const MAX_COLUMN = 16_384;
const MAX_ROW = 1_048_576;

/** Whether `name` is a cell Excel could mean: "A1", "XFD1048576", "tbl1" (column TBL), "R1C1". */
export function looksLikeCellReference(name: string): boolean {
  if (R1C1_REFERENCE.test(name)) return true;
  const m = A1_REFERENCE.exec(name);
  if (m === null) return false;
  const column = [...m[1]!.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const row = Number(m[2]);
  return column <= MAX_COLUMN && row >= 1 && row <= MAX_ROW;
}

export function tableNameProblem(name: string): string | undefined {
  if (name === "") return "a table name cannot be blank";
  if (name.length > MAX_TABLE_NAME) {
    return `table name "${name.slice(0, 40)}…" has ${name.length} characters; Excel allows ${MAX_TABLE_NAME}`;
  }
  if (!TABLE_NAME.test(name)) {
    return `table name "${name}" must start with a letter, "_" or "\\" and hold only letters, digits, "." and "_" (no spaces)`;
  }
  if (looksLikeCellReference(name)) {
    return `table name "${name}" looks like a cell reference, which Excel does not allow`;
  }
  return undefined;
}

/** Excel compares sheet and table names ignoring case. */
const nameKey = (name: string): string => name.toUpperCase();

function duplicates(names: readonly string[], what: string): string[] {
  const seen = new Map<string, string>();
  const problems: string[] = [];
  for (const name of names) {
    const first = seen.get(nameKey(name));
    if (first === undefined) seen.set(nameKey(name), name);
    else problems.push(`${what} "${name}" repeats "${first}" (Excel ignores case)`);
  }
  return problems;
}

/** Every naming problem of a plan: each sheet and table name, and names used twice ignoring case. */
export function planNameProblems(plan: WorkbookPlan): string[] {
  const tables = plan.sheets.flatMap((s) => s.tables.map((t) => t.name));
  return [
    ...plan.sheets.flatMap((s) => sheetNameProblem(s.name) ?? []),
    ...duplicates(
      plan.sheets.map((s) => s.name),
      "sheet name"
    ),
    ...tables.flatMap((t) => tableNameProblem(t) ?? []),
    ...duplicates(tables, "table name"),
    ...plan.sheets.flatMap((s) =>
      s.tables.flatMap((t) =>
        duplicates(
          t.columns.map((c) => c.header),
          `${t.name}: column`
        )
      )
    ),
  ];
}

/** A table and the columns a structured reference names (`tblX[[#This Row],[A]:[B]]` names A and B). */
export interface StructuredReference {
  readonly table: string;
  readonly columns: readonly string[];
}

/** Formula text outside its string literals, which may hold anything, brackets included. */
const withoutStrings = (formula: string): string => formula.replace(/"(?:[^"]|"")*"/g, '""');

const unescapeColumn = (text: string): string => text.replace(/'(.)/g, "$1");

/** The bracketed text after `open` (the index of a "["), up to its matching "]"; "'" escapes a bracket. */
function bracketed(text: string, open: number): { inner: string; end: number } | undefined {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'") i++;
    else if (ch === "[") depth++;
    else if (ch === "]" && --depth === 0) return { inner: text.slice(open + 1, i), end: i };
  }
  return undefined;
}

/** Every structured reference of a formula, in order. */
export function structuredReferences(formula: string): StructuredReference[] {
  const text = withoutStrings(formula);
  const references: StructuredReference[] = [];
  const start = /([\p{L}_\\][\p{L}\p{N}._]*)\[/gu;
  for (let m = start.exec(text); m !== null; m = start.exec(text)) {
    const open = m.index + m[1]!.length;
    const inner = bracketed(text, open);
    if (inner === undefined) break;
    const specifiers = inner.inner.startsWith("[")
      ? [...inner.inner.matchAll(/\[((?:[^\]']|'.)*)\]/g)].map((s) => s[1]!)
      : [inner.inner];
    references.push({
      table: m[1]!,
      columns: specifiers.filter((s) => !s.startsWith("#")).map(unescapeColumn),
    });
    start.lastIndex = inner.end + 1;
  }
  return references;
}

/**
 * Every structured reference of the plan's formulas that names a table the plan does not hold, or a column
 * its table lacks: Excel would repair such a formula into #REF! on opening, LibreOffice shows an error.
 */
export function planReferenceProblems(plan: WorkbookPlan): string[] {
  const columns = new Map<string, Set<string>>();
  for (const sheet of plan.sheets) {
    for (const t of sheet.tables)
      columns.set(nameKey(t.name), new Set(t.columns.map((c) => nameKey(c.header))));
  }
  const problems: string[] = [];
  const check = (sheet: string, at: CellRef, cell: CellPlan): void => {
    if (!isFormula(cell)) return;
    for (const ref of structuredReferences(cell.formula)) {
      const where = `${sheet}!${a1(at)}`;
      const known = columns.get(nameKey(ref.table));
      if (known === undefined) {
        problems.push(`${where}: no table "${ref.table}" in the workbook`);
        continue;
      }
      for (const column of ref.columns.filter((c) => !known.has(nameKey(c)))) {
        problems.push(`${where}: table ${ref.table} has no column "${column}"`);
      }
    }
  };
  for (const sheet of plan.sheets) {
    for (const t of sheet.tables) {
      t.rows.forEach((row, r) =>
        row.forEach((cell, c) =>
          check(sheet.name, { row: t.topLeft.row + 1 + r, column: t.topLeft.column + c }, cell)
        )
      );
    }
    for (const cell of sheet.cells) check(sheet.name, cell.at, cell.value);
  }
  return problems;
}
