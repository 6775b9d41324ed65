import { mkdtemp, rm, writeFile } from "fs/promises";
import { tmpdir } from "os";
import { join } from "path";
import {
  attractivenessScore,
  DEFAULT_WEIGHTS,
  describeScoreError,
  parseRatings,
  scoreBand,
  Weights,
} from "../../src/domain/scoring";
import { SheetPlan, WorkbookPlan } from "../../src/workbook/plan";
import { programWorkbookPlan } from "../../src/workbook/programPlan";
import { SAMPLE_PARTNERS } from "../../src/workbook/sample";
import {
  RatedPartner,
  SCORING_SHEET,
  scoringSheetPlan,
  TBL_SCORING,
} from "../../src/workbook/scoringSheet";
import { writePlanToBuffer } from "../../src/xlsx/writePlan";
import { describeWithEngine, LIBREOFFICE } from "./engine";
import { recalculate } from "./libreoffice";

/** Ratings chosen so the default weights land on, or just beside, each band boundary. */
const BOUNDARY_PARTNERS: readonly RatedPartner[] = [
  { name: "Exactly 75 (flat)", type: "Big 4", ratings: [75, 75, 75, 75, 75] },
  { name: "Exactly 75 (mixed)", type: "GSI", ratings: [85, 65, 75, 75, 70] },
  { name: "Just under 75", type: "Boutique", ratings: [75, 75, 75, 75, 74.9] },
  { name: "Exactly 50 (flat)", type: "Regional SI", ratings: [50, 50, 50, 50, 50] },
  { name: "Exactly 50 (mixed)", type: "ISV/Product", ratings: [55, 44, 50, 50, 50] },
  { name: "Just under 50", type: "Long-tail", ratings: [50, 50, 50, 50, 49.9] },
  { name: "All zero", type: "Long-tail", ratings: [0, 0, 0, 0, 0] },
  { name: "All hundred", type: "Big 4", ratings: [100, 100, 100, 100, 100] },
  { name: "Fractional", type: "Boutique", ratings: [33.3, 66.6, 12.5, 99.9, 0.1] },
  { name: "=Looks like a formula", type: "GSI", ratings: [60, 70, 80, 90, 100] },
  { name: "Revenue only 75", type: "GSI", ratings: [0, 0, 0, 0, 75] },
  { name: "Not yet rated (influence)", type: "GSI", ratings: [80, null, 70, 60, 50] },
  { name: "Not yet rated (all)", type: "Boutique", ratings: [null, null, null, null, null] },
];

const ERROR_CELL = /^(#NAME\?|#VALUE!|#REF!|#DIV\/0!|#NUM!|#NULL!|Err:\d+)$/;

interface Case {
  readonly title: string;
  readonly partners: readonly RatedPartner[];
  readonly weights: Weights;
  readonly plan: WorkbookPlan;
}

const boundaryCase = (weights: Weights): Case => ({
  title: `boundary ratings, weights ${weights.join("/")}`,
  partners: BOUNDARY_PARTNERS,
  weights,
  plan: { sheets: [scoringSheetPlan(BOUNDARY_PARTNERS, "portable", weights)] },
});

const CASES: readonly Case[] = [
  {
    title: "the built-in sample, default weights",
    partners: SAMPLE_PARTNERS,
    weights: DEFAULT_WEIGHTS,
    plan: programWorkbookPlan({ data: "sample", mode: "portable" }),
  },
  boundaryCase(DEFAULT_WEIGHTS),
  boundaryCase([1, 1, 1, 1, 1]),
  boundaryCase([0, 0, 0, 0, 5]),
  // Fractional weights summing to 13: scores that no decimal writes exactly.
  boundaryCase([7, 3.5, 1, 1, 0.5]),
];

/** What the domain says the Score and Band cells must show. */
function expected(
  partner: RatedPartner,
  weights: Weights
): { score: number; band: string } | "#N/A" {
  const ratings = parseRatings(partner.ratings);
  if (!ratings.ok) {
    expect(describeScoreError(ratings.error)).toMatch(/is not yet rated$/);
    return "#N/A";
  }
  const score = attractivenessScore(ratings.value, weights);
  return { score, band: scoreBand(score) };
}

describeWithEngine(LIBREOFFICE, "the portable Scoring sheet recalculated", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "ps-scoring-recalc-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test.each(CASES.map((c, i) => [c.title, i] as const))(
    "%s: every Score and Band equals the domain's",
    async (_title, index) => {
      const { partners, weights, plan } = CASES[index]!;
      const path = join(dir, `scoring-${index}.xlsx`);
      await writeFile(path, await writePlanToBuffer(plan));

      const sheets = await recalculate(path);
      const grid = sheets.get(SCORING_SHEET);
      if (grid === undefined)
        throw new Error(`no ${SCORING_SHEET} sheet in ${[...sheets.keys()].join(", ")}`);

      const sheetPlan = plan.sheets.find((s) => s.name === SCORING_SHEET) as SheetPlan;
      const table = sheetPlan.tables.find((t) => t.name === TBL_SCORING)!;
      const column = (header: string): number =>
        table.topLeft.column + table.columns.findIndex((c) => c.header === header);
      const headerRow = grid[table.topLeft.row]!;
      expect(headerRow[column("Score")]).toBe("Score");
      expect(headerRow[column("Band")]).toBe("Band");

      const shown = partners.map((p, i) => {
        const row = grid[table.topLeft.row + 1 + i]!;
        return {
          partner: row[column("Partner")],
          score: row[column("Score")],
          band: row[column("Band")],
        };
      });
      const wanted = partners.map((p) => {
        const e = expected(p, weights);
        return e === "#N/A"
          ? { partner: p.name, score: "#N/A", band: "#N/A" }
          : { partner: p.name, score: expect.closeTo(e.score, 9), band: e.band };
      });
      expect(
        shown.map((s) => ({ ...s, score: s.score === "#N/A" ? s.score : Number(s.score) }))
      ).toEqual(wanted);

      const errors = [...sheets].flatMap(([sheet, rows]) =>
        rows.flatMap((cells, r) =>
          cells.flatMap((text, c) =>
            ERROR_CELL.test(text) ? [`${sheet}!R${r + 1}C${c + 1} ${text}`] : []
          )
        )
      );
      expect(errors).toEqual([]);
    }
  );
});
