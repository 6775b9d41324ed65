/**
 * What an .xlsx holds that this file host could not write back. Rewriting a workbook goes through exceljs,
 * which keeps sheets, cells, formulas, styles, tables, validations, conditional formats, notes, images and
 * defined names, and silently drops the rest: charts, pivot tables, slicers, threaded comments, Power Query
 * connections... A command that must never lose data asks here first and refuses such a file.
 * Browser-safe: reads the zip's central directory itself and inflates with DecompressionStream.
 */

/** A part (file) of the zip package. */
interface Part {
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly compressedSize: number;
  readonly localHeader: number;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** The end record is 22 bytes, followed by a comment of at most 65,535. */
const END_RECORD_SIZE = 22;
const MAX_COMMENT = 0xffff;

/** Every part of a zip package, from its central directory. */
function partsOf(bytes: Uint8Array): Part[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lowest = Math.max(0, bytes.length - END_RECORD_SIZE - MAX_COMMENT);
  let end = bytes.length - END_RECORD_SIZE;
  while (end >= lowest && view.getUint32(end, true) !== END_OF_CENTRAL_DIRECTORY) end--;
  if (end < lowest) throw new Error("it is not a zip package");
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const decoder = new TextDecoder();
  const parts: Part[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL_DIRECTORY_ENTRY) {
      throw new Error("its zip directory is damaged");
    }
    const nameLength = view.getUint16(at + 28, true);
    parts.push({
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      localHeader: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return parts;
}

async function partText(bytes: Uint8Array, part: Part): Promise<string> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(part.localHeader, true) !== LOCAL_HEADER)
    throw new Error(`its part ${part.name} is damaged`);
  const start =
    part.localHeader +
    30 +
    view.getUint16(part.localHeader + 26, true) +
    view.getUint16(part.localHeader + 28, true);
  const data = bytes.slice(start, start + part.compressedSize);
  if (part.method === 0) return new TextDecoder().decode(data);
  const inflated = new Blob([data]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  return new Response(inflated).text();
}

/** Parts exceljs reads and writes back. */
const KEPT = [
  /^\[Content_Types\]\.xml$/,
  /^_rels\/\.rels$/,
  /^docProps\/(app|core)\.xml$/,
  /^xl\/workbook\.xml$/,
  /^xl\/_rels\/workbook\.xml\.rels$/,
  /^xl\/sharedStrings\.xml$/,
  /^xl\/styles\.xml$/,
  /^xl\/theme\/theme\d+\.xml$/,
  /^xl\/worksheets\/sheet\d+\.xml$/,
  /^xl\/worksheets\/_rels\/sheet\d+\.xml\.rels$/,
  /^xl\/media\/[^/]+$/,
  /^xl\/drawings\/drawing\d+\.xml$/,
  /^xl\/drawings\/_rels\/drawing\d+\.xml\.rels$/,
  /^xl\/drawings\/vmlDrawing\d+\.vml$/,
  /^xl\/comments\d+\.xml$/,
  // Where openpyxl writes notes and their drawing: copied byte for byte by the package writer.
  /^xl\/comments\/comment\d+\.xml$/,
  /^xl\/drawings\/commentsDrawing\d+\.vml$/,
  /^xl\/tables\/table\d+\.xml$/,
];

/** Parts that hold nothing of the user's: Excel rebuilds the calculation chain; printer setup, a preview. */
const DISPOSABLE = [/^xl\/calcChain\.xml$/, /^xl\/printerSettings\//, /^docProps\/thumbnail\.\w+$/];

/** What a user would call the parts exceljs drops, most specific first; anything else is named by its path. */
const DROPPED: readonly (readonly [RegExp, string])[] = [
  [/^xl\/(charts|chartsheets)\//, "charts"],
  [/^xl\/(pivotTables|pivotCache)\//, "pivot tables"],
  [/^xl\/(slicers|slicerCaches|timelines|timelineCaches)\//, "slicers or timelines"],
  [/^xl\/(threadedComments|persons)\//, "threaded comments"],
  [/^xl\/externalLinks\//, "links to other workbooks"],
  [/^xl\/(connections\.xml|queryTables\/)/, "data connections (Power Query)"],
  [/^xl\/(vbaProject\.bin|macrosheets\/|dialogsheets\/)/, "macros"],
  [/^xl\/(activeX|ctrlProps)\//, "form controls"],
  [/^xl\/embeddings\//, "embedded objects"],
  [/^xl\/metadata\.xml$/, "dynamic-array formulas"],
  [/^xl\/richData\//, "data types or pictures in cells"],
  [/^xl\/webextensions\//, "add-in settings"],
  [/^customXml\//, "custom XML data"],
];

/** Sheet content exceljs's sheet reader skips. */
const DROPPED_IN_SHEETS: readonly (readonly [RegExp, string])[] = [
  [/<\w+:sparklineGroups\b/, "sparklines"],
  // Excel 2010's extension, where it keeps lists that read another sheet; the main element has no prefix.
  [/<\w+:dataValidations\b/, "drop-down lists that read another sheet"],
];

/**
 * A validation comparing with a formula ("between 0 and =Max"): exceljs reads whole, decimal and date
 * bounds as numbers and would write NaN.
 */
const FORMULA_BOUND =
  /<dataValidation\b[^>]*\btype="(?:whole|decimal|date|time|textLength)"[^>]*>(?:(?!<\/dataValidation>)[\s\S])*?<formula[12]>(?![-\d.E+]*<\/formula)/;

/**
 * What the workbook holds that a rewrite would lose, in words ("charts", "pivot tables"), each once;
 * empty when a rewrite keeps everything. Throws when the bytes are not a zip package.
 */
export async function unkeptContent(bytes: Uint8Array): Promise<string[]> {
  const lost = new Set<string>();
  for (const part of partsOf(bytes)) {
    const { name } = part;
    if (name.endsWith("/") || DISPOSABLE.some((p) => p.test(name))) continue;
    if (/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) {
      const xml = await partText(bytes, part);
      for (const [pattern, what] of DROPPED_IN_SHEETS) if (pattern.test(xml)) lost.add(what);
      if (FORMULA_BOUND.test(xml)) lost.add("validation rules whose bounds are formulas");
      continue;
    }
    if (KEPT.some((p) => p.test(name))) continue;
    if (name === "docProps/custom.xml") {
      // LibreOffice writes an empty one; a property (a sensitivity label, say) would be lost.
      if ((await partText(bytes, part)).includes("<property"))
        lost.add("custom document properties");
      continue;
    }
    lost.add(DROPPED.find(([pattern]) => pattern.test(name))?.[1] ?? name);
  }
  return [...lost];
}

/** "charts", "charts and pivot tables", "charts, sparklines and pivot tables". */
const listOf = (items: readonly string[]): string =>
  items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;

/** The workbook holds content a rewrite would lose: the command leaves the file as it is. */
export class WouldLoseContent extends Error {
  override readonly name = "WouldLoseContent";
  constructor(readonly content: readonly string[]) {
    super(`it holds ${listOf(content)}, which rewriting the file here would lose`);
  }
}

/** Throws WouldLoseContent unless a rewrite keeps everything the workbook holds. */
export async function assertRewritable(bytes: Uint8Array): Promise<void> {
  const lost = await unkeptContent(bytes);
  if (lost.length > 0) throw new WouldLoseContent(lost);
}
