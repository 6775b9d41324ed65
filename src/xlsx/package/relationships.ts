import { Document, Element, childrenNamed, parseXml, rootOf, serializeXml } from "./xmlDocument";
import { relsPartOf, resolveTarget } from "./partNames";
import { ZipPackage } from "./zipPackage";

const RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const OFFICE_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

/** Relationship types by their last word, as the package writes them (strict-mode files use others). */
export const relType = (word: string): string => `${OFFICE_RELS}${word}`;

export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  /** The part it points to, or undefined for an external target (a web link). */
  readonly part: string | undefined;
}

const EMPTY = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS_NS}"></Relationships>`;

/** The relationships part of one part: read, and added to without touching the ones it has. */
export class Relationships {
  private constructor(
    readonly source: string,
    private readonly doc: Document,
    private changed: boolean
  ) {}

  static async of(pkg: ZipPackage, source: string): Promise<Relationships> {
    const name = relsPartOf(source);
    const text = await pkg.textIfAny(name);
    return new Relationships(source, parseXml(text ?? EMPTY, name), text === undefined);
  }

  private elements(): Element[] {
    return childrenNamed(rootOf(this.doc), "Relationship");
  }

  all(): Relationship[] {
    return this.elements().map((e) => {
      const target = e.getAttribute("Target") ?? "";
      const external = e.getAttribute("TargetMode") === "External";
      return {
        id: e.getAttribute("Id") ?? "",
        type: e.getAttribute("Type") ?? "",
        target,
        part: external ? undefined : resolveTarget(this.source, target),
      };
    });
  }

  /** Relationships whose type ends with `/word` (transitional or strict). */
  ofType(word: string): Relationship[] {
    return this.all().filter((r) => r.type.endsWith(`/${word}`));
  }

  byId(id: string): Relationship | undefined {
    return this.all().find((r) => r.id === id);
  }

  /** Adds a relationship with an id not yet used here (or the one given), and returns the id. */
  add(type: string, target: string, given?: string): string {
    const ids = new Set(this.all().map((r) => r.id));
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n++;
    const id = given !== undefined && !ids.has(given) ? given : `rId${n}`;
    const root = rootOf(this.doc);
    const e = this.doc.createElementNS(
      root.namespaceURI,
      root.prefix ? `${root.prefix}:Relationship` : "Relationship"
    );
    e.setAttribute("Id", id);
    e.setAttribute("Type", type);
    e.setAttribute("Target", target);
    root.appendChild(e);
    this.changed = true;
    return id;
  }

  remove(id: string): void {
    for (const e of this.elements()) {
      if (e.getAttribute("Id") === id) {
        e.parentNode!.removeChild(e);
        this.changed = true;
      }
    }
  }

  /** Writes the part back, only when something was added or removed. */
  saveTo(pkg: ZipPackage): void {
    if (this.changed) pkg.set(relsPartOf(this.source), serializeXml(this.doc));
  }
}
