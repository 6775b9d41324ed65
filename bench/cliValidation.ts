/**
 * `partner-strategy validate` on 1.2 million CSV rows (100,000 partners × 12 quarters), run as a user
 * runs it: a child process on the built CLI (dist-cli), timed from spawn to exit, its peak memory read by
 * the child itself (process.resourceUsage().maxRSS), so the figure is the command's, not the bench's.
 */
import { spawn } from "child_process";
import { mkdtemp, rm } from "fs/promises";
import { tmpdir } from "os";
import { join, resolve } from "path";
import { performance } from "perf_hooks";
import { writeQuarterlyCsv } from "../test/support/quarterlyCsv";
import { Figure } from "./measure";

/** Runs the CLI's validate on `file` in a fresh Node; resolves to its exit code and peak RSS in KB. */
function validateInChild(file: string): Promise<{ code: number; maxRssKB: number }> {
  const main = resolve(__dirname, "../../dist-cli/src/cli/main.js");
  const script = `
    require(${JSON.stringify(main)})
      .main(["validate", process.argv[1]], { out() {}, err(line) { console.error(line); } })
      .then((code) => process.stdout.write(JSON.stringify({ code, maxRssKB: process.resourceUsage().maxRSS })));`;
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ["-e", script, file], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("error", fail);
    child.on("close", () => {
      try {
        done(JSON.parse(out) as { code: number; maxRssKB: number });
      } catch {
        fail(new Error(`validate printed no result (is dist-cli built?): ${out}`));
      }
    });
  });
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

export async function cliValidation(runs = 3): Promise<Figure[]> {
  const dir = await mkdtemp(join(tmpdir(), "ps-bench-cli-"));
  try {
    const file = join(dir, "quarterly-1.2m.csv");
    await writeQuarterlyCsv(file, 100_000, 12);
    const ms: number[] = [];
    const mb: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      const { code, maxRssKB } = await validateInChild(file);
      ms.push(performance.now() - start);
      mb.push(maxRssKB / 1024);
      // The generated data holds findings (exit 1); anything else means the command failed.
      if (code !== 1) throw new Error(`validate exited with ${code}`);
    }
    return [
      { what: "cli: validate 1.2 million CSV rows", value: median(ms), unit: "ms", budget: 15_000 },
      {
        what: "cli: validate 1.2 million CSV rows, peak",
        value: median(mb),
        unit: "MB",
        budget: 1024,
      },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
