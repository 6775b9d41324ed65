import { DEFAULT_PROGRAM_SETTINGS } from "../domain/settings";
import { a1, rangeA1 } from "../workbook/address";
import { CellRef, SheetPlan, TablePlan } from "../workbook/plan";
import { TableValues } from "../workbook/readProgram";
import { refreshRoadmap, sameWording } from "../workbook/roadmapRefresh";
import { ROADMAP_SHEET, roadmapSheetPlan, TBL_ROADMAP } from "../workbook/roadmapSheet";
import { TBL_SETTINGS } from "../workbook/settingsSheet";
import {
  addSheets,
  HostFeatures,
  NO_OPTIONAL_FEATURES,
  prepareSheet,
  startRequest,
  toCellInput,
} from "./applyPlan";
import { HostError } from "./errors";
import { ExcelContext } from "./excelModel";
import { queueTable, ReadTable, readTable } from "./readProgramTables";
import { prepareRows, replaceRows } from "./replaceRows";
import { cost, OPERATION_OVERHEAD, RequestBatch } from "./requestBatch";
import { ExcelRun, officeSupports, runCommand, Supports } from "./scaffold";
import { SettingsEdits } from "../workbook/settingsTable";
import { programSettings, settingsTable } from "./settingsTable";

export interface RoadmapReport {
  readonly programYear: number;
  /** The program year's milestones, the first rows of tblRoadmap. */
  readonly milestones: number;
  /** Of them, those whose row the user had edited, kept as edited. */
  readonly edited: number;
  /** Rows the user added, kept after the milestones. */
  readonly byHand: number;
  /** Whether the Roadmap sheet was created (else tblRoadmap's rows were replaced where the table is). */
  readonly created: boolean;
  /** `context.sync` calls made. */
  readonly syncs: number;
}

/** Generates the roadmap in the open workbook as one command: one Ctrl+Z undoes it. */
export function generateRoadmapInExcel(
  edits: SettingsEdits,
  today: Date = new Date(),
  run: ExcelRun = Excel.run,
  supports: Supports = officeSupports
): Promise<RoadmapReport> {
  return runCommand(run, supports, (context, features) =>
    generateRoadmap(context, edits, today, features)
  );
}

/**
 * Creates the Roadmap sheet, or refreshes tblRoadmap wherever it is, and touches no other sheet. One sync reads
 * tblRoadmap and tblSettings (the program's settings, with the task pane's edits over them); refreshRoadmap keeps
 * what the user edited; the next sync writes the Roadmap sheet from its plan, or tblRoadmap's header and rows over
 * the table (it shrinks or grows to them; values and formulas as the plan has them). When the program year
 * changes, so do the quarter columns' headers, and the sheet's title while it holds the generated wording.
 */
export async function generateRoadmap(
  context: ExcelContext,
  edits: SettingsEdits,
  today: Date,
  features: HostFeatures = NO_OPTIONAL_FEATURES
): Promise<RoadmapReport> {
  const { worksheets } = context.workbook;
  const queuedRoadmap = queueTable(context, TBL_ROADMAP, true);
  queuedRoadmap.range.load(["formulas"]);
  const queuedSettings = queueTable(context, TBL_SETTINGS, true);
  const sheet = worksheets.getItemOrNullObject(ROADMAP_SHEET);
  const titleAt = titleOf(roadmapSheetPlan([], DEFAULT_PROGRAM_SETTINGS.programYear, undefined));
  const title = titleAt && sheet.getRange(a1(titleAt.at));
  title?.load(["values"]);
  await context.sync();

  const settingsRead = readTable(queuedSettings);
  const settings = programSettings(settingsRead && settingsTable(settingsRead), edits);
  const roadmap = readTable(queuedRoadmap);
  if (!roadmap && !sheet.isNullObject) {
    throw new HostError(
      `The ${ROADMAP_SHEET} sheet has no ${TBL_ROADMAP} table to hold the roadmap. ` +
        `Rename or delete that sheet, then generate the roadmap again.`,
      "ItemNotFound"
    );
  }
  const existing = roadmap && withFormulas(roadmap, queuedRoadmap.range.formulas);
  const refresh = refreshRoadmap(existing, settings, today);
  if (roadmap) checkWidth(roadmap, refresh.table);

  // Everything is encoded and checked before the first write: a malformed plan changes nothing.
  const batch = new RequestBatch(context, () => startRequest(context.application, features));
  if (roadmap) {
    const rows = prepareRows(refresh.table);
    const target = roadmap.table.worksheet;
    await writeHeader(batch, roadmap, refresh.table);
    const newTitle = titleOf(refresh.sheet);
    if (title && newTitle && roadmap.range.sheet.toLowerCase() === ROADMAP_SHEET.toLowerCase())
      await retitle(batch, roadmap, title.values[0]?.[0], newTitle);
    await replaceRows(batch, roadmap, rows);
    await batch.reserve(OPERATION_OVERHEAD);
    target.activate();
  } else {
    const prepared = prepareSheet(refresh.sheet, new Set());
    const [added] = await addSheets(batch, worksheets, [prepared], features);
    await batch.reserve(OPERATION_OVERHEAD);
    added?.activate();
  }
  await batch.flush();

  return {
    programYear: refresh.programYear,
    milestones: refresh.milestones,
    edited: refresh.edited,
    byHand: refresh.byHand,
    created: !roadmap,
    syncs: 1 + batch.syncs,
  };
}

