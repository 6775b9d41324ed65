import { performance } from "perf_hooks";

export interface Figure {
  readonly what: string;
  readonly value: number;
  readonly unit: string;
  /** The budget from DESIGN.md §5; the figure passes when value ≤ budget. */
  readonly budget: number;
}

/** Best of `runs` wall-clock timings, after one warm-up run, so JIT and GC noise do not decide the figure. */
export async function bestMs(runs: number, work: () => unknown): Promise<number> {
  await work();
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

export function report(figures: readonly Figure[]): boolean {
  const width = Math.max(...figures.map((f) => f.what.length));
  let allWithin = true;
  for (const f of figures) {
    const within = f.value <= f.budget;
    allWithin &&= within;
    const value = `${round(f.value)} ${f.unit}`.padStart(14);
    console.log(
      `${f.what.padEnd(width)}  ${value}  budget ${round(f.budget)} ${f.unit}  ${within ? "ok" : "OVER"}`
    );
  }
  return allWithin;
}

const round = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(1));
