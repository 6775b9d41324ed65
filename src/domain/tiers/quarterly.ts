import { isBlank } from "../cells";
import { Finding, RawCell, showValue } from "../findings";
import {
  describeQuarterError,
  formatQuarter,
  parseQuarter,
  quarterOrdinal,
  QuarterError,
} from "../quarters";
import { MAX_AMOUNT } from "../money";
import { ok, Result } from "../result";
import { EXITED, readRecordedTier, RecordedTier, TIER_NAMES_TEXT } from "./tier";
import {
  describeValueProblem,
  MAX_COUNT,
  readAmount,
  readCount,
  readFlag,
  ValueProblem,
} from "./values";

/** Headers of tblQuarterly (and of the CSV import), in the sheet's order. */
export const QUARTERLY_COLUMNS = {
  partner: "Partner",
  quarter: "Quarter",
  pipeline: "Pipeline",
  sourcedArr: "Sourced ARR",
  influencedArr: "Influenced ARR",
  certified: "Certified Individuals",
  dedicatedPractice: "Dedicated Practice",
  jointGtmActivities: "Joint GTM Activities",
  businessReviewHeld: "Business Review Held",
  recordedTier: "Recorded Tier",
} as const;

/**
 * One row of quarterly partner data as a host read it, each cell with its address: an Excel table row or
 * a CSV line ("C7" = line 7, third column). Optional columns are absent when the data lacks them; their
 * rules are then not checked. Sourced and influenced ARR are kept apart and never added together.
 */
export interface QuarterlyRow {
  readonly partner: RawCell;
  readonly quarter: RawCell;
  /** The quarter's pipeline (quarterly figure). */
  readonly pipeline: RawCell;
  readonly sourcedArr?: RawCell;
  readonly influencedArr?: RawCell;
  readonly certified: RawCell;
  readonly dedicatedPractice: RawCell;
  readonly jointGtmActivities?: RawCell;
  readonly businessReviewHeld?: RawCell;
  readonly recordedTier: RawCell;
  /**
   * The addresses a read row keeps, when the host has a cheaper form of them than the cells' own (a CSV
   * row's line number): a validation holding a million rows then holds no text for them.
   */
  readonly addresses?: ReadRowCells;
}

/**
 * The addresses of the cells the rules cite after a row is read. Only these are kept, not the row's raw
 * values: a validation that holds every row of a large unsorted file holds this much per row.
 */
export interface ReadRowCells {
  readonly quarter: string;
  readonly recordedTier: string;
  readonly jointGtmActivities: string | undefined;
  readonly businessReviewHeld: string | undefined;
}

/** A row's cells read; undefined marks a cell that could not be read (its finding is already reported). */
export interface ReadRow {
  readonly cells: ReadRowCells;
  /** Trimmed, as typed; the key groups spellings that differ only in case, as Excel's lookups do. */
  readonly partner: string;
  readonly partnerKey: string;
  readonly ordinal: number;
  /** "2026-Q1". */
  readonly label: string;
  readonly pipeline: number | undefined;
  readonly certified: number | undefined;
  readonly practice: boolean | undefined;
  readonly activities: number | undefined;
  readonly reviewHeld: boolean | undefined;
  readonly recorded: RecordedTier | undefined;
  readonly recordedBlank: boolean;
  /** The messages of the row's own findings, for the Tier Review (absent when there are none). */
  readonly notes: readonly string[] | undefined;
}

const isBlankCell = (c: RawCell | undefined): boolean => c === undefined || isBlank(c.value);

function isBlankRow(row: QuarterlyRow): boolean {
  return (
    isBlankCell(row.partner) &&
    isBlankCell(row.quarter) &&
    isBlankCell(row.pipeline) &&
    isBlankCell(row.sourcedArr) &&
    isBlankCell(row.influencedArr) &&
    isBlankCell(row.certified) &&
    isBlankCell(row.dedicatedPractice) &&
    isBlankCell(row.jointGtmActivities) &&
    isBlankCell(row.businessReviewHeld) &&
    isBlankCell(row.recordedTier)
  );
}

