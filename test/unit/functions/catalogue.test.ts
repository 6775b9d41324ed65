import { associated, shown } from "./customFunctionsRuntime";
import "../../../src/functions/register";
import { exampleFormula, FUNCTIONS } from "../../../src/taskpane/functionCatalogue";

/** An example's argument as Excel hands it to a custom function: a 1 × 1 matrix, or one row. */
const asRange = (arg: unknown): unknown[][] => [Array.isArray(arg) ? [...arg] : [arg]];

describe("the task pane's catalogue of PS.* functions", () => {
  test("lists every registered function once", () => {
    expect(FUNCTIONS.map((f) => f.name).sort()).toEqual([...associated.keys()].sort());
  });

  test.each(FUNCTIONS.map((f) => [f.name, f] as const))(
    "PS.%s's example shows what the pane says it shows",
    (_, entry) => {
      const f = associated.get(entry.name)! as (...args: unknown[]) => unknown;
      const result = shown(() => f(...entry.example.map(asRange)));
      expect(String((result as unknown[][])[0]![0])).toBe(entry.shows);
    }
  );

  test("examples are formulas with array constants", () => {
    const status = FUNCTIONS.find((f) => f.name === "TIERSTATUS")!;
    expect(exampleFormula(status)).toBe(
      '=PS.TIERSTATUS("Gold",{150000,150000,120000,100000},{3,3,2,2},{FALSE,FALSE,FALSE,FALSE})'
    );
    expect(exampleFormula(FUNCTIONS[0]!)).toBe("=PS.PARTNERSCORE(80,70,60,50,40)");
  });
});
