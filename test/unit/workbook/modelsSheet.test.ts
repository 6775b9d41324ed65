import { economicsText, MODEL_PROFILES, PARTNERSHIP_MODELS } from "../../../src/domain/models";
import { modelsSheetPlan, TBL_MODELS } from "../../../src/workbook/modelsSheet";

const table = modelsSheetPlan().tables[0]!;
const row = (model: string) => table.rows.find((r) => r[0] === model)!;

describe("Models sheet plan", () => {
  test("the seven models of §1.2 with definition, best for, revenue mechanism and default economics", () => {
    expect(table.name).toBe(TBL_MODELS);
    expect(table.columns.slice(0, 5).map((c) => c.header)).toEqual([
      "Model",
      "Definition",
      "Best For",
      "Revenue Mechanism",
      "Default Economics",
    ]);
    expect(table.rows.map((r) => r[0])).toEqual([...PARTNERSHIP_MODELS]);
    expect(row("Referral").slice(1, 5)).toEqual([
      MODEL_PROFILES.Referral.definition,
      MODEL_PROFILES.Referral.bestFor,
      MODEL_PROFILES.Referral.revenueMechanism,
      economicsText(MODEL_PROFILES.Referral),
    ]);
  });

  test("fee models carry their rates as percentages; the others none", () => {
    expect(row("Referral").slice(5)).toEqual(["Partner", 0.1, 0.05, 0.15]);
    expect(row("Reseller").slice(5)).toEqual(["Partner", 0.3, 0.2, 0.4]);
    expect(row("OEM / Embed").slice(5)).toEqual(["Us", 0.2, 0.1, 0.3]);
    expect(row("Co-Sell").slice(5)).toEqual([null, null, null, null]);
    expect(table.columns.slice(6).map((c) => c.numberFormat)).toEqual(["0%", "0%", "0%"]);
  });
});