const RULE_OF_PROBLEM: Readonly<Record<ValueProblem["kind"], string>> = {
  notANumber: "data.not-a-number",
  negative: "data.negative-number",
  notAWholeNumber: "data.not-a-whole-number",
  tooLarge: "data.too-large",
  notAFlag: "data.not-a-flag",
  notATier: "tier.unknown-name",
};

type QuarterParse = Result<{ readonly ordinal: number; readonly label: string }, QuarterError>;

const NO_NAME = { name: "", key: "" } as const;

/** Remembered parses per reader: enough for every label a program uses, bounded for a file of typos. */
const MEMO_LIMIT = 10_000;

/**
 * The number in text of 1 to `most` plain digits ("435194", what a CSV holds in most number cells), read
 * without the full readers' allocations; undefined for anything else, which the full readers then judge.
 */
function plainDigits(value: unknown, most: number): number | undefined {
  if (typeof value !== "string" || value.length === 0 || value.length > most) return undefined;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x30 || code > 0x39) return undefined;
  }
  return Number(value);
}

/** What a row's findings say about where they are: "Acme 2026-Q1". */
interface RowContext {
  readonly partner: string;
  readonly label: string | undefined;
  notes: string[] | undefined;
}

/**
 * Reads rows one at a time, reporting each unreadable cell. Typed cells (numbers, booleans: what Excel
 * and exceljs give) and plain digits or known flags (most of what a CSV gives) take a fast path; other
 * text goes through the full readers. Quarter labels repeat on every partner, so their parses are
 * remembered, up to MEMO_LIMIT of each kind.
 */
export class QuarterlyRowReader {
  private readonly quarters = new Map<unknown, QuarterParse>();
  /** The last partner read: rows come partner by partner, and a map of every name would grow with the file. */
  private lastPartner: { raw: unknown; name: string; key: string } = { raw: undefined, ...NO_NAME };
  private readonly tiers = new Map<string, RecordedTier | undefined>();
  private readonly flags = new Map<string, boolean>();

  constructor(
    private readonly sheet: string,
    private readonly findings: { push(finding: Finding): void }
  ) {}

  /** Undefined for a row that cannot be placed (blank, no partner, no quarter), after reporting why. */
  read(row: QuarterlyRow): ReadRow | undefined {
    if (isBlankRow(row)) return undefined;
    const partnerValue = row.partner.value;
    const { name: partner, key: partnerKey } = this.partnerName(partnerValue);
    const quarter = this.quarter(row.quarter.value);
    const at: RowContext = {
      partner,
      label: quarter.ok ? quarter.value.label : undefined,
      notes: undefined,
    };
    if (partner === "") {
      const body = isBlank(partnerValue)
        ? "the partner is blank"
        : `the partner ${showValue(partnerValue)} is not a name`;
      this.report(at, "data.partner", row.partner.cell, `${body}; the row is not validated`);
    }
    if (!quarter.ok)
      this.report(at, "quarter.label", row.quarter.cell, describeQuarterError(quarter.error));

    const pipeline = this.amount(at, row.pipeline, "pipeline", "pipeline");
    if (row.sourcedArr) this.amount(at, row.sourcedArr, "sourced ARR");
    if (row.influencedArr) this.amount(at, row.influencedArr, "influenced ARR");
    const certified = this.count(at, row.certified, "certified individuals");
    const practice = this.flag(at, row.dedicatedPractice, "dedicated practice");
    const activities =
      row.jointGtmActivities && this.count(at, row.jointGtmActivities, "joint GTM activities");
    const reviewHeld =
      row.businessReviewHeld && this.flag(at, row.businessReviewHeld, "business review held");

    const recordedBlank = isBlank(row.recordedTier.value);
    const recorded = recordedBlank ? undefined : this.recordedTier(row.recordedTier.value);
    if (!recordedBlank && recorded === undefined) {
      const shown = showValue(row.recordedTier.value);
      const body = `recorded tier ${shown} is not a tier (use ${TIER_NAMES_TEXT}, or ${EXITED})`;
      this.report(at, "tier.unknown-name", row.recordedTier.cell, body);
    }

    if (partner === "" || !quarter.ok) return undefined;
    return {
      cells: row.addresses ?? {
        quarter: row.quarter.cell,
        recordedTier: row.recordedTier.cell,
        jointGtmActivities: row.jointGtmActivities?.cell,
        businessReviewHeld: row.businessReviewHeld?.cell,
      },
      partner,
      partnerKey,
      ordinal: quarter.value.ordinal,
      label: quarter.value.label,
      pipeline,
      certified,
      practice,
      activities,
      reviewHeld,
      recorded,
      recordedBlank,
      notes: at.notes,
    };
  }

