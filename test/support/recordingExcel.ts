import {
  CellInput,
  ExcelConditionalFormat,
  ExcelContext,
  ExcelFont,
  ExcelRange,
  ExcelTable,
  ExcelWorkbook,
  ExcelWorksheet,
} from "../../src/excel/excelModel";
import { ExcelRun } from "../../src/excel/scaffold";

/**
 * A recording fake of the slice of Excel in src/excel/excelModel.ts. Like Office.js, it only queues what the host
 * asks for and applies it on `context.sync()`, in order, stopping at the first failing operation; it measures each
 * request's size on its own terms (UTF-8 bytes of the JSON of target, member and arguments, independently of the
 * host's estimate) and keeps the grid a user would see. office-addin-mock has no collections and no queueing, which
 * are exactly what these tests are about.
 */

/** What a cell holds, as Excel shows it: a constant, or a formula Excel evaluates. */
export type CellContent =
  { readonly value: string | number | boolean } | { readonly formula: string };

export interface RecordedOperation {
  /** Index of the request (sync) that carried it. */
  readonly request: number;
  /** "workbook", "application", a sheet name, or "Sheet!A1:B2". */
  readonly target: string;
  readonly member: string;
  readonly bytes: number;
}

export interface RangeSetting {
  readonly address: string;
  readonly member: string;
  readonly value: unknown;
}

export interface ConditionalFormatState {
  readonly address: string;
  readonly type: string;
  rule?: Excel.ConditionalCellValueRule;
  fill?: string;
  font?: string;
}

export interface ValidationState {
  readonly address: string;
  rule?: Excel.DataValidationRule;
  errorAlert?: Excel.DataValidationErrorAlert;
}

export interface SheetState {
  readonly name: string;
  /** Keyed by A1 address; empty cells are absent. */
  readonly cells: Map<string, CellContent>;
  /** Number formats, column widths and font settings, in the order applied. */
  readonly settings: RangeSetting[];
  readonly validations: ValidationState[];
  readonly conditionalFormats: ConditionalFormatState[];
  readonly notes: Map<string, string>;
  frozenRows: number;
}

export interface TableState {
  name: string;
  readonly sheet: string;
  readonly address: string;
  readonly headers: readonly string[];
  style?: string;
}

export interface SeedSheet {
  readonly name: string;
  /** Written as a user types them: "=…" is a formula, "'…" is text. */
  readonly cells?: Readonly<Record<string, CellInput>>;
  readonly tables?: readonly { readonly name: string; readonly address: string }[];
}

interface Pending {
  readonly target: string;
  readonly member: string;
  readonly bytes: number;
  readonly apply: () => void;
}

const utf8 = new TextEncoder();
const MAX_ROWS = 1_048_576;

/** An error shaped like OfficeExtension.Error, which is what Excel.run rejects with. */
export function officeError(code: string, message = `Excel error ${code}.`): Error {
  return Object.assign(new Error(message), { name: "RichApi.Error", code });
}

export class RecordingExcel {
  readonly sheets: SheetState[] = [];
  readonly tables: TableState[] = [];
  /** Bytes of each request sent, in order. */
  readonly requests: number[] = [];
  readonly operations: RecordedOperation[] = [];
  /** The options each `run` was called with. */
  readonly runOptions: Excel.RunOptions[] = [];
  activeSheet: string | undefined;

  private pending: Pending[] = [];
  private readonly failures = new Map<number, Error>();
  private tableCount = 0;

  readonly context: ExcelContext = {
    workbook: this.workbook(),
    application: {
      suspendApiCalculationUntilNextSync: () =>
        this.queue("application", "suspendApiCalculationUntilNextSync", []),
      suspendScreenUpdatingUntilNextSync: () =>
        this.queue("application", "suspendScreenUpdatingUntilNextSync", []),
    },
    sync: () => this.sync(),
  };

