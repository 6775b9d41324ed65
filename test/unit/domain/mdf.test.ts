import { RawCell } from "../../../src/domain/findings";
import {
  checkMdf,
  grantsMdf,
  MDF_TIERS,
  MdfAllocationRow,
  MdfBudgetRow,
  MdfClaimRow,
  mdfReturns,
} from "../../../src/domain/mdf";
import { TIER_PLAYBOOK } from "../../../src/domain/tiers";
import { TIERS } from "../../../src/domain/tiers/tier";

/** Rows of cells from plain values, each cited at its column letter and row (header on row 1). */
function rowsOf<K extends string>(
  keys: readonly K[],
  values: readonly (readonly unknown[])[],
  firstColumn = 0
): Partial<Record<K, RawCell>>[] {
  return values.map((row, r) =>
    Object.fromEntries(
      keys.map((key, c) => [
        key,
        { value: row[c] ?? null, cell: `${String.fromCharCode(65 + firstColumn + c)}${r + 2}` },
      ])
    )
  ) as Partial<Record<K, RawCell>>[];
}

const budgetRows = (values: readonly (readonly unknown[])[]): MdfBudgetRow[] =>
  rowsOf(["year", "tier", "budget"] as const, values);
const allocationRows = (values: readonly (readonly unknown[])[]): MdfAllocationRow[] =>
  rowsOf(["year", "partner", "tier", "allocated"] as const, values);
const CLAIM_KEYS = [
  "id",
  "partner",
  "campaign",
  "requestedOn",
  "requested",
  "approved",
  "claimed",
  "paid",
  "paidOn",
] as const;
const claimRows = (values: readonly (readonly unknown[])[]): MdfClaimRow[] =>
  rowsOf(CLAIM_KEYS, values);

/** The playbook's benefits by lower-case tier, as the health check reads tblTiers. */
const PLAYBOOK_BENEFITS = new Map(
  TIERS.map((t) => [t.toLowerCase(), TIER_PLAYBOOK[t].benefits.join("; ")])
);
const SHEETS = { budget: "MDF", allocations: "MDF Allocations", claims: "MDF Claims" };

const check = (
  budget: readonly (readonly unknown[])[],
  allocations: readonly (readonly unknown[])[],
  claims: readonly (readonly unknown[])[] = [],
  benefits: ReadonlyMap<string, string> = PLAYBOOK_BENEFITS
) =>
  checkMdf(
    budgetRows(budget),
    allocationRows(allocations),
    claimRows(claims),
    benefits,
    SHEETS
  ).map((f) => [f.rule, f.severity, `${f.sheet}!${f.cell}`, f.message]);