/** The sheet plan's title cell. */
const titleOf = (sheet: SheetPlan): { readonly at: CellRef; readonly text: string } | undefined => {
  const cell = sheet.cells.find((c) => c.style === "title");
  return cell && typeof cell.value === "string" ? { at: cell.at, text: cell.value } : undefined;
};

/**
 * The table's cells as refreshRoadmap takes them: a formula as a formula, so that it is kept as one; any other cell
 * as Excel shows it (dates as serial numbers). Range.formulas gives a text that starts with "=" but was typed as
 * text (behind an apostrophe) as that text, without the apostrophe: it is the one cell whose formula is its value.
 */
function withFormulas(roadmap: ReadTable, formulas: readonly (readonly unknown[])[]): TableValues {
  const [, ...rows] = formulas;
  return {
    ...roadmap.values,
    rows: roadmap.values.rows.map((row, r) =>
      row.map((value, c) => {
        const formula = rows[r]?.[c];
        return typeof formula === "string" && formula.startsWith("=") && formula !== value
          ? { formula }
          : value;
      })
    ),
  };
}

/**
 * The refreshed table is written over the one there, columns included: it must be as wide. It is unless the user
 * removed columns the roadmap needs (the refresh keeps the user's own columns, after the roadmap's).
 */
function checkWidth(roadmap: ReadTable, table: TablePlan): void {
  const width = roadmap.range.last.column - roadmap.range.first.column + 1;
  if (width === table.columns.length) return;
  const has = new Set(roadmap.values.header.map(headerKey));
  const missing = table.columns.map((c) => c.header).filter((h) => !has.has(headerKey(h)));
  throw new HostError(
    `${TBL_ROADMAP} on the ${roadmap.range.sheet} sheet lacks the roadmap's ` +
      `${missing.length === 1 ? "column" : "columns"} ${missing.join(", ")}. Add ` +
      `${missing.length === 1 ? "it" : "them"} to the table (or rename the table to keep it as it is), ` +
      `then generate the roadmap again.`,
    "InvalidArgument"
  );
}

const headerKey = (h: unknown): string => (typeof h === "string" ? h.trim().toLowerCase() : "");

/**
 * The header row, when it changes: the quarter columns are named after the program year, and the user's own
 * columns come after the roadmap's.
 */
async function writeHeader(
  batch: RequestBatch,
  roadmap: ReadTable,
  table: TablePlan
): Promise<void> {
  const headers = table.columns.map((c) => c.header);
  if (headers.every((h, i) => roadmap.values.header[i] === h)) return;
  const { first, last } = roadmap.range;
  const address = rangeA1(first, { row: first.row, column: last.column });
  const input = [headers.map(toCellInput)];
  await batch.reserve(cost(address, input));
  roadmap.table.worksheet.getRange(address).formulas = input;
}

/** The sheet's title names the new year while it holds the generated wording ("Partnership Roadmap 2027"). */
async function retitle(
  batch: RequestBatch,
  roadmap: ReadTable,
  current: unknown,
  title: { readonly at: CellRef; readonly text: string }
): Promise<void> {
  if (typeof current !== "string" || current === title.text || !sameWording(current, title.text))
    return;
  const input = [[toCellInput(title.text)]];
  await batch.reserve(cost(a1(title.at), input));
  roadmap.table.worksheet.getRange(a1(title.at)).formulas = input;
}
