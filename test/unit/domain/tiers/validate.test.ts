import {
  DEFAULT_TIER_RULES,
  formatTierStatus,
  ProgramValidation,
  QuarterlyRow,
  TierRules,
  validateProgram,
} from "../../../../src/domain/tiers";
import { cellsOf, QuarterLine, quarterlyRows } from "./rows";

const validate = (
  rows: readonly QuarterlyRow[],
  rules: TierRules = DEFAULT_TIER_RULES
): ProgramValidation => validateProgram(rows, rules, { sheet: "Quarterly" });

/** A row with every column: activities and review held given (or defaulted to 1 and TRUE). */
const full = (
  partner: unknown,
  quarter: unknown,
  pipeline: unknown,
  certified: unknown,
  practice: unknown,
  tier: unknown,
  activities: unknown = 1,
  review: unknown = true
): QuarterLine => ({
  partner,
  quarter,
  pipeline,
  sourced: 0,
  influenced: 0,
  certified,
  practice,
  activities,
  review,
  tier,
});

/** A row without the optional columns: commitments are not checked. */
const core = (
  partner: unknown,
  quarter: unknown,
  pipeline: unknown,
  certified: unknown,
  practice: unknown,
  tier: unknown
): QuarterLine => ({
  partner,
  quarter,
  pipeline,
  certified,
  practice,
  tier,
});

const brief = (v: ProgramValidation) =>
  v.findings.map((f) => `${f.severity} ${f.rule} ${f.cell}: ${f.message}`);

const reviewOf = (v: ProgramValidation, partner: string) =>
  v.review
    .filter((r) => r.partner === partner)
    .map((r) =>
      [
        r.quarter,
        r.pipeline ?? "-",
        r.qualifyingTier ?? "-",
        r.expectedTier ?? "-",
        r.recordedTier ?? "-",
        r.status ? formatTierStatus(r.status) : "-",
      ].join(" | ")
    );

const actionsOf = (v: ProgramValidation) =>
  v.actions.map((a) => `${a.partner}: ${a.tier} → ${formatTierStatus(a.status)}`);

