/**
 * Writes generated quarterly data as a CRM's CSV export, for the CLI's tests and `npm run bench`: the
 * generator's partners (figures that drift, tiers that follow the rules, a little noise), in constant
 * memory whatever the size. Free of jest.
 */
import { createWriteStream } from "fs";
import { once } from "events";
import { generateProgramLines } from "../unit/domain/tiers/generate";
import { QuarterLine } from "../unit/domain/tiers/rows";

export const CSV_HEADER =
  "Partner,Quarter,Pipeline,Sourced ARR,Influenced ARR,Certified,Dedicated Practice," +
  "Joint GTM Activities,Business Review Held,Recorded Tier";

const field = (value: unknown): string => {
  const text = typeof value === "boolean" ? (value ? "Yes" : "No") : String(value ?? "");
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

const csvLine = (l: QuarterLine): string =>
  [
    l.partner,
    l.quarter,
    l.pipeline,
    l.sourced,
    l.influenced,
    l.certified,
    l.practice,
    l.activities,
    l.review,
    l.tier,
  ]
    .map(field)
    .join(",");

export interface CsvShape {
  readonly seed?: number;
  /**
   * Rows grouped by partner (0, the default, as CRMs export them), or written quarter by quarter within
   * blocks of this many partners: a file not grouped by partner, generated in bounded memory.
   */
  readonly interleave?: number;
}

/** Lines in file order: partner after partner, or round-robin over each block of `interleave` partners. */
function* ordered(partners: number, quarters: number, shape: CsvShape): Generator<string> {
  const lines = generateProgramLines(partners, quarters, shape.seed ?? 1);
  const block = shape.interleave ?? 0;
  if (block <= 0) {
    for (const line of lines) yield csvLine(line);
    return;
  }
  let byPartner = new Map<unknown, string[]>();
  const flush = function* (): Generator<string> {
    const groups = [...byPartner.values()];
    for (let q = 0; q < quarters; q++) for (const g of groups) if (q < g.length) yield g[q]!;
    byPartner = new Map();
  };
  for (const line of lines) {
    const group = byPartner.get(line.partner);
    if (group) group.push(csvLine(line));
    else {
      if (byPartner.size === block) yield* flush();
      byPartner.set(line.partner, [csvLine(line)]);
    }
  }
  yield* flush();
}

/** Writes `partners` × `quarters` generated rows (about 60 bytes each) to `path`; resolves to the row count. */
export async function writeQuarterlyCsv(
  path: string,
  partners: number,
  quarters: number,
  shape: CsvShape = {}
): Promise<number> {
  const out = createWriteStream(path);
  let rows = 0;
  let chunk = `${CSV_HEADER}\n`;
  for (const line of ordered(partners, quarters, shape)) {
    chunk += `${line}\n`;
    rows++;
    if (chunk.length > 64 * 1024) {
      if (!out.write(chunk)) await once(out, "drain");
      chunk = "";
    }
  }
  out.end(chunk);
  await once(out, "finish");
  return rows;
}
