import { shown } from "./customFunctionsRuntime";
import { buildPartner, partnerFee, raciCheck } from "../../../src/functions/program";

// Excel passes every matrix parameter as rows of cells: one value is [[v]]; a left-out argument is null.
const OMITTED = null as unknown as unknown[][];
const one = (v: unknown): unknown[][] => [[v]];
const column = (...values: unknown[]): unknown[][] => values.map((v) => [v]);
const valueError = (message: string) => ({ code: "#VALUE!", message });
const notAvailable = (message: string) => ({ code: "#N/A", message });

/** The ten inputs in DECISION_INPUTS order, all No and an unknown build time unless given. */
interface Answers {
  core?: unknown;
  capacity?: unknown;
  adjacent?: unknown;
  strongPartner?: unknown;
  positiveEconomics?: unknown;
  critical?: unknown;
  buildMonths?: unknown;
  acquisitionTarget?: unknown;
  newMarket?: unknown;
  localPresence?: unknown;
}
const inputs = (a: Answers): unknown[] => [
  a.core ?? "No",
  a.capacity ?? "No",
  a.adjacent ?? "No",
  a.strongPartner ?? "No",
  a.positiveEconomics ?? "No",
  a.critical ?? "No",
  a.buildMonths ?? null,
  a.acquisitionTarget ?? "No",
  a.newMarket ?? "No",
  a.localPresence ?? "No",
];
const decideArgs = (row: readonly unknown[]) =>
  shown(() => {
    const [first, ...rest] = row.map(one);
    return (buildPartner as (...args: unknown[][][]) => unknown)(first!, ...rest);
  });
const decide = (a: Answers) => decideArgs(inputs(a));
const decideRange = (rows: unknown[][]) =>
  shown(() => buildPartner(rows, ...(Array(9).fill(OMITTED) as unknown[][][])));

const ACQUISITION: Answers = { critical: "Yes", acquisitionTarget: "Yes" };

describe("PS.BUILDPARTNER with ten answers", () => {
  test("core and capacity: BUILD", () => {
    expect(decide({ core: "Yes", capacity: "Yes" })).toEqual([["BUILD"]]);
  });

  test("adjacent, not core, a strong partner serving our ICP, positive economics: PARTNER", () => {
    expect(decide({ adjacent: "Y", strongPartner: true, positiveEconomics: 1 })).toEqual([
      ["PARTNER"],
    ]);
    expect(decide({ adjacent: "Y", strongPartner: true })).toEqual([["REVIEW"]]);
    expect(
      decide({ core: "Yes", adjacent: "Y", strongPartner: true, positiveEconomics: 1 })
    ).toEqual([["REVIEW"]]);
  });

  test("critical, a target in budget and a build of more than 18 months: ACQUIRE; 18 is not more", () => {
    expect(decide({ ...ACQUISITION, buildMonths: 18 })).toEqual([["REVIEW"]]);
    expect(decide({ ...ACQUISITION, buildMonths: 18.5 })).toEqual([["ACQUIRE"]]);
    expect(decide({ ...ACQUISITION, buildMonths: 19 })).toEqual([["ACQUIRE"]]);
    expect(decide({ ...ACQUISITION, buildMonths: " 24 " })).toEqual([["ACQUIRE"]]);
    expect(decide({ ...ACQUISITION, buildMonths: null })).toEqual([["REVIEW"]]);
  });

  test("a new geography or vertical with a partner present there: PARTNER", () => {
    expect(decide({ newMarket: "TRUE", localPresence: "yes" })).toEqual([["PARTNER"]]);
    expect(decide({ newMarket: "TRUE" })).toEqual([["REVIEW"]]);
  });

  test("the first rule that applies wins, in the playbook's order", () => {
    const all: Answers = {
      core: "Yes",
      capacity: "Yes",
      ...ACQUISITION,
      buildMonths: 36,
      newMarket: "Yes",
      localPresence: "Yes",
    };
    expect(decide(all)).toEqual([["BUILD"]]);
    expect(decide({ ...all, capacity: "No" })).toEqual([["ACQUIRE"]]);
    expect(decide({ ...all, capacity: "No", acquisitionTarget: "No" })).toEqual([["PARTNER"]]);
    expect(decide({ ...all, capacity: "No", acquisitionTarget: "No", localPresence: "n" })).toEqual(
      [["REVIEW"]]
    );
  });

  test("answers left out are No: two answers are enough to BUILD", () => {
    expect(shown(() => buildPartner(one(true), one(true)))).toEqual([["BUILD"]]);
  });

  test("every answer blank is #N/A: nothing to decide yet", () => {
    expect(decideArgs(Array(10).fill(null))).toEqual(
      notAvailable("the inputs are blank: nothing to decide yet")
    );
  });

  test("a wrong answer is #VALUE! naming the input and the problem", () => {
    expect(decide({ capacity: "maybe" })).toEqual(
      valueError(
        'Engineering Capacity "maybe" is not yes or no (use TRUE/FALSE, Yes/No, Y/N or 1/0)'
      )
    );
    expect(decide({ critical: 2 })).toEqual(
      valueError(
        "Critical to Market Position 2 is not yes or no (use TRUE/FALSE, Yes/No, Y/N or 1/0)"
      )
    );
    expect(decide({ buildMonths: "two years" })).toEqual(
      valueError('Build Time (Months) "two years" is not a number of months')
    );
    expect(decide({ buildMonths: -3 })).toEqual(valueError("Build Time (Months) -3 is negative"));
  });

  test("a range given for a single answer is #VALUE!", () => {
    expect(shown(() => buildPartner(one("Yes"), column("Yes", "No")))).toEqual(
      valueError(
        "Engineering Capacity must be one answer, not a range of 2 cells (to decide from a range of inputs, give it as the first argument)"
      )
    );
  });
});

