import fc from "fast-check";
import { Finding } from "../../../src/domain/findings";
import {
  DEFAULT_TIER_RULES,
  QUARTERLY_COLUMNS,
  TIER_COLUMNS,
  TIER_SETTING_COLUMNS,
  validateProgram,
} from "../../../src/domain/tiers";
import { a1 } from "../../../src/workbook/address";
import {
  MISSING_QUARTERLY_COLUMNS,
  readQuarterlyTable,
  readTierRules,
  TableValues,
  validateTables,
} from "../../../src/workbook/readProgram";

const REQUIRED = [
  "Partner",
  "Quarter",
  "Pipeline",
  "Certified",
  "DedicatedPractice",
  "RecordedTier",
];

const table = (
  header: readonly unknown[],
  rows: readonly (readonly unknown[])[],
  topLeft = { row: 0, column: 0 },
  sheet = "export.csv"
): TableValues => ({ sheet, header, rows, topLeft });

/** Gold for two quarters, then recorded Platinum without qualifying: one mismatch. */
const ACME = [
  ["Acme", "2026-Q1", 150_000, 3, "No", "Gold"],
  ["Acme", "2026-Q2", 150_000, 3, "No", "Gold"],
  ["Acme", "2026-Q3", 150_000, 3, "No", "Platinum"],
];

describe("readQuarterlyTable", () => {
  test("headers match ignoring case, spaces and punctuation, in any order, extra columns ignored", () => {
    const header = [
      "Owner",
      "recorded_tier",
      "PARTNER",
      "quarter",
      "Dedicated Practice",
      "Pipeline ($)",
      "certified individuals",
      "Business Review Held?",
    ];
    const { rows, findings } = readQuarterlyTable(
      table(header, [["Kim", "Gold", "Acme", "2026-Q1", "Yes", "$150,000", "3", "yes"]], {
        row: 4,
        column: 2,
      })
    );
    expect(findings).toEqual([]);
    // Header on sheet row 5 from column C: the first data row is row 6.
    expect(rows).toEqual([
      {
        partner: { value: "Acme", cell: "E6" },
        quarter: { value: "2026-Q1", cell: "F6" },
        pipeline: { value: "$150,000", cell: "H6" },
        certified: { value: "3", cell: "I6" },
        dedicatedPractice: { value: "Yes", cell: "G6" },
        businessReviewHeld: { value: "yes", cell: "J6" },
        recordedTier: { value: "Gold", cell: "D6" },
      },
    ]);
  });

  test("the CSV import's header names: Certified, DedicatedPractice, RecordedTier", () => {
    const { rows, findings } = readQuarterlyTable(table(REQUIRED, ACME));
    expect(findings).toEqual([]);
    expect(rows[2]!.recordedTier).toEqual({ value: "Platinum", cell: "F4" });
    expect(rows[2]!.sourcedArr).toBeUndefined();
  });

  test("a short row reads its missing cells as blank, at their own addresses", () => {
    const { rows } = readQuarterlyTable(table(REQUIRED, [["Acme", "2026-Q1"]]));
    expect(rows[0]!.recordedTier).toEqual({ value: null, cell: "F2" });
  });

  test("missing required columns: one error naming them at the header's first cell, and no rows", () => {
    const read = readQuarterlyTable(
      table(
        ["Partner", "Quarter", "Pipeline", "Dedicated Practice"],
        [["Acme", "2026-Q1", 1, "No"]],
        {
          row: 2,
          column: 1,
        },
        "Quarterly"
      )
    );
    expect(read).toEqual({
      rows: [],
      findings: [
        {
          severity: "error",
          rule: MISSING_QUARTERLY_COLUMNS,
          sheet: "Quarterly",
          cell: "B3",
          message:
            "the header row lacks the columns Certified Individuals (or Certified) and Recorded Tier; no row is validated",
        },
      ],
    });
  });

  test("a second column for the same field is reported and ignored", () => {
    const { rows, findings } = readQuarterlyTable(
      table(
        [...REQUIRED, "Certified Individuals"],
        [["Acme", "2026-Q1", 1, "2", "No", "Gold", "9"]]
      )
    );
    expect(rows[0]!.certified).toEqual({ value: "2", cell: "D2" });
    expect(findings).toEqual([
      {
        severity: "warning",
        rule: "data.duplicate-column",
        sheet: "export.csv",
        cell: "G1",
        message:
          'the column "Certified Individuals" repeats Certified Individuals (D1); only D1\'s column is read',
      },
    ]);
  });
});

