import { choiceLookup, isBlank, listOf, readChoice, readDate } from "../domain/cells";
import { Finding, showValue } from "../domain/findings";
import { readMoney } from "../domain/money";
import { readTimestamp } from "../domain/dealRegistrations";
import { describeQuarterError, formatQuarter, parseQuarter } from "../domain/quarters";
import { err, ok, Result } from "../domain/result";
import { a1 } from "./address";
import { YES, NO } from "./columns";
import { excelSerial } from "./dates";
import { ColumnKind, ImportColumn, ImportTarget, ImportTargetName } from "./importTargets";
import { Scalar } from "./plan";
import { headerKey, TableValues } from "./readProgram";
import { ColumnValue, TableRowEdits } from "./tableEdits";

/**
 * Importing a CRM export into one of the program's data tables, as a pure decision: which table the export
 * fills, which of its rows are good, and for each good row whether it adds a row, updates cells of an
 * existing one (matched by the table's key) or changes nothing. The hosts apply the resulting edits.
 */

/** An existing table's cells as a host read them (a formula cell as its result). */
export interface ExistingTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly unknown[])[];
}

export interface ImportCounts {
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly rejected: number;
}

/** A row of the export that was imported (added, updated or unchanged), with its values by header. */
export interface ImportedRow {
  readonly values: ReadonlyMap<string, Scalar>;
  /** Where the row's first key cell is in the export, for findings about the row. */
  readonly keyCell: string;
  readonly added: boolean;
}

export interface ImportOutcome extends ImportCounts {
  readonly target: ImportTarget;
  readonly edits: TableRowEdits;
  readonly findings: readonly Finding[];
  readonly rows: readonly ImportedRow[];
}

/** A column of the export matched to a column of the table. */
interface Matched {
  readonly column: ImportColumn;
  readonly index: number;
}

const keyOfHeader = (column: ImportColumn): string[] =>
  [column.header, ...column.aliases].map(headerKey);

/** The export's columns each table column takes: the first whose header names it (or an alias). */
function matchColumns(header: readonly unknown[], target: ImportTarget): Matched[] {
  const keys = header.map(headerKey);
  const matched: Matched[] = [];
  const taken = new Set<number>();
  // The table's own header first: "Partner Type" is Scoring's column, even where "Type" is an alias too.
  for (const pass of ["header", "alias"] as const) {
    for (const column of target.columns) {
      if (matched.some((m) => m.column === column)) continue;
      const names = pass === "header" ? [headerKey(column.header)] : keyOfHeader(column).slice(1);
      const index = keys.findIndex((k, i) => !taken.has(i) && k !== "" && names.includes(k));
      if (index < 0) continue;
      taken.add(index);
      matched.push({ column, index });
    }
  }
  return matched;
}

const missingOf = (target: ImportTarget, matched: readonly Matched[]): string[] =>
  target.required.filter((h) => !matched.some((m) => m.column.header === h));

function describeMissing(target: ImportTarget, missing: readonly string[]): string {
  const named = missing.map((h) => {
    const aliases = target.columns.find((c) => c.header === h)?.aliases ?? [];
    return aliases.length === 0 ? h : `${h} (or ${aliases.slice(0, 3).join(", ")})`;
  });
  return `${target.table} needs the ${missing.length === 1 ? "column" : "columns"} ${listOf(named)}`;
}

/**
 * The table an export goes into: the one `into` names, else the only one whose required columns its
 * header has. The error says which columns are missing, or which tables the header fits.
 */
export function chooseTarget(
  header: readonly unknown[],
  targets: readonly ImportTarget[],
  into?: ImportTargetName
): Result<ImportTarget, string> {
  if (into !== undefined) {
    const target = targets.find((t) => t.name === into)!;
    const missing = missingOf(target, matchColumns(header, target));
    return missing.length === 0
      ? ok(target)
      : err(`the header lacks what ${describeMissing(target, missing)}`);
  }
  const fits = targets.filter((t) => missingOf(t, matchColumns(header, t)).length === 0);
  if (fits.length === 1) return ok(fits[0]!);
  if (fits.length > 1) {
    return err(
      `the header fits more than one table (${fits.map((t) => t.name).join(", ")}): say which with --into`
    );
  }
  // Nearest: fewest required columns missing, then most found.
  const nearest = targets
    .map((t) => ({ t, missing: missingOf(t, matchColumns(header, t)) }))
    .sort(
      (a, b) =>
        a.missing.length - b.missing.length ||
        b.t.required.length - b.missing.length - (a.t.required.length - a.missing.length)
    )[0]!;
  return err(
    `the header fits none of the tables (${targets.map((t) => t.name).join(", ")}); the nearest, ` +
      `${describeMissing(nearest.t, nearest.missing)}`
  );
}

const YES_NO_ALIASES: Readonly<Record<string, string>> = {
  true: YES,
  y: YES,
  false: NO,
  n: NO,
};

