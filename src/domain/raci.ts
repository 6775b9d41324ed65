import { isBlank, isEmptyRow, readText } from "./cells";
import { Finding, FindingsCollector, RawCell, showValue } from "./findings";

/** The internal roles of playbook §6.1, in the RACI table's column order. */
export const RACI_ROLES = [
  "CPO",
  "VP Alliance GTM",
  "Director Partner Dev",
  "Director Partner Ops",
  "Finance",
  "Legal",
] as const;
export type RaciRole = (typeof RACI_ROLES)[number];

export const RACI_LETTERS = ["R", "A", "C", "I"] as const;
export type RaciLetter = (typeof RACI_LETTERS)[number];

export const RACI_MEANINGS: Readonly<Record<RaciLetter, string>> = {
  R: "Responsible",
  A: "Accountable",
  C: "Consulted",
  I: "Informed",
};

export interface RaciDecision {
  readonly decision: string;
  /** One letter per role, in RACI_ROLES order. */
  readonly letters: readonly RaciLetter[];
}

/** The playbook's RACI (§6.1). */
export const RACI_DECISIONS: readonly RaciDecision[] = [
  { decision: "New partnership approval", letters: ["A", "C", "R", "I", "C", "C"] },
  { decision: "Tier promotion/demotion", letters: ["A", "R", "C", "C", "I", "I"] },
  { decision: "Commercial terms approval", letters: ["A", "C", "C", "I", "R", "R"] },
  { decision: "Deal registration approval", letters: ["I", "A", "I", "R", "I", "I"] },
  { decision: "MDF allocation", letters: ["A", "C", "I", "R", "R", "I"] },
  { decision: "Partner exit decision", letters: ["A", "R", "C", "C", "I", "C"] },
];

/** What is wrong with one RACI row; `role` is the role's name (or "column 7" beyond the named roles). */
export type RaciProblem =
  | { readonly kind: "noAccountable" }
  | { readonly kind: "severalAccountable"; readonly roles: readonly string[] }
  | { readonly kind: "noResponsible" }
  | {
      readonly kind: "badLetter";
      readonly role: string;
      readonly index: number;
      readonly value: unknown;
    };

/** One letter, any case, spaces around ignored; undefined for anything else ("A/R" included). */
function readLetter(raw: unknown): RaciLetter | undefined {
  const text = typeof raw === "string" ? raw.trim().toUpperCase() : "";
  return (RACI_LETTERS as readonly string[]).includes(text) ? (text as RaciLetter) : undefined;
}

const roleName = (roles: readonly string[], index: number): string =>
  roles[index] ?? `column ${index + 1}`;

/**
 * Every problem of a row of letters, one per role (blank: the role has no part): exactly one A, at least one
 * R, and only R, A, C or I. All problems, not only the first, so one look fixes the row; in that order.
 */
export function raciProblems(
  letters: readonly unknown[],
  roles: readonly string[] = RACI_ROLES
): RaciProblem[] {
  const accountable: string[] = [];
  let responsible = 0;
  const bad: RaciProblem[] = [];
  letters.forEach((raw, index) => {
    if (isBlank(raw)) return;
    const letter = readLetter(raw);
    if (letter === "A") accountable.push(roleName(roles, index));
    else if (letter === "R") responsible++;
    else if (letter === undefined) {
      bad.push({ kind: "badLetter", role: roleName(roles, index), index, value: raw });
    }
  });
  const problems: RaciProblem[] = [];
  if (accountable.length === 0) problems.push({ kind: "noAccountable" });
  if (accountable.length > 1) problems.push({ kind: "severalAccountable", roles: accountable });
  if (responsible === 0) problems.push({ kind: "noResponsible" });
  return [...problems, ...bad];
}

/** "no Accountable", "2 Accountable (CPO, Finance)", "no Responsible", 'bad letter "X" for Legal'. */
export function describeRaciProblem(p: RaciProblem): string {
  switch (p.kind) {
    case "noAccountable":
      return "no Accountable";
    case "severalAccountable":
      return `${p.roles.length} Accountable (${p.roles.join(", ")})`;
    case "noResponsible":
      return "no Responsible";
    case "badLetter":
      return `bad letter ${showValue(p.value)} for ${p.role} (use R, A, C or I)`;
  }
}

/** PS.RACICHECK: "OK", or every problem of the row, separated by "; ". Never throws. */
export function raciCheck(
  letters: readonly unknown[],
  roles: readonly string[] = RACI_ROLES
): string {
  const problems = raciProblems(letters, roles);
  return problems.length === 0 ? "OK" : problems.map(describeRaciProblem).join("; ");
}

/** Headers of tblRACI: the decision, then one column per role. */
export const RACI_DECISION_COLUMN = "Decision";

/** One row of tblRACI as read: the decision's cell and one cell per role, in RACI_ROLES order. */
export interface RaciTableRow {
  readonly decision: RawCell;
  readonly letters: readonly RawCell[];
}

/**
 * The playbook's RACI rule for every row: exactly one A, at least one R, and only R, A, C or I (rule
 * "quality.raci", one finding per row naming every problem, as the sheet's Check column does; at the first
 * bad letter's cell when there is one, else at the decision's cell). Rows with no decision and no letters
 * are skipped.
 */
export function checkRaci(
  rows: readonly RaciTableRow[],
  sheet: string,
  roles: readonly string[] = RACI_ROLES
): Finding[] {
  const { report, findings } = new FindingsCollector(sheet);
  for (const row of rows) {
    const values = row.letters.map((c) => c.value);
    if (isEmptyRow([row.decision, ...row.letters])) continue;
    const problems = raciProblems(values, roles);
    if (problems.length === 0) continue;
    const name = readText(row.decision.value) ?? `the RACI row at ${row.decision.cell}`;
    const bad = problems.find((p) => p.kind === "badLetter");
    report(
      "error",
      "quality.raci",
      bad === undefined ? row.decision : row.letters[bad.index]!,
      `${name}: ${problems.map(describeRaciProblem).join("; ")}; every decision needs exactly one Accountable and at least one Responsible, and only the letters R, A, C, I`
    );
  }
  return findings;
}
