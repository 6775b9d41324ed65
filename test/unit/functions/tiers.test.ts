import { shown } from "./customFunctionsRuntime";
import { tierGap, tierQualify, tierStatus } from "../../../src/functions/tiers";

// Excel passes every matrix parameter as rows of cells: one value is [[v]]; a left-out argument is null.
const OMITTED = null as unknown as unknown[][];
const one = (v: unknown): unknown[][] => [[v]];
const column = (...values: unknown[]): unknown[][] => values.map((v) => [v]);
const valueError = (message: string) => ({ code: "#VALUE!", message });
const notAvailable = (message: string) => ({ code: "#N/A", message });

const qualify = (pipeline: unknown, certified: unknown, practice: unknown, tiers = OMITTED) =>
  shown(() => tierQualify(one(pipeline), one(certified), one(practice), tiers));

const gapOf = (
  pipeline: unknown,
  certified: unknown,
  practice: unknown,
  target: unknown = null,
  tiers = OMITTED
) => shown(() => tierGap(one(pipeline), one(certified), one(practice), one(target), tiers));

/** The Tiers sheet's tblTiers[#All], as the workbook writes it. */
const TBL_TIERS_ALL = [
  [
    "Tier",
    "Pipeline Target",
    "Certified Individuals",
    "Dedicated Practice",
    "Review Every (Quarters)",
    "Joint GTM Activities per Year",
    "Benefits",
    "Commitments",
  ],
  ["Platinum", 2_000_000, 5, true, 1, 4, "PAM", "QBR"],
  ["Gold", 750_000, 3, false, 2, 2, "MDF", "Semi-annual review"],
  ["Silver", 100_000, 1, false, 4, 1, "Portal", "Annual review"],
  ["Registered", null, null, null, null, null, "Training", ""],
];
/** The same without its header row (tblTiers): the columns are taken in the sheet's order. */
const TBL_TIERS = TBL_TIERS_ALL.slice(1);

const NO_FIGURES = "pipeline, certified and practice are blank: the partner has no figures yet";