/** A cell of the export read for its column: undefined when blank (a blank never overwrites). */
function readCell(kind: ColumnKind, raw: unknown): Result<Scalar | undefined, string> {
  if (isBlank(raw)) return ok(undefined);
  switch (kind.kind) {
    case "text":
      if (typeof raw === "string") return ok(raw.trim());
      if (typeof raw === "number" || typeof raw === "boolean") return ok(String(raw));
      if (raw instanceof Date) return ok(raw.toISOString().slice(0, 10));
      return err(`${showValue(raw)} is not text`);
    case "choice": {
      const yesNo =
        kind.values.length === 2 && kind.values.includes(YES) && kind.values.includes(NO);
      const lookup = choiceLookup(kind.values, yesNo ? YES_NO_ALIASES : {});
      const text = typeof raw === "boolean" ? String(raw) : raw;
      const choice = readChoice(text, lookup);
      return choice === undefined
        ? err(`${showValue(raw)} is not one of: ${kind.values.join(", ")}`)
        : ok(choice);
    }
    case "money": {
      const amount = readMoney(raw);
      if (!amount.ok) {
        return err(
          amount.error.kind === "tooLarge"
            ? `${showValue(raw)} is a number too large for an amount`
            : `${showValue(raw)} is not an amount (write it as 1250000 or $1,250,000)`
        );
      }
      if (amount.value < 0) return err(`${showValue(raw)} is negative: an amount is 0 or more`);
      return amount.value > kind.max
        ? err(`${showValue(raw)} is a number too large for an amount`)
        : ok(amount.value);
    }
    case "number": {
      const n = readMoney(raw);
      if (!n.ok) return err(`${showValue(raw)} is not a number`);
      if (kind.whole && !Number.isInteger(n.value))
        return err(`${showValue(raw)} is not a whole number`);
      if (n.value < kind.min || n.value > kind.max) {
        return err(`${showValue(raw)} is outside ${kind.min} to ${kind.max}`);
      }
      return ok(n.value);
    }
    case "date": {
      const date = readDate(raw);
      if (!date.ok) return err(`${showValue(raw)} is not a date (write it as 2026-03-31)`);
      try {
        return ok(excelSerial(date.value));
      } catch {
        return err(`${showValue(raw)} is outside Excel's dates`);
      }
    }
    case "timestamp": {
      const at = readTimestamp(raw);
      return at.ok
        ? ok(at.value)
        : err(`${showValue(raw)} is not a date and time (write it as 2026-03-31 14:30)`);
    }
    case "quarter": {
      const quarter = parseQuarter(raw);
      return quarter.ok
        ? ok(formatQuarter(quarter.value))
        : err(describeQuarterError(quarter.error));
    }
  }
}

/** Keys compare as Excel's MATCH does: ignoring case and surrounding spaces. */
const keyText = (values: readonly Scalar[]): string =>
  values.map((v) => String(v).trim().toLowerCase()).join("\u0000");

const sameValue = (a: Scalar | undefined, b: Scalar | undefined): boolean =>
  typeof a === "number" && typeof b === "number" ? Math.abs(a - b) < 1e-9 : a === b;

/** An existing cell read as the column reads the export, so that "Active" typed there equals "active" imported. */
function existingValue(kind: ColumnKind, raw: unknown): Scalar | undefined {
  const read = readCell(kind, raw);
  if (read.ok) return read.value;
  return typeof raw === "string" || typeof raw === "number" || typeof raw === "boolean"
    ? raw
    : undefined;
}

/** Where each of the table's columns is in the existing table, by header (ignoring case and punctuation). */
export function existingColumns(existing: ExistingTable): Map<string, number> {
  const columns = new Map<string, number>();
  existing.header.forEach((h, i) => {
    const k = headerKey(h);
    if (!columns.has(k)) columns.set(k, i);
  });
  return columns;
}

/**
 * The edits that add `added` to a table: rows at its end with nothing typed in their importable columns
 * (an empty table's one row, rows a user left blank) take the first of them, as typing would fill them,
 * before the table grows by the rest.
 */
export function placeNewRows(
  target: ImportTarget,
  existing: ExistingTable,
  updates: readonly TableRowEdits["updates"][number][],
  added: readonly (readonly ColumnValue[])[]
): TableRowEdits {
  const where = existingColumns(existing);
  const columns = target.columns.flatMap((c) => where.get(headerKey(c.header)) ?? []);
  let free = existing.rows.length;
  while (free > 0 && columns.every((c) => isBlank(existing.rows[free - 1]![c]))) free--;
  const filled = added.slice(0, existing.rows.length - free);
  return {
    table: target.table,
    updates: [
      ...updates,
      ...filled.flatMap((cells, i) => cells.map((cell) => ({ dataRow: free + i, ...cell }))),
    ],
    appends: added.slice(filled.length),
  };
}

