import { attractivenessScore, Ratings } from "../src/domain/scoring";
import { DEFAULT_TIER_RULES, validateProgram } from "../src/domain/tiers";
import { applyPlan } from "../src/excel/applyPlan";
import { validateTiers } from "../src/excel/validateTiers";
import { programWorkbookPlan } from "../src/workbook/programPlan";
import { quarterlySheetPlan } from "../src/workbook/tierSheets";
import { writePlanToBuffer } from "../src/xlsx/writePlan";
import { generatePartners } from "../test/support/partners";
import { RecordingExcel } from "../test/support/recordingExcel";
import {
  generateQuarters,
  quarterlyGrid,
  quarterlyWorkbook,
} from "../test/support/quarterlyWorkbook";
import { generateProgramRows } from "../test/unit/domain/tiers/generate";
import { cliValidation } from "./cliValidation";
import { bestMs, Figure, report } from "./measure";

const FOUR_MB = 4 * 1024 * 1024;

async function scoring(): Promise<Figure[]> {
  const n = 1_000_000;
  const ratings: Ratings[] = Array.from({ length: n }, (_, i) => [
    i % 101,
    (i * 7) % 101,
    (i * 13) % 101,
    (i * 17) % 101,
    (i * 31) % 101,
  ]);
  let sink = 0;
  const ms = await bestMs(5, () => {
    for (const r of ratings) sink += attractivenessScore(r);
  });
  if (!Number.isFinite(sink)) throw new Error("scores were not finite");
  return [{ what: "domain: 1,000,000 scores", value: ms, unit: "ms", budget: 200 }];
}

async function tierValidation(): Promise<Figure[]> {
  const rows = generateProgramRows(10_000, 12, 1);
  const ms = await bestMs(5, () =>
    validateProgram(rows, DEFAULT_TIER_RULES, { sheet: "Quarterly" })
  );
  return [
    { what: "domain: validate 10,000 partners × 12 quarters", value: ms, unit: "ms", budget: 250 },
  ];
}

async function excelHost(): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const [label, partners] of [
    ["sample", undefined],
    ["10,000 partners", generatePartners(10_000)],
  ] as const) {
    const excel = new RecordingExcel();
    const plan = programWorkbookPlan({ data: "sample", mode: "addin", partners });
    const result = await applyPlan(excel.context, plan);
    const sent = excel.requests.reduce((a, b) => a + b, 0);
    figures.push(
      {
        what: `excel host: scaffold ${label}, syncs`,
        value: excel.syncs,
        unit: "syncs",
        budget: 2 + Math.ceil(sent / FOUR_MB),
      },
      {
        what: `excel host: scaffold ${label}, largest request`,
        value: excel.largestRequest / 1024,
        unit: "KB",
        budget: FOUR_MB / 1024,
      }
    );
    if (result.syncs !== excel.syncs)
      throw new Error("the host's sync count disagrees with the fake's");
  }
  return figures;
}

/** Syncs and the largest request of what `excel` sent since request number `since`. */
function requestFigures(
  what: string,
  excel: RecordingExcel,
  since: number,
  syncs: number
): Figure[] {
  const requests = excel.requests.slice(since);
  const sent = requests.reduce((a, b) => a + b, 0);
  return [
    { what: `${what}, syncs`, value: syncs, unit: "syncs", budget: 2 + Math.ceil(sent / FOUR_MB) },
    {
      what: `${what}, largest request`,
      value: Math.max(...requests) / 1024,
      unit: "KB",
      budget: FOUR_MB / 1024,
    },
  ];
}

async function excelValidation(): Promise<Figure[]> {
  const sample = new RecordingExcel();
  await applyPlan(sample.context, programWorkbookPlan({ data: "sample", mode: "addin" }));
  const scaffolded = sample.syncs;
  const onSample = await validateTiers(sample.context);
  const large = quarterlyWorkbook(quarterlyGrid(10_000, 12));
  const onLarge = await validateTiers(large.context);
  return [
    ...requestFigures("excel host: validate sample", sample, scaffolded, onSample.syncs),
    ...requestFigures("excel host: validate 10,000 × 12", large, 0, onLarge.syncs),
  ];
}

async function fileHost(): Promise<Figure[]> {
  const program = programWorkbookPlan({
    data: "sample",
    mode: "portable",
    partners: generatePartners(10_000),
  });
  const quarterly = quarterlySheetPlan(generateQuarters(10_000, 12));
  const plan = { sheets: program.sheets.map((s) => (s.name === quarterly.name ? quarterly : s)) };
  const ms = await bestMs(2, () => writePlanToBuffer(plan));
  return [
    {
      what: "file host: 10,000 partners × 12 quarters to .xlsx",
      value: ms,
      unit: "ms",
      budget: 5000,
    },
  ];
}

async function main(): Promise<void> {
  const figures = [
    ...(await scoring()),
    ...(await tierValidation()),
    ...(await excelHost()),
    ...(await excelValidation()),
    ...(await fileHost()),
    ...(await cliValidation()),
  ];
  if (!report(figures)) process.exitCode = 1;
}

void main();