  /** Stands in for Excel.run: records the options and runs the batch on this context (Excel.run syncs nothing itself). */
  readonly run: ExcelRun = (options, batch) => {
    this.runOptions.push(options);
    return batch(this.context);
  };

  constructor(seed: readonly SeedSheet[] = [{ name: "Sheet1" }]) {
    for (const s of seed) {
      this.addSheet(s.name);
      for (const [address, value] of Object.entries(s.cells ?? {}))
        this.writeFormulas(s.name, address, [[value]]);
      for (const t of s.tables ?? []) this.renameTable(this.addTable(s.name, t.address), t.name);
    }
  }

  get syncs(): number {
    return this.requests.length;
  }

  get largestRequest(): number {
    return Math.max(0, ...this.requests);
  }

  /** Makes the n-th sync (1-based) reject with this Office error code, applying nothing of its request. */
  failOnSync(n: number, code: string, message?: string): void {
    this.failures.set(n, officeError(code, message));
  }

  sheet(name: string): SheetState {
    const found = this.sheets.find((s) => same(s.name, name));
    if (!found)
      throw new Error(
        `No sheet ${name}; the workbook has ${this.sheets.map((s) => s.name).join(", ")}.`
      );
    return found;
  }

  cell(sheet: string, address: string): CellContent | undefined {
    return this.sheet(sheet).cells.get(address);
  }

  table(name: string): TableState | undefined {
    return this.tables.find((t) => same(t.name, name));
  }

  /** Everything stored on a sheet (tables included) as one string, to prove a sheet unchanged byte for byte. */
  snapshot(sheet: string): string {
    const s = this.sheet(sheet);
    return JSON.stringify({
      ...s,
      cells: [...s.cells.entries()],
      notes: [...s.notes.entries()],
      tables: this.tables.filter((t) => same(t.sheet, sheet)),
    });
  }

  private async sync(): Promise<void> {
    const operations = this.pending;
    this.pending = [];
    const request = this.requests.length;
    this.requests.push(operations.reduce((sum, o) => sum + o.bytes, 0));
    const failure = this.failures.get(this.requests.length);
    if (failure) throw failure;
    for (const { target, member, bytes, apply } of operations) {
      apply();
      this.operations.push({ request, target, member, bytes });
    }
  }

  private queue(
    target: string,
    member: string,
    args: unknown,
    apply: () => void = () => undefined
  ): void {
    const bytes = utf8.encode(JSON.stringify([target, member, args])).length;
    this.pending.push({ target, member, bytes, apply });
  }

  private workbook(): ExcelWorkbook {
    const loaded = {
      sheets: undefined as string[] | undefined,
      tables: undefined as string[] | undefined,
    };
    return {
      worksheets: {
        get items() {
          if (!loaded.sheets)
            throw officeError(
              "PropertyNotLoaded",
              "worksheets.items was read before load and sync."
            );
          return loaded.sheets.map((name) => ({ name }));
        },
        load: (names) =>
          this.queue(
            "workbook",
            "worksheets.load",
            names,
            () => (loaded.sheets = this.sheets.map((s) => s.name))
          ),
        add: (name) => {
          this.queue("workbook", "worksheets.add", [name], () => this.addSheet(name));
          return this.worksheet(name);
        },
      },
      tables: {
        get items() {
          if (!loaded.tables)
            throw officeError("PropertyNotLoaded", "tables.items was read before load and sync.");
          return loaded.tables.map((name) => ({ name }));
        },
        load: (names) =>
          this.queue(
            "workbook",
            "tables.load",
            names,
            () => (loaded.tables = this.tables.map((t) => t.name))
          ),
      },
    };
  }

