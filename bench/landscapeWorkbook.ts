/**
 * `node dist-bench/bench/landscapeWorkbook.js OUT.xlsx PARTNERS`: the portable program workbook with
 * generated partners, for timing LibreOffice's recalculation (DESIGN.md §5: 10,000 partners ≤ 4 × 1,000).
 */
import { writeFile } from "fs/promises";
import { programWorkbookPlan } from "../src/workbook/programPlan";
import { writePlanToBuffer } from "../src/xlsx/writePlan";
import { generatePartners } from "../test/support/partners";

async function main([out, count = "1000"]: readonly string[]): Promise<void> {
  if (out === undefined) throw new Error("usage: landscapeWorkbook OUT.xlsx [PARTNERS]");
  const plan = programWorkbookPlan({
    mode: "portable",
    data: "sample",
    partners: generatePartners(Number(count)),
  });
  await writeFile(out, await writePlanToBuffer(plan));
  console.log(`${out}: ${count} partners`);
}

void main(process.argv.slice(2));
