/** Where parts live in a package and how relationships name them. Part names carry no leading "/". */

/** "xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels". */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship's target, relative to the part that holds it (or absolute), as a part name. */
export function resolveTarget(source: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const folder = source
    .slice(0, source.lastIndexOf("/") + 1)
    .split("/")
    .filter((s) => s !== "");
  for (const step of target.split("/")) {
    if (step === "..") folder.pop();
    else if (step !== "." && step !== "") folder.push(step);
  }
  return folder.join("/");
}

/** The target by which `source` names `part`: relative to the source's folder. */
export function relativeTarget(source: string, part: string): string {
  const from = source.split("/").slice(0, -1);
  const to = part.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

/**
 * A part name not yet taken, shaped like `like` ("xl/tables/table3.xml" → "xl/tables/tableN.xml" with
 * the lowest free N from 1).
 */
export function freePartName(like: string, taken: (name: string) => boolean): string {
  const match = /^(.*?)(\d*)(\.[^./]+)$/.exec(like);
  const [stem, ext] = match === null ? [like, ""] : [match[1]!, match[3]!];
  for (let n = 1; ; n++) {
    const name = `${stem}${n}${ext}`;
    if (!taken(name)) return name;
  }
}
