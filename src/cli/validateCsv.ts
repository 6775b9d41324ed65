import { AllFindings, FilteredFindings, FindingSink, FirstFindings } from "../domain/findingSinks";
import { isSkipped } from "../workbook/healthRules";
import { DEFAULT_TIER_RULES, ProgramValidation, ProgramValidator } from "../domain/tiers";
import {
  MISSING_QUARTERLY_COLUMNS,
  QuarterlyHeader,
  readQuarterlyHeader,
} from "../workbook/readProgram";
import { UsageError } from "./args";
import { CsvEncoding, CsvFile, NotUtf8, readCsvRecords } from "./csvTable";

/** How far a validation has got, for a progress line. */
export interface ValidationProgress {
  rows: number;
  partners: number;
}

const isBlankRecord = (record: readonly string[]): boolean =>
  record.every((field) => field.trim() === "");

/** One read of the file: its validation, or why it must be read again. */
type Pass = ProgramValidation | "not grouped" | "not utf-8";

/** Which findings a validation keeps: all of them, or the first N in order (the counts are of all). */
export type KeptFindings = "all" | number;

async function validationPass(
  file: CsvFile,
  encoding: CsvEncoding,
  grouped: boolean,
  keep: KeptFindings,
  skip: readonly string[],
  progress: ValidationProgress
): Promise<Pass> {
  const { name } = file;
  const sink: FindingSink = keep === "all" ? new AllFindings() : new FirstFindings(keep);
  const findings =
    skip.length === 0 ? sink : new FilteredFindings(sink, (f) => !isSkipped(f.rule, skip));
  const validator = new ProgramValidator(DEFAULT_TIER_RULES, {
    sheet: name,
    grouped,
    review: false,
    findings,
  });
  let header: QuarterlyHeader | undefined;
  let blankHeader = false;
  let dataRows = 0;
  let index = 0;
  // Thrown after the parser has stopped: an exception inside its data handler would escape the stream.
  let failure: UsageError | undefined;
  let notGrouped = false;
  progress.rows = 0;
  progress.partners = 0;

  const onRecord = (record: string[]): boolean => {
    progress.rows++;
    if (header === undefined) {
      header = readQuarterlyHeader(name, record, { row: 0, column: 0 }, "lazy");
      for (const finding of header.findings) findings.push(finding);
      blankHeader = isBlankRecord(record);
      return true;
    }
    if (isBlankRecord(record)) {
      index++;
      return true;
    }
    // A file of blank lines is empty; anything under a header without the required columns is unreadable.
    if (header.row === undefined) {
      const missing = header.findings.find((f) => f.rule === MISSING_QUARTERLY_COLUMNS)!;
      failure = new UsageError(`${name}: ${missing.message}`);
      return false;
    }
    dataRows++;
    if (!validator.add(header.row(record, index++))) {
      notGrouped = true;
      return false;
    }
    progress.partners = validator.partnersValidated;
    return true;
  };

  try {
    await readCsvRecords(file, encoding, onRecord);
  } catch (e) {
    if (e instanceof NotUtf8) return "not utf-8";
    throw e;
  }
  if (failure) throw failure;
  if (notGrouped) return "not grouped";
  if (header === undefined || (blankHeader && dataRows === 0)) {
    throw new UsageError(`${name} is empty`);
  }
  if (dataRows === 0) throw new UsageError(`${name} has no data rows under its header`);
  const validation = validator.finish();
  progress.partners = validator.partnersValidated;
  return validation;
}

/**
 * Validates a CSV export of quarterly data against the playbook's tier rules, streaming it: a file
 * grouped by partner (as CRMs export it) is validated partner by partner in memory that does not grow
 * with the file; a file that is not is read again, keeping each partner's read rows (numbers and cell
 * addresses, not the text) until the end. A file that is not UTF-8 after its first megabytes is read
 * again as Windows-1252. `keep`: which findings the result holds (its summary counts all); a limit keeps
 * memory bounded however many findings the file has. `skip`: rule ids or families left out (`--skip`).
 * `progress` is updated as rows are read.
 */
export async function validateCsv(
  file: CsvFile,
  keep: KeptFindings = "all",
  progress: ValidationProgress = { rows: 0, partners: 0 },
  skip: readonly string[] = []
): Promise<ProgramValidation> {
  let encoding = file.encoding;
  let grouped = true;
  for (;;) {
    const pass = await validationPass(file, encoding, grouped, keep, skip, progress);
    if (pass === "not grouped") grouped = false;
    else if (pass === "not utf-8") encoding = "windows-1252";
    else return pass;
  }
}
