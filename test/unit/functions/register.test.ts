import path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { associated } from "./customFunctionsRuntime";
import * as scoring from "../../../src/functions/functions";
import * as program from "../../../src/functions/program";
import * as tiers from "../../../src/functions/tiers";
import * as finance from "../../../src/functions/finance";
// After the runtime above: the entry calls CustomFunctions.associate as it loads.
import "../../../src/functions/register";

/**
 * The sources webpack.config.js's FunctionsMetadataPlugin reads, and the functions each exports
 * (test/unit/build/dist.test.ts checks that the built functions.json holds every id).
 */
const SOURCES: Record<string, Record<string, unknown>> = {
  "functions.ts": scoring,
  "tiers.ts": tiers,
  "program.ts": program,
  "finance.ts": finance,
};
const FUNCTIONS_DIR = path.resolve(__dirname, "../../../src/functions");

describe("register.ts, the functions entry", () => {
  test("binds every @customfunction id of the JSDoc metadata to the function that carries it, and no other", async () => {
    const metadata = await generateCustomFunctionsMetadata(
      Object.keys(SOURCES).map((file) => path.join(FUNCTIONS_DIR, file))
    );
    expect(metadata.errors).toEqual([]);
    const expected = metadata.associate.map(({ id, functionName, sourceFileName }) => [
      id,
      SOURCES[path.basename(sourceFileName)]![functionName],
    ]);
    expect(expected.map(([id]) => id)).toEqual([
      "PARTNERSCORE",
      "PARTNERBAND",
      "TIERQUALIFY",
      "TIERGAP",
      "TIERSTATUS",
      "BUILDPARTNER",
      "PARTNERFEE",
      "RACICHECK",
      "MDFROI",
      "SLAHOURS",
      "SLACOMPLIANCE",
    ]);
    for (const [id, fn] of expected) expect([id, typeof fn]).toEqual([id, "function"]);
    expect([...associated.entries()]).toEqual(expected);
  });
});
