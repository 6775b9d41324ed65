/**
 * What `npm run bench` prints: a table for a person, or (--json) one object for a script. Pure: the unit test
 * feeds it figures of its own.
 */

/** A figure's key in the JSON: its group, a dot, its name ("xlsx.write10kx12Ms" is `json.xlsx.write10kx12Ms`). */
export type FigureKey = `${string}.${string}`;

export interface Figure {
  readonly key: FigureKey;
  /** What was measured, with the sizes of this run (a --quick run measures smaller ones). */
  readonly what: string;
  /** Null when it could not be measured here (e.g. dist/ is not built); `note` says why. */
  readonly value: number | null;
  readonly unit: string;
  /** DESIGN.md §5 or issue 7; null when none is stated. The figure is within when value ≤ budget. */
  readonly budget: number | null;
  /** How many timed runs the value is the median of; 1 for counts and sizes. */
  readonly runs: number;
  readonly note?: string;
}

/** True or false against the budget; null when there is no budget or no value to hold against it. */
export const within = (f: Figure): boolean | null =>
  f.value === null || f.budget === null ? null : f.value <= f.budget;

export const overBudget = (figures: readonly Figure[]): readonly Figure[] =>
  figures.filter((f) => within(f) === false);

export interface RunInfo {
  readonly quick: boolean;
  readonly date: string;
  readonly cpus: number;
  readonly node: string;
  /** `os.loadavg()` when the bench started: the machine is shared, so the figures depend on it. */
  readonly loadAverage: readonly number[];
}

export interface FigureJson {
  readonly what: string;
  readonly value: number | null;
  readonly unit: string;
  readonly budget: number | null;
  readonly within: boolean | null;
  readonly runs: number;
  readonly note?: string;
}

export type BenchJson = {
  readonly run: RunInfo;
  readonly overBudget: readonly FigureKey[];
} & { readonly [group: string]: unknown };

/** One object: `run`, `overBudget` (keys), then each figure under its group, in the order measured. */
export function benchJson(figures: readonly Figure[], run: RunInfo): BenchJson {
  const groups: Record<string, Record<string, FigureJson>> = {};
  for (const f of figures) {
    const [group, name] = splitKey(f.key);
    const entry: FigureJson = {
      what: f.what,
      value: f.value,
      unit: f.unit,
      budget: f.budget,
      within: within(f),
      runs: f.runs,
      ...(f.note === undefined ? {} : { note: f.note }),
    };
    groups[group] = { ...groups[group], [name]: entry };
  }
  return { run, overBudget: overBudget(figures).map((f) => f.key), ...groups };
}

function splitKey(key: FigureKey): readonly [string, string] {
  const dot = key.indexOf(".");
  return [key.slice(0, dot), key.slice(dot + 1)];
}

const HEADERS = ["figure", "key", "value", "unit", "budget", "result", "runs"] as const;
/** Numbers right-aligned, words left. */
const RIGHT: ReadonlySet<(typeof HEADERS)[number]> = new Set(["value", "budget", "runs"]);

/** The figures as a Markdown table, aligned so it reads the same in a terminal and in the README. */
export function benchTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [
    f.what,
    f.key,
    f.value === null ? (f.note ?? "not measured") : show(f.value),
    f.unit,
    f.budget === null ? "none" : show(f.budget),
    result(f),
    String(f.runs),
  ]);
  const widths = HEADERS.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]): string =>
    `| ${cells
      .map((c, i) => (RIGHT.has(HEADERS[i]!) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join(" | ")} |`;
  const rule = `|${widths
    .map((w, i) => (RIGHT.has(HEADERS[i]!) ? `${"-".repeat(w + 1)}:` : "-".repeat(w + 2)))
    .join("|")}|`;
  return [line(HEADERS), rule, ...rows.map(line)].join("\n");
}

function result(f: Figure): string {
  const verdict = within(f);
  if (verdict === null) return f.value === null ? "not measured" : "no budget";
  return verdict ? "within" : "OVER";
}

/** 1,234 for counts and large values; one decimal under 100, two under 10 (ratios, small timings). */
function show(n: number): string {
  if (Number.isInteger(n) || Math.abs(n) >= 100) return Math.round(n).toLocaleString("en-US");
  return n.toFixed(Math.abs(n) < 10 ? 2 : 1);
}
