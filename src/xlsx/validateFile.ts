import { ProgramReview, TableValues, validateTables } from "../workbook/readProgram";
import { TBL_QUARTERLY, TBL_TIER_RULES, TBL_TIERS } from "../workbook/tierSheets";
import { UnreadableExport } from "./csvSniff";
import { readExportFile } from "./exportFile";
import { readTables, TableContents } from "./readTables";
import { tableValues } from "./tableValues";

const ZIP = [0x50, 0x4b, 0x03, 0x04];

/** A program workbook's quarterly data with its tier tables, when it has tblQuarterly. */
async function programTables(
  name: string,
  bytes: Uint8Array
): Promise<{ quarterly: TableValues; tiers?: TableValues; settings?: TableValues } | undefined> {
  let tables: Map<string, TableContents>;
  try {
    tables = await readTables(bytes);
  } catch (e) {
    throw new UnreadableExport(
      `${name} cannot be read as an .xlsx workbook: ${e instanceof Error ? e.message : String(e)}`
    );
  }
  // Excel compares table names ignoring case.
  const find = (wanted: string): TableContents | undefined =>
    [...tables].find(([n]) => n.toLowerCase() === wanted.toLowerCase())?.[1];
  const quarterly = find(TBL_QUARTERLY);
  if (quarterly === undefined) return undefined;
  if (quarterly.rows.length === 0) {
    throw new UnreadableExport(
      `${name}: table ${TBL_QUARTERLY} has no data rows: import quarterly data first`
    );
  }
  const tiers = find(TBL_TIERS);
  const settings = find(TBL_TIER_RULES);
  return {
    quarterly: tableValues(quarterly),
    ...(tiers && { tiers: tableValues(tiers) }),
    ...(settings && { settings: tableValues(settings) }),
  };
}

/**
 * Validates a file's quarterly data against the tier rules, in memory, as `partner-strategy validate` does: a
 * program workbook by its tblQuarterly (and its tblTiers and tblTierRules), any other .xlsx by the table or first
 * sheet that holds quarterly data, a CSV (or Excel's Unicode Text) as the export it is. Browser-safe. A file that
 * cannot be read is an UnreadableExport saying why.
 */
export async function validateFile(name: string, bytes: Uint8Array): Promise<ProgramReview> {
  if (ZIP.every((b, i) => bytes[i] === b)) {
    const program = await programTables(name, bytes);
    if (program) return validateTables(program.quarterly, program.tiers, program.settings);
  }
  return validateTables(await readExportFile(name, bytes, "quarterly"));
}
