/**
 * Issue 13, "Linear-time parsing": every parser of cell text runs in one pass. The old patterns below
 * backtracked quadratically (a "-" and 32,000 spaces took seconds); they stay here only as the reference
 * the scanners must agree with, on short text where backtracking costs nothing.
 */
import fc from "fast-check";
import { performance } from "perf_hooks";
import { readDate, readFraction, readNumber } from "../../../src/domain/cells";
import { readMoney } from "../../../src/domain/money";
import { describeScoreError, scorePartner } from "../../../src/domain/scoring";
import { formatQuarter, parseQuarter } from "../../../src/domain/quarters";
import { readCount, readFlag } from "../../../src/domain/tiers/values";

/** Excel's longest cell. */
const CELL = 32_767;

/**
 * A coarse guard against quadratic blow-up, not a performance budget: a linear parse of a full cell takes
 * well under a millisecond, a quadratic one seconds. Generous, so a busy machine never fails it.
 */
const BOUND_MS = 50;

const PARSERS: readonly (readonly [string, (text: string) => unknown])[] = [
  ["readMoney", readMoney],
  ["parseQuarter", parseQuarter],
  ["readCount", readCount],
  ["readFlag", readFlag],
  ["readNumber", readNumber],
  ["readFraction", readFraction],
  ["readDate", readDate],
];

/** The worst shapes: a start each pattern accepts, a long run it can split many ways, a last character it refuses. */
const PREFIXES = [
  "",
  "-",
  "-$",
  "$",
  "(",
  "- $ ",
  "1",
  "1,000",
  "Q1",
  "Q1 FY",
  "2026",
  "FY",
  "2026-03-31T",
  "1.",
];
const RUNS = [" ", "\t", "0", "1,000", ",", "-", " -", "$", ":", ".", "FY ", "Q"];
const SUFFIXES = ["", "x", ")", "Q", "Q5", "%", " %x", "Z", "!"];

function slowest(text: string): { name: string; ms: number } {
  let worst = { name: "", ms: 0 };
  for (const [name, parse] of PARSERS) {
    const start = performance.now();
    parse(text);
    const ms = performance.now() - start;
    if (ms > worst.ms) worst = { name, ms };
  }
  return worst;
}

describe("parsers of cell text run in linear time", () => {
  test("the shapes issue 13 found: a sign, a dollar or a label, then a full cell of spaces", () => {
    for (const text of [
      `-${" ".repeat(CELL - 2)}x`,
      `-$${" ".repeat(CELL - 3)}x`,
      `2026${" ".repeat(CELL - 5)}x`,
      `Q1${" ".repeat(CELL - 3)}x`,
      `${"1,000".repeat(CELL / 5)}x`,
    ]) {
      expect(slowest(text).ms).toBeLessThan(BOUND_MS);
    }
  });

  test("any prefix, run and suffix filling a cell parses within the bound", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PREFIXES),
        fc.constantFrom(...RUNS),
        fc.constantFrom(...SUFFIXES),
        (prefix, run, suffix) => {
          const count = Math.floor((CELL - prefix.length - suffix.length) / run.length);
          const worst = slowest(`${prefix}${run.repeat(count)}${suffix}`);
          return worst.ms < BOUND_MS;
        }
      ),
      { numRuns: 300, seed: 13 }
    );
  });
});

// The patterns the scanners replace, as they were.
const OLD_MONEY = /^(-)?\s*\$?\s*(\d{1,3}(?:,\d{3})+|\d+)?(\.\d+)?$/;
const OLD_YEAR_FIRST = /^(?:FY\s*)?(\d{4})\s*[-/ ]?\s*Q([1-4])$/;
const OLD_QUARTER_FIRST = /^Q([1-4])\s*[-/ ]?\s*(?:FY\s*)?(\d{4})$/;

function oldMoney(text: string): number | undefined {
  let t = text.trim();
  let negative = false;
  if (t.startsWith("(") && t.endsWith(")")) {
    negative = true;
    t = t.slice(1, -1).trim();
  }
  const m = OLD_MONEY.exec(t);
  if (!m || (m[2] === undefined && m[3] === undefined) || t === "") return undefined;
  if (m[1] !== undefined) negative = !negative;
  const amount = Number(`${(m[2] ?? "0").replace(/,/g, "")}${m[3] ?? ""}`);
  return negative ? -amount : amount;
}

function oldLabel(text: string): string | undefined {
  const t = text.trim().toUpperCase();
  const y = OLD_YEAR_FIRST.exec(t);
  const q = y ? undefined : OLD_QUARTER_FIRST.exec(t);
  const [year, quarter] = y ? [y[1], y[2]] : q ? [q[2], q[1]] : [];
  if (year === undefined || Number(year) < 1900) return undefined;
  return `${year}-Q${quarter}`;
}

/** Short text built from the characters these formats are made of. */
const pieces = (alphabet: readonly string[]) =>
  fc.array(fc.constantFrom(...alphabet), { maxLength: 14 }).map((a) => a.join(""));

describe("the scanners read what the old patterns read", () => {
  test("money text", () => {
    const text = pieces([
      "-",
      "$",
      " ",
      "1",
      "23",
      "4567",
      ",",
      ",000",
      ".",
      ".5",
      "(",
      ")",
      "x",
      "\t",
    ]);
    fc.assert(
      fc.property(text, (t) => {
        const r = readMoney(t);
        const expected = t.trim() === "" ? 0 : oldMoney(t);
        return expected === undefined
          ? !r.ok || Math.abs(r.value) > 1e15
          : r.ok && r.value === expected;
      }),
      { numRuns: 5_000, seed: 13 }
    );
  });

  test("quarter labels", () => {
    const text = pieces([
      "FY",
      "Q",
      "1",
      "4",
      "5",
      "2026",
      "1899",
      " ",
      "-",
      "/",
      "q",
      "fy",
      "\t",
      "x",
    ]);
    fc.assert(
      fc.property(text, (t) => {
        const r = parseQuarter(t);
        const old = oldLabel(t);
        // ISO dates are still read by their (linear) pattern; none can be built from these pieces.
        return old === undefined ? !r.ok : r.ok && formatQuarter(r.value) === old;
      }),
      { numRuns: 5_000, seed: 13 }
    );
  });
});

describe("long digit text", () => {
  test("is a number too large, never Infinity", () => {
    const digits = "9".repeat(400);
    const money = readMoney(digits);
    expect(money).toEqual({ ok: false, error: { kind: "tooLarge", value: digits } });
    const count = readCount(digits);
    expect(count).toEqual({ ok: false, error: { kind: "tooLarge", value: digits } });
    expect(readNumber(digits)).toBeUndefined();
    expect(readFraction(`${digits}%`)).toBeUndefined();
    const score = scorePartner([digits, 1, 2, 3, 4]);
    expect(score.ok).toBe(false);
    if (!score.ok) {
      expect(describeScoreError(score.error)).toBe(
        `ICP Client Overlap rating "${"9".repeat(40)}…" is a number too large`
      );
    }
  });
});
