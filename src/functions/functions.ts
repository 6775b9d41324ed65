/**
 * The PS.* custom functions: thin wrappers from Excel arguments to the scoring rules in src/domain.
 * Their JSDoc is the metadata: webpack/functionsMetadataPlugin.js turns it into functions.json, so every
 * description below is what an analyst reads in Excel's autocomplete.
 */
import { readNumber } from "../domain/cells";
import {
  Band,
  CRITERIA,
  CRITERIA_COUNT,
  DEFAULT_WEIGHTS,
  RATING_MAX,
  RATING_MIN,
  ScoreInputError,
  Weights,
  attractivenessScore,
  describeScoreError,
  parseRatings,
  parseWeights,
  scoreBand,
} from "../domain/scoring";
import {
  Cell,
  cellsOf,
  invalidValue,
  isBlank,
  isOmitted,
  notAvailable,
  rowsOf,
  showCell,
  spill,
} from "./arguments";

const CRITERIA_LABELS = CRITERIA.map((c) => c.label).join(", ");

/** A rating not given yet is #N/A (the partner is not scored yet, nothing is wrong); anything else is #VALUE!. */
function scoreError(error: ScoreInputError, where = ""): CustomFunctions.Error {
  const message = where + describeScoreError(error);
  return error.kind === "notRated" ? notAvailable(message) : invalidValue(message);
}

/** The weights argument, or the playbook's defaults when it is left out. Bad weights fail the whole call. */
function weightsOf(arg: unknown): Weights {
  if (isOmitted(arg)) return DEFAULT_WEIGHTS;
  const weights = parseWeights(cellsOf(arg));
  if (!weights.ok) throw scoreError(weights.error);
  return weights.value;
}

function scoreRatings(raw: readonly unknown[], weights: Weights, where = ""): Cell<number> {
  const ratings = parseRatings(raw);
  return ratings.ok
    ? attractivenessScore(ratings.value, weights)
    : scoreError(ratings.error, where);
}

/** PARTNERSCORE(icp, influence, practice, appetite, revenue, [weights]): five single ratings. */
function scoreSingle(ratingArgs: readonly unknown[], weightsArg: unknown): Cell<number>[][] {
  const raw = ratingArgs.map((arg, index) => {
    const cells = cellsOf(arg);
    if (cells.length > 1) {
      throw invalidValue(
        `${CRITERIA[index]!.label} must be one rating, not a range of ${cells.length} cells ` +
          `(to score a range of ratings, give it as the first argument)`
      );
    }
    return cells[0];
  });
  return [[scoreRatings(raw, weightsOf(weightsArg))]];
}

/** PARTNERSCORE(ratingsRange, [weights]): one row of five ratings per partner, one score per row. */
function scoreRange(
  ratingsArg: unknown,
  weightsArg: unknown,
  mustBeEmpty: readonly (readonly [name: string, arg: unknown])[]
): Cell<number>[][] {
  for (const [name, arg] of mustBeEmpty) {
    if (!isOmitted(arg)) {
      throw invalidValue(
        `${name} must be empty when the first argument is a range of ratings (the weights go second)`
      );
    }
  }
  const rows = rowsOf(ratingsArg);
  const misshapen = rows.find((row) => row.length !== CRITERIA_COUNT);
  if (misshapen) {
    throw invalidValue(
      `the range of ratings has ${misshapen.length} columns; it needs ${CRITERIA_COUNT} ` +
        `(${CRITERIA_LABELS}), one row per partner`
    );
  }
  const weights = weightsOf(weightsArg);
  return rows.map((row, i) => [
    scoreRatings(row, weights, rows.length > 1 ? `row ${i + 1} of the ratings: ` : ""),
  ]);
}

/**
 * Weighted attractiveness score (0–100) of a partner from its five ratings, weighted 30/25/20/15/10 unless you
 * give weights. Give five ratings, or a range of five rating columns with one row per partner for one score
 * per row.
 * @customfunction PARTNERSCORE
 * @param icpOrRatings ICP Client Overlap rating (0–100): do they serve our exact ICP? Or a range of ratings: five columns (ICP, influence, practice, appetite, revenue), one row per partner.
 * @param [influenceOrWeights] Market Influence rating (0–100): brand credibility with our buyers. After a range of ratings: the five weights instead.
 * @param [practice] Practice Alignment rating (0–100): a practice that maps to our product. Leave empty after a range of ratings.
 * @param [appetite] Partnership Appetite rating (0–100): have they partnered with similar vendors? Leave empty after a range of ratings.
 * @param [revenue] Revenue Potential rating (0–100): pipeline they could generate. Leave empty after a range of ratings.
 * @param [weights] Five weights in the same order, as a row or a column (default 30, 25, 20, 15, 10). Any scale: the score is normalised.
 * @returns {number[][]} The score; #N/A while a rating is blank.
 */
export function partnerScore(
  icpOrRatings: unknown[][],
  influenceOrWeights?: unknown[][],
  practice?: unknown[][],
  appetite?: unknown[][],
  revenue?: unknown[][],
  weights?: unknown[][]
) {
  const ranged = cellsOf(icpOrRatings).length > 1;
  return spill(
    ranged
      ? scoreRange(icpOrRatings, influenceOrWeights, [
          ["practice", practice],
          ["appetite", appetite],
          ["revenue", revenue],
          ["weights", weights],
        ])
      : scoreSingle([icpOrRatings, influenceOrWeights, practice, appetite, revenue], weights)
  );
}

function bandOf(cell: unknown): Cell<Band> {
  if (isBlank(cell)) return notAvailable("the score is blank: the partner is not yet scored");
  const n = readNumber(cell);
  if (n === undefined) return invalidValue(`score ${showCell(cell)} is not a number`);
  if (n < RATING_MIN || n > RATING_MAX) {
    return invalidValue(`score ${n} is outside ${RATING_MIN}–${RATING_MAX}`);
  }
  return scoreBand(n);
}

/**
 * Priority band of a partner's score: Priority (75 and above), Secondary (50 to under 75) or Opportunistic
 * (under 50). A range of scores gives one band per cell.
 * @customfunction PARTNERBAND
 * @param score A score from 0 to 100, such as PS.PARTNERSCORE's, or a range of scores.
 * @returns {string[][]} Priority, Secondary or Opportunistic.
 */
export function partnerBand(score: unknown[][]) {
  return spill(rowsOf(score).map((row) => row.map(bandOf)));
}
