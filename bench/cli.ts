/**
 * The command line at scale, run as a user runs it: each run a fresh Node on the built CLI (dist-cli), timed
 * from spawn to exit, its peak memory read by the child itself (process.resourceUsage().maxRSS), so the figures
 * are the command's, not the bench's. What the command prints is discarded: the figures are about reading,
 * checking and writing, not the terminal.
 */
import { spawn } from "child_process";
import { copyFile, mkdtemp, rm } from "fs/promises";
import { tmpdir } from "os";
import { join, resolve } from "path";
import { performance } from "perf_hooks";
import { writeQuarterlyCsv } from "../test/support/quarterlyCsv";
import { median, progress, repeat } from "./measure";
import { Figure } from "./report";

const CLI_MAIN = resolve(__dirname, "../../dist-cli/src/cli/main.js");

interface ChildRun {
  readonly code: number;
  readonly ms: number;
  readonly peakMB: number;
  /** What the child wrote to stderr, to explain an unexpected exit code. */
  readonly err: string;
}

/** Runs `script` (which must print `{ code, maxRssKB }` as its last stdout) in a fresh Node with `args`. */
function runNode(script: string, args: readonly string[]): Promise<ChildRun> {
  const start = performance.now();
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ["-e", script, "--", ...args], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.on("error", fail);
    child.on("close", () => {
      const ms = performance.now() - start;
      try {
        const { code, maxRssKB } = JSON.parse(out) as { code: number; maxRssKB: number };
        done({ code, ms, peakMB: maxRssKB / 1024, err });
      } catch {
        fail(new Error(`the child printed no result: ${out}${err}`));
      }
    });
  });
}

const REPORT_EXIT = `process.stdout.write(JSON.stringify({ code, maxRssKB: process.resourceUsage().maxRSS }))`;

/** `partner-strategy ARGS…` through the CLI's own entry point; stderr is kept for the failure message. */
function cli(args: readonly string[]): Promise<ChildRun> {
  const script = `
    require(${JSON.stringify(CLI_MAIN)})
      .main(process.argv.slice(1), { out() {}, err(line) { process.stderr.write(line + "\\n"); } })
      .then((code) => ${REPORT_EXIT});`;
  return runNode(script, args);
}

/** csv-parse alone streaming the file with the options the CLI gives it: DESIGN.md §5's baseline for validate. */
function csvParseAlone(file: string): Promise<ChildRun> {
  const script = `
    const { parse } = require(${JSON.stringify(require.resolve("csv-parse"))});
    const { createReadStream } = require("fs");
    let rows = 0;
    createReadStream(process.argv[1])
      .pipe(parse({ delimiter: ",", relax_column_count: true }))
      .on("data", () => rows++)
      .on("end", () => { const code = rows > 0 ? 0 : 2; ${REPORT_EXIT}; });`;
  return runNode(script, [file]);
}

/** `runs` runs of `run`, each of which must exit with one of `codes`. */
async function childRuns(
  label: string,
  runs: number,
  run: () => Promise<ChildRun>,
  codes: readonly number[]
): Promise<{ readonly ms: number; readonly peakMB: number }> {
  const results = await repeat(label, runs, async () => {
    const result = await run();
    if (!codes.includes(result.code))
      throw new Error(`${label} exited with ${result.code}: ${result.err.slice(0, 2000)}`);
    return result;
  });
  return { ms: median(results.map((r) => r.ms)), peakMB: median(results.map((r) => r.peakMB)) };
}

export interface CliSizes {
  /** Partners × 12 quarters of the large CSV: 100,000 (1.2 million rows) in the full run. */
  readonly largePartners: number;
  /** Partners × 12 quarters of the 120,000-row CSV validated and imported: 10,000 in the full run. */
  readonly smallPartners: number;
}

const QUARTERS = 12;
const count = (n: number): string => n.toLocaleString("en-US");

export async function commandLine(sizes: CliSizes, runs: number): Promise<Figure[]> {
  const dir = await mkdtemp(join(tmpdir(), "ps-bench-cli-"));
  try {
    const large = join(dir, "quarterly-large.csv");
    const small = join(dir, "quarterly-small.csv");
    progress(
      `writing ${count(sizes.largePartners * QUARTERS)} and ${count(sizes.smallPartners * QUARTERS)} CSV rows and a blank workbook`
    );
    const largeRows = await writeQuarterlyCsv(large, sizes.largePartners, QUARTERS);
    const smallRows = await writeQuarterlyCsv(small, sizes.smallPartners, QUARTERS);
    const blank = join(dir, "blank.xlsx");
    const wrote = await cli(["workbook", "--out", blank]);
    if (wrote.code !== 0) throw new Error(`workbook --out exited with ${wrote.code}: ${wrote.err}`);

    const largeLabel = `${count(largeRows)} CSV rows (${count(sizes.largePartners)} partners × ${QUARTERS} quarters)`;
    const smallLabel = `${count(smallRows)} CSV rows (${count(sizes.smallPartners)} partners × ${QUARTERS} quarters)`;
    // Exit 1 is a run that worked: the generated data holds findings (and rows import rejects) on purpose.
    const worked = [0, 1];
    const validateLarge = await childRuns(
      "cli.validate1_2mRows",
      runs,
      () => cli(["validate", large]),
      worked
    );
    const parseLarge = await childRuns(
      "cli.csvParse1_2mRowsMs",
      runs,
      () => csvParseAlone(large),
      [0]
    );
    const validateSmall = await childRuns(
      "cli.validate120kRowsMs",
      runs,
      () => cli(["validate", small]),
      worked
    );
    const target = join(dir, "workbook.xlsx");
    const importSmall = await childRuns(
      "cli.import120kRows",
      runs,
      async () => {
        // Into a blank workbook every time: a second import of the same rows would only update them.
        await copyFile(blank, target);
        return cli(["import", target, small]);
      },
      worked
    );
    return [
      {
        key: "cli.validate1_2mRowsMs",
        what: `CLI: validate ${largeLabel}`,
        value: validateLarge.ms,
        unit: "ms",
        budget: 15_000,
        runs,
      },
      {
        key: "cli.validate1_2mRowsPeakMB",
        what: `CLI: validate ${largeLabel}, peak RSS`,
        value: validateLarge.peakMB,
        unit: "MB",
        budget: 1024,
        runs,
      },
      {
        key: "cli.csvParse1_2mRowsMs",
        what: `csv-parse alone reading the same ${count(largeRows)} rows (baseline)`,
        value: parseLarge.ms,
        unit: "ms",
        budget: null,
        runs,
      },
      {
        key: "cli.validateVsCsvParse",
        what: "CLI: validate ÷ csv-parse alone, same file",
        value: validateLarge.ms / parseLarge.ms,
        unit: "×",
        budget: 3,
        runs,
      },
      {
        key: "cli.validate120kRowsMs",
        what: `CLI: validate ${smallLabel}`,
        value: validateSmall.ms,
        unit: "ms",
        budget: 2000,
        runs,
      },
      {
        key: "cli.import120kRowsMs",
        what: `CLI: import ${smallLabel} into a blank workbook`,
        value: importSmall.ms,
        unit: "ms",
        budget: null,
        runs,
      },
      {
        key: "cli.import120kRowsPeakMB",
        what: `CLI: import ${smallLabel}, peak RSS`,
        value: importSmall.peakMB,
        unit: "MB",
        budget: null,
        runs,
      },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