describe("readTierRules", () => {
  const tiers = (
    rows: readonly (readonly unknown[])[],
    header: readonly string[] = Object.values(TIER_COLUMNS)
  ) => table(header, rows, { row: 2, column: 0 }, "Tiers");
  const settings = (rows: readonly (readonly unknown[])[]) =>
    table(["Setting", "Value", "Meaning"], rows, { row: 0, column: 3 }, "Rules");

  test("no tables: the playbook's rules", () => {
    expect(readTierRules()).toEqual({
      rules: DEFAULT_TIER_RULES,
      findings: [],
      criteriaFromTable: false,
    });
  });

  test("criteria from tblTiers, movement rules from tblTierRules, each finding on its own sheet", () => {
    const { rules, findings, criteriaFromTable } = readTierRules(
      tiers([
        ["Platinum", 3_000_000, 6, "Yes", 1, 4],
        ["gold", "$750,000", 3, "no", 2, 2],
        ["Silver", "lots", 1, "No", 4, 1],
      ]),
      settings([
        ["exit window (quarters)", 3],
        ["Promotion/Demotion Streak (Quarters)", 0],
      ])
    );
    expect(criteriaFromTable).toBe(true);
    expect(rules.criteria.Platinum).toEqual({
      pipeline: 3_000_000,
      certified: 6,
      dedicatedPractice: true,
    });
    expect(rules.criteria.Gold.pipeline).toBe(750_000);
    expect(rules.criteria.Silver).toEqual(DEFAULT_TIER_RULES.criteria.Silver);
    expect(rules.exitWindow).toBe(3);
    expect(rules.movementStreak).toBe(DEFAULT_TIER_RULES.movementStreak);
    expect(findings.map((f) => [f.severity, f.rule, `${f.sheet}!${f.cell}`])).toEqual([
      ["error", "tier-rules.bad-value", "Rules!E3"],
      ["error", "tier-rules.bad-value", "Tiers!B6"],
    ]);
  });

  test("a tblTiers without a Tier column: an error, and the playbook's criteria", () => {
    const { rules, findings, criteriaFromTable } = readTierRules(
      tiers([["Platinum", 1, 1]], ["Name", TIER_COLUMNS.pipelineTarget, TIER_COLUMNS.certified])
    );
    expect(criteriaFromTable).toBe(false);
    expect(rules).toEqual(DEFAULT_TIER_RULES);
    expect(findings).toEqual([
      {
        severity: "error",
        rule: "tier-rules.missing-columns",
        sheet: "Tiers",
        cell: "A3",
        message: "the header row lacks the column Tier; the playbook's criteria apply",
      },
    ]);
  });

  test("a tblTierRules without Value: an error, and the playbook's movement rules", () => {
    const { rules, findings } = readTierRules(
      undefined,
      table([TIER_SETTING_COLUMNS.setting, "Amount"], [["Exit Window (Quarters)", 2]])
    );
    expect(rules).toEqual(DEFAULT_TIER_RULES);
    expect(findings.map((f) => f.message)).toEqual([
      "the header row lacks the column Value; the playbook's movement rules apply",
    ]);
  });
});