  private worksheet(sheet: string): ExcelWorksheet {
    return {
      tables: {
        add: (address, hasHeaders) => {
          const handle: { state?: TableState } = {};
          this.queue(
            sheet,
            "tables.add",
            [address, hasHeaders],
            () => (handle.state = this.addTable(sheet, address))
          );
          return this.tableHandle(sheet, handle);
        },
      },
      freezePanes: {
        freezeRows: (count) =>
          this.queue(
            sheet,
            "freezePanes.freezeRows",
            [count],
            () => (this.sheet(sheet).frozenRows = count)
          ),
      },
      notes: {
        add: (cell, content) =>
          this.queue(sheet, "notes.add", [cell, content], () =>
            this.sheet(sheet).notes.set(cell, content)
          ),
      },
      getRange: (address) => this.range(sheet, address),
      activate: () =>
        this.queue(sheet, "activate", [], () => (this.activeSheet = this.sheet(sheet).name)),
    };
  }

  private tableHandle(sheet: string, handle: { state?: TableState }): ExcelTable {
    const state = (): TableState =>
      handle.state ?? fail("InvalidReference", "The table was used before it was added.");
    return settable<ExcelTable>(["name", "style"], (member, value) =>
      this.queue(sheet, `table.${member}`, value, () => {
        if (member === "name") this.renameTable(state(), String(value));
        else state().style = String(value);
      })
    );
  }

  private range(sheet: string, address: string): ExcelRange {
    const target = `${sheet}!${address}`;
    const record = (member: string, value: unknown) =>
      this.queue(target, member, value, () =>
        this.sheet(sheet).settings.push({ address, member, value })
      );
    const font = settable<ExcelFont>(["bold", "italic", "size", "color"], (m, v) =>
      record(`format.font.${m}`, v)
    );
    const base = settable<Pick<ExcelRange, "formulas" | "numberFormat">>(
      ["formulas", "numberFormat"],
      (member, value) => {
        if (member === "formulas") {
          this.queue(target, member, value, () =>
            this.writeFormulas(sheet, address, value as CellInput[][])
          );
        } else record(member, value);
      }
    );
    return Object.assign(base, {
      format: Object.assign(
        settable<{ columnWidth: number }>(["columnWidth"], (m, v) => record(`format.${m}`, v)),
        { font }
      ),
      dataValidation: settable<ExcelRange["dataValidation"]>(
        ["rule", "errorAlert"],
        (member, value) =>
          this.queue(target, `dataValidation.${member}`, value, () => {
            // A range has one validation: setting it again replaces it, as in Excel.
            const validations = this.sheet(sheet).validations;
            let validation = validations.find((v) => v.address === address);
            if (!validation) validations.push((validation = { address }));
            Object.assign(validation, { [member]: value });
          })
      ),
      conditionalFormats: {
        add: (type: "CellValue"): ExcelConditionalFormat => {
          const state: ConditionalFormatState = { address, type };
          this.queue(target, "conditionalFormats.add", [type], () =>
            this.sheet(sheet).conditionalFormats.push(state)
          );
          const recordAs =
            (member: string, change: (value: unknown) => void) => (_: string, value: unknown) =>
              this.queue(target, `conditionalFormat.cellValue.${member}`, value, () =>
                change(value)
              );
          const rule = settable<{ rule: Excel.ConditionalCellValueRule }>(
            ["rule"],
            recordAs("rule", (v) => (state.rule = v as Excel.ConditionalCellValueRule))
          );
          const format = {
            fill: settable<{ color: string }>(
              ["color"],
              recordAs("format.fill.color", (v) => (state.fill = String(v)))
            ),
            font: settable<{ color: string }>(
              ["color"],
              recordAs("format.font.color", (v) => (state.font = String(v)))
            ),
          };
          return { cellValue: Object.assign(rule, { format }) };
        },
      },
    });
  }

  private addSheet(name: string): void {
    if (
      name.length === 0 ||
      name.length > 31 ||
      /[:\\/?*[\]]/.test(name) ||
      /^'|'$/.test(name) ||
      same(name, "History")
    ) {
      fail("InvalidArgument", `"${name}" is not a valid sheet name.`);
    }
    if (this.sheets.some((s) => same(s.name, name)))
      fail("ItemAlreadyExists", `A sheet named ${name} already exists.`);
    this.sheets.push({
      name,
      cells: new Map(),
      settings: [],
      validations: [],
      conditionalFormats: [],
      notes: new Map(),
      frozenRows: 0,
    });
  }

