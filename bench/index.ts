/**
 * `npm run bench [-- --json] [-- --quick]`: DESIGN.md §5's and issue 7's figures, each with its budget. Prints a
 * table (or, with --json, one JSON object) on stdout and what is running on stderr. Exit code 1 when a figure is
 * over budget; --quick (small sizes, one run each: a smoke test for CI) never fails on budgets, which hold for
 * the full sizes only; 2 when the bench itself failed.
 */
import { cpus, loadavg } from "os";
import { bundles } from "./bundle";
import { commandLine, CliSizes } from "./cli";
import { customFunctions } from "./customFunctions";
import { domain } from "./domain";
import { excelHost } from "./excelHost";
import { fileHost } from "./fileHost";
import { progress, Runs } from "./measure";
import { benchJson, benchTable, Figure, overBudget, RunInfo } from "./report";

interface Sizes {
  readonly scores: number;
  /** Partners of the domain's validation, the Excel host, the file host and the custom function's rows. */
  readonly partners: number;
  readonly quarters: number;
  readonly cli: CliSizes;
  readonly runs: Runs;
}

const FULL: Sizes = {
  scores: 1_000_000,
  partners: 10_000,
  quarters: 12,
  cli: { largePartners: 100_000, smallPartners: 10_000 },
  runs: { fast: 7, slow: 3, child: 3, warmUp: true },
};

const QUICK: Sizes = {
  scores: 10_000,
  partners: 100,
  quarters: 12,
  cli: { largePartners: 1_000, smallPartners: 100 },
  runs: { fast: 1, slow: 1, child: 1, warmUp: false },
};

async function measure(sizes: Sizes): Promise<Figure[]> {
  const { partners, quarters, runs } = sizes;
  return [
    ...(await domain(sizes.scores, partners, quarters, runs)),
    ...(await customFunctions(partners, runs)),
    ...(await excelHost(partners, quarters)),
    ...(await fileHost(partners, quarters, runs.slow)),
    ...(await commandLine(sizes.cli, runs.child)),
    ...bundles(),
  ];
}

async function main(args: readonly string[]): Promise<number> {
  const unknown = args.filter((a) => a !== "--quick" && a !== "--json");
  if (unknown.length > 0) {
    process.stderr.write(`bench: unknown argument ${unknown.join(" ")} (use --quick, --json)\n`);
    return 2;
  }
  const quick = args.includes("--quick");
  const run: RunInfo = {
    quick,
    date: new Date().toISOString(),
    cpus: cpus().length,
    node: process.version,
    loadAverage: loadavg().map((n) => Math.round(n * 100) / 100),
  };
  progress(
    `${quick ? "quick smoke run" : "full run"} on ${run.cpus} cores, Node ${run.node}, load average ${run.loadAverage.join(" ")}`
  );
  const figures = await measure(quick ? QUICK : FULL);
  process.stdout.write(
    args.includes("--json")
      ? `${JSON.stringify(benchJson(figures, run), null, 2)}\n`
      : `${benchTable(figures)}\n`
  );
  const over = overBudget(figures);
  if (over.length > 0) progress(`over budget: ${over.map((f) => f.key).join(", ")}`);
  return over.length > 0 && !quick ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    process.stderr.write(
      `bench: failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`
    );
    process.exitCode = 2;
  }
);
