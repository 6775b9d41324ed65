import { DOMParser, Document, Element, XMLSerializer, onErrorStopParsing } from "@xmldom/xmldom";
import { damagedPart } from "./unreadablePackage";

/**
 * XML parts edited as documents: every element and attribute a command does not change is kept, and the
 * namespaces and prefixes are the part's own.
 */

export const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/**
 * The part as a document. Errors stop the parse (by default xmldom logs them to the console and goes on),
 * and the parser's own message never reaches a user: the part is named instead.
 */
export function parseXml(text: string, part: string): Document {
  try {
    return new DOMParser({ onError: onErrorStopParsing }).parseFromString(text, "text/xml");
  } catch {
    throw damagedPart(part, "is not XML");
  }
}

export const serializeXml = (doc: Document): string => new XMLSerializer().serializeToString(doc);

export const rootOf = (doc: Document): Element => {
  const root = doc.documentElement;
  if (root === null) throw new Error("an XML part has no root element");
  return root;
};

/** The child elements of `parent` with this local name (any prefix). */
export function childrenNamed(parent: Element, localName: string): Element[] {
  const found: Element[] = [];
  for (let n = parent.firstChild; n !== null; n = n.nextSibling) {
    if (n.nodeType === n.ELEMENT_NODE && (n as Element).localName === localName)
      found.push(n as Element);
  }
  return found;
}

export const childNamed = (parent: Element, localName: string): Element | undefined =>
  childrenNamed(parent, localName)[0];

/**
 * A new child element in the parent's namespace and prefix, placed before the first existing child that
 * the schema puts after it: `order` lists the parent's children in schema order.
 */
export function insertChild(parent: Element, localName: string, order: readonly string[]): Element {
  const doc = parent.ownerDocument!;
  const prefix = parent.prefix ? `${parent.prefix}:` : "";
  const child = doc.createElementNS(parent.namespaceURI, `${prefix}${localName}`);
  const rank = order.indexOf(localName);
  let before: Element | null = null;
  for (let n = parent.firstChild; n !== null && before === null; n = n.nextSibling) {
    if (n.nodeType !== n.ELEMENT_NODE) continue;
    const other = order.indexOf((n as Element).localName ?? "");
    if (rank >= 0 && other > rank) before = n as Element;
  }
  parent.insertBefore(child, before);
  return child;
}

/** The child with this local name, created in schema order when missing. */
export const ensureChild = (
  parent: Element,
  localName: string,
  order: readonly string[]
): Element => childNamed(parent, localName) ?? insertChild(parent, localName, order);

/** Imports an element of another document (a scratch package's) into `doc`, deep. */
export const adopt = (doc: Document, element: Element): Element =>
  doc.importNode(element, true) as Element;

export type { Document, Element };

/**
 * The namespace prefix ("x:" or "") of a part read as text rather than parsed (a worksheet of a million
 * cells, the shared strings): an UnreadablePackage unless its root element is `localName`.
 */
export function textRootPrefix(xml: string, part: string, localName: string, what: string): string {
  const root = new RegExp(
    `^\\uFEFF?\\s*(?:<\\?xml[^>]*>\\s*)?(?:<!--[\\s\\S]*?-->\\s*)*<(\\w+:)?${localName}\\b`
  ).exec(xml);
  if (root === null)
    throw damagedPart(part, /^\uFEFF?\s*</.test(xml) ? `is not ${what}` : "is not XML");
  return root[1] ?? "";
}