describe("PS.TIERQUALIFY", () => {
  test("Platinum needs $2,000,000, 5 certified and a dedicated practice, each at its boundary", () => {
    expect(qualify(2_000_000, 5, true)).toEqual([["Platinum"]]);
    expect(qualify(1_999_999.99, 5, true)).toEqual([["Gold"]]);
    expect(qualify(2_000_000, 4, true)).toEqual([["Gold"]]);
    expect(qualify(2_000_000, 5, false)).toEqual([["Gold"]]);
  });

  test("Gold needs $500,000 and 3 certified, Silver $100,000 and 1, else Registered", () => {
    expect(qualify(500_000, 3, false)).toEqual([["Gold"]]);
    expect(qualify(499_999.99, 3, false)).toEqual([["Silver"]]);
    expect(qualify(500_000, 2, false)).toEqual([["Silver"]]);
    expect(qualify(100_000, 1, false)).toEqual([["Silver"]]);
    expect(qualify(99_999.99, 1, false)).toEqual([["Registered"]]);
    expect(qualify(50_000_000, 0, true)).toEqual([["Registered"]]);
  });

  test("practice as TRUE/FALSE, Yes/No, Y/N or 1/0, in any case", () => {
    for (const yes of [true, "TRUE", "Yes", "yes", "Y", "y", 1, "1"]) {
      expect(qualify(2_000_000, 5, yes)).toEqual([["Platinum"]]);
    }
    for (const no of [false, "FALSE", "No", "n", 0, "0"]) {
      expect(qualify(2_000_000, 5, no)).toEqual([["Gold"]]);
    }
  });

  test("money and counts typed as text are read as an analyst types them", () => {
    expect(qualify("$2,000,000", " 5 ", "Yes")).toEqual([["Platinum"]]);
  });

  test("one blank figure counts as 0 or No; a partner with no figures at all is #N/A", () => {
    expect(qualify(2_000_000, null, true)).toEqual([["Registered"]]);
    expect(qualify(500_000, 3, null)).toEqual([["Gold"]]);
    expect(qualify(null, "", null)).toEqual(notAvailable(NO_FIGURES));
    expect(shown(() => tierQualify(OMITTED, OMITTED, OMITTED))).toEqual(notAvailable(NO_FIGURES));
  });

  test("a wrong figure is #VALUE! naming the argument and the problem", () => {
    expect(qualify("lots", 5, true)).toEqual(valueError('pipeline "lots" is not a number'));
    expect(qualify(-1, 5, true)).toEqual(valueError("pipeline -$1 is negative"));
    expect(qualify(1, 2.5, true)).toEqual(valueError("certified 2.5 is not a whole number"));
    expect(qualify(1, "five", true)).toEqual(valueError('certified "five" is not a number'));
    expect(qualify(1, 3, "sometimes")).toEqual(
      valueError('practice "sometimes" is not yes or no (use TRUE/FALSE, Yes/No, Y/N or 1/0)')
    );
    expect(qualify(true, 3, true)).toEqual(valueError("pipeline TRUE is not a number"));
  });

  test("columns of equal height give one tier per row, a bad row keeping its own error", () => {
    const result = shown(() =>
      tierQualify(
        column(2_000_000, 600_000, "n/a", null, 100_000),
        column(5, 3, 3, null, 1),
        column(true, "No", false, null, "maybe")
      )
    );
    expect(result).toEqual([
      ["Platinum"],
      ["Gold"],
      [valueError('row 3: pipeline "n/a" is not a number')],
      [notAvailable(`row 4: ${NO_FIGURES}`)],
      [valueError('row 5: practice "maybe" is not yes or no (use TRUE/FALSE, Yes/No, Y/N or 1/0)')],
    ]);
  });

  test("a single value applies to every row", () => {
    expect(
      shown(() => tierQualify(column(2_000_000, 2_000_000), one(5), column(true, false)))
    ).toEqual([["Platinum"], ["Gold"]]);
  });

  test("columns of unequal height, or a range several columns wide, are #VALUE!", () => {
    expect(shown(() => tierQualify(column(1, 2, 3), column(1, 2), one(false)))).toEqual(
      valueError(
        "pipeline has 3 rows but certified has 2: give ranges of the same height, one row per partner"
      )
    );
    expect(shown(() => tierQualify([[1, 2]], one(1), one(false)))).toEqual(
      valueError(
        "pipeline must be one value or a column with one value per partner, not a range 2 columns wide"
      )
    );
  });

  test("tiersRange: tblTiers with its header row, or without it, sets the criteria", () => {
    expect(qualify(600_000, 3, false)).toEqual([["Gold"]]);
    expect(qualify(600_000, 3, false, TBL_TIERS_ALL)).toEqual([["Silver"]]);
    expect(qualify(600_000, 3, false, TBL_TIERS)).toEqual([["Silver"]]);
    expect(qualify(750_000, 3, false, TBL_TIERS)).toEqual([["Gold"]]);
  });

  test("tiersRange: headers are found by name, in any order; a blank tiersRange is the playbook's", () => {
    const reordered = [
      ["Certified Individuals", "Tier", "Pipeline Target"],
      [3, "Gold", 750_000],
    ];
    expect(qualify(600_000, 3, false, reordered)).toEqual([["Silver"]]);
    expect(qualify(600_000, 3, false, [[null]])).toEqual([["Gold"]]);
  });

  test("tiersRange: a bad setting is #VALUE! naming the cell and the field", () => {
    const bad = TBL_TIERS_ALL.map((row) => [...row]);
    bad[2]![1] = "lots";
    expect(qualify(600_000, 3, false, bad)).toEqual(
      valueError('tiersRange: Gold pipeline target "lots" is not a number (cell B3 of the range)')
    );
    expect(qualify(600_000, 3, false, [["Diamond", 1, 1, false]])).toEqual(
      valueError(
        'tiersRange: the tier "Diamond" is not a tier (use Platinum, Gold, Silver or Registered) (cell A1 of the range)'
      )
    );
  });
});

