/**
 * The Excel host against the recording fake of test/support (no Excel here): how many `context.sync` calls and
 * how many bytes scaffolding the program workbook and validating tiers send. DESIGN.md §5: at most
 * 2 + ⌈bytes / 4 MB⌉ syncs, whatever the number of rows, and every request under 4 MB.
 */
import { applyPlan } from "../src/excel/applyPlan";
import { validateTiers } from "../src/excel/validateTiers";
import { RatedPartner } from "../src/workbook/scoringSheet";
import { programWorkbookPlan } from "../src/workbook/programPlan";
import { generatePartners } from "../test/support/partners";
import { quarterlyGrid, quarterlyWorkbook } from "../test/support/quarterlyWorkbook";
import { RecordingExcel } from "../test/support/recordingExcel";
import { progress } from "./measure";
import { Figure } from "./report";

const FOUR_MB = 4 * 1024 * 1024;

interface Traffic {
  readonly syncs: number;
  readonly bytes: number;
  readonly largest: number;
}

/** The requests `excel` sent from request number `since` on. */
function traffic(excel: RecordingExcel, since: number): Traffic {
  const requests = excel.requests.slice(since);
  let bytes = 0;
  let largest = 0;
  // A loop, not Math.max(...requests): spreading a long array overflows the stack.
  for (const r of requests) {
    bytes += r;
    largest = Math.max(largest, r);
  }
  return { syncs: requests.length, bytes, largest };
}

const syncBudget = (t: Traffic): number => 2 + Math.ceil(t.bytes / FOUR_MB);

/**
 * The bench counts syncs and bytes, not what formulas compute: to validation, which reads every program table,
 * each formula of the fake's workbook reads as blank.
 */
const blankFormulas = (): string => "";

async function scaffold(
  partners: readonly RatedPartner[] | undefined
): Promise<{ excel: RecordingExcel; traffic: Traffic }> {
  const excel = new RecordingExcel(undefined, blankFormulas);
  const plan = programWorkbookPlan({ data: "sample", mode: "addin", partners });
  const result = await applyPlan(excel.context, plan);
  if (result.syncs !== excel.syncs)
    throw new Error("the host's sync count disagrees with the fake's");
  return { excel, traffic: traffic(excel, 0) };
}

export async function excelHost(partners: number, quarters: number): Promise<Figure[]> {
  const count = partners.toLocaleString("en-US");
  progress("excel.*: scaffolding and validating through the recording fake");
  const sample = await scaffold(undefined);
  const large = await scaffold(generatePartners(partners));

  const scaffolded = sample.excel.syncs;
  const onSample = await validateTiers(sample.excel.context);
  const validateSample = traffic(sample.excel, scaffolded);
  const quarterly = quarterlyWorkbook(quarterlyGrid(partners, quarters));
  const onLarge = await validateTiers(quarterly.context);
  const validateLarge = traffic(quarterly, 0);
  if (onSample.syncs !== validateSample.syncs || onLarge.syncs !== validateLarge.syncs)
    throw new Error("validation's sync count disagrees with the fake's");

  const all = [sample.traffic, large.traffic, validateSample, validateLarge];
  const syncs = (key: Figure["key"], what: string, t: Traffic): Figure => ({
    key,
    what: `Excel host: ${what} (${t.bytes.toLocaleString("en-US")} bytes sent), syncs`,
    value: t.syncs,
    unit: "syncs",
    budget: syncBudget(t),
    runs: 1,
  });
  const bytes = (key: Figure["key"], what: string, t: Traffic): Figure => ({
    key,
    what: `Excel host: ${what}, bytes sent`,
    value: t.bytes,
    unit: "bytes",
    budget: null,
    runs: 1,
  });
  return [
    syncs("excel.scaffoldSyncsSample", "scaffold the sample workbook", sample.traffic),
    syncs("excel.validateSyncsSample", "validate tiers on the sample", validateSample),
    syncs("excel.scaffoldSyncs10k", `scaffold with ${count} partners`, large.traffic),
    bytes("excel.scaffoldBytes10k", `scaffold with ${count} partners`, large.traffic),
    syncs(
      "excel.validateSyncs10k",
      `validate ${count} partners × ${quarters} quarters`,
      validateLarge
    ),
    bytes(
      "excel.validateBytes10k",
      `validate ${count} partners × ${quarters} quarters`,
      validateLarge
    ),
    {
      key: "excel.maxRequestBytes",
      what: "Excel host: largest request of the four above",
      value: Math.max(...all.map((t) => t.largest)),
      unit: "bytes",
      budget: FOUR_MB,
      runs: 1,
    },
  ];
}
