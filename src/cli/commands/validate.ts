import { MISSING_QUARTERLY_COLUMNS, validateTables } from "../../workbook/readProgram";
import { TBL_QUARTERLY, TBL_TIER_RULES, TBL_TIERS } from "../../workbook/tierSheets";
import { parseCommandLine, UsageError } from "../args";
import { Command } from "../command";
import { validationJson, validationReport } from "../formatValidation";
import { readProgramFile } from "../programFile";
import { writeTierReview } from "../writeTierReview";

export const validateCommand: Command = {
  name: "validate",
  usage: "FILE [--json] [--write]",
  summary:
    `Validate the tier rules against quarterly partner data: FILE is an .xlsx with ${TBL_QUARTERLY} ` +
    `(its ${TBL_TIERS} and ${TBL_TIER_RULES} are used when present) or a CSV with the columns ` +
    "Partner, Quarter, Pipeline, Certified, DedicatedPractice, RecordedTier (more allowed, any order). " +
    "Prints the findings, each partner's action and a summary, or with --json one JSON object. " +
    "With --write (FILE an .xlsx), also rewrites FILE's Tier Review sheet, and only it, from its own tables. " +
    "Exit code 0 without errors, 1 with errors, 2 when FILE cannot be read.",
  async run(args, io) {
    const { positionals, flags } = parseCommandLine(args, [], ["json", "write"]);
    const [path, extra] = positionals;
    if (path === undefined)
      throw new UsageError("missing FILE: the .xlsx or .csv file to validate");
    if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
    const program = await readProgramFile(path);
    const review = validateTables(program.quarterly, program.tiers, program.settings);
    const { findings, actions, summary } = review;
    // Without its columns no row could be read: the file is unreadable as quarterly data.
    const missing = findings.find((f) => f.rule === MISSING_QUARTERLY_COLUMNS);
    if (missing !== undefined) throw new UsageError(`${program.source}: ${missing.message}`);
    const written = flags.has("write") ? await writeTierReview(path, review) : undefined;
    if (flags.has("json")) io.out(validationJson(findings, actions, summary));
    else for (const line of validationReport(findings, actions, summary)) io.out(line);
    if (written !== undefined && !flags.has("json")) {
      const verb = written.created ? "added" : "rewrote";
      io.out(`${written.path}: ${verb} the ${written.sheet} sheet (${written.rows} rows)`);
    }
    return summary.errors > 0 ? 1 : 0;
  },
};