describe("validateTables", () => {
  test("the domain's validation with every reading finding merged in, sorted and counted", () => {
    const quarterly = table(
      [...REQUIRED, "Pipeline"],
      [...ACME.map((r) => [...r, 0]), ["Acme", "2026-Q4", "n/a", 3, "No", "Gold", 0]],
      { row: 2, column: 0 },
      "Quarterly"
    );
    const tiers = table(
      ["Tier", "Pipeline Target"],
      [["Gold", "huge"]],
      { row: 2, column: 0 },
      "Tiers"
    );
    const v = validateTables(quarterly, tiers);
    expect(v.findings.map((f) => [f.severity, f.rule, `${f.sheet}!${f.cell}`])).toEqual([
      ["error", "tier.recorded-mismatch", "Quarterly!F6"],
      ["error", "data.not-a-number", "Quarterly!C7"],
      ["error", "tier-rules.bad-value", "Tiers!B4"],
      ["warning", "data.duplicate-column", "Quarterly!G3"],
      ["warning", "tier-rules.missing-tier", "Tiers!A4"],
      ["warning", "tier-rules.missing-tier", "Tiers!A4"],
    ]);
    expect(v.summary).toEqual({ errors: 3, warnings: 3, info: 0 });
    expect(v.criteriaFromTable).toBe(true);
  });

  test("agrees with the domain on the same cells", () => {
    const quarterly = table(REQUIRED, ACME, { row: 2, column: 0 }, "Quarterly");
    const v = validateTables(quarterly);
    const domain = validateProgram(readQuarterlyTable(quarterly).rows, DEFAULT_TIER_RULES, {
      sheet: "Quarterly",
    });
    expect(v.findings).toEqual(domain.findings);
    expect(v.actions).toEqual(domain.actions);
    // The review rows are the domain's, with the figures they were qualified on and the latest gap.
    const gap = "Platinum: +$1,400,000 pipeline, +2 certified, dedicated practice";
    expect(v.review).toEqual(
      domain.review.map((row, i) => ({
        ...row,
        certified: 3,
        practice: false,
        nextTierGap: i === 2 ? gap : "",
      }))
    );
  });

  test("a quarter held twice or an unreadable count leaves its figures, and the gap, unknown", () => {
    const v = validateTables(
      table(REQUIRED, [
        ["Acme", "2026-Q1", 150_000, 3, "No", "Gold"],
        ["Acme", "Q1 2026", 150_000, 4, "No", "Gold"],
        ["Beta", "2026-Q1", 150_000, "three", "No", "Gold"],
      ])
    );
    expect(v.review.map((r) => [r.partner, r.certified, r.practice, r.nextTierGap])).toEqual([
      ["Acme", undefined, undefined, ""],
      ["Beta", undefined, false, ""],
    ]);
  });

  test("without its required columns nothing is validated: only the reading finding", () => {
    const v = validateTables(table(["Partner", "Quarter"], [["Acme", "2026-Q1"]]));
    expect(v.findings.map((f) => f.rule)).toEqual([MISSING_QUARTERLY_COLUMNS]);
    expect([v.review, v.actions]).toEqual([[], []]);
  });
});

/** Anything a CSV field or a worksheet cell can hold, and worse. */
const cellValue = fc.oneof(
  fc.constantFrom(
    "Gold",
    "platinum",
    "Exited",
    "Diamond",
    "Yes",
    "no",
    "$1,250,000",
    "(5)",
    "",
    " "
  ),
  fc.constantFrom("2026-Q1", "Q2 2026", "2025Q4", "FY2026 Q3", "2026-Q5", 46112, 2026),
  fc.integer({ min: -10, max: 3_000_000 }),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.date({ noInvalidDate: false }),
  fc.anything()
);

const HEADERS = [...REQUIRED, ...Object.values(QUARTERLY_COLUMNS), "Region", "recorded tier", ""];

/** A table of arbitrary cells under an arbitrary choice of headers (duplicates included), anywhere on a sheet. */
const arbitraryTable = fc
  .record({
    header: fc.array(fc.constantFrom(...HEADERS), { minLength: 1, maxLength: 12 }),
    rows: fc.array(fc.array(cellValue, { maxLength: 13 }), { maxLength: 25 }),
    row: fc.integer({ min: 0, max: 50 }),
    column: fc.integer({ min: 0, max: 30 }),
  })
  .map(({ header, rows, row, column }) => table(header, rows, { row, column }, "Quarterly"));

/** tblTiers or tblTierRules as a careless analyst may leave them, on the Tiers sheet. */
const ruleTable = (headers: readonly string[], firstColumn: readonly unknown[]) =>
  fc
    .record({
      header: fc.shuffledSubarray([...headers], { minLength: 1 }),
      rows: fc.array(
        fc.tuple(fc.constantFrom(...firstColumn), fc.array(cellValue, { maxLength: 8 })),
        { maxLength: 6 }
      ),
      row: fc.integer({ min: 0, max: 20 }),
    })
    .map(({ header, rows, row }) =>
      table(
        header,
        rows.map(([first, rest]) => [first, ...rest]),
        { row, column: 1 },
        "Tiers"
      )
    );

