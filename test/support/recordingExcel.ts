import {
  CellInput,
  ChartType,
  ExcelChart,
  ExcelChartSeries,
  ExcelConditionalFormat,
  ExcelConditionalFormats,
  ExcelContext,
  ExcelFont,
  ExcelLoadedConditionalFormat,
  ExcelRange,
  ExcelTable,
  ExcelTableInWorkbook,
  ExcelWorkbook,
  ExcelPageLayout,
  ExcelWorksheet,
  RangeProperty,
} from "../../src/excel/excelModel";
import { ExcelRun } from "../../src/excel/scaffold";

/**
 * A recording fake of the slice of Excel in src/excel/excelModel.ts. Like Office.js, it only queues what the host
 * asks for and applies it on `context.sync()`, in order, stopping at the first failing operation; loaded properties
 * and `isNullObject` can be read only after that sync. It measures each request's size on its own terms (UTF-8 bytes
 * of the JSON of target, member and arguments, independently of the host's estimate), and each response's (the JSON
 * of what was loaded), and keeps the grid a user would see. office-addin-mock has no collections and no queueing,
 * which are exactly what these tests are about.
 *
 * Stricter than Excel where Excel's behaviour would hide a bug: reading a property of a null object, or writing
 * through one, fails; reading the value of a formula cell fails, unless the test hands the fake a `calculate` that
 * gives the results it needs (the fake does not calculate on its own).
 */

/** What a cell holds, as Excel shows it: a constant, or a formula Excel evaluates. */
export type CellContent =
  { readonly value: string | number | boolean } | { readonly formula: string };

export interface RecordedOperation {
  /** Index of the request (sync) that carried it. */
  readonly request: number;
  /** "workbook", "application", a sheet name, "Sheet!A1:B2", or "tblName" and what was reached through it. */
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
  readonly id: string;
  readonly address: string;
  readonly type: string;
  rule?: Excel.ConditionalCellValueRule;
  /** A custom format's rule. */
  formula?: string;
  fill?: string;
  font?: string;
}

/** A series of a chart: its values (the first one's with the header that names it), labels, name, type. */
export interface ChartSeriesState {
  values?: string;
  categories?: string;
  name?: string;
  chartType?: string;
}

/** A chart as the user sees it: its data, where it is, what it says. Addresses are sheet-qualified ("Scoring!H3:H31"). */
export interface ChartState {
  readonly type: ChartType;
  /** The range the chart was made from, and how its columns became series. */
  readonly source: string;
  readonly seriesBy: string;
  title?: string;
  legendVisible?: boolean;
  legendPosition?: string;
  /** The cells of its top-left and bottom-right corners, on its own sheet. */
  position?: { readonly start: string; readonly end: string | undefined };
  /** The first made from the source (its values are the source); the others added by name. */
  readonly series: ChartSeriesState[];
  /** The category axis's settings, as set. */
  categoryAxis?: { reversePlotOrder?: boolean; position?: string };
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
  /** The cells' own fill colours, keyed by A1 address; cells without one are absent. */
  readonly fills: Map<string, string>;
  /**
   * Number formats, column widths and font settings, in the order applied. Like validations, conditional formats and
   * notes, they keep their addresses when cells are inserted or deleted (the fake moves only cells, fills and tables).
   */
  readonly settings: RangeSetting[];
  readonly validations: ValidationState[];
  readonly conditionalFormats: ConditionalFormatState[];
  readonly notes: Map<string, string>;
  readonly charts: ChartState[];
  frozenRows: number;
  /** False once hidden; undefined while never set (Excel shows them). */
  gridlines?: boolean;
  /** How the sheet prints, as set through its pageLayout. */
  readonly page: {
    orientation?: string;
    zoom?: Excel.PageLayoutZoomOptions;
    printArea?: string;
    titleRows?: string;
    titleColumns?: string;
  };
}

export interface TableState {
  name: string;
  readonly sheet: string;
  /** Header and data rows; it moves and grows as cells are inserted and deleted. */
  address: string;
  readonly headers: readonly string[];
  style?: string;
  showFilterButton?: boolean;
}

export interface SeedSheet {
  readonly name: string;
  /** Written as a user types them: "=…" is a formula, "'…" is text. */
  readonly cells?: Readonly<Record<string, CellInput>>;
  /** Blocks typed the same way, one row of values per row of the address; "" leaves a cell empty. */
  readonly ranges?: readonly {
    readonly address: string;
    readonly values: readonly (readonly CellInput[])[];
  }[];
  readonly tables?: readonly { readonly name: string; readonly address: string }[];
}