describe("PS.TIERGAP", () => {
  test("names what is missing for the next tier up", () => {
    expect(gapOf(350_000, 2, false)).toEqual([["Gold: +$150,000 pipeline, +1 certified"]]);
    expect(gapOf(2_500_000, 6, false)).toEqual([["Platinum: dedicated practice"]]);
    expect(gapOf(0, 0, false)).toEqual([["Silver: +$100,000 pipeline, +1 certified"]]);
    expect(gapOf(1_999_999.99, 4, true)).toEqual([["Platinum: +$0.01 pipeline, +1 certified"]]);
  });

  test("a partner at the top meets Platinum", () => {
    expect(gapOf(2_000_000, 5, true)).toEqual([["meets Platinum"]]);
  });

  test("measures against a named tier, in any case; left out, the targetTier is the next tier up", () => {
    expect(gapOf(350_000, 2, "No", "platinum")).toEqual([
      ["Platinum: +$1,650,000 pipeline, +3 certified, dedicated practice"],
    ]);
    expect(gapOf(2_000_000, 5, true, "Gold")).toEqual([["meets Gold"]]);
    expect(shown(() => tierGap(one(350_000), one(2), one(false), OMITTED, OMITTED))).toEqual([
      ["Gold: +$150,000 pipeline, +1 certified"],
    ]);
  });

  test("uses the criteria of tiersRange", () => {
    expect(gapOf(600_000, 3, false, null, TBL_TIERS_ALL)).toEqual([["Gold: +$150,000 pipeline"]]);
  });

  test("bad input is #VALUE! naming the argument; no figures at all is #N/A", () => {
    expect(gapOf(1, 1, false, "Diamond")).toEqual(
      valueError('targetTier "Diamond" is not a tier (use Platinum, Gold, Silver or Registered)')
    );
    expect(gapOf("?", 1, false)).toEqual(valueError('pipeline "?" is not a number'));
    expect(gapOf(null, null, null, "Gold")).toEqual(notAvailable(NO_FIGURES));
  });

  test("columns give one answer per row; one target tier applies to all", () => {
    const result = shown(() =>
      tierGap(column(350_000, 2_000_000, -5), column(2, 5, 1), one(false), one("Gold"), OMITTED)
    );
    expect(result).toEqual([
      ["Gold: +$150,000 pipeline, +1 certified"],
      ["meets Gold"],
      [valueError("row 3: pipeline -$5 is negative")],
    ]);
  });
});

/** One quarter: quarterly pipeline, certified individuals, dedicated practice. */
type Quarter = readonly [unknown, unknown, unknown];
const PLATINUM: Quarter = [500_000, 5, true]; // $2,000,000 a year
const GOLD: Quarter = [125_000, 3, false]; // $500,000 a year
const SILVER: Quarter = [25_000, 1, false]; // $100,000 a year
const EMPTY: Quarter = [0, 0, false];
const BLANK: Quarter = [null, null, null];

/** The three histories as rows (quarters left to right), or as columns (top to bottom). */
const asRows = (quarters: readonly Quarter[]) =>
  [0, 1, 2].map((k) => [quarters.map((q) => q[k])]) as [unknown[][], unknown[][], unknown[][]];
const asColumns = (quarters: readonly Quarter[]) =>
  [0, 1, 2].map((k) => quarters.map((q) => [q[k]])) as [unknown[][], unknown[][], unknown[][]];

const statusOf = (tier: unknown, quarters: readonly Quarter[], tiers = OMITTED) =>
  shown(() => tierStatus(one(tier), ...asRows(quarters), tiers));

