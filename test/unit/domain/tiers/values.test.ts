import { formatMoney, readMoney } from "../../../../src/domain/money";
import {
  describeValueProblem,
  readAmount,
  readCount,
  readFlag,
  readTierName,
} from "../../../../src/domain/tiers/values";

describe("readMoney", () => {
  it.each([
    [1250000, 1250000],
    ["$1,250,000", 1250000],
    ["1250000", 1250000],
    [" $ 1,250,000.50 ", 1250000.5],
    ["-1,000", -1000],
    ["-$1,000", -1000],
    ["(1,000)", -1000],
    ["($1,000.25)", -1000.25],
    [".5", 0.5],
    [null, 0],
    ["", 0],
  ])("reads %j as %d", (raw, expected) => {
    expect(readMoney(raw)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ["1.2M"],
    ["12,34"],
    ["1,2345"],
    ["$"],
    ["abc"],
    ["1e6"],
    ["0x10"],
    [true],
    [Number.NaN],
  ])("refuses %j", (raw) => {
    expect(readMoney(raw)).toEqual({ ok: false, error: { kind: "notANumber", value: raw } });
  });

  it("refuses amounts beyond a quadrillion", () => {
    expect(readMoney(1e16)).toEqual({ ok: false, error: { kind: "tooLarge", value: 1e16 } });
    expect(readMoney("9,000,000,000,000,000")).toEqual({
      ok: false,
      error: { kind: "tooLarge", value: 9e15 },
    });
  });
});

describe("formatMoney", () => {
  it.each([
    [150000, "$150,000"],
    [150000.5, "$150,000.50"],
    [0.01, "$0.01"],
    [0, "$0"],
    [-5, "-$5"],
    [2_000_000, "$2,000,000"],
    [999.999, "$1,000"],
  ])("formats %d as %s", (amount, text) => {
    expect(formatMoney(amount)).toBe(text);
  });
});

describe("cell readers", () => {
  it("reads amounts, refusing negatives", () => {
    expect(readAmount("$500,000")).toEqual({ ok: true, value: 500000 });
    expect(readAmount(-1)).toEqual({ ok: false, error: { kind: "negative", value: -1 } });
  });

  it("reads counts as non-negative whole numbers; CSV text too", () => {
    expect(readCount(3)).toEqual({ ok: true, value: 3 });
    expect(readCount(" 3 ")).toEqual({ ok: true, value: 3 });
    expect(readCount("3.0")).toEqual({ ok: true, value: 3 });
    expect(readCount(null)).toEqual({ ok: true, value: 0 });
    expect(readCount(2.5)).toEqual({ ok: false, error: { kind: "notAWholeNumber", value: 2.5 } });
    expect(readCount(-1)).toEqual({ ok: false, error: { kind: "negative", value: -1 } });
    expect(readCount("three")).toEqual({
      ok: false,
      error: { kind: "notANumber", value: "three" },
    });
    expect(readCount("1e3")).toEqual({ ok: false, error: { kind: "notANumber", value: "1e3" } });
    expect(readCount(2e9)).toEqual({ ok: false, error: { kind: "tooLarge", value: 2e9 } });
  });

  it.each([
    [true, true],
    ["TRUE", true],
    ["true", true],
    ["Yes", true],
    ["y", true],
    [1, true],
    ["1", true],
    [false, false],
    ["FALSE", false],
    ["no", false],
    ["N", false],
    [0, false],
    ["0", false],
    [null, false],
    ["  ", false],
  ])("reads the flag %j as %s", (raw, expected) => {
    expect(readFlag(raw)).toEqual({ ok: true, value: expected });
  });

  it.each([["maybe"], [2], ["yes please"], [{}]])("refuses the flag %j", (raw) => {
    expect(readFlag(raw)).toEqual({ ok: false, error: { kind: "notAFlag", value: raw } });
  });

  it("reads tier names in any case", () => {
    expect(readTierName(" platinum ")).toEqual({ ok: true, value: "Platinum" });
    expect(readTierName("GOLD")).toEqual({ ok: true, value: "Gold" });
    expect(readTierName("Exited")).toEqual({
      ok: false,
      error: { kind: "notATier", value: "Exited" },
    });
  });

  it("describes each problem naming the field", () => {
    expect(describeValueProblem({ kind: "notANumber", value: "n/a" }, "pipeline")).toBe(
      'pipeline "n/a" is not a number'
    );
    expect(describeValueProblem({ kind: "negative", value: -5000 }, "pipeline", true)).toBe(
      "pipeline -$5,000 is negative"
    );
    expect(describeValueProblem({ kind: "notAWholeNumber", value: 2.5 }, "certified")).toBe(
      "certified 2.5 is not a whole number"
    );
    expect(describeValueProblem({ kind: "notAFlag", value: "maybe" }, "practice")).toBe(
      'practice "maybe" is not yes or no (use TRUE/FALSE, Yes/No, Y/N or 1/0)'
    );
    expect(describeValueProblem({ kind: "notATier", value: "Diamond" }, "currentTier")).toBe(
      'currentTier "Diamond" is not a tier (use Platinum, Gold, Silver or Registered)'
    );
    expect(describeValueProblem({ kind: "tooLarge", value: 1e16 }, "pipeline", true)).toBe(
      "pipeline 10000000000000000 is too large (at most $1,000,000,000,000,000)"
    );
  });
});