describe("validateProgram on a worked program", () => {
  // Rows 2–13: Acme Corp is promoted, warned, demoted (a demotion the records missed), demoted again and exits.
  // Rows 14–15: Beacon, a young Silver partner. Rows 16–17: Cobalt, a Registered partner that exits.
  // Rows 18–21: Delta, steady Gold with one mistyped tier. Rows 22–25: Echo, Gold, missing its commitments.
  const lines: QuarterLine[] = [
    full("Acme Corp", "2025-Q1", 600_000, 5, "Y", "Gold"),
    full("Acme Corp", "2025-Q2", 600_000, 5, "Y", "Gold"),
    full("Acme Corp", "2025-Q3", 600_000, 5, "Y", "Platinum", 1, false),
    full("Acme Corp", "2025-Q4", 600_000, 5, "Y", "Platinum"),
    full("Acme Corp", "2026-Q1", 200_000, 5, "Y", "Platinum"),
    full("Acme Corp", "2026-Q2", 100_000, 5, "Y", "Platinum"),
    full("Acme Corp", "2026-Q3", 100_000, 5, "Y", "Platinum"),
    full("Acme Corp", "2026-Q4", 0, 5, "Y", "Platinum"),
    full("Acme Corp", "2027-Q1", 0, 5, "Y", "Gold", 0),
    full("Acme Corp", "2027-Q2", 0, 5, "Y", "Silver", 0, false),
    full("Acme Corp", "2027-Q3", 0, 5, "Y", "Silver", 0, false),
    full("Acme Corp", "2027-Q4", null, 5, "Y", "Exited", 0, false),
    full("Beacon", "Q1 2027", 30_000, 1, "N", "Silver", 0, false),
    full("Beacon", "FY2027 Q2", "$30,000", "1", "no", "silver", 0, false),
    full("Cobalt", "2026-Q3", 0, 0, false, "Registered"),
    full("Cobalt", "2026-Q4", "", 0, false, "Registered"),
    full("Delta", "2026-Q1", 150_000, 3, "N", "Gold"),
    full("Delta", "2026-Q2", 150_000, 3, "N", "Gold"),
    full("Delta", "2026-Q3", 150_000, 3, "N", "Silver"),
    full("Delta", "2026-Q4", 150_000, 3, "N", "Gold"),
    full("Echo", "2026-Q1", 150_000, 3, "N", "Gold", 0, false),
    full("Echo", "2026-Q2", 150_000, 3, "N", "Gold", 1, false),
    full("Echo", "2026-Q3", 150_000, 3, "N", "Gold", 0, true),
    full("Echo", "2026-Q4", 150_000, 3, "N", "Gold", 0, false),
  ];
  const v = validate(quarterlyRows(lines));

  it("walks Acme Corp's history: qualification on the trailing year, expected against recorded tiers", () => {
    expect(reviewOf(v, "Acme Corp")).toEqual([
      "2025-Q1 | 2400000 | Platinum | Gold | Gold | Hold",
      "2025-Q2 | 2400000 | Platinum | Gold | Gold | Promote to Platinum",
      "2025-Q3 | 2400000 | Platinum | Platinum | Platinum | Hold",
      "2025-Q4 | 2400000 | Platinum | Platinum | Platinum | Hold",
      "2026-Q1 | 2000000 | Platinum | Platinum | Platinum | Hold",
      "2026-Q2 | 1500000 | Gold | Platinum | Platinum | Warning",
      "2026-Q3 | 1000000 | Gold | Platinum | Platinum | Demote to Gold",
      "2026-Q4 | 400000 | Silver | Gold | Platinum | Warning",
      "2027-Q1 | 200000 | Silver | Gold | Gold | Demote to Silver",
      "2027-Q2 | 100000 | Silver | Silver | Silver | Hold",
      "2027-Q3 | 0 | Registered | Silver | Silver | Exit",
      "2027-Q4 | 0 | Registered | Exited | Exited | -",
    ]);
  });

  it("reports every finding with its cell and a reason an analyst can act on", () => {
    expect(brief(v)).toEqual([
      "error tier.recorded-mismatch J9: Acme Corp 2026-Q4: recorded Platinum, expected Gold (missed Platinum criteria in 2026-Q2 and 2026-Q3)",
      "error tier.recorded-mismatch J20: Delta 2026-Q3: recorded Silver, expected Gold (qualified for Gold in 2026-Q2; Gold since the tier recorded in 2026-Q1)",
      "warning commitment.qbr I4: Acme Corp 2025-Q3: no QBR held; Platinum commits to a QBR every quarter",
      "warning commitment.qbr I23: Echo 2026-Q2: no business review held in 2026-Q1 to 2026-Q2; Gold commits to one every 2 quarters",
      "warning commitment.joint-gtm H25: Echo 2026-Q4: 1 joint GTM activity in 2026; Gold commits to at least 2 a year",
    ]);
    expect(v.summary).toEqual({ errors: 2, warnings: 3, info: 0 });
    expect(v.findings[0]).toMatchObject({
      sheet: "Quarterly",
      partner: "Acme Corp",
      quarter: "2026-Q4",
    });
  });

  it("one mistyped tier is one finding: the walk follows the rules, not the records", () => {
    expect(reviewOf(v, "Delta").map((r) => r.split(" | ").slice(3, 5).join(" vs "))).toEqual([
      "Gold vs Gold",
      "Gold vs Gold",
      "Gold vs Silver",
      "Gold vs Gold",
    ]);
  });

  it("gives each partner's current action from its latest quarter", () => {
    expect(actionsOf(v)).toEqual([
      "Beacon: Silver → Hold",
      "Cobalt: Registered → Exit",
      "Delta: Gold → Hold",
      "Echo: Gold → Hold",
    ]);
  });

  it("reads any accepted quarter label and annualises a young partner's pipeline", () => {
    expect(reviewOf(v, "Beacon")).toEqual([
      "2027-Q1 | 120000 | Silver | Silver | Silver | Hold",
      "2027-Q2 | 120000 | Silver | Silver | Silver | Hold",
    ]);
  });

  it("exits a Registered partner after exactly two empty quarters, not one", () => {
    expect(reviewOf(v, "Cobalt")).toEqual([
      "2026-Q3 | 0 | Registered | Registered | Registered | Hold",
      "2026-Q4 | 0 | Registered | Registered | Registered | Exit",
    ]);
  });

  it("writes the findings into the review rows they concern", () => {
    const row = v.review.find((r) => r.partner === "Echo" && r.quarter === "2026-Q4");
    expect(row?.finding).toBe("1 joint GTM activity in 2026; Gold commits to at least 2 a year");
    expect(v.review.find((r) => r.partner === "Delta" && r.quarter === "2026-Q4")?.finding).toBe(
      ""
    );
  });

  it("gives the same result whatever the order of the rows", () => {
    const rows = quarterlyRows(lines);
    const shuffled = [...rows].reverse();
    expect(validate(shuffled).findings).toEqual(v.findings);
  });
});

