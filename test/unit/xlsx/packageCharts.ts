/** Reading a package's charts the way a consumer finds them: workbook → sheet → drawing → chart parts. */

export const partText = (parts: Map<string, Buffer>, name: string): string => {
  const part = parts.get(name);
  if (part === undefined) throw new Error(`no part ${name}`);
  return part.toString("utf8");
};

/** Target of each relationship of a part, resolved to a part name, by id. */
function relationships(parts: Map<string, Buffer>, part: string): Map<string, string> {
  const slash = part.lastIndexOf("/");
  const rels = parts.get(`${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`);
  const found = new Map<string, string>();
  if (rels === undefined) return found;
  for (const m of rels.toString("utf8").matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /Id="([^"]+)"/.exec(m[0])![1]!;
    const target = /Target="([^"]+)"/.exec(m[0])![1]!;
    const folder = part.slice(0, slash).split("/");
    for (const step of target.split("/")) {
      if (step === "..") folder.pop();
      else folder.push(step);
    }
    found.set(id, target.startsWith("/") ? target.slice(1) : folder.join("/"));
  }
  return found;
}

/** The worksheet part of a sheet, through workbook.xml and its relationships. */
export function sheetPart(parts: Map<string, Buffer>, name: string): string {
  const workbook = partText(parts, "xl/workbook.xml");
  const sheet = new RegExp(`<sheet\\b[^>]*name="${name}"[^>]*>`).exec(workbook)![0];
  const id = /r:id="([^"]+)"/.exec(sheet)![1]!;
  return relationships(parts, "xl/workbook.xml").get(id)!;
}

/** The chart parts a sheet's drawing anchors, in anchor order. */
export function chartsOf(parts: Map<string, Buffer>, sheet: string): string[] {
  const part = sheetPart(parts, sheet);
  const drawingId = /<(?:\w+:)?drawing\b[^>]*?\sr:id="([^"]+)"/.exec(partText(parts, part))?.[1];
  if (drawingId === undefined) return [];
  const drawing = relationships(parts, part).get(drawingId)!;
  const charts = relationships(parts, drawing);
  return [...partText(parts, drawing).matchAll(/<(?:\w+:)?chart\b[^>]*?\sr:id="([^"]+)"/g)].map(
    (m) => charts.get(m[1]!)!
  );
}