describe("MDF (§3.1 MDF allocation per tier, §5.2 MDF program for Gold and Platinum)", () => {
  test("the playbook grants MDF to Platinum and Gold: their benefits name it", () => {
    expect(MDF_TIERS).toEqual(["Platinum", "Gold"]);
    expect(grantsMdf("Top MDF allocation")).toBe(true);
    expect(grantsMdf("co-marketing funds (mdf)")).toBe(true);
    expect(grantsMdf("Partner portal access; Deal registration")).toBe(false);
  });

  test("allocations within the budget, claims within approval: no finding", () => {
    expect(
      check(
        [[2026, "Platinum", 300_000]],
        [
          [2026, "Accenture", "Platinum", 180_000],
          [2026, "PwC", "Platinum", 120_000],
        ],
        [
          [
            "MDF-1",
            "Accenture",
            "Summit",
            "2026-02-10",
            80_000,
            75_000,
            75_000,
            75_000,
            "2026-04-02",
          ],
        ]
      )
    ).toEqual([]);
  });

  test.each([
    ["a dollar over", 300_001, 1],
    ["exactly the budget", 300_000, 0],
    ["a fraction of a cent over", 300_000.004, 0],
  ])(
    "a tier's allocations of a year above its budget (%s) is an error at the budget",
    (_, total, n) => {
      const findings = check(
        [
          [2026, "Platinum", 300_000],
          [2027, "Platinum", 100],
          [2025, "Platinum", 500_000],
        ],
        [
          [2026, "Accenture", "Platinum", 180_000],
          [2026, "PwC", "platinum", total - 180_000],
          // Another year's allocation counts against its own year's budget only.
          [2025, "Deloitte", "Platinum", 500_000],
        ]
      );
      expect(findings).toHaveLength(n);
      if (n > 0) {
        expect(findings[0]).toEqual([
          "mdf.over-budget",
          "error",
          "MDF!C2",
          "Platinum partners are allocated $300,001 of MDF for 2026, above the $300,000 budget (Accenture, PwC)",
        ]);
      }
    }
  );

  test("MDF to a tier that grants it, in a year without its budget line, is over a budget of nothing", () => {
    expect(
      check(
        [[2026, "Gold", 100_000]],
        [
          [2026, "Deloitte", "Gold", 60_000],
          [2027, "Deloitte", "Gold", 40_000],
          [2027, "Cognizant", "gold", 30_000],
        ]
      )
    ).toEqual([
      [
        "mdf.over-budget",
        "error",
        "MDF Allocations!D3",
        "Gold partners are allocated $70,000 of MDF for 2027, but the MDF sheet has no Gold budget for 2027 (Deloitte, Cognizant)",
      ],
    ]);
  });

  test("MDF to a tier the Tiers sheet grants none is a warning at the tier; the sheet's benefits are the rule", () => {
    const allocations = [
      [2026, "Kestrel Data Platform", "Silver", 10_000],
      [2026, "Ledgerline Software", "Diamond", 5_000],
      [2026, "Pinecrest IT Services", "Registered", 0],
    ];
    expect(check([], allocations)).toEqual([
      [
        "mdf.tier-not-granted",
        "warning",
        "MDF Allocations!C2",
        "Kestrel Data Platform is allocated $10,000 of MDF for 2026, but the Tiers sheet's benefits grant Silver partners no MDF",
      ],
      [
        "mdf.tier-not-granted",
        "warning",
        "MDF Allocations!C3",
        "Ledgerline Software is allocated $5,000 of MDF for 2026, but Diamond is not a tier of the Tiers sheet",
      ],
    ]);
    // An analyst who writes MDF into Silver's benefits grants it.
    const silverToo = new Map(PLAYBOOK_BENEFITS).set(
      "silver",
      "Partner portal access; MDF (small)"
    );
    // Silver then gets MDF, and needs its budget line like Platinum and Gold.
    expect(check([], allocations.slice(0, 1), [], silverToo)).toEqual([
      [
        "mdf.over-budget",
        "error",
        "MDF Allocations!D2",
        "Silver partners are allocated $10,000 of MDF for 2026, but the MDF sheet has no Silver budget for 2026 (Kestrel Data Platform)",
      ],
    ]);
    expect(check([[2026, "Silver", null]], allocations.slice(0, 1), [], silverToo)).toEqual([]);
  });

  test("a claim without a partner or a campaign is an error; a claim above approval a warning", () => {
    expect(
      check(
        [],
        [],
        [
          ["MDF-1", "", "Summit", "2026-02-10", 10_000, 10_000, 10_000],
          ["MDF-2", "Accenture", " ", "2026-02-10", 10_000, 10_000, 10_000],
          ["", "", "", "", 5_000],
          ["MDF-4", "PwC", "Roundtables", "2026-03-03", 60_000, 50_000, 50_000.004],
          ["MDF-5", "PwC", "Roundtables", "2026-03-03", 60_000, 50_000, 50_000.01],
          // Nothing typed: skipped.
          [],
        ]
      )
    ).toEqual([
      [
        "mdf.claim-incomplete",
        "error",
        "MDF Claims!B2",
        "MDF-1 has no Partner: MDF is paid to a partner for a campaign",
      ],
      [
        "mdf.claim-incomplete",
        "error",
        "MDF Claims!C3",
        "MDF-2 has no Campaign: MDF is paid to a partner for a campaign",
      ],
      [
        "mdf.claim-incomplete",
        "error",
        "MDF Claims!B4",
        "The claim at A4 has no Partner and no Campaign: MDF is paid to a partner for a campaign",
      ],
      [
        "mdf.claim-over-approved",
        "warning",
        "MDF Claims!G6",
        "MDF-5 claims $50,000.01, above the $50,000 approved",
      ],
    ]);
  });

  test("values that cannot be read are named with their cell; a second allocation for a partner's year too", () => {
    expect(
      check(
        [
          ["next year", "Gold", 100],
          [2026, "Platinum", 1_000],
        ],
        [
          [2026, "Accenture", "Platinum", "lots"],
          [2026, "accenture", "Platinum", 10],
          [2026, "PwC", "", 10],
        ],
        [["MDF-1", "PwC", "Roundtables", "soon", -5]]
      )
    ).toEqual([
      [
        "mdf.bad-value",
        "error",
        "MDF Allocations!D2",
        'Accenture: Allocated "lots" is not a number',
      ],
      [
        "mdf.bad-value",
        "error",
        "MDF Allocations!B3",
        "accenture has a second allocation for 2026 (the first at B2): keep one, or its claims count twice",
      ],
      [
        "mdf.bad-value",
        "error",
        "MDF Allocations!C4",
        "PwC is allocated $10 of MDF but has no Partner Tier",
      ],
      [
        "mdf.bad-value",
        "error",
        "MDF!A2",
        'The Gold budget: Program Year "next year" is not a year',
      ],
      ["mdf.bad-value", "error", "MDF Claims!E2", "MDF-1: Requested -$5 is negative"],
      [
        "mdf.bad-value",
        "error",
        "MDF Claims!D2",
        'MDF-1: Requested On "soon" is not a date (write it as 2026-03-31 or enter a date)',
      ],
    ]);
  });
});