/**
 * The result of a formula cell, for tests that read tables holding formulas; `cell` reads another cell of the same
 * sheet as Range.values would (a formula's result through `calculate` again).
 */
export type Calculate = (
  formula: string,
  where: { readonly sheet: string; readonly row: number; readonly column: number },
  cell: (row: number, column: number) => unknown
) => unknown;

interface Pending {
  readonly target: string;
  readonly member: string;
  readonly bytes: number;
  readonly apply: () => void;
}

interface Box {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** Where a range is when an operation on it is applied: null when it was reached through a null object. */
type Locate = () => { readonly sheet: string; readonly address: string; readonly box: Box } | null;

/** The sheet a worksheet proxy stands for, when an operation on it is applied; throws the Office error if none. */
type ResolveSheet = () => string;

const utf8 = new TextEncoder();
const MAX_ROWS = 1_048_576;
const jsonBytes = (value: unknown): number => utf8.encode(JSON.stringify(value)).length;

/** An error shaped like OfficeExtension.Error, which is what Excel.run rejects with. */
export function officeError(code: string, message = `Excel error ${code}.`): Error {
  return Object.assign(new Error(message), { name: "RichApi.Error", code });
}

export class RecordingExcel {
  readonly sheets: SheetState[] = [];
  readonly tables: TableState[] = [];
  /** Bytes of each request sent, in order. */
  readonly requests: number[] = [];
  /** Bytes of what each request loaded (its response), in order. */
  readonly responses: number[] = [];
  readonly operations: RecordedOperation[] = [];
  /** The options each `run` was called with. */
  readonly runOptions: Excel.RunOptions[] = [];
  activeSheet: string | undefined;
  /** The range last selected. */
  selection: { readonly sheet: string; readonly address: string } | undefined;

  private pending: Pending[] = [];
  private deliveries: (() => void)[] = [];
  private readonly failures = new Map<number, Error>();
  private responseLimit = Number.POSITIVE_INFINITY;
  private tableCount = 0;
  private formatCount = 0;
  /** Where each range proxy handed out is, so that a method taking a range (charts) can find it when applied. */
  private readonly ranges = new WeakMap<
    object,
    { readonly locate: Locate; readonly target: string }
  >();

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

  constructor(
    seed: readonly SeedSheet[] = [{ name: "Sheet1" }],
    private readonly calculate?: Calculate
  ) {
    for (const s of seed) {
      this.addSheet(s.name);
      for (const [address, value] of Object.entries(s.cells ?? {}))
        this.writeFormulas(s.name, address, [[value]]);
      for (const r of s.ranges ?? []) this.writeFormulas(s.name, r.address, r.values);
      for (const t of s.tables ?? []) this.renameTable(this.addTable(s.name, t.address), t.name);
    }
  }

  get syncs(): number {
    return this.requests.length;
  }

  get largestRequest(): number {
    return Math.max(0, ...this.requests);
  }

  get largestResponse(): number {
    return Math.max(0, ...this.responses);
  }

  /** Makes the n-th sync (1-based) reject with this Office error code, applying nothing of its request. */
  failOnSync(n: number, code: string, message?: string): void {
    this.failures.set(n, officeError(code, message));
  }

