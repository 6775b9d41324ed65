import {
  checkCompetitorMap,
  lockedPartners,
  recruitmentOrder,
  SAMPLE_COMPETITORS,
} from "../../../src/domain/competitors";
import { readModel } from "../../../src/domain/models";

const d = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
const cell = (value: unknown, ref: string) => ({ value, cell: ref });
const row = (
  r: number,
  competitor: unknown,
  lastRefreshed: unknown,
  model: unknown = "Co-Sell",
  keyPartners: unknown = "Deloitte"
) => ({
  competitor: cell(competitor, `A${r}`),
  keyPartners: cell(keyPartners, `B${r}`),
  model: cell(model, `C${r}`),
  lastRefreshed: cell(lastRefreshed, `E${r}`),
});
const today = d("2026-11-25");

describe("competitor partner ecosystems (§2.3)", () => {
  test("three sample competitors with known models", () => {
    expect(SAMPLE_COMPETITORS).toHaveLength(3);
    for (const c of SAMPLE_COMPETITORS) expect(readModel(c.model)).toBe(c.model);
  });

  test.each([
    ["2026-05-25", []],
    [
      d("2026-05-24"),
      [
        "warning quality.competitor-refresh E2 Clearline Risk was last refreshed on 2026-05-24, more than 6 months before 2026-11-25: refresh the competitor map every 6 months",
      ],
    ],
    [
      null,
      [
        "warning quality.competitor-refresh E2 Clearline Risk has no refresh date: refresh the competitor map every 6 months",
      ],
    ],
    [
      "May",
      [
        'error competitor.bad-value E2 Clearline Risk: Last Refreshed "May" is not a date (write it as 2026-03-31 or enter a date)',
      ],
    ],
  ])("refreshed %p: six months before 2026-11-25 is the boundary", (refreshed, expected) => {
    const findings = checkCompetitorMap(
      [row(2, "Clearline Risk", refreshed)],
      today,
      "Competitors"
    );
    expect(findings.map((f) => `${f.severity} ${f.rule} ${f.cell} ${f.message}`)).toEqual(expected);
  });

  test("unknown models and blank names; empty rows skipped", () => {
    const findings = checkCompetitorMap(
      [
        row(2, "Aegis", "2026-10-01", "Franchise"),
        row(3, null, "2026-10-01"),
        row(4, null, null, null, ""),
      ],
      today,
      "Competitors"
    );
    expect(findings.map((f) => [f.rule, f.cell])).toEqual([
      ["competitor.bad-value", "C2"],
      ["competitor.bad-value", "A3"],
    ]);
  });

  const landscape = [
    { partner: "Deloitte" },
    { partner: "PwC" },
    { partner: "KPMG", lockedTo: "Aegis Compliance Suite" },
    { partner: "Harbor Lane Consulting" },
    { partner: "Kestrel Data Platform" },
  ];
  const competitors = SAMPLE_COMPETITORS.map((c) => ({
    competitor: c.competitor,
    keyPartners: c.keyPartners,
  }));

  test("partners locked to a competitor: by the landscape's own column or by a competitor's key partners", () => {
    const locks = lockedPartners(landscape, competitors);
    expect(Object.fromEntries(locks)).toEqual({
      deloitte: ["Clearline Risk"],
      kpmg: ["Aegis Compliance Suite"],
      "kestrel data platform": ["Ledgerwise"],
    });
  });

  test("key partners given as one text cell; partners outside the landscape ignored", () => {
    const locks = lockedPartners(landscape, [{ competitor: "X", keyPartners: "pwc; Accenture" }]);
    expect(Object.fromEntries(locks)).toEqual({ kpmg: ["Aegis Compliance Suite"], pwc: ["X"] });
  });

  test("recruit the under-served first, then by score, unscored last", () => {
    const locks = lockedPartners(landscape, competitors);
    const order = recruitmentOrder(
      [
        { partner: "Deloitte", score: 86 },
        { partner: "PwC", score: 78 },
        { partner: "KPMG", score: 90 },
        { partner: "Harbor Lane Consulting" },
        { partner: "Kestrel Data Platform", score: 80 },
        { partner: "Northwind", score: 78 },
      ],
      locks
    );
    expect(order.map((t) => [t.partner, t.lockedTo])).toEqual([
      ["PwC", []],
      ["Northwind", []],
      ["Harbor Lane Consulting", []],
      ["KPMG", ["Aegis Compliance Suite"]],
      ["Deloitte", ["Clearline Risk"]],
      ["Kestrel Data Platform", ["Ledgerwise"]],
    ]);
  });
});