describe("what MDF returned", () => {
  const sourced = (partner: string, year: number) =>
    year === 2026
      ? {
          pipeline: partner === "Accenture" ? 2_000_000 : 500_000,
          arr: partner === "Accenture" ? 600_000 : 100_000,
        }
      : { pipeline: 0, arr: 0 };
  const { partners, tiers } = mdfReturns(
    budgetRows([
      [2026, "Platinum", 350_000],
      [2026, "Gold", 200_000],
      [2027, "Platinum", 450_000],
    ]),
    allocationRows([
      [2026, "Accenture", "Platinum", 200_000],
      [2026, "PwC", "Platinum", 100_000],
      [2026, "Deloitte", "Gold", 0],
    ]),
    claimRows([
      ["1", "Accenture", "Summit", "2026-02-10", 0, 100_000, 100_000, 100_000],
      ["2", "ACCENTURE", "Webinars", "2026-05-06", 0, 50_000, 50_000, 20_000],
      // Another year's claim draws on that year.
      ["3", "Accenture", "Webinars", "2027-01-06", 0, 50_000, 50_000, 50_000],
      ["4", "PwC", "Roundtables", "2026-03-03", 0, 10_000, 10_000],
    ]),
    sourced
  );

  test("per partner: claims of its name (any case) in the allocation's year, sourced pipeline and ARR per dollar paid", () => {
    expect(partners[0]).toEqual({
      allocated: 200_000,
      claimed: 150_000,
      paid: 120_000,
      utilisation: 0.75,
      sourcedPipeline: 2_000_000,
      sourcedArr: 600_000,
      pipelinePerDollar: 2_000_000 / 120_000,
      arrPerDollar: 5,
    });
    // Claimed but not yet paid: no return per dollar to show.
    expect(partners[1]).toMatchObject({ claimed: 10_000, paid: 0, arrPerDollar: undefined });
    // Nothing allocated: no utilisation.
    expect(partners[2]).toMatchObject({ allocated: 0, utilisation: undefined });
  });

  test("per tier: its partners' figures of the year added up; a year without allocations shows zeros", () => {
    expect(tiers[0]).toEqual({
      allocated: 300_000,
      claimed: 160_000,
      paid: 120_000,
      utilisation: 160_000 / 300_000,
      sourcedPipeline: 2_500_000,
      sourcedArr: 700_000,
      pipelinePerDollar: 2_500_000 / 120_000,
      arrPerDollar: 700_000 / 120_000,
    });
    expect(tiers[1]).toMatchObject({ allocated: 0, sourcedArr: 100_000, arrPerDollar: undefined });
    expect(tiers[2]).toMatchObject({ allocated: 0, paid: 0, utilisation: undefined });
  });
});