describe("validateProgram: exit", () => {
  it("an exit the records ignore is an error in every quarter until it is confirmed", () => {
    const v = validate(
      quarterlyRows([
        core("Fjord", "2026-Q1", 0, 0, "N", "Registered"),
        core("Fjord", "2026-Q2", 0, 0, "N", "Registered"),
        core("Fjord", "2026-Q3", 0, 0, "N", "Registered"),
        core("Fjord", "2026-Q4", 5_000, 0, "N", "Registered"),
      ])
    );
    expect(brief(v)).toEqual([
      "error tier.recorded-mismatch J4: Fjord 2026-Q3: recorded Registered, expected Exited (exited at the 2026-Q2 review (no pipeline in 2026-Q1 to 2026-Q2))",
      "error tier.recorded-mismatch J5: Fjord 2026-Q4: recorded Registered, expected Exited (exited at the 2026-Q2 review (no pipeline in 2026-Q1 to 2026-Q2))",
    ]);
    expect(actionsOf(v)).toEqual(["Fjord: Registered → Hold"]);
  });

  it("a tier recorded after a confirmed exit is a new partnership", () => {
    const v = validate(
      quarterlyRows([
        core("Glade", "2026-Q1", 0, 0, "N", "Registered"),
        core("Glade", "2026-Q2", 0, 0, "N", "Registered"),
        core("Glade", "2026-Q3", 0, 0, "N", ""),
        core("Glade", "2026-Q4", 50_000, 1, "N", "Silver"),
        core("Glade", "2027-Q1", 50_000, 1, "N", "Silver"),
      ])
    );
    expect(brief(v)).toEqual([
      "info tier.rejoined J5: Glade 2026-Q4: recorded Silver after the exit at the 2026-Q2 review: a new partnership from 2026-Q4",
    ]);
    expect(reviewOf(v, "Glade").map((r) => r.split(" | ").slice(3).join(" "))).toEqual([
      "Registered Registered Hold",
      "Registered Registered Exit",
      "Exited - -",
      "Silver Silver Hold",
      "Silver Silver Hold",
    ]);
  });

  it("a year missing from the data counts as a year without pipeline: the partner has exited", () => {
    const v = validate(
      quarterlyRows([
        core("Harbor", "2025-Q1", 200_000, 3, "N", "Gold"),
        core("Harbor", "2026-Q2", 200_000, 3, "N", "Gold"),
      ])
    );
    expect(brief(v)).toEqual([
      "error tier.recorded-mismatch J3: Harbor 2026-Q2: recorded Gold, expected Exited (exited at the 2026-Q1 review (no pipeline in 2025-Q4 to 2026-Q1))",
      "warning quarter.gap B3: Harbor 2026-Q2: no row for 2025-Q2 to 2026-Q1 (4 quarters missing): they count as quarters without pipeline",
    ]);
  });

  it("an early exit is a mismatch, saying what the exit rule still needs", () => {
    const v = validate(
      quarterlyRows([
        core("Inlet", "2026-Q1", 100_000, 1, "N", "Silver"),
        core("Inlet", "2026-Q2", 0, 1, "N", "Exited"),
      ])
    );
    expect(brief(v)).toEqual([
      "error tier.recorded-mismatch J3: Inlet 2026-Q2: recorded Exited, expected Silver (qualified for Silver in 2026-Q1; pipeline in 2026-Q1; exit takes 4 quarters without pipeline; Silver since the tier recorded in 2026-Q1)",
    ]);
  });
});

