import { ProgramValidation } from "../../domain/tiers";
import {
  MISSING_QUARTERLY_COLUMNS,
  ProgramReview,
  validateTables,
} from "../../workbook/readProgram";
import { TBL_QUARTERLY, TBL_TIER_RULES, TBL_TIERS } from "../../workbook/tierSheets";
import { parseCommandLine, UsageError } from "../args";
import { Command, Io } from "../command";
import { DEFAULT_REPORT, validationJson, validationReport } from "../formatValidation";
import { openProgramFile, ProgramTables } from "../programFile";
import { validateCsv, ValidationProgress } from "../validateCsv";
import { writeTierReview, WrittenReview } from "../writeTierReview";

/** The --limit value: a whole number of rows, 0 or more. */
function limitOf(value: string | undefined): number {
  if (value === undefined) return DEFAULT_REPORT.limit;
  if (!/^\d+$/.test(value.trim())) {
    throw new UsageError(`--limit must be a whole number of rows (0 or more), not "${value}"`);
  }
  return Number(value);
}

function validateWorkbook(program: ProgramTables): ProgramReview {
  const validation = validateTables(program.quarterly, program.tiers, program.settings);
  // Without its columns no row could be read: the file is unreadable as quarterly data.
  const missing = validation.findings.find((f) => f.rule === MISSING_QUARTERLY_COLUMNS);
  if (missing !== undefined) throw new UsageError(`${program.source}: ${missing.message}`);
  return validation;
}

/** One line of JSON, written in pieces where the Io can: a million findings never make one string. */
function printJson(io: Io, pieces: Iterable<string>): void {
  if (io.write === undefined) {
    io.out([...pieces].join(""));
    return;
  }
  for (const piece of pieces) io.write(piece);
  io.write("\n");
}

/** Runs `work` with a progress line redrawn every second on a terminal (Io.progress), cleared at the end. */
async function withProgress<T>(
  io: Io,
  work: (progress: ValidationProgress) => Promise<T>
): Promise<T> {
  const progress: ValidationProgress = { rows: 0, partners: 0 };
  const show = io.progress;
  if (show === undefined) return work(progress);
  const timer = setInterval(() => {
    const rows = progress.rows.toLocaleString("en-US");
    const partners = progress.partners.toLocaleString("en-US");
    show(`validate: ${rows} rows read, ${partners} partners validated`);
  }, 1000);
  try {
    return await work(progress);
  } finally {
    clearInterval(timer);
    show("");
  }
}

export const validateCommand: Command = {
  name: "validate",
  usage: "FILE [--json] [--limit N] [--errors-only] [--write]",
  summary:
    `Validate the tier rules against quarterly partner data: FILE is an .xlsx with ${TBL_QUARTERLY} ` +
    `(its ${TBL_TIERS} and ${TBL_TIER_RULES} are used when present) or a CSV with the columns ` +
    "Partner, Quarter, Pipeline, Certified, DedicatedPractice, RecordedTier (more allowed, any order), " +
    "read as a stream. Prints the summary, then the findings and each partner's action (at most " +
    `--limit rows each, ${DEFAULT_REPORT.limit} by default; --errors-only for errors alone), or with ` +
    "--json one JSON object with all of them. Exit code 0 without errors, 1 with errors, 2 when FILE " +
    "cannot be read.",
  async run(args, io) {
    const { positionals, values, flags } = parseCommandLine(
      args,
      ["limit"],
      ["json", "errors-only", "write"]
    );
    const [path, extra] = positionals;
    if (path === undefined)
      throw new UsageError("missing FILE: the .xlsx or .csv file to validate");
    if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
    const limit = limitOf(values.limit);
    const errorsOnly = flags.has("errors-only");
    const file = await openProgramFile(path);
    let validation: ProgramValidation;
    let written: WrittenReview | undefined;
    if (file.kind === "workbook") {
      const review = validateWorkbook(file.tables);
      if (flags.has("write")) written = await writeTierReview(path, review);
      validation = review;
    } else {
      if (flags.has("write")) {
        throw new UsageError(
          `--write needs an .xlsx workbook to write the Tier Review into; ${file.csv.name} is not one`
        );
      }
      validation = await withProgress(io, (progress) =>
        // The table shows at most `limit` findings: only those are kept, whatever the file holds.
        validateCsv(file.csv, flags.has("json") ? "all" : limit, progress)
      );
    }
    const { findings, actions, summary } = validation;
    if (flags.has("json")) printJson(io, validationJson(findings, actions, summary, errorsOnly));
    else {
      for (const line of validationReport(findings, actions, summary, { limit, errorsOnly })) {
        io.out(line);
      }
      if (written !== undefined) {
        const verb = written.created ? "added" : "rewrote";
        io.out(`${written.path}: ${verb} the ${written.sheet} sheet (${written.rows} rows)`);
      }
    }
    return summary.errors > 0 ? 1 : 0;
  },
};
