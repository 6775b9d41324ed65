import { MISSING_QUARTERLY_COLUMNS, validateTables } from "../../workbook/readProgram";
import { TBL_QUARTERLY, TBL_TIER_RULES, TBL_TIERS } from "../../workbook/tierSheets";
import { parseCommandLine, UsageError } from "../args";
import { Command } from "../command";
import { validationJson, validationReport } from "../formatValidation";
import { readProgramFile } from "../programFile";

export const validateCommand: Command = {
  name: "validate",
  usage: "FILE [--json]",
  summary:
    `Validate the tier rules against quarterly partner data: FILE is an .xlsx with ${TBL_QUARTERLY} ` +
    `(its ${TBL_TIERS} and ${TBL_TIER_RULES} are used when present) or a CSV with the columns ` +
    "Partner, Quarter, Pipeline, Certified, DedicatedPractice, RecordedTier (more allowed, any order). " +
    "Prints the findings, each partner's action and a summary, or with --json one JSON object. " +
    "Exit code 0 without errors, 1 with errors, 2 when FILE cannot be read.",
  async run(args, io) {
    const { positionals, flags } = parseCommandLine(args, [], ["json"]);
    const [path, extra] = positionals;
    if (path === undefined)
      throw new UsageError("missing FILE: the .xlsx or .csv file to validate");
    if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
    const program = await readProgramFile(path);
    const { findings, actions, summary } = validateTables(
      program.quarterly,
      program.tiers,
      program.settings
    );
    // Without its columns no row could be read: the file is unreadable as quarterly data.
    const missing = findings.find((f) => f.rule === MISSING_QUARTERLY_COLUMNS);
    if (missing !== undefined) throw new UsageError(`${program.source}: ${missing.message}`);
    if (flags.has("json")) io.out(validationJson(findings, actions, summary));
    else for (const line of validationReport(findings, actions, summary)) io.out(line);
    return summary.errors > 0 ? 1 : 0;
  },
};