/**
 * Decides the import of `source` into `target`, whose table currently holds `existing`. Each row with a
 * bad cell is rejected (a finding per bad cell, citing the export's cell) and the others are imported: a
 * new key appended, a known key's named cells updated where they differ. Blank cells of the export change
 * nothing. A key repeated in the export is rejected after its first row.
 */
export function planImport(
  target: ImportTarget,
  source: TableValues,
  existing: ExistingTable
): Result<ImportOutcome, string> {
  const matched = matchColumns(source.header, target);
  const where = existingColumns(existing);
  const lacking = target.key.filter((h) => !where.has(headerKey(h)));
  if (lacking.length > 0) {
    return err(`the workbook's ${target.table} has no ${listOf(lacking)} column to match rows by`);
  }
  // Only columns the workbook's table has: a table the user trimmed loses nothing to an import.
  const usable = matched.filter((m) => where.has(headerKey(m.column.header)));
  const keyColumns = target.key.flatMap((h) => usable.filter((m) => m.column.header === h));
  if (keyColumns.length < target.key.length) return err(describeMissing(target, target.key));
  const findings: Finding[] = [];
  const cellOf = (r: number, c: number): string =>
    a1({ row: source.topLeft.row + 1 + r, column: source.topLeft.column + c });

  const known = new Map<string, number>();
  existing.rows.forEach((row, dataRow) => {
    const values = target.key.map((h, i) =>
      existingValue(keyColumns[i]!.column.kind, row[where.get(headerKey(h))!])
    );
    if (values.some((v) => v === undefined)) return;
    const key = keyText(values as Scalar[]);
    if (!known.has(key)) known.set(key, dataRow);
  });

  const seen = new Map<string, string>();
  const updates: { dataRow: number; column: string; value: Scalar }[] = [];
  const added: ColumnValue[][] = [];
  const rows: ImportedRow[] = [];
  let updated = 0;
  let unchanged = 0;
  let rejected = 0;
  const reject = (rule: string, cell: string, message: string, partner?: string) =>
    findings.push({
      severity: "error",
      rule: `import.${rule}`,
      sheet: source.sheet,
      cell,
      message,
      ...(partner !== undefined && { partner }),
    });

  source.rows.forEach((raw, r) => {
    if (raw.every(isBlank)) return;
    const values = new Map<string, Scalar>();
    let bad = false;
    const partnerText =
      typeof raw[keyColumns[0]!.index] === "string"
        ? String(raw[keyColumns[0]!.index]).trim()
        : undefined;
    for (const { column, index } of usable) {
      const read = readCell(column.kind, raw[index]);
      if (!read.ok) {
        bad = true;
        reject("bad-value", cellOf(r, index), `${column.header}: ${read.error}`, partnerText);
      } else if (read.value !== undefined) values.set(column.header, read.value);
    }
    const keyCell = cellOf(r, keyColumns[0]!.index);
    const keyValues = target.key.map((h) => values.get(h));
    if (!bad && keyValues.some((v) => v === undefined)) {
      bad = true;
      const blank = keyColumns.find((_, i) => keyValues[i] === undefined)!;
      reject(
        "missing-key",
        cellOf(r, blank.index),
        `${blank.column.header} is blank: the row cannot be matched`,
        partnerText
      );
    }
    if (bad) {
      rejected++;
      return;
    }
    const key = keyText(keyValues as Scalar[]);
    const first = seen.get(key);
    if (first !== undefined) {
      rejected++;
      reject(
        "duplicate-key",
        keyCell,
        `${target.key.join(" + ")} ${keyValues.join(" ")} repeats the row at ${first}; only the first is imported`,
        partnerText
      );
      return;
    }
    seen.set(key, keyCell);
    const dataRow = known.get(key);
    if (dataRow === undefined) {
      // A new row gets the playbook's value for a column the export leaves blank, where the table has it.
      const filled = new Map(values);
      for (const [column, value] of target.defaults(values)) {
        if (!filled.has(column) && where.has(headerKey(column))) filled.set(column, value);
      }
      added.push([...filled].map(([column, value]) => ({ column, value })));
      rows.push({ values, keyCell, added: true });
      return;
    }
    const before = updates.length;
    const current = existing.rows[dataRow]!;
    for (const [column, value] of values) {
      // The key matched ignoring case: the spelling the table has stays.
      if (target.key.includes(column)) continue;
      const kind = usable.find((m) => m.column.header === column)!.column.kind;
      if (!sameValue(existingValue(kind, current[where.get(headerKey(column))!]), value)) {
        updates.push({ dataRow, column, value });
      }
    }
    if (updates.length > before) updated++;
    else unchanged++;
    rows.push({ values, keyCell, added: false });
  });

  return ok({
    target,
    edits: placeNewRows(target, existing, updates, added),
    added: added.length,
    updated,
    unchanged,
    rejected,
    findings,
    rows,
  });
}
