import { DOMParser, Document, Element } from "@xmldom/xmldom";

/** Reading an add-in manifest (manifest.xml) by element and attribute, namespaces ignored. */

/** Parses XML; fatal errors and errors are collected, never thrown, so a test can show them all. */
export function parseXml(xml: string): { document: Document | undefined; errors: string[] } {
  const errors: string[] = [];
  let document: Document | undefined;
  try {
    document = new DOMParser({
      onError: (level, message) => {
        if (level !== "warning") errors.push(`${level}: ${message}`);
      },
    }).parseFromString(xml, "text/xml");
  } catch (e) {
    errors.push(e instanceof Error ? e.message : String(e));
  }
  return { document, errors };
}

export function parseManifest(xml: string): Document {
  const { document, errors } = parseXml(xml);
  if (!document || errors.length > 0)
    throw new Error(`manifest.xml is not well-formed XML:\n${errors.join("\n")}`);
  return document;
}

/** Every element under root, in document order. */
export const allElements = (root: Document | Element): Element[] =>
  Array.from(root.getElementsByTagName("*"));

/** Every element with this local name (`bt:Image` is `Image`), in document order. */
export const elements = (root: Document | Element, localName: string): Element[] =>
  allElements(root).filter((e) => e.localName === localName);

export function only(root: Document | Element, localName: string): Element {
  const found = elements(root, localName);
  if (found.length !== 1) throw new Error(`expected one <${localName}>, found ${found.length}`);
  return found[0]!;
}

export const childElements = (e: Element): Element[] =>
  Array.from(e.childNodes).filter((n): n is Element => n.nodeType === 1);

/** The resource kinds of <Resources>, by the local name of their container. */
export type ResourceKind = "Images" | "Urls" | "ShortStrings" | "LongStrings";
export const RESOURCE_KINDS: readonly ResourceKind[] = [
  "Images",
  "Urls",
  "ShortStrings",
  "LongStrings",
];

export interface Resource {
  readonly id: string;
  readonly kind: ResourceKind;
  readonly value: string;
}

export function resources(manifest: Document): Resource[] {
  const container = only(manifest, "Resources");
  return RESOURCE_KINDS.flatMap((kind) =>
    elements(container, kind).flatMap((group) =>
      childElements(group).map((e) => ({
        id: e.getAttribute("id") ?? "",
        kind,
        value: e.getAttribute("DefaultValue") ?? "",
      }))
    )
  );
}

/** The value of a resource id, or an error naming it. */
export function resourceValue(manifest: Document, id: string): string {
  const found = resources(manifest).find((r) => r.id === id);
  if (!found) throw new Error(`resid "${id}" is not defined in <Resources>`);
  return found.value;
}

/** Every URL the manifest gives Office: resource URLs and images, and DefaultValue attributes of URL elements. */
export function urls(manifest: Document): string[] {
  const fromResources = resources(manifest)
    .filter((r) => r.kind === "Urls" || r.kind === "Images")
    .map((r) => r.value);
  const direct = ["IconUrl", "HighResolutionIconUrl", "SupportUrl", "SourceLocation"].flatMap(
    (name) =>
      elements(manifest, name)
        .map((e) => e.getAttribute("DefaultValue"))
        .filter((v): v is string => v !== null)
  );
  return [...fromResources, ...direct];
}
