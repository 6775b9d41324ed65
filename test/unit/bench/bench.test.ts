import { spawnSync } from "child_process";
import path from "path";
import { benchJson, benchTable, Figure, RunInfo } from "../../../bench/report";

const ROOT = path.resolve(__dirname, "../../..");

/** Issue 7 part 4: the keys `npm run bench -- --json` must hold, each with a number. */
const REQUIRED = [
  "domain.score1mMs",
  "domain.validate10kx12Ms",
  "xlsx.write10kx12Ms",
  "xlsx.rawExceljsMs",
  "xlsx.writeVsRawExceljs",
  "excel.scaffoldSyncsSample",
  "excel.validateSyncsSample",
  "excel.scaffoldSyncs10k",
  "excel.scaffoldBytes10k",
  "excel.validateSyncs10k",
  "excel.validateBytes10k",
  "excel.maxRequestBytes",
  "functions.score10kRowsMs",
  "cli.validate1_2mRowsMs",
  "cli.validate1_2mRowsPeakMB",
  "bundle.functionsGzipKB",
  "bundle.taskpaneGzipKB",
] as const;

const RUN: RunInfo = {
  quick: false,
  date: "2026-12-06T00:00:00.000Z",
  cpus: 2,
  node: "v20",
  loadAverage: [1],
};

const figure = (key: Figure["key"], value: number | null, budget: number | null): Figure => ({
  key,
  what: key,
  value,
  unit: "ms",
  budget,
  runs: 3,
  ...(value === null ? { note: "not built (npm run build)" } : {}),
});

/** `json.domain.score1mMs` for the key "domain.score1mMs". */
const at = (json: unknown, key: string): unknown =>
  key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], json);

describe("the bench's report", () => {
  const figures = [
    figure("domain.score1mMs", 150, 200),
    figure("xlsx.write10kx12Ms", 6000, 5000),
    figure("xlsx.rawExceljsMs", 5000, null),
    figure("bundle.functionsGzipKB", null, 50),
  ];

  test("JSON: each figure under its group with value, unit, budget, within and runs; the keys over budget listed", () => {
    const json = benchJson(figures, RUN);
    expect(json.run).toEqual(RUN);
    expect(json.overBudget).toEqual(["xlsx.write10kx12Ms"]);
    expect(at(json, "domain.score1mMs")).toEqual({
      what: "domain.score1mMs",
      value: 150,
      unit: "ms",
      budget: 200,
      within: true,
      runs: 3,
    });
    expect(at(json, "xlsx.write10kx12Ms.within")).toBe(false);
    // No budget, or nothing measured: neither within nor over.
    expect(at(json, "xlsx.rawExceljsMs.within")).toBeNull();
    expect(at(json, "bundle.functionsGzipKB")).toMatchObject({
      value: null,
      within: null,
      note: "not built (npm run build)",
    });
  });

  test("table: one row per figure, saying within, OVER, no budget or why there is no value", () => {
    const lines = benchTable(figures).split("\n");
    expect(lines).toHaveLength(2 + figures.length);
    expect(lines[0]).toMatch(
      /^\| figure +\| key +\| +value \| unit +\| +budget \| result +\| runs \|$/
    );
    expect(lines[2]).toMatch(/\| +150 \| ms +\| +200 \| within /);
    expect(lines[3]).toMatch(/\| +6,000 \| ms +\| +5,000 \| OVER /);
    expect(lines[4]).toMatch(/\| +5,000 \| ms +\| +none \| no budget /);
    expect(lines[5]).toMatch(/\| not built \(npm run build\) \| ms +\| +50 \| not measured /);
    // Aligned: every line as wide as the header.
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
  });
});

describe("npm run bench -- --quick --json", () => {
  // Compiles the bench and runs it in a child process: tens of seconds on a busy 2-core machine. It needs the
  // builds `npm test` makes before jest runs (dist-cli for the commands, dist/ for the bundle sizes).
  test("prints one JSON object holding every required key with a number, and exits 0", () => {
    const tsc = spawnSync(
      process.execPath,
      [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.bench.json"],
      { cwd: ROOT, encoding: "utf8" }
    );
    expect(tsc.stdout + tsc.stderr).toBe("");
    const bench = spawnSync(
      process.execPath,
      [path.join(ROOT, "dist-bench/bench/index.js"), "--quick", "--json"],
      { cwd: ROOT, encoding: "utf8", maxBuffer: 16 * 1024 * 1024 }
    );
    expect({ status: bench.status, stderr: bench.status === 0 ? "" : bench.stderr }).toEqual({
      status: 0,
      stderr: "",
    });
    const json = JSON.parse(bench.stdout) as unknown;
    expect(at(json, "run.quick")).toBe(true);
    const missing = REQUIRED.filter((key) => typeof at(json, `${key}.value`) !== "number");
    expect(missing).toEqual([]);
    // Progress goes to stderr, never into the JSON.
    expect(bench.stderr).toMatch(/^bench: /m);
  }, 180_000);
});
