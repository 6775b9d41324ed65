import { todayUtc } from "../../domain/cells";
import { ProgramValidation } from "../../domain/tiers";
import { checkProgramHealth, HealthOptions, ProgramHealth } from "../../workbook/healthCheck";
import { HEALTH_RULES, unknownRules } from "../../workbook/healthRules";
import { MISSING_QUARTERLY_COLUMNS } from "../../workbook/readProgram";
import { TBL_QUARTERLY, TBL_TIER_RULES, TBL_TIERS } from "../../workbook/tierSheets";
import { parseCommandLine, UsageError } from "../args";
import { Command, Io } from "../command";
import { DEFAULT_REPORT, validationJson, validationReport } from "../formatValidation";
import { openProgramFile, ProgramTables } from "../programFile";
import { withProgressLine } from "../progressLine";
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

/** --as-of: a calendar date, "today" for the rules that look at dates; today (UTC) without it. */
function asOfDate(value: string | undefined): Date {
  if (value === undefined) return todayUtc();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  const date = m && new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (!date || date.getUTCDate() !== Number(m[3]) || date.getUTCMonth() !== Number(m[2]) - 1) {
    throw new UsageError(`--as-of must be a date written YYYY-MM-DD (2026-12-31), not "${value}"`);
  }
  return date;
}

/** --skip: rule ids or families, comma-separated, each one the catalogue has. */
function skipOf(value: string | undefined): string[] {
  if (value === undefined) return [];
  const skip = value
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  const unknown = unknownRules(skip);
  if (unknown.length > 0) {
    throw new UsageError(
      `--skip names no rule: ${unknown.join(", ")} (validate --rules lists every rule id)`
    );
  }
  return skip;
}

function checkWorkbook(program: ProgramTables, options: HealthOptions): ProgramHealth {
  const health = checkProgramHealth(program.tables, options);
  // Without its columns no quarterly row could be read: the file is unreadable as quarterly data.
  const missing = health.findings.find((f) => f.rule === MISSING_QUARTERLY_COLUMNS);
  if (missing !== undefined) {
    throw new UsageError(`${program.source}, table ${TBL_QUARTERLY}: ${missing.message}`);
  }
  return health;
}

/** `validate --rules`: every rule id, its severity, sheet and what it watches, one per line. */
function ruleLines(): string[] {
  const width = Math.max(...HEALTH_RULES.map((r) => r.id.length));
  return HEALTH_RULES.map(
    (r) => `${r.id.padEnd(width)}  ${(r.severity ?? "mixed").padEnd(7)}  ${r.sheet}: ${r.title}`
  );
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

/** How far validating a CSV has got, as its progress line tells it. */
const progressText = (progress: ValidationProgress): string =>
  `validate: ${progress.rows.toLocaleString("en-US")} rows read, ` +
  `${progress.partners.toLocaleString("en-US")} partners validated`;

export const validateCommand: Command = {
  name: "validate",
  usage:
    "FILE [--json] [--limit N] [--errors-only] [--skip RULE[,RULE...]] [--as-of YYYY-MM-DD] [--write] | --rules",
  summary:
    "The program health check: every quality rule of the playbook and the tier rules on a program " +
    `workbook (.xlsx: its Landscape, Scoring, Decisions, OKRs, Roadmap, RACI, Competitors, Executives, ` +
    `${TBL_QUARTERLY} with ${TBL_TIERS} and ${TBL_TIER_RULES}), or the tier rules on a CSV of quarterly ` +
    "data with the columns Partner, Quarter, Pipeline, Certified, DedicatedPractice, RecordedTier (more " +
    "allowed, any order), read as a stream. --rules lists every rule id; --skip leaves rules out; --as-of " +
    "fixes today for the rules that look at dates. Prints the summary, then the findings and each partner's action (at most " +
    `--limit rows each, ${DEFAULT_REPORT.limit} by default; --errors-only for errors alone), or with ` +
    "--json one JSON object with all of them. Exit code 0 without errors, 1 with errors, 2 when FILE " +
    "cannot be read.",
  async run(args, io) {
    const { positionals, values, flags } = parseCommandLine(
      args,
      ["limit", "skip", "as-of"],
      ["json", "errors-only", "write", "rules"]
    );
    const [path, extra] = positionals;
    if (flags.has("rules")) {
      if (path !== undefined) throw new UsageError(`--rules takes no FILE ("${path}")`);
      for (const line of ruleLines()) io.out(line);
      return 0;
    }
    if (path === undefined)
      throw new UsageError("missing FILE: the .xlsx or .csv file to validate");
    if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
    const limit = limitOf(values.limit);
    const errorsOnly = flags.has("errors-only");
    const skip = skipOf(values.skip);
    const asOf = asOfDate(values["as-of"]);
    const file = await openProgramFile(path);
    let validation: Omit<ProgramValidation, "review">;
    let written: WrittenReview | undefined;
    if (file.kind === "workbook") {
      const health = checkWorkbook(file.tables, { asOf, skip });
      if (flags.has("write")) {
        if (health.tierReview === undefined) {
          throw new UsageError(
            `--write rewrites the Tier Review from ${TBL_QUARTERLY}, and ${file.tables.source} has no quarterly data`
          );
        }
        written = await writeTierReview(path, health.tierReview);
      }
      validation = health;
    } else {
      if (flags.has("write")) {
        throw new UsageError(
          `--write needs an .xlsx workbook to write the Tier Review into; ${file.csv.name} is not one`
        );
      }
      const progress: ValidationProgress = { rows: 0, partners: 0 };
      validation = await withProgressLine(
        io,
        () => progressText(progress),
        // The table shows at most `limit` findings: only those are kept, whatever the file holds.
        () => validateCsv(file.csv, flags.has("json") ? "all" : limit, progress, skip)
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
