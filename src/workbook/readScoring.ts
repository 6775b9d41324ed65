import { CRITERIA, parseRatings, parseWeights, Weights } from "../domain/scoring";
import { ScoredPartnerInput } from "../domain/weightSensitivity";
import { headerKey, TableValues } from "./readProgram";
import { SCORING_COLUMNS } from "./scoringSheet";

/** What the Weights section works from: the weights in force and the partners rated on all five criteria. */
export interface ScoringReading {
  /** Undefined when tblWeights is missing or its weights do not read. */
  readonly weights: Weights | undefined;
  readonly partners: readonly ScoredPartnerInput[];
  /** Partners with a rating missing or unreadable: left out of the sensitivity. */
  readonly unrated: number;
}

const WEIGHT_COLUMNS = { criterion: "Criterion", weight: "Weight" } as const;

/** The data rows of tblWeights, one per criterion (by its label), as the weights in CRITERIA order. */
export function readWeightsTable(table: TableValues): Weights | undefined {
  const keys = table.header.map(headerKey);
  const criterion = keys.indexOf(headerKey(WEIGHT_COLUMNS.criterion));
  const weight = keys.indexOf(headerKey(WEIGHT_COLUMNS.weight));
  if (criterion < 0 || weight < 0) return undefined;
  const raw = CRITERIA.map(
    (c) => table.rows.find((r) => headerKey(r[criterion]) === headerKey(c.label))?.[weight]
  );
  const read = parseWeights(raw);
  return read.ok ? read.value : undefined;
}

/** The row index in tblWeights of each criterion, in CRITERIA order (−1 where missing), and the Weight column. */
export function weightCells(table: Pick<TableValues, "header" | "rows">): {
  readonly rows: readonly number[];
  readonly column: number;
} {
  const keys = table.header.map(headerKey);
  const criterion = keys.indexOf(headerKey(WEIGHT_COLUMNS.criterion));
  return {
    column: keys.indexOf(headerKey(WEIGHT_COLUMNS.weight)),
    rows: CRITERIA.map((c) =>
      criterion < 0
        ? -1
        : table.rows.findIndex((r) => headerKey(r[criterion]) === headerKey(c.label))
    ),
  };
}

/** tblScoring's partners with their five ratings (found by header), and tblWeights' weights. Linear in the rows. */
export function readScoring(
  scoring: TableValues | undefined,
  weights: TableValues | undefined
): ScoringReading {
  const partners: ScoredPartnerInput[] = [];
  let unrated = 0;
  if (scoring) {
    const keys = scoring.header.map(headerKey);
    const name = keys.indexOf(headerKey(SCORING_COLUMNS.partner));
    const columns = CRITERIA.map((c) => keys.indexOf(headerKey(c.label)));
    if (name >= 0 && columns.every((c) => c >= 0)) {
      for (const row of scoring.rows) {
        const partner = row[name];
        if (partner === null || partner === undefined || String(partner).trim() === "") continue;
        const ratings = parseRatings(columns.map((c) => row[c]));
        if (ratings.ok) partners.push({ name: String(partner), ratings: ratings.value });
        else unrated++;
      }
    }
  }
  return { weights: weights && readWeightsTable(weights), partners, unrated };
}
