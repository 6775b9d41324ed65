/**
 * The workbook's style vocabulary: every look a plan can name, defined once. Plans name a style ("header", "money",
 * "good"); the Excel host (src/excel) and the file host (src/xlsx) both draw the font, fill, number format, wrap and
 * alignment from here, so the two renderings cannot drift apart.
 */

/** An ARGB-free hex colour such as "#C6EFCE". */
export type Colour = `#${string}`;

/** A cell's background and text colour, drawn together. */
export interface Fill {
  readonly fill: Colour;
  readonly font: Colour;
}

/**
 * The traffic-light palette, Excel's conditional-format presets ("Green Fill with Dark Green Text", "Light Red Fill
 * with Dark Red Text", "Yellow Fill with Dark Yellow Text"), plus a grey for what needs no attention and a blue for
 * what is merely informative.
 */
export type Tone = "good" | "warning" | "error" | "neutral" | "info";

export const TONES: Readonly<Record<Tone, Fill>> = {
  good: { fill: "#C6EFCE", font: "#006100" },
  warning: { fill: "#FFEB9C", font: "#9C5700" },
  error: { fill: "#FFC7CE", font: "#9C0006" },
  neutral: { fill: "#EDEDED", font: "#595959" },
  info: { fill: "#DDEBF7", font: "#1F4E78" },
};

/** Number formats, by what the number is. */
export const MONEY_FORMAT = "$#,##0";
export const PERCENT_FORMAT = "0%";
/** A share of ARR, to a tenth of a percent: periods are compared by it, and a point or two moves it. */
export const SHARE_FORMAT = "0.0%";
export const COUNT_FORMAT = "0";
export const SCORE_FORMAT = "0.0";
export const TEXT_FORMAT = "@";

export interface FontLook {
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** Points; Calibri 11 when absent. */
  readonly size?: number;
  readonly color?: Colour;
}

export type HorizontalAlignment = "left" | "center" | "right";
export type VerticalAlignment = "top" | "center" | "bottom";

/** What a style sets on a cell; anything absent stays as the cell (or its table's style) has it. */
export interface CellLook {
  readonly font?: FontLook;
  readonly fill?: Colour;
  readonly numberFormat?: string;
  /** Text wraps onto several lines within the column's width. */
  readonly wrap?: boolean;
  readonly horizontal?: HorizontalAlignment;
  readonly vertical?: VerticalAlignment;
}

/**
 * The named styles. `header` is drawn over a table's header row (the table style gives its colours); `wrapped` over
 * a long-text column's data cells, and `top` over the other cells of a row that wrapped text makes taller, so that a
 * row reads from its top line; the others over loose cells (titles, notes, labels) as their plans name them.
 */
export const STYLES = {
  title: { font: { bold: true, size: 16, color: "#1F4E78" } },
  subtitle: { font: { bold: true, size: 12, color: "#404040" } },
  label: { font: { bold: true } },
  note: { font: { italic: true, color: "#595959" } },
  /** A headline figure in large type, flush left under its words (kpiLabel). */
  kpi: { font: { bold: true, size: 20, color: "#1F4E78" }, horizontal: "left" },
  kpiLabel: { font: { color: "#595959" }, horizontal: "left" },
  header: { wrap: true, vertical: "center" },
  wrapped: { wrap: true, vertical: "top" },
  top: { vertical: "top" },
  money: { numberFormat: MONEY_FORMAT },
  percent: { numberFormat: PERCENT_FORMAT },
  good: { fill: TONES.good.fill, font: { color: TONES.good.font } },
  warning: { fill: TONES.warning.fill, font: { color: TONES.warning.font } },
  error: { fill: TONES.error.fill, font: { color: TONES.error.font } },
} as const satisfies Readonly<Record<string, CellLook>>;

export type StyleName = keyof typeof STYLES;

/** The look of a style, typed as the hosts read it. */
export const lookOf = (style: StyleName): CellLook => STYLES[style];

/** A loose cell's look: its style's, with the figure's own number format (money, a date) where it has one. */
export const looseCellLook = (cell: {
  readonly style: StyleName;
  readonly numberFormat?: string;
}): CellLook =>
  cell.numberFormat === undefined
    ? lookOf(cell.style)
    : { ...lookOf(cell.style), numberFormat: cell.numberFormat };

/** Points a line of text takes at a font size (Excel's default row is 15 points for Calibri 11). */
export const lineHeight = (size = 11): number => Math.ceil((size * 15) / 11);
