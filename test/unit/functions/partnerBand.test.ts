import { shown } from "./customFunctionsRuntime";
import { partnerBand } from "../../../src/functions/functions";

const band = (score: unknown) => shown(() => partnerBand([[score]]));

describe("PS.PARTNERBAND", () => {
  test("75 and above is Priority, 50 to under 75 Secondary, under 50 Opportunistic", () => {
    expect(band(100)).toEqual([["Priority"]]);
    expect(band(75)).toEqual([["Priority"]]);
    expect(band(74.99)).toEqual([["Secondary"]]);
    expect(band(50)).toEqual([["Secondary"]]);
    expect(band(49.99)).toEqual([["Opportunistic"]]);
    expect(band(0)).toEqual([["Opportunistic"]]);
  });

  test("a score typed as text that reads as a number is banded", () => {
    expect(band(" 75 ")).toEqual([["Priority"]]);
  });

  test("text or a score outside 0–100 is #VALUE! naming the score and the problem", () => {
    expect(band("high")).toEqual({ code: "#VALUE!", message: 'score "high" is not a number' });
    expect(band(true)).toEqual({ code: "#VALUE!", message: "score TRUE is not a number" });
    expect(band(120)).toEqual({ code: "#VALUE!", message: "score 120 is outside 0–100" });
    expect(band(-1)).toEqual({ code: "#VALUE!", message: "score -1 is outside 0–100" });
  });

  test("a blank score is #N/A: the partner is not yet scored", () => {
    expect(band(null)).toEqual({
      code: "#N/A",
      message: "the score is blank: the partner is not yet scored",
    });
    expect(band("")).toMatchObject({ code: "#N/A" });
  });

  test("a range of scores gives one band per cell, in the range's shape", () => {
    expect(shown(() => partnerBand([[80], [60], [10]]))).toEqual([
      ["Priority"],
      ["Secondary"],
      ["Opportunistic"],
    ]);
    expect(shown(() => partnerBand([[80, 60, 10]]))).toEqual([
      ["Priority", "Secondary", "Opportunistic"],
    ]);
  });

  test("a bad cell in a range shows its own error and leaves the others banded", () => {
    expect(shown(() => partnerBand([[80], ["n/a"], [null], [10]]))).toEqual([
      ["Priority"],
      [{ code: "#VALUE!", message: 'score "n/a" is not a number' }],
      [{ code: "#N/A", message: "the score is blank: the partner is not yet scored" }],
      ["Opportunistic"],
    ]);
  });
});