describe("PS.BUILDPARTNER with a range of inputs", () => {
  test("one decision per row, a bad row keeping its own error and a blank row #N/A", () => {
    expect(
      decideRange([
        inputs({ core: "Yes", capacity: "Yes" }),
        inputs({ ...ACQUISITION, buildMonths: 18 }),
        inputs({ ...ACQUISITION, buildMonths: "soon" }),
        Array(10).fill(null),
        inputs({ newMarket: "Y", localPresence: "Y" }),
      ])
    ).toEqual([
      ["BUILD"],
      ["REVIEW"],
      [valueError('row 3 of the inputs: Build Time (Months) "soon" is not a number of months')],
      [notAvailable("row 4 of the inputs: the inputs are blank: nothing to decide yet")],
      ["PARTNER"],
    ]);
  });

  test("a one-row range is one decision, its error thrown for the cell", () => {
    expect(decideRange([inputs({ core: "Yes", capacity: "Yes" })])).toEqual([["BUILD"]]);
    expect(decideRange([inputs({ core: "perhaps" })])).toEqual(
      valueError(
        'Core to Differentiation "perhaps" is not yes or no (use TRUE/FALSE, Yes/No, Y/N or 1/0)'
      )
    );
  });

  test("a range without ten columns is #VALUE! listing them", () => {
    expect(decideRange([inputs({}).slice(0, 9)])).toEqual(
      valueError(
        "the range of inputs has 9 columns; it needs 10 (Core to Differentiation, Engineering Capacity, " +
          "Adjacent, Not Core, Strong Partner Serves ICP, Partner Economics Positive, Critical to Market " +
          "Position, Build Time (Months), Acquisition Target Within Budget, New Geography or Vertical, " +
          "Partner Has Local Presence), one row per decision"
      )
    );
  });

  test("the other arguments must stay empty after a range of inputs", () => {
    expect(shown(() => buildPartner([inputs({}), inputs({})], OMITTED, one("Yes")))).toEqual(
      valueError("adjacent must be empty when the first argument is a range of inputs")
    );
    expect(shown(() => buildPartner([inputs({}), inputs({})], one(null), one("")))).toEqual([
      ["REVIEW"],
      ["REVIEW"],
    ]);
  });
});

