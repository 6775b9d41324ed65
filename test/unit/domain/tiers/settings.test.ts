import { RawCell } from "../../../../src/domain/findings";
import {
  DEFAULT_TIER_RULES,
  describeTierInputError,
  parseTierRules,
  TIER_COLUMNS,
  tierRulesFromRange,
  TierSettingRow,
  tierSettingValues,
  TierTableRow,
  tierTableValues,
} from "../../../../src/domain/tiers";

/** tblTiers at A1 (header on row 1) with the columns of TIER_COLUMNS, as a host would read it. */
function tierRows(lines: readonly Partial<Record<keyof TierTableRow, unknown>>[]): TierTableRow[] {
  const letters = Object.keys(TIER_COLUMNS);
  return lines.map((line, i) => {
    const row: Record<string, RawCell> = {};
    for (const [key, value] of Object.entries(line)) {
      row[key] = { value, cell: `${String.fromCharCode(65 + letters.indexOf(key))}${i + 2}` };
    }
    return row as unknown as TierTableRow;
  });
}

/** tblTierRules at A8: Setting in column A, Value in column B, data from row 9. */
const settingRows = (lines: readonly (readonly [unknown, unknown])[]): TierSettingRow[] =>
  lines.map(([setting, value], i) => ({
    setting: { value: setting, cell: `A${i + 9}` },
    value: { value, cell: `B${i + 9}` },
  }));

const DEFAULT_TIERS = tierTableValues(DEFAULT_TIER_RULES).map(
  ({ benefits, commitments, ...rest }) => {
    void benefits;
    void commitments;
    return rest;
  }
);
const DEFAULT_SETTINGS = tierSettingValues(DEFAULT_TIER_RULES).map(
  (s) => [s.setting, s.value] as const
);

const parse = (
  tiers: readonly Partial<Record<keyof TierTableRow, unknown>>[] | undefined,
  settings: readonly (readonly [unknown, unknown])[] | undefined = undefined
) =>
  parseTierRules(tiers && tierRows(tiers), settings && settingRows(settings), { sheet: "Tiers" });

const brief = (
  findings: readonly { severity: string; rule: string; cell: string; message: string }[]
) => findings.map((f) => `${f.severity} ${f.rule} ${f.cell}: ${f.message}`);

