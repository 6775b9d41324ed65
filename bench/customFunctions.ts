// First: installs the CustomFunctions global that the functions entry registers with as it loads.
import { associated } from "../test/support/customFunctionsRuntime";
import { medianMs, Runs } from "./measure";
import { Figure } from "./report";

type CustomFunction = (...args: readonly unknown[]) => unknown;

/** PS.PARTNERSCORE over a rows × 5 range, through the function object register.ts hands to Excel. */
export async function customFunctions(rows: number, runs: Runs): Promise<Figure[]> {
  await import("../src/functions/register");
  const partnerScore = associated.get("PARTNERSCORE") as CustomFunction | undefined;
  if (partnerScore === undefined) throw new Error("register.ts associated no PARTNERSCORE");
  const range = Array.from({ length: rows }, (_, i) => [
    i % 101,
    (i * 7) % 101,
    (i * 13) % 101,
    (i * 17) % 101,
    (i * 31) % 101,
  ]);
  // As Excel calls it: the range first, each optional argument left out arrives as null.
  const call = (): unknown => partnerScore(range, null, null, null, null, null);
  const result = call();
  if (!Array.isArray(result) || result.length !== rows || typeof result[0]?.[0] !== "number")
    throw new Error("PARTNERSCORE did not spill one score per row");
  const ms = await medianMs("functions.score10kRowsMs", runs.fast, call, runs.warmUp);
  return [
    {
      key: "functions.score10kRowsMs",
      what: `Custom function: PS.PARTNERSCORE over ${rows.toLocaleString("en-US")} × 5 ratings`,
      value: ms,
      unit: "ms",
      budget: 100,
      runs: runs.fast,
    },
  ];
}
