import {
  Document,
  Element,
  adopt,
  childNamed,
  childrenNamed,
  insertChild,
  parseXml,
  rootOf,
  serializeXml,
} from "./xmlDocument";

/** CT_Stylesheet's children in schema order. */
const STYLES_ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];

/** Style indexes of a scratch package → the same looks in the workbook's styles. */
export interface StyleMap {
  readonly xf: (index: number) => number;
  readonly dxf: (index: number) => number;
}

/** Where an element's look is compared: its XML without namespace declarations. */
const lookOf = (e: Element): string =>
  serializeXml(e as unknown as Document).replace(/\s+xmlns(:\w+)?="[^"]*"/g, "");

/**
 * The list element `name` of the stylesheet (fonts, fills, cellXfs…), and a way to find or append an
 * entry: an entry that looks like one the workbook has is that one, so running twice adds nothing; a
 * new one goes at the end, and what the workbook had keeps its index.
 */
function styleList(doc: Document, name: string, entry: string) {
  const root = rootOf(doc);
  let list = childNamed(root, name);
  const entries = (): Element[] => (list === undefined ? [] : childrenNamed(list, entry));
  const looks = new Map<string, number>();
  entries().forEach((e, i) => {
    if (!looks.has(lookOf(e))) looks.set(lookOf(e), i);
  });
  return {
    indexOf(element: Element): number {
      const look = lookOf(element);
      const known = looks.get(look);
      if (known !== undefined) return known;
      list ??= insertChild(root, name, STYLES_ORDER);
      list.appendChild(adopt(doc, element));
      const index = entries().length - 1;
      list.setAttribute("count", String(index + 1));
      looks.set(look, index);
      return index;
    },
  };
}

const entriesOf = (doc: Document, name: string, entry: string): Element[] => {
  const list = childNamed(rootOf(doc), name);
  return list === undefined ? [] : childrenNamed(list, entry);
};

/** The first custom number format id (ids below are Excel's built-in formats). */
const FIRST_CUSTOM_FORMAT = 164;

/**
 * Adds the styles a scratch package's cells and conditional formats use to the workbook's stylesheet
 * (`target`, edited in place), never renumbering what it has, and says where each went.
 */
export function mergeStyles(target: Document, scratchXml: string): StyleMap {
  const scratch = parseXml(scratchXml, "scratch styles");
  const numFmts = new Map<number, number>();
  const targetFormats = entriesOf(target, "numFmts", "numFmt");
  let nextFormat = targetFormats.reduce(
    (max, e) => Math.max(max, Number(e.getAttribute("numFmtId")) + 1),
    FIRST_CUSTOM_FORMAT
  );
  const formatList = styleList(target, "numFmts", "numFmt");
  for (const format of entriesOf(scratch, "numFmts", "numFmt")) {
    const code = format.getAttribute("formatCode");
    const same = entriesOf(target, "numFmts", "numFmt").find(
      (e) => e.getAttribute("formatCode") === code
    );
    const id = same !== undefined ? Number(same.getAttribute("numFmtId")) : nextFormat++;
    if (same === undefined) {
      const copy = format.cloneNode(true) as Element;
      copy.setAttribute("numFmtId", String(id));
      formatList.indexOf(copy);
    }
    numFmts.set(Number(format.getAttribute("numFmtId")), id);
  }

  const mapped = (name: string, entry: string): number[] => {
    const list = styleList(target, name, entry);
    return entriesOf(scratch, name, entry).map((e) => list.indexOf(e));
  };
  const fonts = mapped("fonts", "font");
  const fills = mapped("fills", "fill");
  const borders = mapped("borders", "border");
  const dxfs = mapped("dxfs", "dxf");

  const xfList = styleList(target, "cellXfs", "xf");
  const xfs = entriesOf(scratch, "cellXfs", "xf").map((xf) => {
    const copy = xf.cloneNode(true) as Element;
    const remap = (attribute: string, map: (n: number) => number | undefined) => {
      const value = copy.getAttribute(attribute);
      if (value !== null) copy.setAttribute(attribute, String(map(Number(value)) ?? 0));
    };
    remap("numFmtId", (n) => (n < FIRST_CUSTOM_FORMAT ? n : numFmts.get(n)));
    remap("fontId", (n) => fonts[n]);
    remap("fillId", (n) => fills[n]);
    remap("borderId", (n) => borders[n]);
    // The scratch package has one cell style, Normal, which every workbook has first.
    remap("xfId", () => 0);
    return xfList.indexOf(copy);
  });
  return { xf: (n) => xfs[n] ?? 0, dxf: (n) => dxfs[n] ?? 0 };
}