describe("parseTierRules", () => {
  it("gives the defaults when the Tiers sheet is absent or empty", () => {
    expect(parse(undefined)).toEqual({ rules: DEFAULT_TIER_RULES, findings: [] });
    expect(parse([], [])).toEqual({ rules: DEFAULT_TIER_RULES, findings: [] });
  });

  it("reads back exactly what tierTableValues and tierSettingValues write", () => {
    expect(parse(DEFAULT_TIERS, DEFAULT_SETTINGS)).toEqual({
      rules: DEFAULT_TIER_RULES,
      findings: [],
    });
    expect(tierTableValues(DEFAULT_TIER_RULES)[0]).toMatchObject({
      tier: "Platinum",
      pipelineTarget: 2_000_000,
      certified: 5,
      dedicatedPractice: true,
      commitments: expect.stringContaining("Quarterly Business Review (QBR)"),
    });
    expect(DEFAULT_SETTINGS).toEqual([
      ["Pipeline Mode", "Trailing four quarters"],
      ["Exit Window (Quarters)", 4],
      ["Registered Exit Window (Quarters)", 2],
      ["Promotion/Demotion Streak (Quarters)", 2],
    ]);
  });

  it("reads criteria typed as an analyst would: money text, names in any case, Yes/No", () => {
    const { rules, findings } = parse([
      { tier: "PLATINUM", pipelineTarget: "$3,000,000", certified: "6", dedicatedPractice: "Yes" },
      { tier: "gold", pipelineTarget: 750_000, certified: 4, dedicatedPractice: "N" },
      { tier: "Silver", pipelineTarget: "150000", certified: 2, dedicatedPractice: false },
      { tier: "Registered" },
    ]);
    expect(findings).toEqual([]);
    expect(rules.criteria).toEqual({
      Platinum: { pipeline: 3_000_000, certified: 6, dedicatedPractice: true },
      Gold: { pipeline: 750_000, certified: 4, dedicatedPractice: false },
      Silver: { pipeline: 150_000, certified: 2, dedicatedPractice: false },
    });
  });

  it("reads commitment columns; a blank one is no commitment, an absent one keeps the default", () => {
    const { rules } = parse([
      { tier: "Platinum", reviewEveryQuarters: 2, jointActivitiesPerYear: "" },
      { tier: "Gold" },
    ]);
    expect(rules.commitments.Platinum).toEqual({ reviewEveryQuarters: 2 });
    expect(rules.commitments.Gold).toEqual(DEFAULT_TIER_RULES.commitments.Gold);
  });

  it("reports a bad value at its cell and keeps that field's default", () => {
    const { rules, findings } = parse([
      {
        tier: "Platinum",
        pipelineTarget: "two million",
        certified: -1,
        dedicatedPractice: "maybe",
      },
      {
        tier: "Gold",
        pipelineTarget: 500_000,
        certified: 3,
        reviewEveryQuarters: 0,
        jointActivitiesPerYear: "x",
      },
    ]);
    expect(rules.criteria.Platinum).toEqual(DEFAULT_TIER_RULES.criteria.Platinum);
    expect(rules.commitments.Gold).toEqual({});
    expect(brief(findings)).toEqual([
      'error tier-rules.bad-value B2: Platinum pipeline target "two million" is not a number; the default $2,000,000 applies',
      "error tier-rules.bad-value C2: Platinum certified individuals -1 is negative; the default 5 applies",
      'error tier-rules.bad-value D2: Platinum dedicated practice "maybe" is not yes or no (use TRUE/FALSE, Yes/No, Y/N or 1/0); the default Yes applies',
      "error tier-rules.bad-value E3: Gold review cadence: the value 0 is not a number of quarters from 1 to 40; no review is required",
      'error tier-rules.bad-value F3: Gold joint GTM activities per year "x" is not a number; no minimum is required',
      "warning tier-rules.missing-tier A2: the table has no Silver row; Silver's default criteria apply",
    ]);
  });

  it("reports unknown and duplicated tiers, and ignores their rows", () => {
    const { rules, findings } = parse([
      ...DEFAULT_TIERS,
      { tier: "Diamond", pipelineTarget: 9_000_000 },
      { tier: "gold", pipelineTarget: 1 },
    ]);
    expect(rules).toEqual(DEFAULT_TIER_RULES);
    expect(brief(findings)).toEqual([
      'error tier-rules.unknown-tier A6: the tier "Diamond" is not a tier (use Platinum, Gold, Silver or Registered); the row is ignored',
      "error tier-rules.duplicate-tier A7: Gold appears twice; the first row applies",
    ]);
  });

  it("warns that Registered criteria are ignored, and that a higher tier asking less is suspicious", () => {
    const { findings } = parse([
      { tier: "Platinum", pipelineTarget: 400_000, certified: 5, dedicatedPractice: false },
      { tier: "Gold", pipelineTarget: 500_000, certified: 3, dedicatedPractice: true },
      { tier: "Silver", pipelineTarget: 100_000, certified: 1, dedicatedPractice: false },
      { tier: "Registered", pipelineTarget: 10_000, certified: 0, dedicatedPractice: "No" },
    ]);
    expect(brief(findings)).toEqual([
      "warning tier-rules.not-ascending B2: Platinum asks for a pipeline target of $400,000, below Gold's $500,000",
      "warning tier-rules.not-ascending D2: Platinum asks for no dedicated practice, which Gold requires",
      "warning tier-rules.registered-criteria B5: Registered has no criteria (it is what a partner meeting no other tier's criteria holds): its pipeline target is ignored",
    ]);
  });

  it("reads the settings, by name in any case and spelling", () => {
    const { rules, findings } = parse(undefined, [
      ["pipeline mode", "Annualized Quarter"],
      ["EXIT WINDOW (QUARTERS)", 6],
      ["Registered Exit Window (Quarters)", "3"],
      ["Promotion/Demotion Streak (Quarters)", 1],
    ]);
    expect(findings).toEqual([]);
    expect(rules).toEqual({
      ...DEFAULT_TIER_RULES,
      pipelineMode: "annualised-quarter",
      exitWindow: 6,
      registeredExitWindow: 3,
      movementStreak: 1,
    });
  });

  it("reports bad, unknown and duplicated settings, keeping the defaults", () => {
    const { rules, findings } = parse(undefined, [
      ["Pipeline Mode", "weekly"],
      ["Exit Window (Quarters)", "four"],
      ["Registered Exit Window (Quarters)", 41],
      ["Promotion/Demotion Streak (Quarters)", 1.5],
      ["Promotion/Demotion Streak (Quarters)", 3],
      ["Grace Period", 1],
      [null, ""],
    ]);
    expect(rules).toEqual(DEFAULT_TIER_RULES);
    expect(brief(findings)).toEqual([
      "error tier-rules.bad-value B9: Pipeline Mode must be Trailing four quarters or Annualised quarter; Trailing four quarters applies",
      'error tier-rules.bad-value B10: Exit Window (Quarters): the value "four" is not a number; the default 4 applies',
      "error tier-rules.bad-value B11: Registered Exit Window (Quarters): the value 41 is not a number of quarters from 1 to 40; the default 2 applies",
      "error tier-rules.bad-value B12: Promotion/Demotion Streak (Quarters): the value 1.5 is not a whole number; the default 2 applies",
      "error tier-rules.duplicate-setting A13: Promotion/Demotion Streak (Quarters) appears twice; the first row applies",
      'warning tier-rules.unknown-setting A14: unknown setting "Grace Period": the settings are Pipeline Mode, Exit Window (Quarters), Registered Exit Window (Quarters), Promotion/Demotion Streak (Quarters)',
    ]);
  });

  it("never throws, whatever the cells hold", () => {
    const odd = [
      Symbol("s"),
      { toString: 1 },
      [1],
      Number.NaN,
      -0,
      1e308,
      "\u0000",
      new Date(Number.NaN),
    ];
    for (const value of odd) {
      expect(() =>
        parse(
          [
            {
              tier: value,
              pipelineTarget: value,
              certified: value,
              dedicatedPractice: value,
              reviewEveryQuarters: value,
            },
          ],
          [
            [value, value],
            ["Pipeline Mode", value],
          ]
        )
      ).not.toThrow();
    }
  });
});

