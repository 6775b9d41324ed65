import { Finding, Severity, sortFindings } from "./findings";

/** The findings of one rule at one severity, in the order sortFindings gives. */
export interface FindingGroup {
  readonly rule: string;
  readonly severity: Severity;
  readonly findings: readonly Finding[];
}

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/**
 * Findings grouped by rule and severity: errors first, then warnings, then notes; within a severity the rule with
 * the most findings first, ties by rule id. Linear in the findings, plus the sort of each group.
 */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = `${f.severity}\u0000${f.rule}`;
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  return [...groups.values()]
    .map((group) => ({
      rule: group[0]!.rule,
      severity: group[0]!.severity,
      findings: sortFindings(group),
    }))
    .sort(
      (a, b) =>
        SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
        b.findings.length - a.findings.length ||
        (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)
    );
}

/** Which findings a filter keeps: a severity (or all), and partners whose name contains some text, ignoring case. */
export interface FindingFilter {
  readonly severity: Severity | "all";
  readonly partner: string;
}

export function filterFindings(findings: readonly Finding[], filter: FindingFilter): Finding[] {
  const partner = filter.partner.trim().toLowerCase();
  return findings.filter(
    (f) =>
      (filter.severity === "all" || f.severity === filter.severity) &&
      (partner === "" || (f.partner ?? "").toLowerCase().includes(partner))
  );
}
