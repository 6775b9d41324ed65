import { ExcelContext } from "./excelModel";

/**
 * Excel on the web rejects a request over 5 MB; DESIGN §5 keeps every request under 4 MB. The budget sits a little
 * under 4,000,000 bytes because our estimate does not see every byte of Office.js's framing.
 */
export const REQUEST_BUDGET = 3_900_000;

/** What Office.js wraps around one queued call (object path, action id, member name, address): a generous guess. */
export const OPERATION_OVERHEAD = 200;

const utf8 = new TextEncoder();

/** Size of a value as it travels in the request: UTF-8 bytes of its JSON. */
export const jsonBytes = (value: unknown): number => utf8.encode(JSON.stringify(value)).length;

/** Estimated request bytes of one queued operation with these arguments. */
export const cost = (...args: unknown[]): number => OPERATION_OVERHEAD + jsonBytes(args);

/**
 * Queues write operations into requests of at most REQUEST_BUDGET estimated bytes and sends a request (one
 * `context.sync`) only when the next operation would not fit. A chunked write therefore syncs from inside its loop
 * on purpose: every request sent before the last is full up to one operation or one row, so the number of syncs
 * depends on the bytes written, never on the number of rows, cells or sheets.
 */
export class RequestBatch {
  private pending = 0;
  private total = 0;
  private sent = 0;

  /**
   * @param startRequest queues what every request opens with (suspending calculation and screen updating, which
   *   last only until the next sync) and returns its estimated size.
   */
  /** Data rows queued so far (see countRows). */
  private rows = 0;

  /**
   * @param onSent hears, after each request is sent, how many data rows Excel now holds: the pane's "1,200 of
   *   10,000 rows written".
   */
  constructor(
    private readonly context: ExcelContext,
    private readonly startRequest: () => number,
    private readonly onSent: (rows: number) => void = () => undefined
  ) {}

  /** Counts data rows just queued in the current request, for onSent once it is sent. */
  countRows(rows: number): void {
    this.rows += rows;
  }

  /** Estimated bytes queued so far, over every request. */
  get bytes(): number {
    return this.total;
  }

  /** Requests sent so far. */
  get syncs(): number {
    return this.sent;
  }

  /** Makes room for one operation of `bytes` (arguments included); call it just before queueing the operation. */
  async reserve(bytes: number): Promise<void> {
    await this.reserveRun([bytes], 0, 0);
  }

  /**
   * Makes room for as many consecutive items of `sizes`, from `from` on, as fit in the current request (at least one,
   * after sending the request if it cannot take even one), all written by one operation costing `overhead` more.
   * Returns how many items the caller may now queue.
   */
  async reserveRun(sizes: readonly number[], from: number, overhead: number): Promise<number> {
    if (this.pending > 0 && this.pending + overhead + sizes[from]! > REQUEST_BUDGET)
      await this.flush();
    if (this.pending === 0) this.add(this.startRequest());
    let bytes = overhead + sizes[from]!;
    let count = 1;
    while (
      from + count < sizes.length &&
      this.pending + bytes + sizes[from + count]! <= REQUEST_BUDGET
    ) {
      bytes += sizes[from + count]!;
      count++;
    }
    this.add(bytes);
    return count;
  }

  /** Sends what is queued, if anything. */
  async flush(): Promise<void> {
    if (this.pending === 0) return;
    await this.context.sync();
    this.sent++;
    this.pending = 0;
    this.onSent(this.rows);
  }

  private add(bytes: number): void {
    this.pending += bytes;
    this.total += bytes;
  }
}
