import fc from "fast-check";
import { partnerFee } from "../../../src/domain/economics";

describe("partner fee for a deal", () => {
  test("a referral pays the partner 10% of ACV by default", () => {
    expect(partnerFee("Referral", 120_000)).toEqual({
      ok: true,
      value: {
        model: "Referral",
        fee: "Referral fee",
        paidTo: "partner",
        acv: 120_000,
        rate: 0.1,
        amount: 12_000,
      },
    });
  });

  test("a reseller keeps 30% off list by default; an OEM partner pays us a 20% royalty", () => {
    const reseller = partnerFee("Reseller", 200_000);
    expect(reseller.ok && [reseller.value.amount, reseller.value.paidTo]).toEqual([
      60_000,
      "partner",
    ]);
    const oem = partnerFee("OEM / Embed", 500_000);
    expect(oem.ok && [oem.value.fee, oem.value.amount, oem.value.paidTo]).toEqual([
      "Royalty",
      100_000,
      "us",
    ]);
  });

  test("a rate is a fraction, as Excel passes 12%; text may say 12%", () => {
    const fee = (rate: unknown) => {
      const r = partnerFee("referral", 100_000, rate);
      return r.ok ? r.value.amount : r.error.message;
    };
    expect(fee(0.12)).toBe(12_000);
    expect(fee("12%")).toBe(12_000);
    expect(fee("0.12")).toBe(12_000);
    expect(fee(null)).toBe(10_000);
    expect(fee("")).toBe(10_000);
  });

  test.each([
    ["Referral", 0.05, 5_000],
    ["Referral", 0.15, 15_000],
    ["Reseller", 0.2, 20_000],
    ["Reseller", 0.4, 40_000],
    ["OEM / Embed", 0.1, 10_000],
    ["OEM / Embed", 0.3, 30_000],
  ])("%s at its bound %d is allowed", (model, rate, amount) => {
    const r = partnerFee(model, 100_000, rate);
    expect(r.ok && r.value.amount).toBe(amount);
  });

  test.each([
    ["Referral", 0.049, "rate 4.9% is outside the Referral range 5%–15% of ACV"],
    ["Referral", 0.151, "rate 15.1% is outside the Referral range 5%–15% of ACV"],
    ["Reseller", 0.45, "rate 45% is outside the Reseller range 20%–40% off list"],
    ["OEM / Embed", 0.05, "rate 5% is outside the OEM / Embed range 10%–30% of the partner's ACV"],
    [
      "Referral",
      10,
      "rate 1000% is outside the Referral range 5%–15% of ACV (type 10% or 0.1 for ten percent, not 10)",
    ],
    ["Referral", "ten", 'rate "ten" is not a percentage (type it as 10% or 0.1)'],
  ])("%s at %p is an error naming the range", (model, rate, message) => {
    expect(partnerFee(model, 100_000, rate)).toEqual({
      ok: false,
      error: { argument: "rate", kind: "invalid", message },
    });
  });

  test.each([
    ["Co-Sell", "Co-Sell has no partner fee: revenue attribution and shared quota credit only"],
    [
      "Implementation",
      "Implementation has no partner fee: the partner earns services revenue, we earn the license",
    ],
    ["Joint Venture", "Joint Venture has no partner fee: a joint P&L and shared IP"],
    ["Technology Alliance", "Technology Alliance has no direct cash: co-marketing credits only"],
  ])("%s has no fee, and says so", (model, message) => {
    expect(partnerFee(model, 100_000)).toEqual({
      ok: false,
      error: { argument: "model", kind: "invalid", message },
    });
  });

  test.each([
    [
      "",
      100_000,
      {
        argument: "model",
        kind: "blank",
        message: expect.stringMatching(/^model is blank; use one of Referral, Reseller, Co-Sell/),
      },
    ],
    [
      "Franchise",
      100_000,
      {
        argument: "model",
        kind: "invalid",
        message: expect.stringMatching(
          /^model "Franchise" is not a partnership model; use one of /
        ),
      },
    ],
    ["Referral", null, { argument: "acv", kind: "blank", message: "acv is blank" }],
    ["Referral", -5000, { argument: "acv", kind: "invalid", message: "acv -$5,000 is negative" }],
    [
      "Referral",
      "lots",
      { argument: "acv", kind: "invalid", message: 'acv "lots" is not a number' },
    ],
  ])("model %p, acv %p", (model, acv, error) => {
    expect(partnerFee(model, acv)).toEqual({ ok: false, error });
  });

  test("ACV typed as text with a dollar sign and commas", () => {
    const r = partnerFee("Referral", "$250,000");
    expect(r.ok && r.value.amount).toBe(25_000);
  });

  test("arbitrary input never throws; a fee is finite, never negative, within its rate", () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), (model, acv, rate) => {
        const r = partnerFee(model, acv, rate);
        if (!r.ok) return r.error.message.length > 0;
        return (
          Number.isFinite(r.value.amount) && r.value.amount >= 0 && r.value.amount <= r.value.acv
        );
      })
    );
    fc.assert(
      fc.property(
        fc.constantFrom("Referral", "Reseller", "OEM / Embed"),
        fc.double({ min: 0, max: 1e12, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (model, acv, rate) => {
          const r = partnerFee(model, acv, rate);
          return !r.ok || Math.abs(r.value.amount - acv * rate) <= 0.005 + 1e-9 * acv;
        }
      )
    );
  });
});