describe("PS.PARTNERFEE", () => {
  const fee = (model: unknown, acv: unknown, rate: unknown = null) =>
    shown(() => partnerFee(one(model), one(acv), rate === null ? OMITTED : one(rate)));

  test("each model with cash economics at its default rate", () => {
    expect(fee("Referral", 120_000)).toEqual([[12_000]]);
    expect(fee("Reseller", 200_000)).toEqual([[60_000]]);
    expect(fee("OEM / Embed", 500_000)).toEqual([[100_000]]);
    expect(fee("oem", 500_000)).toEqual([[100_000]]);
  });

  test("a rate within the model's range, bounds included, as a fraction or as text", () => {
    expect(fee("Referral", 100_000, 0.05)).toEqual([[5_000]]);
    expect(fee("Referral", 100_000, 0.15)).toEqual([[15_000]]);
    expect(fee("Referral", 100_000, "12%")).toEqual([[12_000]]);
    expect(fee("Reseller", 100_000, 0.2)).toEqual([[20_000]]);
    expect(fee("Reseller", 100_000, 0.4)).toEqual([[40_000]]);
    expect(fee("OEM / Embed", 100_000, 0.3)).toEqual([[30_000]]);
    expect(fee("Referral", "$99,999.99", 0.1)).toEqual([[10_000]]);
  });

  test("a rate outside the model's range is #VALUE! naming the range", () => {
    expect(fee("Referral", 100_000, 0.049)).toEqual(
      valueError("rate 4.9% is outside the Referral range 5%–15% of ACV")
    );
    expect(fee("Reseller", 100_000, 0.45)).toEqual(
      valueError("rate 45% is outside the Reseller range 20%–40% off list")
    );
    expect(fee("Referral", 100_000, 10)).toEqual(
      valueError(
        "rate 1000% is outside the Referral range 5%–15% of ACV (type 10% or 0.1 for ten percent, not 10)"
      )
    );
    expect(fee("Referral", 100_000, "ten")).toEqual(
      valueError('rate "ten" is not a percentage (type it as 10% or 0.1)')
    );
  });

  test("a model without cash economics is #VALUE! saying what it earns instead", () => {
    expect(fee("Co-Sell", 100_000)).toEqual(
      valueError("Co-Sell has no partner fee: revenue attribution and shared quota credit only")
    );
    expect(fee("Technology Alliance", 100_000)).toEqual(
      valueError("Technology Alliance has no direct cash: co-marketing credits only")
    );
  });

  test("an unknown model or a bad ACV is #VALUE!; a blank model or ACV is #N/A", () => {
    expect(fee("Franchise", 100_000)).toMatchObject({
      code: "#VALUE!",
      message: expect.stringMatching(
        /^model "Franchise" is not a partnership model; use one of Referral, /
      ),
    });
    expect(fee("Referral", -5)).toEqual(valueError("acv -$5 is negative"));
    expect(fee("Referral", "lots")).toEqual(valueError('acv "lots" is not a number'));
    expect(fee(null, 100_000)).toMatchObject({
      code: "#N/A",
      message: expect.stringMatching(/^model is blank/),
    });
    expect(fee("Referral", "")).toEqual(notAvailable("acv is blank"));
  });

  test("columns give one amount per deal, a bad row keeping its own error", () => {
    expect(
      shown(() =>
        partnerFee(
          column("Referral", "Co-Sell", "Reseller"),
          column(100_000, 100_000, 100_000),
          one(0.2)
        )
      )
    ).toEqual([
      [valueError("row 1: rate 20% is outside the Referral range 5%–15% of ACV")],
      [
        valueError(
          "row 2: Co-Sell has no partner fee: revenue attribution and shared quota credit only"
        ),
      ],
      [20_000],
    ]);
  });
});

describe("PS.RACICHECK", () => {
  const check = (...letters: unknown[]) => shown(() => raciCheck([letters]));

  test("the playbook's rows are OK, in any case", () => {
    expect(check("A", "C", "R", "I", "C", "C")).toEqual([["OK"]]);
    expect(check("i", " a ", "i", "r", "i", "i")).toEqual([["OK"]]);
    expect(check("A", "R", null, null, null, null)).toEqual([["OK"]]);
  });

  test("says what is wrong: no Accountable, several, no Responsible, a bad letter", () => {
    expect(check("R", "C", "I", "I", "C", "C")).toEqual([["no Accountable"]]);
    expect(check("A", "R", "C", "I", "A", "I")).toEqual([["2 Accountable (CPO, Finance)"]]);
    expect(check("A", "C", "C", "I", "C", "C")).toEqual([["no Responsible"]]);
    expect(check("A", "R", "X", "I", "C", "A/R")).toEqual([
      [
        'bad letter "X" for Director Partner Dev (use R, A, C or I); bad letter "A/R" for Legal (use R, A, C or I)',
      ],
    ]);
    expect(check("C", "C", 1, "I", "I", "I")).toEqual([
      ["no Accountable; no Responsible; bad letter 1 for Director Partner Dev (use R, A, C or I)"],
    ]);
  });

  test("a blank row is #N/A: no role has a letter yet", () => {
    expect(check(null, "", null, null, null, null)).toEqual(
      notAvailable("the row is blank: no role has a letter yet")
    );
  });

  test("a range of rows gives one answer per row", () => {
    expect(
      shown(() =>
        raciCheck([
          ["A", "C", "R", "I", "C", "C"],
          ["I", "I", "I", "I", "I", "I"],
          [null, null, null, null, null, null],
          ["A", "R", "C", "C", "I", "C"],
        ])
      )
    ).toEqual([
      ["OK"],
      ["no Accountable; no Responsible"],
      [notAvailable("row 3: the row is blank: no role has a letter yet")],
      ["OK"],
    ]);
  });
});