const arbitraryTiers = fc.option(
  ruleTable(Object.values(TIER_COLUMNS), ["Platinum", "gold", "Silver", "Registered", "Diamond", 3])
);
const arbitrarySettings = fc.option(
  ruleTable(
    [...Object.values(TIER_SETTING_COLUMNS), "Meaning"],
    ["Pipeline Mode", "Exit Window (Quarters)", "Promotion/Demotion Streak (Quarters)", "Other"]
  )
);

/** Every cell the table covers: its header row and data rows, as wide as its header. */
function cellsOf(t: TableValues): Set<string> {
  const cells = new Set<string>();
  for (let r = 0; r <= t.rows.length; r++) {
    for (let c = 0; c < t.header.length; c++) {
      cells.add(a1({ row: t.topLeft.row + r, column: t.topLeft.column + c }));
    }
  }
  return cells;
}

/**
 * Rows naming a few partners (each spelt one way) and quarters in several forms, each partner's quarter
 * once: which spelling a partner's findings show, and which row of a repeated quarter they cite first,
 * follow the sheet's order by design.
 */
const partnerRows = fc.uniqueArray(
  fc.tuple(
    fc.constantFrom("Acme", "Beta Advisory", "Gamma", "Delta & Co."),
    fc.constantFrom("2025-Q3", "2025-Q4", "Q1 2026", "2026-Q2", "2026-Q3", "2027-Q1", "n/a"),
    fc.oneof(fc.integer({ min: 0, max: 900_000 }), cellValue),
    fc.oneof(fc.integer({ min: 0, max: 6 }), cellValue),
    fc.constantFrom("Yes", "No", true, "maybe"),
    fc.constantFrom("Platinum", "Gold", "Silver", "Registered", "Exited", "", "Diamond")
  ),
  { maxLength: 20, selector: ([partner, quarter]) => `${partner} ${quarter}` }
);

describe("validateTables properties", () => {
  test("never throws, and every finding cites a cell of its table on its sheet", () => {
    fc.assert(
      fc.property(arbitraryTable, arbitraryTiers, arbitrarySettings, (t, tiers, settings) => {
        const v = validateTables(t, tiers ?? undefined, settings ?? undefined);
        const cells = new Map([
          ["Quarterly", cellsOf(t)],
          [
            "Tiers",
            new Set([...(tiers ? cellsOf(tiers) : []), ...(settings ? cellsOf(settings) : [])]),
          ],
        ]);
        for (const f of v.findings) {
          expect(cells.get(f.sheet)?.has(f.cell)).toBe(true);
          expect(f.message).not.toMatch(/undefined|\[object/);
        }
        expect(v.review.length).toBeLessThanOrEqual(t.rows.length);
        for (const r of v.review) expect(r.nextTierGap).not.toMatch(/undefined|NaN/);
      }),
      { numRuns: 300 }
    );
  });

  test("the same rows in any order give the same findings, each on the same row's cell", () => {
    const permuted = partnerRows.chain((rows) =>
      fc.tuple(
        fc.constant(rows),
        fc.shuffledSubarray(
          rows.map((_, i) => i),
          { minLength: rows.length, maxLength: rows.length }
        )
      )
    );
    fc.assert(
      fc.property(permuted, ([rows, order]) => {
        const topLeft = { row: 2, column: 0 };
        const original = validateTables(table(REQUIRED, rows, topLeft));
        const shuffled = validateTables(
          table(
            REQUIRED,
            order.map((i) => rows[i]!),
            topLeft
          )
        );
        // Row k of the shuffled table is row order[k] of the original: map its cells back.
        const back = (cell: string): string => {
          const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
          const k = Number(m[2]) - (topLeft.row + 2);
          return k < 0 ? cell : `${m[1]}${order[k]! + topLeft.row + 2}`;
        };
        const key = (f: Finding, cell: string) => JSON.stringify({ ...f, cell });
        expect(shuffled.findings.map((f) => key(f, back(f.cell))).sort()).toEqual(
          original.findings.map((f) => key(f, f.cell)).sort()
        );
        expect(shuffled.summary).toEqual(original.summary);
        const sorted = (items: readonly unknown[]) => items.map((i) => JSON.stringify(i)).sort();
        expect(sorted(shuffled.actions)).toEqual(sorted(original.actions));
        expect(sorted(shuffled.review)).toEqual(sorted(original.review));
      }),
      { numRuns: 300 }
    );
  });
});
