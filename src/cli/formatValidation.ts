import { Finding, FindingSummary } from "../domain/findings";
import { formatTierStatus, TierAction } from "../domain/tiers";

/** `Quarterly!J31`, `'Tier Review'!A3`: a sheet name Excel would quote is quoted. */
export function cellReference(sheet: string, cell: string): string {
  const name = /^[\p{L}\p{N}_.]+$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${name}!${cell}`;
}

/** Left-aligned columns two spaces apart; the last column is not padded. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, c) => (c === cells.length - 1 ? cell : cell.padEnd(widths[c]!)))
      .join("  ")
      .trimEnd();
  return [line(header), ...rows.map(line)];
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

/** "3 errors, 2 warnings, 0 info". */
export const summaryLine = (s: FindingSummary): string =>
  `${count(s.errors, "error")}, ${count(s.warnings, "warning")}, ${s.info} info`;

/** One finding a line under a header: severity, cell, partner, quarter, message. */
export const findingsTable = (findings: readonly Finding[]): string[] =>
  table(
    ["severity", "cell", "partner", "quarter", "message"],
    findings.map((f) => [
      f.severity,
      cellReference(f.sheet, f.cell),
      f.partner ?? "",
      f.quarter ?? "",
      body(f),
    ])
  );

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

/** The findings, then each partner's action, then the summary line: what `validate` prints for a person. */
export function validationReport(
  findings: readonly Finding[],
  actions: readonly TierAction[],
  summary: FindingSummary
): string[] {
  const lines: string[] = findings.length === 0 ? ["No findings."] : findingsTable(findings);
  if (actions.length > 0) {
    lines.push("", "Actions at each partner's latest quarter:");
    lines.push(
      ...table(
        ["partner", "tier", "status"],
        actions.map((a) => [a.partner, a.tier, formatTierStatus(a.status)])
      )
    );
  }
  lines.push("", summaryLine(summary));
  return lines;
}

/** The same as one JSON object. */
export function validationJson(
  findings: readonly Finding[],
  actions: readonly TierAction[],
  summary: FindingSummary
): string {
  return JSON.stringify({
    findings: findings.map(findingJson),
    actions: actions.map((a) => ({
      partner: a.partner,
      tier: a.tier,
      status: formatTierStatus(a.status),
    })),
    summary: { errors: summary.errors, warnings: summary.warnings, info: summary.info },
  });
}