  private addTable(sheet: string, address: string): TableState {
    const box = parseRange(address);
    const overlapping = this.tables.find(
      (t) => same(t.sheet, sheet) && overlaps(parseRange(t.address), box)
    );
    if (overlapping)
      fail("InvalidArgument", `A table can't overlap another table (${overlapping.name}).`);
    const cells = this.sheet(sheet).cells;
    const headers = Array.from({ length: box.right - box.left + 1 }, (_, i) => {
      const content = cells.get(cellAddress(box.top, box.left + i));
      return content && "value" in content ? String(content.value) : `Column${i + 1}`;
    });
    const table: TableState = {
      name: `Table${++this.tableCount}`,
      sheet: this.sheet(sheet).name,
      address,
      headers,
    };
    this.tables.push(table);
    return table;
  }

  private renameTable(table: TableState, name: string): void {
    if (!/^[A-Za-z_\\][A-Za-z0-9._]*$/.test(name) || /^[A-Za-z]{1,3}[0-9]+$/.test(name)) {
      fail("InvalidArgument", `"${name}" is not a valid table name.`);
    }
    if (this.tables.some((t) => t !== table && same(t.name, name))) {
      fail("ItemAlreadyExists", `A table named ${name} already exists.`);
    }
    table.name = name;
  }

  private writeFormulas(
    sheet: string,
    address: string,
    values: readonly (readonly CellInput[])[]
  ): void {
    const box = parseRange(address);
    const rows = box.bottom - box.top + 1;
    const columns = box.right - box.left + 1;
    if (values.length !== rows || values.some((row) => row.length !== columns)) {
      fail("InvalidArgument", `The input array doesn't match the size of ${address}.`);
    }
    const cells = this.sheet(sheet).cells;
    values.forEach((row, r) =>
      row.forEach((value, c) => {
        const key = cellAddress(box.top + r, box.left + c);
        if (value === "") cells.delete(key);
        else if (typeof value === "string" && value.startsWith("'"))
          cells.set(key, { value: value.slice(1) });
        else if (typeof value === "string" && /^[=+\-@]/.test(value))
          cells.set(key, { formula: value });
        else cells.set(key, { value });
      })
    );
  }
}

function fail(code: string, message: string): never {
  throw officeError(code, message);
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/**
 * An object whose listed properties can only be set, as a proxy object's are before a load: each set is handed to
 * `onSet`, each read throws.
 */
function settable<T extends object>(
  members: readonly (keyof T & string)[],
  onSet: (member: keyof T & string, value: unknown) => void
): T {
  const object = {};
  for (const member of members) {
    Object.defineProperty(object, member, {
      enumerable: true,
      set: (value: unknown) => onSet(member, value),
      get: () => fail("PropertyNotLoaded", `${member} was read before load and sync.`),
    });
  }
  return object as T;
}

interface Box {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

function columnIndex(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

const cellAddress = (row: number, column: number): string => `${columnName(column)}${row + 1}`;

/** "B3", "A1:J11" or a whole column "B:B"; zero-based and inclusive. */
export function parseRange(address: string): Box {
  const [first, last = first] = address.split(":") as [string, string?];
  const corner = (part: string): { row?: number; column: number } => {
    const match = /^([A-Z]{1,3})([0-9]*)$/.exec(part);
    if (!match) fail("InvalidArgument", `"${address}" is not an address.`);
    return { column: columnIndex(match[1]!), ...(match[2] ? { row: Number(match[2]) - 1 } : {}) };
  };
  const a = corner(first);
  const b = corner(last);
  return { top: a.row ?? 0, left: a.column, bottom: b.row ?? MAX_ROWS - 1, right: b.column };
}

const overlaps = (a: Box, b: Box): boolean =>
  a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
