import {
  comparePlaced,
  Finding,
  FindingSummary,
  placeFinding,
  PlacedFinding,
  sortFindings,
  summarizeFindings,
} from "./findings";

/**
 * Where a validation puts its findings as it makes them. A host that shows only the first few of a
 * million findings keeps only those (FirstFindings); one that shows all keeps all (AllFindings).
 */
export interface FindingSink {
  push(finding: Finding): void;
  /** The findings kept, in sortFindings' order. */
  sorted(): Finding[];
  /** Counts of every finding pushed, kept or not. */
  summary(): FindingSummary;
}

/** Every finding. */
export class AllFindings implements FindingSink {
  private readonly findings: Finding[] = [];

  push(finding: Finding): void {
    this.findings.push(finding);
  }

  sorted(): Finding[] {
    return sortFindings(this.findings);
  }

  summary(): FindingSummary {
    return summarizeFindings(this.findings);
  }
}

/**
 * The first `limit` findings in sortFindings' order, and the counts of all: memory bounded by the limit
 * however many findings a file holds. A max-heap whose root is the last finding kept, so each new finding
 * costs one comparison when it comes after all of them, and log(limit) when it replaces one.
 */
export class FirstFindings implements FindingSink {
  private readonly heap: PlacedFinding[] = [];
  private errors = 0;
  private warnings = 0;
  private info = 0;

  constructor(private readonly limit: number) {}

  push(finding: Finding): void {
    if (finding.severity === "error") this.errors++;
    else if (finding.severity === "warning") this.warnings++;
    else this.info++;
    if (this.limit <= 0) return;
    const placed = placeFinding(finding);
    const { heap } = this;
    if (heap.length < this.limit) {
      heap.push(placed);
      this.siftUp(heap.length - 1);
    } else if (comparePlaced(placed, heap[0]!) < 0) {
      heap[0] = placed;
      this.siftDown(0);
    }
  }

  sorted(): Finding[] {
    return [...this.heap].sort(comparePlaced).map((p) => p.f);
  }

  summary(): FindingSummary {
    return { errors: this.errors, warnings: this.warnings, info: this.info };
  }

  private siftUp(i: number): void {
    const { heap } = this;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (comparePlaced(heap[i]!, heap[parent]!) <= 0) return;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  private siftDown(i: number): void {
    const { heap } = this;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let largest = i;
      if (left < heap.length && comparePlaced(heap[left]!, heap[largest]!) > 0) largest = left;
      if (right < heap.length && comparePlaced(heap[right]!, heap[largest]!) > 0) largest = right;
      if (largest === i) return;
      [heap[i], heap[largest]] = [heap[largest]!, heap[i]!];
      i = largest;
    }
  }
}

/** The findings `keep` accepts, put into `sink`; the others are left out of its counts too (`--skip`). */
export class FilteredFindings implements FindingSink {
  constructor(
    private readonly sink: FindingSink,
    private readonly keep: (finding: Finding) => boolean
  ) {}

  push(finding: Finding): void {
    if (this.keep(finding)) this.sink.push(finding);
  }

  sorted(): Finding[] {
    return this.sink.sorted();
  }

  summary(): FindingSummary {
    return this.sink.summary();
  }
}
