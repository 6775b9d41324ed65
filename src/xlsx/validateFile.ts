import { todayUtc } from "../domain/cells";
import { ProgramValidation } from "../domain/tiers";
import { checkProgramHealth, isProgramWorkbook } from "../workbook/healthCheck";
import { validateTables } from "../workbook/readProgram";
import { UnreadableExport } from "./csvSniff";
import { readExportFile } from "./exportFile";
import { readTables, TableContents } from "./readTables";
import { programTableSet } from "./tableValues";

const ZIP = [0x50, 0x4b, 0x03, 0x04];

/** What the page shows of a file's validation: the findings, each partner's action, and the partners reviewed. */
export interface FileValidation extends Omit<ProgramValidation, "review"> {
  readonly partners: number;
}

const partnersOf = (review: ProgramValidation["review"] | undefined): number =>
  new Set(review?.map((r) => r.partner.toLowerCase())).size;

/**
 * Validates a file in memory, as `partner-strategy validate` does: a program workbook by the health check on
 * every program table it has, any other .xlsx by the table or first sheet that holds quarterly data, a CSV (or
 * Excel's Unicode Text) as the export it is. Browser-safe. A file that cannot be read is an UnreadableExport
 * saying why.
 */
export async function validateFile(name: string, bytes: Uint8Array): Promise<FileValidation> {
  if (ZIP.every((b, i) => bytes[i] === b)) {
    let tables: Map<string, TableContents>;
    try {
      tables = await readTables(bytes);
    } catch (e) {
      throw new UnreadableExport(
        `${name} cannot be read as an .xlsx workbook: ${e instanceof Error ? e.message : String(e)}`
      );
    }
    const program = programTableSet(tables);
    if (isProgramWorkbook(program)) {
      const { tierReview, ...health } = checkProgramHealth(program, { asOf: todayUtc() });
      return { ...health, partners: partnersOf(tierReview?.review) };
    }
  }
  const { review, ...validation } = validateTables(await readExportFile(name, bytes, "quarterly"));
  return { ...validation, partners: partnersOf(review) };
}
