/**
 * The file host writing the program workbook with generated partners and quarters, against plain exceljs
 * writing the same cell values (no tables, formats, validations or notes) with the same in-memory writer: the
 * baseline, so the figure says what the workbook's extras cost on top of exceljs itself.
 */
import { CellValue, Workbook } from "exceljs";
import { CellPlan, isFormula, WorkbookPlan } from "../src/workbook/plan";
import { programWorkbookPlan } from "../src/workbook/programPlan";
import { quarterlySheetPlan } from "../src/workbook/tierSheets";
import { writePlanToBuffer } from "../src/xlsx/writePlan";
import { generatePartners } from "../test/support/partners";
import { generateQuarters } from "../test/support/quarterlyWorkbook";
import { medianMs } from "./measure";
import { Figure } from "./report";

const rawValue = (cell: CellPlan): CellValue =>
  isFormula(cell) ? { formula: cell.formula.replace(/^=/, ""), date1904: false } : cell;

/** Every cell value of the plan (table headers and rows, loose cells) at its place, and nothing else. */
async function writeRawValues(plan: WorkbookPlan): Promise<void> {
  const workbook = new Workbook();
  for (const sheet of plan.sheets) {
    const ws = workbook.addWorksheet(sheet.name);
    for (const table of sheet.tables) {
      const { row, column } = table.topLeft;
      table.columns.forEach((c, i) => (ws.getCell(row + 1, column + 1 + i).value = c.header));
      table.rows.forEach((cells, r) =>
        cells.forEach((cell, i) => (ws.getCell(row + 2 + r, column + 1 + i).value = rawValue(cell)))
      );
    }
    for (const cell of sheet.cells)
      ws.getCell(cell.at.row + 1, cell.at.column + 1).value = rawValue(cell.value);
  }
  await workbook.xlsx.writeBuffer();
}

export async function fileHost(
  partners: number,
  quarters: number,
  runs: number
): Promise<Figure[]> {
  const program = programWorkbookPlan({
    data: "sample",
    mode: "portable",
    partners: generatePartners(partners),
  });
  const quarterly = quarterlySheetPlan(generateQuarters(partners, quarters));
  const plan = { sheets: program.sheets.map((s) => (s.name === quarterly.name ? quarterly : s)) };
  const size = `${partners.toLocaleString("en-US")} partners × ${quarters} quarters`;
  const writeMs = await medianMs("xlsx.write10kx12Ms", runs, () => writePlanToBuffer(plan));
  const rawMs = await medianMs("xlsx.rawExceljsMs", runs, () => writeRawValues(plan));
  return [
    {
      key: "xlsx.write10kx12Ms",
      what: `File host: program workbook with ${size} to .xlsx`,
      value: writeMs,
      unit: "ms",
      budget: 5000,
      runs,
    },
    {
      key: "xlsx.rawExceljsMs",
      what: "Plain exceljs: the same cell values, in-memory writer (baseline)",
      value: rawMs,
      unit: "ms",
      budget: null,
      runs,
    },
    {
      key: "xlsx.writeVsRawExceljs",
      what: "File host ÷ plain exceljs (issue 7: aim below 1)",
      value: writeMs / rawMs,
      unit: "×",
      budget: null,
      runs,
    },
  ];
}
