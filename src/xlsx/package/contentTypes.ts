import { Document, childrenNamed, parseXml, rootOf, serializeXml } from "./xmlDocument";
import { ZipPackage } from "./zipPackage";

const PART = "[Content_Types].xml";

/** [Content_Types].xml: a content type for each part added, the ones it has untouched. */
export class ContentTypes {
  private changed = false;
  private constructor(private readonly doc: Document) {}

  static async of(pkg: ZipPackage): Promise<ContentTypes> {
    return new ContentTypes(parseXml(await pkg.text(PART), PART));
  }

  /** The content type the package gives a part: its override, else its extension's default. */
  typeOf(part: string): string | undefined {
    const root = rootOf(this.doc);
    const override = childrenNamed(root, "Override").find(
      (e) => e.getAttribute("PartName")?.toLowerCase() === `/${part}`.toLowerCase()
    );
    if (override !== undefined) return override.getAttribute("ContentType") ?? undefined;
    const ext = part.slice(part.lastIndexOf(".") + 1).toLowerCase();
    const byDefault = childrenNamed(root, "Default").find(
      (e) => e.getAttribute("Extension")?.toLowerCase() === ext
    );
    return byDefault?.getAttribute("ContentType") ?? undefined;
  }

  /** Gives a new part its content type (an override, unless the extension's default already says so). */
  add(part: string, contentType: string): void {
    if (this.typeOf(part) === contentType) return;
    const root = rootOf(this.doc);
    const e = this.doc.createElementNS(root.namespaceURI, "Override");
    e.setAttribute("PartName", `/${part}`);
    e.setAttribute("ContentType", contentType);
    root.appendChild(e);
    this.changed = true;
  }

  remove(part: string): void {
    const root = rootOf(this.doc);
    for (const e of childrenNamed(root, "Override")) {
      if (e.getAttribute("PartName")?.toLowerCase() === `/${part}`.toLowerCase()) {
        root.removeChild(e);
        this.changed = true;
      }
    }
  }

  saveTo(pkg: ZipPackage): void {
    if (this.changed) pkg.set(PART, serializeXml(this.doc));
  }
}
