import { performance } from "perf_hooks";

/** How many times each kind of figure is timed: the value is the median. */
export interface Runs {
  /** In-process timings under a second (domain, custom functions), after one untimed warm-up run. */
  readonly fast: number;
  /** In-process timings of seconds (workbook writes): no warm-up, the median already drops a slow first run. */
  readonly slow: number;
  /** Child processes (the command line): each is a fresh Node, so there is nothing to warm up. */
  readonly child: number;
  readonly warmUp: boolean;
}

/** Progress goes to stderr, so stdout holds only the table or the JSON. */
export function progress(text: string): void {
  process.stderr.write(`bench: ${text}\n`);
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * Runs `work` `runs` times (after a warm-up run when asked); resolves to each run's result. Says on stderr what
 * runs: once for quick figures (those with a warm-up), at each run for those that take seconds.
 */
export async function repeat<T>(
  label: string,
  runs: number,
  work: () => Promise<T>,
  warmUp = false
): Promise<readonly T[]> {
  if (warmUp) {
    progress(`${label}: a warm-up, then ${runs} runs`);
    await work();
  }
  const results: T[] = [];
  for (let i = 1; i <= runs; i++) {
    if (!warmUp) progress(`${label}: run ${i} of ${runs}`);
    results.push(await work());
  }
  return results;
}

/** Median wall-clock milliseconds of `work` over `runs` runs. */
export async function medianMs(
  label: string,
  runs: number,
  work: () => unknown,
  warmUp = false
): Promise<number> {
  const times = await repeat(
    label,
    runs,
    async () => {
      const start = performance.now();
      await work();
      return performance.now() - start;
    },
    warmUp
  );
  return median(times);
}
