import path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { associated } from "./customFunctionsRuntime";
import * as functions from "../../../src/functions/functions";
// After the runtime above: the entry calls CustomFunctions.associate as it loads.
import "../../../src/functions/register";

const FUNCTIONS_SOURCE = path.resolve(__dirname, "../../../src/functions/functions.ts");

describe("register.ts, the functions entry", () => {
  test("binds every @customfunction id of the JSDoc metadata to the function that carries it, and no other", async () => {
    const metadata = await generateCustomFunctionsMetadata(FUNCTIONS_SOURCE);
    expect(metadata.errors).toEqual([]);
    const expected = metadata.associate.map(({ id, functionName }) => [
      id,
      (functions as Record<string, unknown>)[functionName],
    ]);
    expect(expected.map(([id]) => id)).toEqual(
      expect.arrayContaining(["PARTNERSCORE", "PARTNERBAND"])
    );
    expect([...associated.entries()]).toEqual(expected);
  });
});
