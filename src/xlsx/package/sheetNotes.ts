import { Graft } from "./graftSheets";
import { relativeTarget } from "./partNames";
import { Block, blockOf, contains } from "./ranges";
import { Relationships } from "./relationships";
import { copyPart } from "./scratchParts";
import {
  Document,
  Element,
  REL_NS,
  adopt,
  childNamed,
  childrenNamed,
  ensureChild,
  parseXml,
  rootOf,
  serializeXml,
} from "./xmlDocument";
import { WORKSHEET_ORDER } from "./worksheetOrder";

/** The sheet being edited: its part, its XML (rows aside) and its relationships. */
export interface EditedSheet {
  readonly part: string;
  readonly doc: Document;
  readonly rels: Relationships;
}

const inBlocks = (ref: string | null, blocks: readonly Block[]): boolean => {
  const b = ref === null ? undefined : blockOf(ref);
  return b !== undefined && blocks.some((o) => contains(o, b.top, b.left));
};

/** A note's pop-up box in the VML drawing, with the cell it belongs to. */
const SHAPE = /<v:shape\b[^>]*>[\s\S]*?<\/v:shape>/g;
const shapeCell = (shape: string): { row: number; column: number } | undefined => {
  const row = /<x:Row>(\d+)<\/x:Row>/.exec(shape)?.[1];
  const column = /<x:Column>(\d+)<\/x:Column>/.exec(shape)?.[1];
  return row === undefined || column === undefined
    ? undefined
    : { row: Number(row), column: Number(column) };
};

/**
 * The sheet's notes with the scratch sheet's added, each replacing the note its cell had (the one an
 * earlier run generated: the caller refused a cell whose note differs): into the sheet's own
 * notes part and drawing when it has them (authors and shape ids renumbered after its own), else as
 * copies of the scratch parts. The user's other notes stay as they were.
 */
export async function notesMerged(
  graft: Graft,
  sheet: EditedSheet,
  scratch: { readonly part: string; readonly rels: Relationships }
): Promise<void> {
  const target = graft.g.target;
  const commentsRel = sheet.rels.ofType("comments")[0];
  const vmlRel = sheet.rels.ofType("vmlDrawing")[0];
  const scratchComments = scratch.rels.ofType("comments")[0];
  const scratchVml = scratch.rels.ofType("vmlDrawing")[0];

  if (commentsRel === undefined || vmlRel === undefined) {
    if (scratchComments === undefined || scratchVml === undefined) return;
    if (vmlRel !== undefined)
      throw new Error(
        `the sheet's drawing ${vmlRel.part} holds controls this program cannot add notes beside`
      );
    const comments = await copyPart(graft.g, scratchComments.part!);
    const vml = await copyPart(graft.g, scratchVml.part!);
    sheet.rels.add(scratchComments.type, relativeTarget(sheet.part, comments));
    const vmlId = sheet.rels.add(scratchVml.type, relativeTarget(sheet.part, vml));
    const root = rootOf(sheet.doc);
    const legacy = ensureChild(root, "legacyDrawing", WORKSHEET_ORDER);
    legacy.setAttributeNS(REL_NS, `${root.lookupPrefix(REL_NS) ?? "r"}:id`, vmlId);
    return;
  }

  const incoming =
    scratchComments === undefined
      ? undefined
      : parseXml(await graft.g.scratch.text(scratchComments.part!), "scratch notes");
  // A note the user put on any other cell stays, wherever it is.
  const clear = (
    incoming === undefined
      ? []
      : childrenNamed(childNamed(rootOf(incoming), "commentList")!, "comment")
  )
    .map((c) => blockOf(c.getAttribute("ref") ?? ""))
    .filter((b): b is Block => b !== undefined);
  const commentsDoc = parseXml(await target.text(commentsRel.part!), commentsRel.part!);
  const root = rootOf(commentsDoc);
  const list = ensureChild(root, "commentList", ["authors", "commentList", "extLst"]);
  for (const c of childrenNamed(list, "comment"))
    if (inBlocks(c.getAttribute("ref"), clear)) list.removeChild(c);
  let vml = await target.text(vmlRel.part!);
  vml = vml.replace(SHAPE, (shape) => {
    const at = shapeCell(shape);
    return at !== undefined && clear.some((b) => contains(b, at.row, at.column)) ? "" : shape;
  });

  if (incoming !== undefined && scratchVml !== undefined) {
    const authors = ensureChild(root, "authors", ["authors", "commentList", "extLst"]);
    const authorIndex = (name: string): number => {
      const names = childrenNamed(authors, "author").map((a) => a.textContent);
      const at = names.indexOf(name);
      if (at >= 0) return at;
      const author = commentsDoc.createElementNS(
        authors.namespaceURI,
        authors.prefix ? `${authors.prefix}:author` : "author"
      );
      author.appendChild(commentsDoc.createTextNode(name));
      authors.appendChild(author);
      return names.length;
    };
    const scratchAuthors = childrenNamed(childNamed(rootOf(incoming), "authors")!, "author").map(
      (a) => a.textContent ?? ""
    );
    for (const c of childrenNamed(childNamed(rootOf(incoming), "commentList")!, "comment")) {
      const copy: Element = adopt(commentsDoc, c);
      copy.setAttribute(
        "authorId",
        String(authorIndex(scratchAuthors[Number(c.getAttribute("authorId"))] ?? ""))
      );
      list.appendChild(copy);
    }
    const scratchDrawing = await graft.g.scratch.text(scratchVml.part!);
    let next = [...vml.matchAll(/_x0000_s(\d+)/g)].reduce(
      (max, m) => Math.max(max, Number(m[1])),
      1024
    );
    const shapes = [...scratchDrawing.matchAll(SHAPE)].map((m) =>
      m[0].replace(/_x0000_s\d+/, () => `_x0000_s${++next}`)
    );
    const shapeType =
      /<v:shapetype\b[^>]*\bid="_x0000_t202"[\s\S]*?<\/v:shapetype>/.exec(scratchDrawing)?.[0] ??
      "";
    const typed = vml.includes('id="_x0000_t202"') ? "" : shapeType;
    const end = vml.lastIndexOf("</xml>");
    vml = `${vml.slice(0, end)}${typed}${shapes.join("")}${vml.slice(end)}`;
  }
  target.set(commentsRel.part!, serializeXml(commentsDoc));
  target.set(vmlRel.part!, vml);
}
