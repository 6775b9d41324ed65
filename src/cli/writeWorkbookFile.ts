import { existsSync } from "fs";
import { rename, rm, writeFile } from "fs/promises";
import { basename, resolve } from "path";
import { ProgramSettings } from "../domain/settings";
import { WorkbookPlan } from "../workbook/plan";
import { mergePlanIntoWorkbook, MergeResult } from "../xlsx/mergePlan";
import { readTables, TableContents } from "../xlsx/readTables";
import { WouldLoseContent } from "../xlsx/unkeptContent";
import { writePlanToBuffer } from "../xlsx/writePlan";
import { UsageError } from "./args";
import { Io } from "./command";
import { withProgressLine } from "./progressLine";
import { readBytes, requireXlsx } from "./programFile";
import { resolveSettings, ResolvedSettings } from "./workbookSettings";

/** The value of --out: Excel opens a workbook by its extension, so it must end in .xlsx. */
export function xlsxPathArg(value: string): string {
  if (!/\.xlsx$/i.test(value))
    throw new UsageError(`--out must name an .xlsx file, got "${value}"`);
  return value;
}

const WRITE_FAILURES: Record<string, string> = {
  ENOENT: "its folder does not exist",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EISDIR: "it is a folder",
  EROFS: "the file system is read-only",
  EBUSY: "the file is open in another program",
};

/**
 * Writes the bytes to a temporary file beside `path`, then renames it over `path`: an interrupted write
 * never leaves a workbook half written. Returns the absolute path.
 */
export async function writeFileSafely(path: string, bytes: Uint8Array): Promise<string> {
  const absolute = resolve(path);
  const temporary = `${absolute}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, bytes);
    await rename(temporary, absolute);
  } catch (e) {
    await rm(temporary, { force: true });
    const { code, message } = e as NodeJS.ErrnoException;
    const reason = (code === undefined ? undefined : WRITE_FAILURES[code]) ?? message;
    throw new Error(`cannot write ${absolute}: ${reason}`);
  }
  return absolute;
}

/** An existing .xlsx to add to, with its tables; undefined when there is no file (or an empty one) yet. */
export interface ExistingWorkbook {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly tables: ReadonlyMap<string, TableContents>;
}

/** The workbook at `path` when there is one; UsageError when it is not an .xlsx this program can read. */
export async function readExistingWorkbook(path: string): Promise<ExistingWorkbook | undefined> {
  if (!existsSync(path)) return undefined;
  const bytes = await readBytes(path);
  if (bytes.length === 0) return undefined;
  const name = basename(path);
  requireXlsx(bytes, name);
  try {
    return { name, bytes, tables: await readTables(bytes) };
  } catch (e) {
    throw new UsageError(
      `${name} cannot be read as an .xlsx workbook: ${e instanceof Error ? e.message : String(e)}`
    );
  }
}

/** What `workbook` and `demo` did to their --out file. */
export type Scaffolded = { readonly path: string; readonly settings: ResolvedSettings } & (
  | { readonly kind: "written"; readonly plan: WorkbookPlan; readonly bytes: number }
  | { readonly kind: "merged"; readonly merge: MergeResult }
);

/**
 * Writes the program workbook to `path`, or, when an .xlsx is there already, adds only what it lacks and
 * keeps every sheet it has (the file is not rewritten when it lacks nothing). The plan is made from the
 * settings of --settings, else the existing workbook's tblSettings, else the defaults. A new file's rows written
 * so far show on a progress line (Io.progress) while it takes more than a second.
 */
export async function scaffoldWorkbookFile(
  path: string,
  settingsPath: string | undefined,
  planFor: (settings: ProgramSettings) => WorkbookPlan,
  io: Io
): Promise<Scaffolded> {
  const existing = await readExistingWorkbook(path);
  const settings = await resolveSettings(settingsPath, existing);
  const plan = planFor(settings.settings);
  if (existing === undefined) {
    const rows = { written: 0, total: 0 };
    const line = () =>
      `writing ${basename(path)}: ${rows.written.toLocaleString("en-US")} of ` +
      `${rows.total.toLocaleString("en-US")} data rows`;
    const onRows = (written: number, total: number) => {
      rows.written = written;
      rows.total = total;
    };
    const bytes = await withProgressLine(io, line, () => writePlanToBuffer(plan, { onRows }));
    const written = await writeFileSafely(path, bytes);
    return { kind: "written", path: written, settings, plan, bytes: bytes.byteLength };
  }
  let merge: MergeResult;
  try {
    merge = await mergePlanIntoWorkbook(existing.bytes, plan);
  } catch (e) {
    if (!(e instanceof WouldLoseContent)) throw e;
    throw new Error(
      `${existing.name} is left as it is: ${e.message}. Add the missing sheets from the add-in in Excel, which changes nothing else.`
    );
  }
  const absolute =
    merge.buffer === undefined ? resolve(path) : await writeFileSafely(path, merge.buffer);
  return { kind: "merged", path: absolute, settings, merge };
}

/**
 * "added: Roadmap, Dashboard; kept: 13 sheets", then a line per sheet or table left out and why, and what
 * --settings changed.
 */
export function mergeReport(
  path: string,
  merge: MergeResult,
  settingsPath: string | undefined
): string[] {
  const added = [...merge.added, ...merge.addedTables.map((t) => `table ${t.table} on ${t.sheet}`)];
  const kept = `${merge.kept.length} sheet${merge.kept.length === 1 ? "" : "s"}`;
  return [
    `${path}: added: ${added.length > 0 ? added.join(", ") : "nothing (the file is unchanged)"}; kept: ${kept}`,
    ...merge.skipped.map((s) => `not added: ${s.name}: ${s.reason}`),
    ...(settingsPath === undefined
      ? []
      : [
          `${settingsPath} applies to the sheets added; the workbook's own settings (tblSettings) are kept as they are`,
        ]),
  ];
}

/** "; settings from settings.json (Northwind Analytics, 2028)" when they came from --settings. */
export function settingsNote(result: Scaffolded, settingsPath: string | undefined): string {
  if (settingsPath === undefined) return "";
  const { company, programYear } = result.settings.settings;
  return `; settings from ${settingsPath} (${company}, program year ${programYear})`;
}
