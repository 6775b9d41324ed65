import { CellInput } from "../../src/excel/excelModel";
import { QUARTERLY_COLUMNS, TIERS } from "../../src/domain/tiers";
import { SampleQuarter } from "../../src/workbook/quarterlySample";
import { QUARTERLY_SHEET, TBL_QUARTERLY } from "../../src/workbook/tierSheets";
import { generateProgramRows } from "../unit/domain/tiers/generate";
import { RecordingExcel } from "./recordingExcel";

const FIELDS = Object.keys(QUARTERLY_COLUMNS) as (keyof typeof QUARTERLY_COLUMNS)[];

/** tblQuarterly's header and rows for generated partners, as Excel would hold them. */
export function quarterlyGrid(partners: number, quarters: number): CellInput[][] {
  const rows = generateProgramRows(partners, quarters, 1);
  return [
    FIELDS.map((f) => QUARTERLY_COLUMNS[f]),
    ...rows.map((row) => FIELDS.map((f) => row[f]!.value as CellInput)),
  ];
}

/** A workbook holding only a Quarterly sheet with tblQuarterly (header on row 1) filled from `grid`. */
export function quarterlyWorkbook(grid: CellInput[][]): RecordingExcel {
  const address = `A1:J${grid.length}`;
  return new RecordingExcel([
    {
      name: QUARTERLY_SHEET,
      ranges: [{ address, values: grid }],
      tables: [{ name: TBL_QUARTERLY, address }],
    },
  ]);
}

/** Clean quarterly history (no noise) for the file host: partners × quarters rows from 2024-Q1 on. */
export function generateQuarters(partners: number, quarters: number): SampleQuarter[] {
  const rows: SampleQuarter[] = [];
  for (let p = 0; p < partners; p++) {
    for (let q = 0; q < quarters; q++) {
      const pipeline = ((p * 7919 + q * 104_729) % 800) * 1_000;
      rows.push({
        partner: `Partner ${String(p + 1).padStart(5, "0")}`,
        quarter: `${2024 + Math.floor(q / 4)}-Q${(q % 4) + 1}`,
        pipeline,
        sourcedArr: Math.round(pipeline * 0.2),
        influencedArr: Math.round(pipeline * 0.1),
        certified: (p + q) % 7,
        dedicatedPractice: p % 3 === 0,
        jointGtmActivities: q % 3,
        businessReviewHeld: q % 2 === 0,
        recordedTier: TIERS[p % TIERS.length]!,
      });
    }
  }
  return rows;
}