  /**
   * Rejects, as Excel on the web does past 5 MB, any request whose loaded data is over `bytes`; it delivers nothing
   * (requests that only load change nothing either way).
   */
  limitResponses(bytes: number): void {
    this.responseLimit = bytes;
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
      fills: [...s.fills.entries()],
      notes: [...s.notes.entries()],
      tables: this.tables.filter((t) => same(t.sheet, sheet)),
    });
  }

  /** The values of a sheet's cells (formulas as typed), to prove them unchanged whatever happened to the formats. */
  contents(sheet: string): string {
    return JSON.stringify([...this.sheet(sheet).cells.entries()]);
  }

  private async sync(): Promise<void> {
    const operations = this.pending;
    this.pending = [];
    const request = this.requests.length;
    this.requests.push(operations.reduce((sum, o) => sum + o.bytes, 0));
    this.responses.push(0);
    const failure = this.failures.get(this.requests.length);
    if (failure) throw failure;
    const deliveries: (() => void)[] = (this.deliveries = []);
    for (const { target, member, bytes, apply } of operations) {
      apply();
      this.operations.push({ request, target, member, bytes });
    }
    if (this.responses[request]! > this.responseLimit) {
      throw officeError(
        "ResponsePayloadSizeLimitExceeded",
        `The response is ${this.responses[request]} bytes, over the limit.`
      );
    }
    for (const deliver of deliveries) deliver();
  }

  private queue(
    target: string,
    member: string,
    args: unknown,
    apply: () => void = () => undefined
  ): void {
    const bytes = jsonBytes([target, member, args]);
    this.pending.push({ target, member, bytes, apply });
  }

  /** A load's outcome: counted in the response now, handed over only once the whole response is known to fit. */
  private respond(bytes: number, deliver: () => void): void {
    this.responses[this.responses.length - 1]! += bytes;
    this.deliveries.push(deliver);
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
          return this.worksheet(name, () => name);
        },
        getItem: (name) =>
          this.worksheet(name, () => {
            const sheet = this.sheets.find((s) => same(s.name, name));
            return sheet ? sheet.name : fail("ItemNotFound", `There is no sheet named ${name}.`);
          }),
        getItemOrNullObject: (name) => {
          const found = this.lookup(`worksheets.getItemOrNullObject(${name})`, () =>
            this.sheets.find((s) => same(s.name, name))
          );
          const sheet = this.worksheet(
            name,
            () => found.get()?.name ?? throughNull(name),
            () => found.get() === undefined
          );
          return Object.defineProperty(sheet, "isNullObject", {
            get: () => found.get() === undefined,
          }) as ExcelWorksheet & { readonly isNullObject: boolean };
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
        getItemOrNullObject: (name) => this.tableInWorkbook(name),
      },
      // The selection's first cell; Excel always has one, the fake only once something was selected.
      getActiveCell: () =>
        this.range(() => {
          const selected = this.selection ?? fail("InvalidSelection", "No cell is selected.");
          const address = selected.address.split(":")[0]!;
          return { sheet: selected.sheet, address, box: parseRange(address) };
        }, "activeCell"),
    };
  }

  /**
   * Queues an `*OrNullObject` look-up and returns its outcome, readable after the sync: the item found, or
   * undefined for a null object.
   */
  private lookup<T>(target: string, find: () => T | undefined): { get(): T | undefined } {
    const state: { resolved: boolean; item?: T } = { resolved: false };
    this.queue(target, "getItemOrNullObject", [], () => {
      state.resolved = true;
      state.item = find();
    });
    return {
      get: () => {
        if (!state.resolved)
          fail("PropertyNotLoaded", `${target}: isNullObject was read before sync.`);
        return state.item;
      },
    };
  }

  private tableInWorkbook(name: string): ExcelTableInWorkbook {
    const target = name;
    const found = this.lookup(target, () => this.table(name));
    /** The table's box now, as operations are applied: insertions and deletions before it move it. */
    const part = (rows: (box: Box) => Box) => (): ReturnType<Locate> => {
      const table = found.get();
      if (!table) return null;
      const box = rows(parseRange(table.address));
      return { sheet: table.sheet, address: boxAddress(box), box };
    };
    return {
      get isNullObject() {
        return found.get() === undefined;
      },
      worksheet: this.worksheet(`${name}.worksheet`, () => found.get()?.sheet ?? throughNull(name)),
      getRange: () =>
        this.range(
          part((b) => b),
          `${target}.getRange()`
        ),
      getHeaderRowRange: () =>
        this.range(
          part((b) => ({ ...b, bottom: b.top })),
          `${target}.getHeaderRowRange()`
        ),
      getDataBodyRange: () =>
        this.range(
          part((b) => ({ ...b, top: b.top + 1 })),
          `${target}.getDataBodyRange()`
        ),
      rows: {
        add: (index, values) =>
          this.queue(target, "rows.add", [index, values], () => {
            const table = found.get() ?? fail("ItemNotFound", `There is no table ${name}.`);
            const box = parseRange(table.address);
            const added = { ...box, top: box.bottom + 1, bottom: box.bottom + values.length };
            // Excel makes room below the table, across its columns, then the table takes the new rows.
            this.insertDown(table.sheet, added);
            table.address = boxAddress({ ...box, bottom: added.bottom });
            this.writeFormulas(table.sheet, boxAddress(added), values);
          }),
      },
    };
  }

  /**
   * `target` names the proxy in the request; `resolve` finds its sheet when an operation is applied; `isNull`, for a
   * sheet looked up with getItemOrNullObject, says whether it was found (a range reached through it is null too).
   */
  private worksheet(
    target: string,
    resolve: ResolveSheet,
    isNull: () => boolean = () => false
  ): ExcelWorksheet {
    const queue = this.queue.bind(this);
    const sheetOf = () => this.sheet(resolve());
    return {
      tables: {
        add: (address, hasHeaders) => {
          const handle: { state?: TableState } = {};
          this.queue(
            target,
            "tables.add",
            [address, hasHeaders],
            () => (handle.state = this.addTable(resolve(), address))
          );
          return this.tableHandle(target, handle);
        },
      },
      charts: {
        add: (type, sourceData, seriesBy) => {
          const source = this.rangeOf(sourceData);
          const handle: { state?: ChartState } = {};
          this.queue(target, "charts.add", [type, source.target, seriesBy], () => {
            const where = source.locate() ?? throughNull(source.target);
            const address = `${quoteSheet(where.sheet)}!${boxAddress(where.box)}`;
            handle.state = { type, source: address, seriesBy, series: [{ values: address }] };
            this.sheet(resolve()).charts.push(handle.state);
          });
          return this.chartHandle(`${target}.chart`, handle);
        },
      },
      set showGridlines(visible: boolean) {
        queue(target, "showGridlines", visible, () => (sheetOf().gridlines = visible));
      },
      get showGridlines(): boolean {
        return fail("PropertyNotLoaded", "showGridlines was read before load and sync.");
      },
      freezePanes: {
        freezeRows: (count) =>
          this.queue(
            target,
            "freezePanes.freezeRows",
            [count],
            () => (this.sheet(resolve()).frozenRows = count)
          ),
      },
      pageLayout: Object.assign(
        settable<Pick<ExcelPageLayout, "orientation" | "zoom">>(
          ["orientation", "zoom"],
          (member, value) =>
            this.queue(target, `pageLayout.${member}`, value, () =>
              Object.assign(this.sheet(resolve()).page, { [member]: value })
            )
        ),
        {
          setPrintArea: (address: string) =>
            this.queue(target, "pageLayout.setPrintArea", [address], () => {
              parseRange(address);
              this.sheet(resolve()).page.printArea = address;
            }),
          setPrintTitleRows: (address: string) =>
            this.queue(target, "pageLayout.setPrintTitleRows", [address], () => {
              this.sheet(resolve()).page.titleRows = address;
            }),
          setPrintTitleColumns: (address: string) =>
            this.queue(target, "pageLayout.setPrintTitleColumns", [address], () => {
              this.sheet(resolve()).page.titleColumns = address;
            }),
        }
      ),
      notes: {
        add: (cell, content) =>
          this.queue(target, "notes.add", [cell, content], () =>
            this.sheet(resolve()).notes.set(cell, content)
          ),
      },
      getRange: (address) =>
        this.range(
          () => (isNull() ? null : { sheet: resolve(), address, box: parseRange(address) }),
          `${target}!${address}`
        ),
      getRanges: (address) => ({
        conditionalFormats: this.conditionalFormats(`${target}!${address}`, () =>
          isNull() ? null : { sheet: resolve(), address, box: boundingBox(address) }
        ),
      }),
      activate: () =>
        this.queue(target, "activate", [], () => (this.activeSheet = this.sheet(resolve()).name)),
    };
  }

  private chartHandle(target: string, handle: { state?: ChartState }): ExcelChart {
    const state = (): ChartState =>
      handle.state ?? fail("InvalidReference", "The chart was used before it was added.");
    const change = (member: string, args: unknown, apply: (chart: ChartState) => void) =>
      this.queue(target, member, args, () => apply(state()));
    return {
      title: settable<{ text: string }>(["text"], (_, text) =>
        change("title.text", text, (c) => (c.title = String(text)))
      ),
      legend: settable<ExcelChart["legend"]>(["visible", "position"], (member, value) =>
        change(`legend.${member}`, value, (c) => {
          if (member === "visible") c.legendVisible = Boolean(value);
          else c.legendPosition = String(value);
        })
      ),
      setPosition: (start, end) => {
        for (const cell of [start, end]) if (cell !== undefined) parseRange(cell);
        change("setPosition", [start, end], (c) => (c.position = { start, end }));
      },
      axes: {
        categoryAxis: settable<ExcelChart["axes"]["categoryAxis"]>(
          ["reversePlotOrder", "position"],
          (member, value) =>
            change(`axes.categoryAxis.${member}`, value, (c) => {
              c.categoryAxis = { ...c.categoryAxis, [member]: value };
            })
        ),
      },
      series: {
        getItemAt: (index) =>
          this.seriesHandle(`${target}.series.getItemAt(${index})`, () => {
            const series = state().series[index];
            return series ?? fail("InvalidArgument", `The chart has no series ${index}.`);
          }),
        add: (name) => {
          const added: { series?: ChartSeriesState } = {};
          change("series.add", [name], (c) => {
            added.series = { name };
            c.series.push(added.series);
          });
          return this.seriesHandle(
            `${target}.series.add`,
            () =>
              added.series ?? fail("InvalidReference", "The series was used before it was added.")
          );
        },
      },
    };
  }

  private seriesHandle(target: string, state: () => ChartSeriesState): ExcelChartSeries {
    const located = (range: ExcelRange): string => {
      const where = this.rangeOf(range).locate() ?? throughNull(this.rangeOf(range).target);
      return `${quoteSheet(where.sheet)}!${boxAddress(where.box)}`;
    };
    return Object.assign(
      settable<Pick<ExcelChartSeries, "name" | "chartType">>(["name", "chartType"], (m, v) =>
        this.queue(target, m, v, () => (state()[m] = String(v)))
      ),
      {
        setValues: (sourceData: ExcelRange) =>
          this.queue(target, "setValues", [this.rangeOf(sourceData).target], () => {
            state().values = located(sourceData);
          }),
        setXAxisValues: (sourceData: ExcelRange) =>
          this.queue(target, "setXAxisValues", [this.rangeOf(sourceData).target], () => {
            state().categories = located(sourceData);
          }),
      }
    );
  }

  /** Where a range proxy this fake handed out is; a range from anywhere else is a programming error. */
  private rangeOf(range: ExcelRange): { readonly locate: Locate; readonly target: string } {
    const found = this.ranges.get(range);
    if (!found) throw new Error("The range was not made by this workbook.");
    return found;
  }

  private tableHandle(target: string, handle: { state?: TableState }): ExcelTable {
    const state = (): TableState =>
      handle.state ?? fail("InvalidReference", "The table was used before it was added.");
    return settable<ExcelTable>(["name", "style", "showFilterButton"], (member, value) =>
      this.queue(target, `table.${member}`, value, () => {
        if (member === "name") this.renameTable(state(), String(value));
        else if (member === "style") state().style = String(value);
        else state().showFilterButton = Boolean(value);
      })
    );
  }

  private range(locate: Locate, target: string): ExcelRange {
    const at = () => locate() ?? throughNull(target);
    const record = (member: string, value: unknown) =>
      this.queue(target, member, value, () => {
        const { sheet, address } = at();
        this.sheet(sheet).settings.push({ address, member, value });
      });
    const font = settable<ExcelFont>(["bold", "italic", "size", "color"], (m, v) =>
      record(`format.font.${m}`, v)
    );
    const fill = Object.assign(
      settable<{ color: string }>(["color"], (_, colour) =>
        this.queue(target, "format.fill.color", colour, () => {
          const { sheet, box } = at();
          const fills = this.sheet(sheet).fills;
          for (let row = box.top; row <= box.bottom; row++)
            for (let column = box.left; column <= box.right; column++)
              fills.set(cellAddress(row, column), String(colour));
        })
      ),
      {
        clear: () =>
          this.queue(target, "format.fill.clear", [], () => {
            const { sheet, box } = at();
            const fills = this.sheet(sheet).fills;
            for (const address of [...fills.keys()])
              if (contains(box, parseRange(address))) fills.delete(address);
          }),
      }
    );
    const loaded: {
      values?: unknown[][];
      formulas?: unknown[][];
      address?: string;
      isNull?: boolean;
    } = {};
    const read = <K extends RangeProperty>(property: K) => {
      if (loaded.isNull) throw new Error(`${target}.${property} was read through a null object.`);
      return (
        loaded[property] ?? fail("PropertyNotLoaded", `${property} was read before load and sync.`)
      );
    };
    const base = settable<Pick<ExcelRange, "numberFormat">>(["numberFormat"], (member, value) =>
      this.queue(target, member, value, () => {
        const { sheet, address, box } = at();
        // One format for the whole range, or one per cell in an array of the range's shape.
        if (Array.isArray(value)) checkShape(address, box, value as unknown[][]);
        this.sheet(sheet).settings.push({ address, member, value });
      })
    );
    const writeFormulas = (value: CellInput[][]) =>
      this.queue(target, "formulas", value, () => {
        const { sheet, address } = at();
        this.writeFormulas(sheet, address, value);
      });
    // Copied as descriptors: Object.assign would call the getters, reading before the load.
    const members = {
      get values() {
        return read("values") as unknown[][];
      },
      get formulas() {
        return read("formulas") as CellInput[][];
      },
      set formulas(value: CellInput[][]) {
        writeFormulas(value);
      },
      get address() {
        return read("address") as string;
      },
      load: (properties: RangeProperty[]) =>
        this.queue(target, "load", properties, () => {
          const where = locate();
          if (!where) {
            this.respond(0, () => (loaded.isNull = true));
            return;
          }
          const response: { address?: string; values?: unknown[][]; formulas?: unknown[][] } = {};
          if (properties.includes("address"))
            response.address = `${quoteSheet(where.sheet)}!${boxAddress(where.box)}`;
          if (properties.includes("values"))
            response.values = this.valuesOf(where.sheet, where.box);
          if (properties.includes("formulas"))
            response.formulas = this.formulasOf(where.sheet, where.box);
          this.respond(jsonBytes(response), () => Object.assign(loaded, response));
        }),
      delete: (shift: "Up") =>
        this.queue(target, "delete", [shift], () => {
          const { sheet, box } = at();
          this.deleteUp(sheet, box);
        }),
      insert: (shift: "Down") =>
        this.queue(target, "insert", [shift], () => {
          const { sheet, box } = at();
          this.insertDown(sheet, box);
        }),
      merge: (across: boolean) => record("merge", across),
      select: () =>
        this.queue(target, "select", [], () => {
          const { sheet, address } = at();
          if (!this.activeSheet || !same(this.activeSheet, sheet))
            fail("InvalidSelection", `${sheet}!${address} is not on the active sheet.`);
          this.selection = { sheet: this.sheet(sheet).name, address };
        }),
      getLastRow: () =>
        this.range(() => {
          const where = locate();
          if (!where) return null;
          const box = { ...where.box, top: where.box.bottom };
          return { sheet: where.sheet, address: boxAddress(box), box };
        }, `${target}.getLastRow()`),
      format: Object.assign(
        settable<
          Pick<
            ExcelRange["format"],
            "columnWidth" | "rowHeight" | "wrapText" | "horizontalAlignment" | "verticalAlignment"
          >
        >(
          ["columnWidth", "rowHeight", "wrapText", "horizontalAlignment", "verticalAlignment"],
          (m, v) => record(`format.${m}`, v)
        ),
        {
          font,
          fill,
          autofitRows: () => record("format.autofitRows", true),
        }
      ),
      dataValidation: settable<ExcelRange["dataValidation"]>(
        ["rule", "errorAlert"],
        (member, value) =>
          this.queue(target, `dataValidation.${member}`, value, () => {
            // A range has one validation: setting it again replaces it, as in Excel.
            const { sheet, address } = at();
            const validations = this.sheet(sheet).validations;
            let validation = validations.find((v) => v.address === address);
            if (!validation) validations.push((validation = { address }));
            Object.assign(validation, { [member]: value });
          })
      ),
      conditionalFormats: this.conditionalFormats(target, locate),
    };
    const range = Object.defineProperties(
      base,
      Object.getOwnPropertyDescriptors(members)
    ) as ExcelRange;
    this.ranges.set(range, { locate, target });
    return range;
  }

  /** A range's conditional formats: added (cell-value or custom rules), read back, deleted. */
  private conditionalFormats(target: string, locate: Locate): ExcelConditionalFormats {
    const at = () => locate() ?? throughNull(target);
    const loaded: { items?: ExcelLoadedConditionalFormat[] } = {};
    const itemOf = (state: ConditionalFormatState): ExcelLoadedConditionalFormat => ({
      id: state.id,
      customOrNullObject: {
        isNullObject: state.type !== "Custom",
        rule: { formula: state.formula ?? "" },
      },
      delete: () =>
        this.queue(`conditionalFormat:${state.id}`, "delete", [], () => {
          for (const sheet of this.sheets) {
            const i = sheet.conditionalFormats.indexOf(state);
            if (i >= 0) sheet.conditionalFormats.splice(i, 1);
          }
        }),
    });
    const add = (type: "CellValue" | "Custom") => {
      const handle: { state?: ConditionalFormatState } = {};
      this.queue(target, "conditionalFormats.add", [type], () => {
        const { sheet, address } = at();
        handle.state = { id: `cf${++this.formatCount}`, address, type };
        this.sheet(sheet).conditionalFormats.push(handle.state);
      });
      const state = () =>
        handle.state ?? fail("InvalidReference", "Format used before it was added.");
      return { handle, state };
    };
    return {
      get items() {
        return loaded.items ?? fail("PropertyNotLoaded", "items was read before load and sync.");
      },
      load: (properties: string) =>
        this.queue(target, "conditionalFormats.load", [properties], () => {
          const where = locate();
          // Loaded through a null object (a table that is not there), the collection is empty.
          if (!where) {
            this.respond(0, () => (loaded.items = []));
            return;
          }
          const { sheet, box } = where;
          const touching = this.sheet(sheet).conditionalFormats.filter((f) =>
            f.address.split(",").some((area) => overlaps(box, parseRange(area)))
          );
          const items = touching.map(itemOf);
          this.respond(jsonBytes(items), () => (loaded.items = items));
        }),
      add: ((type: "CellValue" | "Custom") => {
        const { state } = add(type);
        if (type === "Custom") {
          const recordAs =
            (member: string, change: (value: unknown) => void) => (_: string, value: unknown) =>
              this.queue(target, `conditionalFormat.custom.${member}`, value, () => change(value));
          return {
            custom: {
              rule: settable<{ formula: string }>(
                ["formula"],
                recordAs("rule.formula", (v) => (state().formula = String(v)))
              ),
              format: formatColours(recordAs, state),
            },
          };
        }
        return this.cellValueFormat(target, state);
      }) as ExcelConditionalFormats["add"],
    };
  }

  private cellValueFormat(
    target: string,
    state: () => ConditionalFormatState
  ): ExcelConditionalFormat {
    const recordAs =
      (member: string, change: (value: unknown) => void) => (_: string, value: unknown) =>
        this.queue(target, `conditionalFormat.cellValue.${member}`, value, () => change(value));
    const rule = settable<{ rule: Excel.ConditionalCellValueRule }>(
      ["rule"],
      recordAs("rule", (v) => (state().rule = v as Excel.ConditionalCellValueRule))
    );
    const format = formatColours(recordAs, state);
    return { cellValue: Object.assign(rule, { format }) };
  }

  /**
   * What Range.values returns: constants as typed (text without its apostrophe), "" for an empty cell, and a
   * formula's result as `calculate` gives it.
   */
  private valuesOf(sheet: string, box: Box): unknown[][] {
    const cells = this.sheet(sheet).cells;
    const letters = columnsOf(box);
    const rows: unknown[][] = [];
    for (let row = box.top; row <= box.bottom; row++) {
      rows.push(
        letters.map((letter, i) => {
          const content = cells.get(`${letter}${row + 1}`);
          if (!content) return "";
          return "value" in content
            ? content.value
            : this.result(sheet, content.formula, row, box.left + i);
        })
      );
    }
    return rows;
  }

  /**
   * What Range.formulas returns: a formula as typed, a constant as its value (text without the apostrophe that kept
   * it from being evaluated, as Excel gives it), "" for an empty cell.
   */
  private formulasOf(sheet: string, box: Box): unknown[][] {
    const cells = this.sheet(sheet).cells;
    const letters = columnsOf(box);
    const rows: unknown[][] = [];
    for (let row = box.top; row <= box.bottom; row++) {
      rows.push(
        letters.map((letter) => {
          const content = cells.get(`${letter}${row + 1}`);
          if (!content) return "";
          return "value" in content ? content.value : content.formula;
        })
      );
    }
    return rows;
  }

  private result(sheet: string, formula: string, row: number, column: number): unknown {
    if (!this.calculate) {
      throw new Error(
        `${sheet}!${cellAddress(row, column)} holds a formula; the fake does not calculate.`
      );
    }
    return this.calculate(formula, { sheet, row, column }, (r, c) => {
      const content = this.sheet(sheet).cells.get(cellAddress(r, c));
      if (!content) return "";
      return "value" in content ? content.value : this.result(sheet, content.formula, r, c);
    });
  }

  /**
   * Range.delete("Up"): the cells go and those below, in the same columns, move up. Rows of a table's data, across
   * its full width, leave the table (Excel keeps at least one); a table cut any other way refuses, as in Excel.
   */
  private deleteUp(sheet: string, box: Box): void {
    const height = box.bottom - box.top + 1;
    for (const table of this.tables.filter((t) => same(t.sheet, sheet))) {
      const t = parseRange(table.address);
      if (t.right < box.left || t.left > box.right || t.bottom < box.top) continue;
      const wholeRows = t.left === box.left && t.right === box.right;
      if (wholeRows && t.top > box.bottom) table.address = boxAddress(shiftRows(t, -height));
      else if (wholeRows && box.top > t.top && box.bottom <= t.bottom && t.bottom - height > t.top)
        table.address = boxAddress({ ...t, bottom: t.bottom - height });
      else
        fail(
          "InvalidOperation",
          `Deleting ${boxAddress(box)} would break the table ${table.name}.`
        );
    }
    const s = this.sheet(sheet);
    for (const map of [s.cells, s.fills] as Map<string, unknown>[]) {
      moveCells(map, box.left, box.right, (row) =>
        row < box.top ? row : row <= box.bottom ? undefined : row - height
      );
    }
  }

  /**
   * Range.insert("Down"): the cells from the range down, in its columns, move down by its height. Inserted within a
   * table's data rows, across its full width, the rows join the table.
   */
  private insertDown(sheet: string, box: Box): void {
    const height = box.bottom - box.top + 1;
    for (const table of this.tables.filter((t) => same(t.sheet, sheet))) {
      const t = parseRange(table.address);
      if (t.right < box.left || t.left > box.right || t.bottom < box.top) continue;
      const wholeRows = t.left === box.left && t.right === box.right;
      if (wholeRows && t.top >= box.top) table.address = boxAddress(shiftRows(t, height));
      else if (wholeRows && box.top > t.top && box.top <= t.bottom)
        table.address = boxAddress({ ...t, bottom: t.bottom + height });
      else
        fail(
          "InvalidOperation",
          `Inserting at ${boxAddress(box)} would break the table ${table.name}.`
        );
    }
    const s = this.sheet(sheet);
    for (const map of [s.cells, s.fills] as Map<string, unknown>[]) {
      moveCells(map, box.left, box.right, (row) => (row < box.top ? row : row + height));
    }
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
      fills: new Map(),
      settings: [],
      validations: [],
      conditionalFormats: [],
      notes: new Map(),
      charts: [],
      frozenRows: 0,
      page: {},
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
    checkShape(address, box, values);
    const cells = this.sheet(sheet).cells;
    const letters = columnsOf(box);
    values.forEach((row, r) =>
      row.forEach((value, c) => {
        const key = `${letters[c]}${box.top + r + 1}`;
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

/** Excel refuses a 2-D array that is not the shape of the range it is written to. */
function checkShape(address: string, box: Box, values: readonly (readonly unknown[])[]): void {
  const rows = box.bottom - box.top + 1;
  const columns = box.right - box.left + 1;
  if (values.length !== rows || values.some((row) => row.length !== columns)) {
    fail("InvalidArgument", `The input array doesn't match the size of ${address}.`);
  }
}

function fail(code: string, message: string): never {
  throw officeError(code, message);
}

/** Writing through a null object: Office.js gives no useful outcome, so the fake refuses. */
function throughNull(target: string): never {
  return fail("InvalidObjectPath", `${target} does not exist: it was used through a null object.`);
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/**
 * An object whose listed properties can only be set, as a proxy object's are before a load: each set is handed to
 * `onSet`, each read throws.
 */
/** Records a conditional format's setting `member` and applies `change` to its state. */
type RecordAs = (
  member: string,
  change: (value: unknown) => void
) => (name: string, value: unknown) => void;

/** A conditional format's fill and font colours, custom and cell-value formats alike. */
function formatColours(recordAs: RecordAs, state: () => ConditionalFormatState) {
  return {
    fill: settable<{ color: string }>(
      ["color"],
      recordAs("format.fill.color", (v) => (state().fill = String(v)))
    ),
    font: settable<{ color: string }>(
      ["color"],
      recordAs("format.font.color", (v) => (state().font = String(v)))
    ),
  };
}

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

/** The letters of a box's columns, computed once for a whole block of cells. */
const columnsOf = (box: Box): string[] =>
  Array.from({ length: box.right - box.left + 1 }, (_, i) => columnName(box.left + i));

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

/** The smallest box holding every area of "C5:E5,F7". */
function boundingBox(address: string): Box {
  const boxes = address.split(",").map(parseRange);
  return {
    top: Math.min(...boxes.map((b) => b.top)),
    left: Math.min(...boxes.map((b) => b.left)),
    bottom: Math.max(...boxes.map((b) => b.bottom)),
    right: Math.max(...boxes.map((b) => b.right)),
  };
}

/** "A1" for one cell, "A1:J11" otherwise, as Range.address writes it after the sheet. */
function boxAddress(box: Box): string {
  const first = cellAddress(box.top, box.left);
  const last = cellAddress(box.bottom, box.right);
  return first === last ? first : `${first}:${last}`;
}

/** Excel quotes a sheet name in an address unless it is letters, digits and underscores not starting with a digit. */
function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

const shiftRows = (box: Box, by: number): Box => ({
  ...box,
  top: box.top + by,
  bottom: box.bottom + by,
});

const overlaps = (a: Box, b: Box): boolean =>
  a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;

const contains = (outer: Box, inner: Box): boolean =>
  inner.top >= outer.top &&
  inner.bottom <= outer.bottom &&
  inner.left >= outer.left &&
  inner.right <= outer.right;

/** Moves the entries of a cell map in columns left..right to the row `to` gives, dropping those it maps to undefined. */
function moveCells<T>(
  map: Map<string, T>,
  left: number,
  right: number,
  to: (row: number) => number | undefined
): void {
  const moved: [string, T][] = [];
  for (const [address, value] of [...map.entries()]) {
    const { top: row, left: column } = parseRange(address);
    if (column < left || column > right) continue;
    map.delete(address);
    const target = to(row);
    if (target !== undefined) moved.push([cellAddress(target, column), value]);
  }
  for (const [address, value] of moved) map.set(address, value);
}