  private report(at: RowContext, rule: string, cell: string, body: string): void {
    const where = at.label === undefined ? at.partner : `${at.partner} ${at.label}`.trim();
    this.findings.push({
      severity: "error",
      rule,
      sheet: this.sheet,
      cell,
      ...(at.partner !== "" && { partner: at.partner }),
      ...(at.label !== undefined && { quarter: at.label }),
      message: where === "" ? body : `${where}: ${body}`,
    });
    (at.notes ??= []).push(body);
  }

  /** The full reader, and a finding when it fails. Pipeline has its own rule for negative amounts. */
  private slow<T>(
    at: RowContext,
    cell: RawCell,
    label: string,
    read: (raw: unknown) => Result<T, ValueProblem>,
    field: "pipeline" | "money" | "other" = "other"
  ): T | undefined {
    const r = read(cell.value);
    if (r.ok) return r.value;
    const rule =
      r.error.kind === "negative" && field === "pipeline"
        ? "data.negative-pipeline"
        : RULE_OF_PROBLEM[r.error.kind];
    this.report(at, rule, cell.cell, describeValueProblem(r.error, label, field !== "other"));
    return undefined;
  }

  private amount(
    at: RowContext,
    cell: RawCell,
    label: string,
    field: "pipeline" | "money" = "money"
  ): number | undefined {
    const v = cell.value;
    if (typeof v === "number" && v >= 0 && v <= MAX_AMOUNT) return v;
    const digits = plainDigits(v, 15);
    return digits ?? this.slow(at, cell, label, readAmount, field);
  }

  private count(at: RowContext, cell: RawCell, label: string): number | undefined {
    const v = cell.value;
    if (Number.isInteger(v) && (v as number) >= 0 && (v as number) <= MAX_COUNT) return v as number;
    const digits = plainDigits(v, 9);
    return digits ?? this.slow(at, cell, label, readCount);
  }

  private flag(at: RowContext, cell: RawCell, label: string): boolean | undefined {
    const v = cell.value;
    if (typeof v === "boolean") return v;
    if (typeof v === "string") {
      const known = this.flags.get(v);
      if (known !== undefined) return known;
      const read = readFlag(v);
      // Only readable text is remembered: a finding is reported at each cell that holds the rest.
      if (read.ok) {
        if (this.flags.size < MEMO_LIMIT) this.flags.set(v, read.value);
        return read.value;
      }
    }
    return this.slow(at, cell, label, readFlag);
  }

  /** Trimmed as typed, and lower-cased as the grouping key; a number is a name too (a partner id). */
  private partnerName(raw: unknown): { readonly name: string; readonly key: string } {
    if (typeof raw !== "string" && !(typeof raw === "number" && Number.isFinite(raw)))
      return NO_NAME;
    if (this.lastPartner.raw === raw) return this.lastPartner;
    const name = typeof raw === "string" ? raw.trim() : String(raw);
    this.lastPartner = { raw, name, key: name.toLowerCase() };
    return this.lastPartner;
  }

  private recordedTier(raw: unknown): RecordedTier | undefined {
    if (typeof raw !== "string") return undefined;
    if (this.tiers.has(raw)) return this.tiers.get(raw);
    const tier = readRecordedTier(raw);
    if (this.tiers.size < MEMO_LIMIT) this.tiers.set(raw, tier);
    return tier;
  }

  private quarter(raw: unknown): QuarterParse {
    const memo = typeof raw === "string" || typeof raw === "number";
    const known = memo ? this.quarters.get(raw) : undefined;
    if (known) return known;
    const parsed = parseQuarter(raw);
    const result: QuarterParse = parsed.ok
      ? ok({ ordinal: quarterOrdinal(parsed.value), label: formatQuarter(parsed.value) })
      : parsed;
    if (memo && this.quarters.size < MEMO_LIMIT) this.quarters.set(raw, result);
    return result;
  }
}
