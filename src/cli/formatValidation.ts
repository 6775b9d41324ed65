import { Finding, FindingSummary } from "../domain/findings";
import { formatTierStatus, TierAction } from "../domain/tiers";

/** `Quarterly!J31`, `'Tier Review'!A3`: a sheet name Excel would quote is quoted. */
export function cellReference(sheet: string, cell: string): string {
  const name = /^[\p{L}\p{N}_.]+$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${name}!${cell}`;
}

const NAMED_ESCAPES: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/**
 * Control characters (an ANSI escape typed into a partner's name, a line break inside a quoted CSV field)
 * shown as escapes, so table output can neither drive the terminal nor break a row over two lines.
 */
export function escapeControls(text: string): string {
  return text.replace(
    // C0 and C1 controls, DEL, line and paragraph separators, and the bidirectional overrides.
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (ch) => {
      const code = ch.charCodeAt(0);
      return (
        NAMED_ESCAPES[ch] ??
        (code < 0x100 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16)}`)
      );
    }
  );
}

/** Left-aligned columns two spaces apart; the last column is not padded. Cells are escaped. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const cells = rows.map((r) => r.map(escapeControls));
  // A loop, not Math.max(...column): a spread of 100,000 rows overflows the call stack.
  const widths = header.map((h) => h.length);
  for (const row of cells) {
    for (let c = 0; c < row.length; c++) widths[c] = Math.max(widths[c]!, row[c]!.length);
  }
  const line = (row: readonly string[]): string =>
    row
      .map((cell, c) => (c === row.length - 1 ? cell : cell.padEnd(widths[c]!)))
      .join("  ")
      .trimEnd();
  return [line(header), ...cells.map(line)];
}

/** The message without the "Partner 2026-Q1: " it starts with, which the table shows in its own columns. */
function body(f: Finding): string {
  const where = [f.partner, f.quarter].filter((x) => x !== undefined).join(" ");
  return where !== "" && f.message.startsWith(`${where}: `)
    ? f.message.slice(where.length + 2)
    : f.message;
}

const count = (n: number, word: string, plural = `${word}s`): string =>
  `${n} ${n === 1 ? word : plural}`;

const FINDING_HEADER = ["severity", "cell", "partner", "quarter", "message"];

const findingRow = (f: Finding): string[] => [
  f.severity,
  cellReference(f.sheet, f.cell),
  f.partner ?? "",
  f.quarter ?? "",
  body(f),
];

/** The findings one a line under a header: severity, cell, partner, quarter, message. */
export const findingsTable = (findings: readonly Finding[]): string[] =>
  table(FINDING_HEADER, findings.map(findingRow));

/** A finding as JSON: absent partners and quarters are null, so every finding has every key. */
export const findingJson = (f: Finding) => ({
  severity: f.severity,
  rule: f.rule,
  sheet: f.sheet,
  cell: f.cell,
  partner: f.partner ?? null,
  quarter: f.quarter ?? null,
  message: f.message,
});

/** "3 errors, 2 warnings, 0 info". */
export const summaryLine = (s: FindingSummary): string =>
  `${count(s.errors, "error")}, ${count(s.warnings, "warning")}, ${s.info} info`;

/** What `validate` shows of a validation. */
export interface ReportOptions {
  /** At most this many rows in each table (findings, actions); the rest are counted. */
  readonly limit: number;
  /** Error findings only; the summary still counts every finding. */
  readonly errorsOnly: boolean;
}

export const DEFAULT_REPORT: ReportOptions = { limit: 200, errorsOnly: false };

/** "… and 1,234 more findings (--limit N shows more, --json all)". */
const more = (hidden: number, word: string): string[] =>
  hidden > 0
    ? [
        `… and ${hidden.toLocaleString("en-US")} more ${hidden === 1 ? word : `${word}s`} (--limit N shows more, --json all)`,
      ]
    : [];

/** A table of at most `limit` rows, then how many it left out; no header over no rows. */
function limited(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  total: number,
  word: string
): string[] {
  return [...(rows.length > 0 ? table(header, rows) : []), ...more(total - rows.length, word)];
}

/**
 * What `validate` prints for a person: the summary first (the one line that matters at any size), then
 * the findings, errors first, then each partner's action, each table cut at `limit` rows. `findings` may
 * hold only the first of them (at least `limit`): how many were left out is counted from `summary`.
 */
export function validationReport(
  findings: readonly Finding[],
  actions: readonly TierAction[],
  summary: FindingSummary,
  options: ReportOptions = DEFAULT_REPORT
): string[] {
  const { limit, errorsOnly } = options;
  const lines = [summaryLine(summary), ""];
  // Findings are sorted errors first: the errors are a prefix.
  const shown = errorsOnly ? findings.slice(0, summary.errors) : findings;
  const total = errorsOnly ? summary.errors : summary.errors + summary.warnings + summary.info;
  if (total === 0) lines.push(errorsOnly ? "No error findings." : "No findings.");
  else {
    const rows = shown.slice(0, limit).map(findingRow);
    for (const line of limited(FINDING_HEADER, rows, total, "finding")) lines.push(line);
  }
  if (actions.length > 0) {
    lines.push("", "Actions at each partner's latest quarter:");
    const rows = actions
      .slice(0, limit)
      .map((a) => [a.partner, a.tier, formatTierStatus(a.status)]);
    for (const line of limited(["partner", "tier", "status"], rows, actions.length, "partner")) {
      lines.push(line);
    }
  }
  return lines;
}

/**
 * The same as one JSON object, every finding and action (`errorsOnly`: error findings only); absent
 * partners and quarters are null, so every finding has every key. In pieces of a few hundred findings:
 * a million findings make a string too large to build at once.
 */
export function* validationJson(
  findings: readonly Finding[],
  actions: readonly TierAction[],
  summary: FindingSummary,
  errorsOnly = false
): Generator<string> {
  const shown = errorsOnly ? findings.slice(0, summary.errors) : findings;
  const finding = (f: Finding): string => JSON.stringify(findingJson(f));
  const action = (a: TierAction): string =>
    JSON.stringify({ partner: a.partner, tier: a.tier, status: formatTierStatus(a.status) });
  yield '{"findings":[';
  yield* joined(shown, finding);
  yield '],"actions":[';
  yield* joined(actions, action);
  const counts = { errors: summary.errors, warnings: summary.warnings, info: summary.info };
  yield `],"summary":${JSON.stringify(counts)}}`;
}

const PIECE = 500;

/** The items as JSON, comma-separated, PIECE at a time. */
function* joined<T>(items: readonly T[], json: (item: T) => string): Generator<string> {
  for (let start = 0; start < items.length; start += PIECE) {
    const piece = items
      .slice(start, start + PIECE)
      .map(json)
      .join(",");
    yield start === 0 ? piece : `,${piece}`;
  }
}
