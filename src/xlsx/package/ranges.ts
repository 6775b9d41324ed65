import { columnIndex } from "./sheetText";

/** A block of cells, 0-based, both corners included. */
export interface Block {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** "C4" or "$C$4:$L$22" → the block; undefined when it is not an A1 reference. */
export function blockOf(ref: string): Block | undefined {
  const corners = ref.replace(/\$/g, "").split(":");
  const cells = corners.map((c) => /^([A-Z]+)(\d+)$/.exec(c));
  if (cells.some((c) => c === null) || cells.length < 1 || cells.length > 2) return undefined;
  const [a, b = a] = cells as RegExpExecArray[];
  const [r1, r2] = [Number(a![2]) - 1, Number(b![2]) - 1];
  const [c1, c2] = [columnIndex(a![1]!), columnIndex(b![1]!)];
  return {
    top: Math.min(r1, r2),
    bottom: Math.max(r1, r2),
    left: Math.min(c1, c2),
    right: Math.max(c1, c2),
  };
}

/** "A3:L22" with its last row set to `row` (0-based). */
export const withBottom = (ref: string, row: number): string =>
  ref.replace(/(\d+)$/, String(row + 1));

export const contains = (outer: Block, row: number, column: number): boolean =>
  row >= outer.top && row <= outer.bottom && column >= outer.left && column <= outer.right;

/** Whether every range of an sqref ("A4:A22 C4:C22") lies inside one of the blocks. */
export const sqrefWithin = (sqref: string, blocks: readonly Block[]): boolean =>
  sqref
    .trim()
    .split(/\s+/)
    .every((part) => {
      const b = blockOf(part);
      return (
        b !== undefined &&
        blocks.some((o) => contains(o, b.top, b.left) && contains(o, b.bottom, b.right))
      );
    });