describe("tierRulesFromRange (the functions' optional tiersRange)", () => {
  it("reads the table's data rows without a header, by position", () => {
    const r = tierRulesFromRange([
      ["Platinum", 3_000_000, 5, true],
      ["Gold", 500_000, 3, false],
      ["Silver", 100_000, 1, false],
      ["Registered", null, null, null],
    ]);
    expect(r.ok && r.value.criteria.Platinum.pipeline).toBe(3_000_000);
  });

  it("reads the table with its header row, by header names", () => {
    const r = tierRulesFromRange([
      ["Tier", "Benefits", "Certified Individuals", "Pipeline Target", "Dedicated Practice"],
      ["Gold", "…", 4, 600_000, "No"],
    ]);
    expect(r.ok && r.value.criteria.Gold).toEqual({
      pipeline: 600_000,
      certified: 4,
      dedicatedPractice: false,
    });
  });

  it("reports the first error with its cell in the range", () => {
    const r = tierRulesFromRange([["Gold", "lots", 3, false]]);
    expect(r.ok ? "" : describeTierInputError(r.error)).toBe(
      'tiersRange: Gold pipeline target "lots" is not a number (cell B1 of the range)'
    );
    const noHeader = tierRulesFromRange([["Name", "Pipeline Target"]]);
    expect(noHeader.ok ? "" : describeTierInputError(noHeader.error)).toBe(
      'tiersRange: the tier "Name" is not a tier (use Platinum, Gold, Silver or Registered) (cell A1 of the range)'
    );
  });
});