describe("validateProgram: recorded tiers", () => {
  it("starts from the first recorded tier; quarters before it expect nothing but still count as history", () => {
    const v = validate(
      quarterlyRows([
        core("Juniper", "2026-Q1", 150_000, 3, "N", null),
        core("Juniper", "2026-Q2", 150_000, 3, "N", "Silver"),
        core("Juniper", "2026-Q3", 150_000, 3, "N", "Silver"),
        core("Juniper", "2026-Q4", 150_000, 3, "N", "Gold"),
      ])
    );
    expect(reviewOf(v, "Juniper")).toEqual([
      "2026-Q1 | 600000 | Gold | - | - | -",
      "2026-Q2 | 600000 | Gold | Silver | Silver | Promote to Gold",
      "2026-Q3 | 600000 | Gold | Gold | Silver | Hold",
      "2026-Q4 | 600000 | Gold | Gold | Gold | Hold",
    ]);
    expect(brief(v)).toEqual([
      "error tier.recorded-mismatch J4: Juniper 2026-Q3: recorded Silver, expected Gold (qualified for Gold in 2026-Q1 and 2026-Q2)",
    ]);
  });

  it("a missed promotion names the qualifying quarters", () => {
    const v = validate(
      quarterlyRows([
        core("Kestrel", "2026-Q1", 150_000, 3, "N", "Silver"),
        core("Kestrel", "2026-Q2", 150_000, 3, "N", "Silver"),
        core("Kestrel", "2026-Q3", 150_000, 3, "N", "Silver"),
      ])
    );
    expect(brief(v)).toEqual([
      "error tier.recorded-mismatch J4: Kestrel 2026-Q3: recorded Silver, expected Gold (qualified for Gold in 2026-Q1 and 2026-Q2)",
    ]);
    expect(actionsOf(v)).toEqual(["Kestrel: Silver → Promote to Gold"]);
  });

  it("a promotion one quarter early, and a demotion after a single miss, say what the rule needs", () => {
    const v = validate(
      quarterlyRows([
        core("Marten", "2026-Q1", 300_000, 3, "N", "Gold"),
        core("Marten", "2026-Q2", 700_000, 5, "Y", "Gold"),
        core("Marten", "2026-Q3", 700_000, 5, "Y", "Platinum"),
        core("Nimbus", "2026-Q1", 600_000, 5, "Y", "Platinum"),
        core("Nimbus", "2026-Q2", 100_000, 5, "Y", "Platinum"),
        core("Nimbus", "2026-Q3", 600_000, 5, "Y", "Gold"),
      ])
    );
    expect(brief(v)).toEqual([
      "error tier.recorded-mismatch J4: Marten 2026-Q3: recorded Platinum, expected Gold (qualified above Gold for 1 quarter in a row to 2026-Q2; promotion takes 2; Gold since the tier recorded in 2026-Q1)",
      "error tier.recorded-mismatch J7: Nimbus 2026-Q3: recorded Gold, expected Platinum (missed Platinum criteria in 2026-Q2 (a warning: demotion takes 2 quarters in a row); Platinum since the tier recorded in 2026-Q1)",
    ]);
  });

  it("a blank recorded tier is a warning; an unknown name is an error", () => {
    const v = validate(
      quarterlyRows([
        core("Lumen", "2026-Q1", 150_000, 3, "N", "Gold"),
        core("Lumen", "2026-Q2", 150_000, 3, "N", " "),
        core("Lumen", "2026-Q3", 150_000, 3, "N", "Diamond"),
      ])
    );
    expect(brief(v)).toEqual([
      'error tier.unknown-name J4: Lumen 2026-Q3: recorded tier "Diamond" is not a tier (use Platinum, Gold, Silver or Registered, or Exited)',
      "warning tier.recorded-missing J3: Lumen 2026-Q2: no recorded tier; expected Gold",
    ]);
  });

  it("groups a partner's rows ignoring case and surrounding spaces", () => {
    const v = validate(
      quarterlyRows([
        core("Acme", "2026-Q1", 150_000, 3, "N", "Gold"),
        core(" ACME ", "2026-Q2", 150_000, 3, "N", "Gold"),
      ])
    );
    expect(v.review.map((r) => r.partner)).toEqual(["Acme", "Acme"]);
    expect(v.actions).toHaveLength(1);
  });
});

