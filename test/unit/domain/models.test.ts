import {
  economicsText,
  MODEL_PROFILES,
  PARTNERSHIP_MODELS,
  readModel,
} from "../../../src/domain/models";

describe("partnership models (§1.2)", () => {
  test("the seven models, in the playbook's order", () => {
    expect(PARTNERSHIP_MODELS).toEqual([
      "Referral",
      "Reseller",
      "Co-Sell",
      "Implementation",
      "OEM / Embed",
      "Joint Venture",
      "Technology Alliance",
    ]);
    for (const model of PARTNERSHIP_MODELS) expect(MODEL_PROFILES[model].model).toBe(model);
  });

  test("the playbook's words", () => {
    expect(MODEL_PROFILES.Referral).toMatchObject({
      definition: "Partner introduces leads; company closes",
      bestFor: "Boutique consultancies, niche advisors",
      revenueMechanism: "Referral fee (5–15% of ACV)",
    });
    expect(MODEL_PROFILES["Technology Alliance"].revenueMechanism).toBe(
      "Co-marketing credits; no direct cash"
    );
  });

  test("default economics: referral 5–15% (10%), reseller 20–40% (30%), OEM royalty 10–30% (20%, ours)", () => {
    expect(MODEL_PROFILES.Referral.economics).toMatchObject({
      min: 0.05,
      max: 0.15,
      defaultRate: 0.1,
      paidTo: "partner",
      source: "playbook",
    });
    expect(MODEL_PROFILES.Reseller.economics).toMatchObject({
      min: 0.2,
      max: 0.4,
      defaultRate: 0.3,
      paidTo: "partner",
      source: "playbook",
    });
    expect(MODEL_PROFILES["OEM / Embed"].economics).toMatchObject({
      min: 0.1,
      max: 0.3,
      defaultRate: 0.2,
      paidTo: "us",
      source: "ours",
    });
    for (const model of [
      "Co-Sell",
      "Implementation",
      "Joint Venture",
      "Technology Alliance",
    ] as const) {
      expect(MODEL_PROFILES[model].economics.kind).toBe("none");
    }
  });

  test("the Models sheet's economics column", () => {
    expect(economicsText(MODEL_PROFILES.Referral)).toBe("Referral fee 5%–15% of ACV (default 10%)");
    expect(economicsText(MODEL_PROFILES.Reseller)).toBe(
      "Reseller margin 20%–40% off list (default 30%)"
    );
    expect(economicsText(MODEL_PROFILES["OEM / Embed"])).toBe(
      "Royalty 10%–30% of the partner's ACV (default 20%; our range, the playbook gives none)"
    );
    expect(economicsText(MODEL_PROFILES["Technology Alliance"])).toBe(
      "Technology Alliance has no direct cash: co-marketing credits only"
    );
  });

  test.each([
    ["referral", "Referral"],
    ["CO-SELL", "Co-Sell"],
    ["cosell", "Co-Sell"],
    ["OEM", "OEM / Embed"],
    ["oem/embed", "OEM / Embed"],
    ["JV", "Joint Venture"],
    ["tech alliance", "Technology Alliance"],
  ])("%p reads as %s", (raw, model) => {
    expect(readModel(raw)).toBe(model);
  });

  test.each([["Franchise"], [""], [null], [3]])("%p is no model", (raw) => {
    expect(readModel(raw)).toBeUndefined();
  });
});
