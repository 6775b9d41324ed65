import { basename } from "path";
import { programWorkbookPlan } from "../../workbook/programPlan";
import { refreshRoadmap } from "../../workbook/roadmapRefresh";
import { TBL_ROADMAP } from "../../workbook/roadmapSheet";
import { readTables, TableContents } from "../../xlsx/readTables";
import { replaceSheetTables } from "../../xlsx/replaceSheetTables";
import { WouldLoseContent } from "../../xlsx/unkeptContent";
import { parseCommandLine, UsageError } from "../args";
import { Command } from "../command";
import { readBytes, requireXlsx } from "../programFile";
import { writeFileSafely } from "../writeWorkbookFile";
import { findTable, resolveSettings } from "../workbookSettings";

const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/** The tables twice: as the user sees them (tblSettings), and with their formulas (tblRoadmap keeps them). */
async function tablesOf(bytes: Uint8Array, name: string) {
  try {
    return { values: await readTables(bytes), formulas: await readTables(bytes, "formula") };
  } catch (e) {
    throw new UsageError(
      `${name} cannot be read as an .xlsx workbook: ${e instanceof Error ? e.message : String(e)}`
    );
  }
}

export const roadmapCommand: Command = {
  name: "roadmap",
  usage: "FILE [--settings settings.json]",
  summary:
    "Generate the Roadmap sheet of FILE (.xlsx), or refresh it, and change no other sheet: the " +
    "milestones of the program year (settings from --settings, else FILE's tblSettings, else the " +
    "defaults), keeping the Owner, Status, Last Reviewed and Due typed on each milestone, and every row " +
    "and column added by hand.",
  async run(args, io) {
    const { positionals, values } = parseCommandLine(args, ["settings"]);
    const [path, extra] = positionals;
    if (path === undefined) throw new UsageError("missing FILE: the .xlsx workbook to update");
    if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
    const bytes = await readBytes(path);
    const name = basename(path);
    requireXlsx(bytes, name);
    const tables = await tablesOf(bytes, name);
    const { settings, source } = await resolveSettings(values.settings, {
      name,
      tables: tables.values,
    });
    const existing: TableContents | undefined = findTable(tables.formulas, TBL_ROADMAP);
    const refresh = refreshRoadmap(existing, settings, new Date());
    const order = programWorkbookPlan({ mode: "portable", data: "blank", settings }).sheets.map(
      (s) => s.name
    );
    let replaced;
    try {
      replaced = await replaceSheetTables(bytes, refresh.sheet, order);
    } catch (e) {
      if (!(e instanceof WouldLoseContent)) throw e;
      throw new Error(
        `${name} is left as it is: ${e.message}. Generate the roadmap from the add-in in Excel, which changes nothing else.`
      );
    }
    const written = await writeFileSafely(path, replaced.buffer);
    const dropped =
      refresh.blankRows > 0 ? `, ${count(refresh.blankRows, "blank row")} dropped` : "";
    io.out(
      `Roadmap for ${refresh.programYear}: ${count(refresh.milestones, "milestone")} ` +
        `(${refresh.edited} kept as edited, ${refresh.created} new), ` +
        `${refresh.byHand} added by hand${dropped}`
    );
    io.out(
      `${written}: ${replaced.created ? "created" : "refreshed"} the ${replaced.sheet} sheet; ` +
        `settings from ${source}`
    );
    return 0;
  },
};
