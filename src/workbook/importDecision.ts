import { isBlank } from "../domain/cells";
import { DEAL_REGISTRATION_COLUMNS } from "../domain/dealRegistrations";
import { Finding, sortFindings } from "../domain/findings";
import { LANDSCAPE_COLUMNS } from "../domain/landscape";
import { err, ok, Result } from "../domain/result";
import { MDF_ALLOCATION_COLUMNS, MDF_CLAIM_COLUMNS } from "../domain/mdf";
import { QUARTERLY_COLUMNS } from "../domain/tiers";
import {
  chooseTarget,
  ExistingTable,
  existingColumns,
  ImportOutcome,
  placeNewRows,
  planImport,
} from "./importRows";
import {
  ImportTarget,
  ImportTargetName,
  programImportTarget,
  programImportTargets,
} from "./importTargets";
import { TBL_LANDSCAPE } from "./landscapeSheet";
import { headerKey, TableValues } from "./readProgram";
import { SCORING_COLUMNS, TBL_SCORING } from "./scoringSheet";
import { ColumnValue, TableRowEdits } from "./tableEdits";

/**
 * An import as a whole workbook sees it: the export's table and the one its rows also concern (Scoring gains a
 * Landscape's new partners, an import naming partners checks them against the Landscape), the edits of each, a
 * count per table and the findings. The command line, Excel and the page outside Excel all decide it here.
 */

/** A partner's name as the tables compare it: ignoring case and surrounding spaces. */
const partnerKey = (name: unknown): string => String(name).trim().toLowerCase();

/** The partner names of a table's column `header`, compared as keys; none when it lacks the column. */
function partnersIn(table: ExistingTable, header: string): Set<string> {
  const column = existingColumns(table).get(headerKey(header));
  const names = new Set<string>();
  if (column === undefined) return names;
  for (const row of table.rows) if (!isBlank(row[column])) names.add(partnerKey(row[column]));
  return names;
}

/**
 * The Scoring rows for partners a Landscape import added that the Scoring sheet lacks: the partner and
 * its type, ratings blank ("not yet rated") for the analyst to fill in.
 */
export function scoringRowsFor(
  landscape: ImportOutcome,
  scoring: ImportTarget,
  existing: ExistingTable
): { readonly edits: TableRowEdits; readonly added: number } {
  const rated = partnersIn(existing, SCORING_COLUMNS.partner);
  const added: ColumnValue[][] = [];
  for (const { values } of landscape.rows) {
    const partner = values.get(LANDSCAPE_COLUMNS.partner);
    if (partner === undefined || rated.has(partnerKey(partner))) continue;
    rated.add(partnerKey(partner));
    const type = values.get(LANDSCAPE_COLUMNS.type);
    added.push([
      { column: SCORING_COLUMNS.partner, value: partner },
      ...(type === undefined ? [] : [{ column: SCORING_COLUMNS.type, value: type }]),
    ]);
  }
  return { edits: placeNewRows(scoring, existing, [], added), added: added.length };
}

/**
 * The imports whose rows name a partner the Landscape should list, and the column naming it: quarterly data,
 * deal registrations, MDF allocations and claims.
 */
const PARTNER_COLUMN: Partial<Readonly<Record<ImportTargetName, string>>> = {
  quarterly: QUARTERLY_COLUMNS.partner,
  registrations: DEAL_REGISTRATION_COLUMNS.partner,
  allocations: MDF_ALLOCATION_COLUMNS.partner,
  claims: MDF_CLAIM_COLUMNS.partner,
};

/**
 * A warning for each partner of such an import that the Landscape does not list (once per partner, at its
 * first row): the row is imported, but the map of the program does not know the partner.
 */
