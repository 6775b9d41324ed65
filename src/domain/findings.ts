/**
 * What every validation reports: one finding per problem, citing the cell it comes from, so the task pane
 * can select it and the CLI can print it.
 */
export type Severity = "error" | "warning" | "info";

export interface Finding {
  readonly severity: Severity;
  /** Stable id of the rule, e.g. "tier.recorded-mismatch", "quarter.gap", "commitment.qbr". */
  readonly rule: string;
  readonly sheet: string;
  /** A1 address of the cell on `sheet` (for a CSV: its row and column, "C7"). */
  readonly cell: string;
  readonly partner?: string;
  /** Canonical quarter label, "2026-Q1". */
  readonly quarter?: string;
  readonly message: string;
}

/**
 * One cell as a host read it: the raw value (number, text, boolean, Date, blank) and where it is. A table
 * read from Excel and a CSV row both fill it, so findings cite cells that exist.
 */
export interface RawCell {
  readonly value: unknown;
  readonly cell: string;
}

/** What a finding may say besides its cell: the partner and quarter it is about, or another sheet than the check's. */
export interface FindingContext {
  readonly partner?: string;
  readonly quarter?: string;
  readonly sheet?: string;
}

/**
 * Where a check files its findings: each at a cell of the check's sheet (or of `context.sheet`), so every
 * check writes findings the same way and the task pane, the CLI and the Dashboard can count them alike.
 */
export class FindingsCollector {
  /** `findings`: where the findings go, a list shared with other collectors or a new one. */
  constructor(
    readonly sheet: string,
    readonly findings: Finding[] = []
  ) {}

  /** An arrow, so a check can take it apart: `const { report, findings } = new FindingsCollector(sheet)`. */
  readonly report = (
    severity: Severity,
    rule: string,
    at: RawCell | string,
    message: string,
    context: FindingContext = {}
  ): void => {
    const { sheet = this.sheet, partner, quarter } = context;
    const cell = typeof at === "string" ? at : at.cell;
    this.findings.push({
      severity,
      rule,
      sheet,
      cell,
      ...(partner !== undefined && { partner }),
      ...(quarter !== undefined && { quarter }),
      message,
    });
  };
}

export interface FindingSummary {
  readonly errors: number;
  readonly warnings: number;
  readonly info: number;
}

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

const A1 = /^\$?([A-Za-z]{1,3})\$?(\d+)/;

/** Row-major position of an A1 address ("C10" after "C7", "AA1" after "Z1"); NaN when it is not one. */
function cellPosition(cell: string): number {
  const m = A1.exec(cell);
  if (!m) return Number.NaN;
  let column = 0;
  for (const ch of m[1]!.toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return Number(m[2]) * 20_000 + column;
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Orders A1 addresses as a reader scans a sheet: by row, then column; anything else after, as text. */
export function compareCells(a: string, b: string): number {
  const pa = cellPosition(a);
  const pb = cellPosition(b);
  if (Number.isNaN(pa) || Number.isNaN(pb)) {
    if (Number.isNaN(pa) !== Number.isNaN(pb)) return Number.isNaN(pa) ? 1 : -1;
    return compareText(a, b);
  }
  return pa - pb || compareText(a, b);
}

/** A finding with its cell's position, found once: sorting would otherwise parse each address many times. */
export interface PlacedFinding {
  readonly f: Finding;
  readonly position: number;
}

export const placeFinding = (f: Finding): PlacedFinding => ({ f, position: cellPosition(f.cell) });

/** The order of sortFindings. */
export function comparePlaced(x: PlacedFinding, y: PlacedFinding): number {
  const a = x.f;
  const b = y.f;
  const bySeverity = SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
  if (bySeverity !== 0) return bySeverity;
  const bySheet = compareText(a.sheet, b.sheet);
  if (bySheet !== 0) return bySheet;
  const byCell =
    Number.isNaN(x.position) || Number.isNaN(y.position)
      ? compareCells(a.cell, b.cell)
      : x.position - y.position || compareText(a.cell, b.cell);
  return byCell || compareText(a.rule, b.rule) || compareText(a.message, b.message);
}

/** Errors, then warnings, then info; within each by sheet and cell; ties by rule and message, so the order is total. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return findings
    .map(placeFinding)
    .sort(comparePlaced)
    .map((k) => k.f);
}

export function summarizeFindings(findings: readonly Finding[]): FindingSummary {
  let errors = 0;
  let warnings = 0;
  let info = 0;
  for (const f of findings) {
    if (f.severity === "error") errors++;
    else if (f.severity === "warning") warnings++;
    else info++;
  }
  return { errors, warnings, info };
}

const MAX_SHOWN = 40;

/**
 * A cell value as a message quotes it. Never calls the value's own toString: a value from an unexpected
 * source must not be able to make a message throw.
 */
export function showValue(value: unknown): string {
  if (value === null || value === undefined) return "blank";
  if (typeof value === "string") {
    return value.length > MAX_SHOWN ? `"${value.slice(0, MAX_SHOWN)}…"` : `"${value}"`;
  }
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? "an invalid date" : value.toISOString().slice(0, 10);
  }
  return Array.isArray(value) ? "a list of values" : "a value that is neither text nor a number";
}
