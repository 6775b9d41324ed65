import fc from "fast-check";
import {
  DEFAULT_TIER_RULES,
  ProgramValidator,
  QuarterlyRow,
  validateProgram,
} from "../../../../src/domain/tiers";
import { generateProgramRows } from "./generate";

/** Every row through a validator; false when it asked to start again (a partner came back). */
function streamed(rows: readonly QuarterlyRow[], grouped: boolean) {
  const validator = new ProgramValidator(DEFAULT_TIER_RULES, { sheet: "Quarterly", grouped });
  for (const row of rows) if (!validator.add(row)) return false;
  return validator.finish();
}

describe("ProgramValidator", () => {
  const rows = generateProgramRows(200, 12, 7);

  test("grouped rows validated partner by partner give what the whole program gives", () => {
    const whole = validateProgram(rows, DEFAULT_TIER_RULES, { sheet: "Quarterly" });
    expect(streamed(rows, true)).toEqual(whole);
    expect(streamed(rows, false)).toEqual(whole);
  });

  test("grouped mode stops at a partner that comes back; ungrouped mode gives the same findings in any order", () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([...rows], { minLength: rows.length }), (shuffled) => {
        const grouped = streamed(shuffled, true);
        const ungrouped = streamed(shuffled, false);
        const whole = validateProgram(rows, DEFAULT_TIER_RULES, { sheet: "Quarterly" });
        if (ungrouped === false) return false;
        const sameFindings = JSON.stringify(ungrouped.findings) === JSON.stringify(whole.findings);
        // Shuffled rows are almost never grouped: then grouped mode must have asked to start again.
        return (
          sameFindings &&
          (grouped === false || JSON.stringify(grouped) === JSON.stringify(ungrouped))
        );
      }),
      { numRuns: 20, seed: 7 }
    );
  });

  test("without review rows kept, the findings and actions are the same", () => {
    const validator = new ProgramValidator(DEFAULT_TIER_RULES, {
      sheet: "Quarterly",
      grouped: true,
      review: false,
    });
    for (const row of rows) validator.add(row);
    const lean = validator.finish();
    const whole = validateProgram(rows, DEFAULT_TIER_RULES, { sheet: "Quarterly" });
    expect(lean.review).toEqual([]);
    expect({ ...lean, review: whole.review }).toEqual(whole);
    expect(validator.partnersValidated).toBe(200);
  });
});