describe("validateProgram: bad data", () => {
  const rows = quarterlyRows([
    full("Mesa", "2026-Q1", 150_000, 3, "N", "Gold"),
    full("Mesa", "2026-Q2", "lots", 3, "N", "Gold"),
    full("Mesa", "2026-Q3", -5, "three", "maybe", "Gold", 1.5, "perhaps"),
    full("", "2026-Q1", 150_000, 3, "N", "Gold"),
    full("Nadir", "2026-Q5", 150_000, 3, "N", "Gold"),
    full("Nadir", 2026, 150_000, 3, "N", "Gold"),
    full("Orca", "2026-Q1", 150_000, 3, "N", "Gold"),
    full("Orca", "2026-Q2", 150_000, 3, "N", "Gold"),
    full("Orca", "2026-Q3", 150_000, 3, "N", "Silver"),
    {
      partner: null,
      quarter: "",
      pipeline: null,
      sourced: null,
      influenced: " ",
      certified: null,
      practice: null,
      activities: null,
      review: null,
      tier: null,
    },
  ]);
  const v = validate(rows);

  it("reports each unreadable cell with its address, and still validates the valid rows", () => {
    expect(brief(v)).toEqual([
      'error data.not-a-number C3: Mesa 2026-Q2: pipeline "lots" is not a number',
      "error data.negative-pipeline C4: Mesa 2026-Q3: pipeline -$5 is negative",
      'error data.not-a-number F4: Mesa 2026-Q3: certified individuals "three" is not a number',
      'error data.not-a-flag G4: Mesa 2026-Q3: dedicated practice "maybe" is not yes or no (use TRUE/FALSE, Yes/No, Y/N or 1/0)',
      "error data.not-a-whole-number H4: Mesa 2026-Q3: joint GTM activities 1.5 is not a whole number",
      'error data.not-a-flag I4: Mesa 2026-Q3: business review held "perhaps" is not yes or no (use TRUE/FALSE, Yes/No, Y/N or 1/0)',
      "error data.partner A5: 2026-Q1: the partner is blank; the row is not validated",
      'error quarter.label B6: Nadir: "2026-Q5" is not a quarter; write it as 2026-Q1, Q1 2026, FY2026 Q1 or a date',
      "error quarter.label B7: Nadir: 2026 is a year, not a quarter; write it as 2026-Q1, Q1 2026, FY2026 Q1 or a date",
      "error tier.recorded-mismatch J10: Orca 2026-Q3: recorded Silver, expected Gold (qualified for Gold in 2026-Q2; Gold since the tier recorded in 2026-Q1)",
    ]);
  });

  it("leaves reviews that depend on an unreadable cell undecided, and says nothing it cannot know", () => {
    expect(reviewOf(v, "Mesa")).toEqual([
      "2026-Q1 | 600000 | Gold | Gold | Gold | Hold",
      "2026-Q2 | - | - | Gold | Gold | -",
      "2026-Q3 | - | - | Gold | Gold | -",
    ]);
    expect(v.review.find((r) => r.partner === "Mesa" && r.quarter === "2026-Q2")?.finding).toBe(
      'pipeline "lots" is not a number'
    );
    expect(actionsOf(v)).toEqual(["Orca: Silver → Promote to Gold"]);
  });

  it("skips blank rows silently", () => {
    expect(v.findings.some((f) => f.cell.endsWith("11"))).toBe(false);
  });

  it("cites only cells that exist in the input", () => {
    const cells = cellsOf(rows);
    for (const f of v.findings) expect(cells.has(f.cell)).toBe(true);
  });

  it("keeps sourced and influenced ARR apart from pipeline: they qualify nobody", () => {
    const arr = validate(
      quarterlyRows([
        { ...full("Pike", "2026-Q1", 0, 5, "Y", "Registered"), sourced: 5_000_000, influenced: -1 },
      ])
    );
    expect(reviewOf(arr, "Pike")).toEqual([
      "2026-Q1 | 0 | Registered | Registered | Registered | Hold",
    ]);
    expect(brief(arr)).toEqual([
      "error data.negative-number E2: Pike 2026-Q1: influenced ARR -$1 is negative",
    ]);
  });
});

