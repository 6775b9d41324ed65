import {
  attributionByQuarter,
  attributionByYear,
  attributionYears,
  CompanyArrRow,
  PartnerArrRow,
  quarterLabels,
} from "../../../src/domain/attribution";

const row = (quarter: string, sourcedArr?: number, influencedArr?: number): PartnerArrRow => ({
  quarter,
  sourcedArr,
  influencedArr,
});
const company = (quarter: string, companyArr?: number): CompanyArrRow => ({ quarter, companyArr });

/** Two partners' quarters of 2026, and one of 2025. */
const PARTNERS: readonly PartnerArrRow[] = [
  row("2026-Q1", 100_000, 50_000),
  row("2026-Q1", 20_000, 30_000),
  row("2026-Q2", 60_000, 0),
  row("2026-q3", 40_000, 10_000),
  row("2026-Q4", undefined, 5_000),
  row("2025-Q4", 500_000, 200_000),
];

describe("attribution by period (issue 12)", () => {
  test("the years kept: the year before the program year through its last, four quarters each", () => {
    expect(attributionYears({ programYear: 2027, years: 3 })).toEqual([2026, 2027, 2028, 2029]);
    expect(attributionYears({ programYear: 2026, years: 1 })).toEqual([2025, 2026]);
    expect(quarterLabels([2026])).toEqual(["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]);
  });

  test.each([
    {
      title: "a quarter's sums over every partner, its shares of its own ARR",
      company: company("2026-Q1", 1_000_000),
      expected: {
        sourcedArr: 120_000,
        influencedArr: 80_000,
        companyArr: 1_000_000,
        sourcedShare: 0.12,
        influencedShare: 0.08,
      },
    },
    {
      title: "labels matched ignoring case, as SUMIFS matches them",
      company: company("2026-Q3", 400_000),
      expected: {
        sourcedArr: 40_000,
        influencedArr: 10_000,
        companyArr: 400_000,
        sourcedShare: 0.1,
        influencedShare: 0.025,
      },
    },
    {
      title: "company ARR blank: sums, no share",
      company: company("2026-Q2"),
      expected: {
        sourcedArr: 60_000,
        influencedArr: 0,
        companyArr: undefined,
        sourcedShare: undefined,
        influencedShare: undefined,
      },
    },
    {
      title: "company ARR 0: no share rather than a division by zero",
      company: company("2026-Q2", 0),
      expected: {
        sourcedArr: 60_000,
        influencedArr: 0,
        companyArr: 0,
        sourcedShare: undefined,
        influencedShare: undefined,
      },
    },
    {
      title: "a partner's blank sourced ARR counts as nothing; its influenced ARR still counts",
      company: company("2026-Q4", 500_000),
      expected: {
        sourcedArr: 0,
        influencedArr: 5_000,
        companyArr: 500_000,
        sourcedShare: 0,
        influencedShare: 0.01,
      },
    },
    {
      title: "a quarter no partner reported: zeros, shares of 0",
      company: company("2027-Q1", 2_000_000),
      expected: {
        sourcedArr: 0,
        influencedArr: 0,
        companyArr: 2_000_000,
        sourcedShare: 0,
        influencedShare: 0,
      },
    },
  ])("by quarter: $title", ({ company: c, expected }) => {
    expect(attributionByQuarter(PARTNERS, [c])).toEqual([{ quarter: c.quarter, ...expected }]);
  });

  test("one result per company row, in its order", () => {
    const rows = [company("2026-Q2", 1), company("2025-Q4", 1), company("2026-Q1", 1)];
    expect(attributionByQuarter(PARTNERS, rows).map((r) => r.quarter)).toEqual([
      "2026-Q2",
      "2025-Q4",
      "2026-Q1",
    ]);
  });

  const FULL_2026 = [
    company("2026-Q1", 1_000_000),
    company("2026-Q2", 1_000_000),
    company("2026-Q3", 1_000_000),
    company("2026-Q4", 1_000_000),
  ];

  test.each([
    {
      title: "all four quarters known: the year's ARR is their sum, the shares of it",
      rows: FULL_2026,
      expected: { companyArr: 4_000_000, sourcedShare: 0.055, influencedShare: 0.02375 },
    },
    {
      title: "a quarter's company ARR missing: no ARR for the year, so no share",
      rows: FULL_2026.slice(0, 3),
      expected: { companyArr: undefined, sourcedShare: undefined, influencedShare: undefined },
    },
    {
      title: "a quarter listed but its company ARR blank: as missing",
      rows: [...FULL_2026.slice(0, 3), company("2026-Q4")],
      expected: { companyArr: undefined, sourcedShare: undefined, influencedShare: undefined },
    },
    {
      title: "a quarter's company ARR 0 is known: the year's ARR is the other three's",
      rows: [...FULL_2026.slice(0, 3), company("2026-Q4", 0)],
      expected: {
        companyArr: 3_000_000,
        sourcedShare: 220_000 / 3_000_000,
        influencedShare: 95_000 / 3_000_000,
      },
    },
    {
      title: "every quarter 0: the year's ARR is 0, no share",
      rows: FULL_2026.map((r) => ({ ...r, companyArr: 0 })),
      expected: { companyArr: 0, sourcedShare: undefined, influencedShare: undefined },
    },
    {
      title: "another year's quarters do not complete this one",
      rows: [...FULL_2026.slice(0, 3), company("2025-Q4", 1_000_000), company("2027-Q4", 9)],
      expected: { companyArr: undefined, sourcedShare: undefined, influencedShare: undefined },
    },
  ])("by year: $title", ({ rows, expected }) => {
    const [year] = attributionByYear(PARTNERS, rows, [2026]);
    expect(year).toMatchObject({ year: 2026, sourcedArr: 220_000, influencedArr: 95_000 });
    expect(year!.companyArr).toBe(expected.companyArr);
    for (const key of ["sourcedShare", "influencedShare"] as const) {
      const share = expected[key];
      if (share === undefined) expect(year![key]).toBeUndefined();
      else expect(year![key]).toBeCloseTo(share, 12);
    }
  });

  test("a year is its own quarters only: 2025's deals never enter 2026's share", () => {
    const [y2025, y2026] = attributionByYear(
      PARTNERS,
      [...FULL_2026, ...quarterLabels([2025]).map((q) => company(q, 2_500_000))],
      [2025, 2026]
    );
    expect(y2025).toMatchObject({
      sourcedArr: 500_000,
      companyArr: 10_000_000,
      sourcedShare: 0.05,
    });
    expect(y2026).toMatchObject({
      sourcedArr: 220_000,
      companyArr: 4_000_000,
      sourcedShare: 0.055,
    });
  });

  test("sourced and influenced are never summed: each share is its own measure over the same ARR", () => {
    const partners = [row("2026-Q1", 300_000, 300_000), row("2026-Q1", 200_000, 400_000)];
    const [q] = attributionByQuarter(partners, [company("2026-Q1", 1_000_000)]);
    expect(q).toMatchObject({ sourcedArr: 500_000, influencedArr: 700_000 });
    // Together they would be 120% of the company's ARR: the two overlap, so neither includes the other.
    expect([q!.sourcedShare, q!.influencedShare]).toEqual([0.5, 0.7]);
    const [year] = attributionByYear(
      partners,
      quarterLabels([2026]).map((l) => company(l, 250_000)),
      [2026]
    );
    expect(year).toMatchObject({ sourcedArr: 500_000, influencedArr: 700_000, sourcedShare: 0.5 });
    expect(year!.influencedShare).toBeCloseTo(0.7, 12);
  });
});
