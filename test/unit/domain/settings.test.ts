import fc from "fast-check";
import {
  DEFAULT_PROGRAM_SETTINGS,
  parseSettings,
  SETTING_FIELDS,
  settingsRows,
  yearOneTargets,
} from "../../../src/domain/settings";

describe("program settings", () => {
  test("the defaults are valid and survive the Settings table", () => {
    const rows = settingsRows(DEFAULT_PROGRAM_SETTINGS);
    expect(rows.map((r) => r.label)).toEqual(SETTING_FIELDS.map((f) => f.label));
    expect(rows.find((r) => r.key === "partnerTypes")?.value).toBe(
      "Big 4, GSI, Boutique, ISV/Product"
    );
    expect(rows.find((r) => r.key === "partnerShare")?.value).toBe(0.3);
    expect(
      parseSettings(
        rows.map((r) => [r.label, r.value] as const),
        { ...DEFAULT_PROGRAM_SETTINGS, company: "Other" }
      )
    ).toEqual({
      ok: true,
      value: DEFAULT_PROGRAM_SETTINGS,
    });
  });

  test("a JSON object with field names; missing settings keep their defaults", () => {
    const r = parseSettings({
      company: "Acme",
      partnerShare: "25%",
      years: "4",
      currentArr: "$10,000,000",
      targetArr: 40_000_000,
      partnerTypes: ["gsi", "Boutique", "GSI"],
      priorityModels: "co-sell, JV",
      markets: "EMEA; APAC",
    });
    expect(r.ok && r.value).toEqual({
      ...DEFAULT_PROGRAM_SETTINGS,
      company: "Acme",
      partnerShare: 0.25,
      years: 4,
      currentArr: 10_000_000,
      targetArr: 40_000_000,
      partnerTypes: ["GSI", "Boutique"],
      priorityModels: ["Co-Sell", "Joint Venture"],
      markets: ["EMEA", "APAC"],
    });
  });

  test("labels and field names in any case and spacing", () => {
    const r = parseSettings([
      ["PARTNER SHARE OF ARR", 0.2],
      ["north-star metric", "partner-influenced ARR"],
      ["programyear", 2028],
    ]);
    expect(r.ok && [r.value.partnerShare, r.value.northStar, r.value.programYear]).toEqual([
      0.2,
      "partner-influenced ARR",
      2028,
    ]);
  });

  test.each([
    [
      { partnerShare: 30 },
      "partnerShare",
      "Partner Share of ARR 30 is outside 0%–100% (type 30% or 0.3, not 30)",
    ],
    [
      { partnerShare: -0.1 },
      "partnerShare",
      "Partner Share of ARR -0.1 is outside 0%–100% (type 30% or 0.3, not 30)",
    ],
    [
      { partnerShare: "a third" },
      "partnerShare",
      'Partner Share of ARR "a third" is not a percentage',
    ],
    [{ years: 2.5 }, "years", "Years 2.5 is not a whole number of years from 1"],
    [{ years: 0 }, "years", "Years 0 is not a whole number of years from 1"],
    [{ years: "" }, "years", "Years is blank"],
    [{ currentArr: -5 }, "currentArr", "Current ARR -$5 is negative"],
    [{ currentArr: "lots" }, "currentArr", 'Current ARR "lots" is not an amount of money'],
    [
      { targetArr: 10_000_000 },
      "targetArr",
      "Target ARR $10,000,000 is below Current ARR $20,000,000",
    ],
    [{ company: "  " }, "company", "Company is blank"],
    [{ programYear: 27 }, "programYear", "Program Year 27 is not a year from 1900 to 9999"],
    [
      { partnerTypes: "Big 4, Agency" },
      "partnerTypes",
      'Partner Types: "Agency" is not a partner type; use Big 4, GSI, Boutique, Regional SI, ISV/Product, Long-tail',
    ],
    [
      { priorityModels: "Franchise, Barter" },
      "priorityModels",
      expect.stringMatching(
        /^Priority Models: "Franchise", "Barter" are not partnership models; use Referral, /
      ),
    ],
    [{ markets: [] }, "markets", "Markets is blank"],
  ])("%j is an error naming the field", (raw, field, message) => {
    const r = parseSettings(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toEqual([{ field, key: expect.any(String), message }]);
  });

  test("share boundaries 0 and 1 are allowed; target equal to current is allowed", () => {
    expect(parseSettings({ partnerShare: 0 }).ok).toBe(true);
    expect(parseSettings({ partnerShare: "100%" }).ok).toBe(true);
    expect(parseSettings({ targetArr: 20_000_000 }).ok).toBe(true);
  });

  test("every problem is reported: unknown and repeated settings too", () => {
    const r = parseSettings([
      ["Company", "Acme"],
      ["company", "Acme 2"],
      ["Colour", "blue"],
      ["Years", -1],
      [null, null],
    ]);
    expect(r.ok || r.error.map((e) => [e.field, e.message])).toEqual([
      ["company", "Company appears twice"],
      [
        undefined,
        expect.stringMatching(
          /^unknown setting "Colour": the settings are Company, Product Category, /
        ),
      ],
      ["years", "Years -1 is not a whole number of years from 1"],
    ]);
  });

  test("arbitrary input never throws", () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...SETTING_FIELDS.map((f) => f.key), "other"), fc.anything()),
        (raw) => {
          const r = parseSettings(raw);
          return r.ok || r.error.every((e) => e.message.length > 0);
        }
      )
    );
  });

  test("the year's targets, on a straight line to the thesis", () => {
    expect(yearOneTargets(DEFAULT_PROGRAM_SETTINGS)).toEqual({
      partnerShare: 0.1,
      partnerSourcedArr: 3_300_000,
      pipeline: 10_000_000,
      firstPipeline: 5_000_000,
    });
    expect(
      yearOneTargets({ ...DEFAULT_PROGRAM_SETTINGS, currentArr: 0, targetArr: 0 })
    ).toMatchObject({ pipeline: 0 });
  });
});