describe("validateProgram: duplicates and gaps", () => {
  it("reports every row of a duplicated partner and quarter, whatever its label's form, and uses none", () => {
    const v = validate(
      quarterlyRows([
        core("Quill", "2026-Q1", 150_000, 3, "N", "Gold"),
        core("Quill", "Q1 2026", 150_000, 3, "N", "Silver"),
        core("Quill", "2026-Q2", 150_000, 3, "N", "Gold"),
      ])
    );
    expect(brief(v)).toEqual([
      "error quarter.duplicate B2: Quill 2026-Q1: the quarter appears 2 times (B2, B3); none of these rows is used",
      "error quarter.duplicate B3: Quill 2026-Q1: the quarter appears 2 times (B2, B3); none of these rows is used",
    ]);
    expect(reviewOf(v, "Quill")).toEqual([
      "2026-Q1 | - | - | - | - | -",
      "2026-Q2 | - | - | Gold | Gold | -",
    ]);
  });

  it("warns of a gap on the quarter after it; the missing quarter misses every criterion", () => {
    const v = validate(
      quarterlyRows([
        core("Raven", "2026-Q3", 150_000, 3, "N", "Gold"),
        core("Raven", "2026-Q1", 150_000, 3, "N", "Gold"),
      ])
    );
    expect(brief(v)).toEqual([
      "warning quarter.gap B2: Raven 2026-Q3: no row for 2026-Q2 (a quarter missing): they count as quarters without pipeline",
    ]);
    expect(reviewOf(v, "Raven")).toEqual([
      "2026-Q1 | 600000 | Gold | Gold | Gold | Hold",
      "2026-Q3 | 400000 | Silver | Gold | Gold | Demote to Silver",
    ]);
  });

  it("handles a mistyped year without walking every quarter in between", () => {
    const started = Date.now();
    const v = validate(
      quarterlyRows([
        core("Sable", "1926-Q1", 150_000, 3, "N", "Gold"),
        core("Sable", "9026-Q1", 150_000, 3, "N", "Gold"),
      ])
    );
    expect(Date.now() - started).toBeLessThan(1000);
    expect(brief(v)).toEqual([
      "warning quarter.gap B3: Sable 9026-Q1: no row for 1926-Q2 to 9025-Q4 (28399 quarters missing): they count as quarters without pipeline",
      "info tier.rejoined J3: Sable 9026-Q1: recorded Gold after the exit at the 1927-Q1 review: a new partnership from 9026-Q1",
    ]);
  });
});

describe("validateProgram: commitments", () => {
  it("are not checked where the data lacks their columns", () => {
    const v = validate(
      quarterlyRows(
        ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"].map((q) =>
          core("Tern", q, 600_000, 5, "Y", "Platinum")
        )
      )
    );
    expect(v.findings).toEqual([]);
  });

  it("Silver: an annual review and one joint webinar a year", () => {
    const quarters = ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"];
    const v = validate(
      quarterlyRows(quarters.map((q) => full("Umber", q, 25_000, 1, "N", "Silver", 0, false)))
    );
    expect(brief(v)).toEqual([
      "warning commitment.joint-gtm H5: Umber 2026-Q4: 0 joint GTM activities in 2026; Silver commits to at least 1 a year",
      "warning commitment.qbr I5: Umber 2026-Q4: no business review held in 2026-Q1 to 2026-Q4; Silver commits to one every 4 quarters",
    ]);
    const met = validate(
      quarterlyRows(
        quarters.map((q, i) => full("Umber", q, 25_000, 1, "N", "Silver", i === 2 ? 1 : 0, i === 3))
      )
    );
    expect(met.findings).toEqual([]);
  });

  it("Platinum: a QBR every quarter and four joint GTM activities a year", () => {
    const quarters = ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"];
    const v = validate(
      quarterlyRows(
        quarters.map((q, i) => full("Vale", q, 600_000, 5, "Y", "Platinum", 1, i !== 1))
      )
    );
    expect(brief(v)).toEqual([
      "warning commitment.qbr I3: Vale 2026-Q2: no QBR held; Platinum commits to a QBR every quarter",
    ]);
  });
});