describe("PS.TIERSTATUS", () => {
  test("each status, from histories oldest first", () => {
    expect(statusOf("Gold", [GOLD, GOLD, GOLD, GOLD])).toEqual([["Hold"]]);
    expect(statusOf("Gold", [GOLD, GOLD, GOLD, SILVER])).toEqual([["Warning"]]);
    expect(statusOf("Gold", [GOLD, GOLD, SILVER, SILVER])).toEqual([["Demote to Silver"]]);
    expect(statusOf("Silver", [SILVER, SILVER, PLATINUM, PLATINUM])).toEqual([["Promote to Gold"]]);
    expect(statusOf("Silver", [PLATINUM, PLATINUM, PLATINUM, PLATINUM])).toEqual([
      ["Promote to Platinum"],
    ]);
    expect(statusOf("Gold", [GOLD, EMPTY, EMPTY, EMPTY, EMPTY])).toEqual([["Exit"]]);
    expect(statusOf("Registered", [SILVER, EMPTY, EMPTY])).toEqual([["Exit"]]);
  });

  test("histories given as columns read the same as rows", () => {
    const quarters = [GOLD, GOLD, SILVER, SILVER];
    expect(shown(() => tierStatus(one("gold"), ...asColumns(quarters), OMITTED))).toEqual([
      ["Demote to Silver"],
    ]);
  });

  test("the latest quarter is the last: the same quarters in the other order say otherwise", () => {
    expect(statusOf("Registered", [SILVER, EMPTY, EMPTY])).toEqual([["Exit"]]);
    expect(statusOf("Registered", [EMPTY, EMPTY, SILVER])).toEqual([["Hold"]]);
  });

  test("quarters not reported yet, blank before the first report or after the last, are ignored", () => {
    expect(statusOf("Gold", [GOLD, GOLD, GOLD, GOLD, BLANK, BLANK, BLANK, BLANK])).toEqual([
      ["Hold"],
    ]);
    // Without the leading blanks the first two quarters annualise to $2,000,000: Platinum twice.
    expect(statusOf("Gold", [BLANK, BLANK, PLATINUM, PLATINUM])).toEqual([["Promote to Platinum"]]);
  });

  test("a blank quarter between reports is a quarter without pipeline", () => {
    expect(statusOf("Registered", [SILVER, BLANK, BLANK, SILVER])).toEqual([["Hold"]]);
    expect(statusOf("Registered", [SILVER, BLANK, [0, null, null]])).toEqual([["Exit"]]);
  });

  test("movementRange (tblTierRules) sets the movement rules, so a cell agrees with validate", () => {
    const movement = (streak: unknown, header = true) => [
      ...(header ? [["Setting", "Value", "Note"]] : []),
      ["Promotion/Demotion Streak (Quarters)", streak, ""],
      ["Exit Window (Quarters)", 4, ""],
    ];
    const quarters = asRows([GOLD, GOLD, GOLD, SILVER]);
    // The playbook demotes after 2 quarters below; a streak of 1 demotes after one.
    expect(shown(() => tierStatus(one("Gold"), ...quarters))).toEqual([["Warning"]]);
    expect(shown(() => tierStatus(one("Gold"), ...quarters, OMITTED, movement(1)))).toEqual([
      ["Demote to Silver"],
    ]);
    expect(
      shown(() => tierStatus(one("Gold"), ...quarters, TBL_TIERS_ALL, movement(1, false)))
    ).toEqual([["Demote to Silver"]]);
    expect(shown(() => tierStatus(one("Gold"), ...quarters, OMITTED, movement("two")))).toEqual({
      code: "#VALUE!",
      message:
        'movementRange: Promotion/Demotion Streak (Quarters): the value "two" is not a number (cell B2 of the range)',
    });
  });

  test("tiersRange sets the criteria the quarters are measured against", () => {
    expect(statusOf("Gold", [GOLD, GOLD, GOLD, GOLD], TBL_TIERS_ALL)).toEqual([
      ["Demote to Silver"],
    ]);
  });

  test("a blank current tier, or no quarter reported yet, is #N/A", () => {
    expect(statusOf(null, [GOLD])).toEqual(
      notAvailable("currentTier is blank: the partner holds no tier yet")
    );
    expect(statusOf("Gold", [BLANK, BLANK])).toEqual(
      notAvailable("the histories are blank: no quarter is reported yet")
    );
  });

  test("an unknown tier, text in numbers or a negative pipeline is #VALUE! naming the argument", () => {
    expect(statusOf("Diamond", [GOLD])).toEqual(
      valueError('currentTier "Diamond" is not a tier (use Platinum, Gold, Silver or Registered)')
    );
    expect(statusOf("Gold", [GOLD, ["n/a", 3, false]])).toEqual(
      valueError('pipelineHistory value 2: "n/a" is not a number')
    );
    expect(statusOf("Gold", [GOLD, [-5, 3, false]])).toEqual(
      valueError("pipelineHistory value 2: -$5 is negative")
    );
    expect(statusOf("Gold", [GOLD, [1, "three", false]])).toEqual(
      valueError('certifiedHistory value 2: "three" is not a number')
    );
    expect(statusOf("Gold", [[1, 3, "perhaps"]])).toEqual(
      valueError(
        'practiceHistory value 1: "perhaps" is not yes or no (use TRUE/FALSE, Yes/No, Y/N or 1/0)'
      )
    );
  });

  test("positions in messages count every quarter given, blank ones before the first report too", () => {
    expect(statusOf("Gold", [BLANK, GOLD, ["n/a", 3, false]])).toEqual(
      valueError('pipelineHistory value 3: "n/a" is not a number')
    );
  });

  test("histories of unequal length, or blocks of several rows and columns, are #VALUE!", () => {
    expect(
      shown(() => tierStatus(one("Gold"), [[1, 2, 3]], [[3, 3]], [[true, true, true]]))
    ).toEqual(
      valueError(
        "the histories must have one value per quarter each, but pipelineHistory has 3, certifiedHistory 2 and practiceHistory 3"
      )
    );
    const block = [
      [1, 2],
      [3, 4],
    ];
    expect(shown(() => tierStatus(one("Gold"), block, block, block))).toEqual(
      valueError(
        "pipelineHistory must be one row or one column of quarters, oldest first; for several partners, give currentTier as a column with one row of quarters per partner"
      )
    );
  });

  test("a column of current tiers with one row of quarters per partner gives one status per row", () => {
    const partners: [unknown, Quarter[]][] = [
      ["Gold", [GOLD, GOLD, GOLD, GOLD]],
      ["Platinum", [PLATINUM, PLATINUM, GOLD, GOLD]],
      ["Diamond", [GOLD, GOLD, GOLD, GOLD]],
      ["Silver", [SILVER, ["lots", 1, false], SILVER, SILVER]],
      ["Registered", [BLANK, BLANK, BLANK, BLANK]],
      ["Silver", [BLANK, BLANK, GOLD, GOLD]],
    ];
    const history = (k: number) => partners.map(([, quarters]) => quarters.map((q) => q[k]));
    const result = shown(() =>
      tierStatus(
        column(...partners.map(([tier]) => tier)),
        history(0),
        history(1),
        history(2),
        OMITTED
      )
    );
    expect(result).toEqual([
      ["Hold"],
      ["Demote to Gold"],
      [
        valueError(
          'row 3: currentTier "Diamond" is not a tier (use Platinum, Gold, Silver or Registered)'
        ),
      ],
      [valueError('row 4: pipelineHistory value 2: "lots" is not a number')],
      [notAvailable("row 5: the histories are blank: no quarter is reported yet")],
      ["Promote to Gold"],
    ]);
  });

  test("several partners need as many rows in each history as current tiers, and one column of tiers", () => {
    const rows = [
      [1, 2],
      [3, 4],
    ];
    expect(shown(() => tierStatus(column("Gold", "Silver", "Gold"), rows, rows, rows))).toEqual(
      valueError(
        "pipelineHistory has 2 rows but currentTier has 3: give one row of quarters per partner, oldest first"
      )
    );
    expect(shown(() => tierStatus([["Gold", "Silver"]], rows, rows, rows))).toEqual(
      valueError(
        "currentTier must be one tier, or a column of tiers with one row of quarters per partner in each history"
      )
    );
  });

  test("a bad tiersRange fails the whole call", () => {
    expect(statusOf("Gold", [GOLD], [["Tier"], ["Diamond"]])).toMatchObject({
      code: "#VALUE!",
      message: expect.stringMatching(
        /^tiersRange: the tier "Diamond" is not a tier.*\(cell A2 of the range\)$/
      ),
    });
  });
});