export function unknownPartners(
  imported: ImportOutcome,
  partnerColumn: string,
  landscape: ExistingTable,
  sheet: string
): Finding[] {
  const listed = partnersIn(landscape, LANDSCAPE_COLUMNS.partner);
  const findings: Finding[] = [];
  for (const { values, keyCell } of imported.rows) {
    const partner = values.get(partnerColumn);
    if (partner === undefined || listed.has(partnerKey(partner))) continue;
    listed.add(partnerKey(partner));
    findings.push({
      severity: "warning",
      rule: "import.unknown-partner",
      sheet,
      cell: keyCell,
      partner: String(partner),
      message: `${String(partner)} is not on the Landscape (${TBL_LANDSCAPE}): import the landscape, or check the name's spelling`,
    });
  }
  return findings;
}

/** What an import did to one table, for a report: counts a follow-up addition (Scoring's) leaves out. */
export interface TableCount {
  /** The sheet holding the table, as the user knows it. */
  readonly sheet: string;
  readonly table: string;
  readonly added: number;
  readonly updated?: number;
  readonly unchanged?: number;
  readonly rejected?: number;
}

/** "Quarterly: added 24, updated 3, unchanged 0, rejected 2". */
export function countLine(c: TableCount): string {
  const parts = [`added ${c.added}`];
  if (c.updated !== undefined) parts.push(`updated ${c.updated}`);
  if (c.unchanged !== undefined) parts.push(`unchanged ${c.unchanged}`);
  if (c.rejected !== undefined) parts.push(`rejected ${c.rejected}`);
  return `${c.sheet}: ${parts.join(", ")}`;
}

/** A table of the workbook as an import reads it: its cells, and the sheet it is on. */
export interface WorkbookTable extends ExistingTable {
  readonly sheet: string;
}

/**
 * The other table an import into `target` concerns: Scoring gains a Landscape's partners; an import naming
 * partners (quarterly data, registrations, MDF) checks them against the Landscape.
 */
export function relatedTable(target: ImportTarget): string | undefined {
  if (target.name === "landscape") return TBL_SCORING;
  if (PARTNER_COLUMN[target.name] !== undefined) return TBL_LANDSCAPE;
  return undefined;
}

/** An import decided for a workbook: the edits of each table, a count per table, the findings, errors first. */
export interface ImportDecision {
  readonly outcome: ImportOutcome;
  readonly edits: readonly TableRowEdits[];
  readonly counts: readonly TableCount[];
  readonly findings: readonly Finding[];
}

/**
 * The import of `source` into a workbook whose tables `tableOf` finds by name (undefined when it lacks one): the
 * export's table is the one `into` names, else the one its header fits; a Landscape import also fills the Scoring
 * sheet, one naming partners warns of those the Landscape does not list. The error says why it cannot be done.
 */
export function decideImport(
  source: TableValues,
  tableOf: (name: string) => WorkbookTable | undefined,
  workbook: string,
  into?: ImportTargetName
): Result<ImportDecision, string> {
  const chosen = chooseTarget(source.header, programImportTargets(), into);
  if (!chosen.ok) return err(`${source.sheet}: ${chosen.error}`);
  const target = chosen.value;
  const table = tableOf(target.table);
  if (table === undefined) {
    return err(`${workbook} has no table ${target.table}: add the program's sheets to it first`);
  }
  const planned = planImport(target, source, table);
  if (!planned.ok) return err(`${workbook}: ${planned.error}`);
  const outcome = planned.value;
  const edits: TableRowEdits[] = [outcome.edits];
  const counts: TableCount[] = [{ sheet: table.sheet, table: target.table, ...outcome }];
  const findings: Finding[] = [...outcome.findings];
  const relatedName = relatedTable(target);
  const related = relatedName === undefined ? undefined : tableOf(relatedName);
  if (target.name === "landscape" && related !== undefined) {
    const scoring = scoringRowsFor(outcome, programImportTarget("scoring"), related);
    edits.push(scoring.edits);
    counts.push({ sheet: related.sheet, table: scoring.edits.table, added: scoring.added });
  }
  const partnerColumn = PARTNER_COLUMN[target.name];
  if (partnerColumn !== undefined && related !== undefined) {
    findings.push(...unknownPartners(outcome, partnerColumn, related, source.sheet));
  }
  return ok({ outcome, edits, counts, findings: sortFindings(findings) });
}
