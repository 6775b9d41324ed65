import { execFileSync } from "child_process";
import { join } from "path";

const ROOT = join(__dirname, "..", "..", "..");

type Case = readonly [path: string, code: string];

/**
 * The layer-rule messages eslint reports for each piece of code placed at its path, linted by the project's
 * own config in a child process (eslint loads its .mjs config with a dynamic import, which jest's VM refuses).
 */
function layerErrors(cases: readonly Case[]): string[][] {
  const script = `
const { ESLint } = require("eslint");
const cases = JSON.parse(process.argv[1]);
(async () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const out = [];
  for (const [path, code] of cases) {
    const [result] = await eslint.lintText(code, { filePath: path });
    out.push(result.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message));
  }
  console.log(JSON.stringify(out));
})();
`;
  const absolute = cases.map(([path, code]) => [join(ROOT, path), code]);
  const out = execFileSync(process.execPath, ["-e", script, JSON.stringify(absolute)], {
    cwd: ROOT,
    encoding: "utf8",
  });
  return JSON.parse(out) as string[][];
}

const WRONG: readonly (readonly [string, string, RegExp])[] = [
  [
    "src/domain/x.ts",
    'import { a1 } from "../workbook/address";\n',
    /src\/domain must not import src\/workbook/,
  ],
  [
    "src/domain/tiers/x.ts",
    'import { readFile } from "fs/promises";\n',
    /src\/domain must not depend on fs/,
  ],
  [
    "src/workbook/x.ts",
    'import { Workbook } from "exceljs";\n',
    /src\/workbook must not depend on exceljs/,
  ],
  [
    "src/workbook/x.ts",
    'import { loadWorkbook } from "../xlsx/workbookBytes";\n',
    /src\/workbook must not import src\/xlsx/,
  ],
  [
    "src/excel/x.ts",
    'import { main } from "../cli/main";\n',
    /src\/excel must not import src\/cli/,
  ],
  [
    "src/xlsx/x.ts",
    'import { HostError } from "../excel/errors";\n',
    /src\/xlsx must not import src\/excel/,
  ],
  [
    "src/cli/x.ts",
    'import { App } from "../taskpane/App";\n',
    /src\/cli must not import src\/taskpane/,
  ],
];

const RIGHT: Case = [
  "src/cli/x.ts",
  'import { a1 } from "../workbook/address";\nimport { readTables } from "../xlsx/readTables";\n',
];

test("lint fails an import against the layer rule, naming the rule, and passes one that follows it", () => {
  const errors = layerErrors([...WRONG.map(([path, code]) => [path, code] as const), RIGHT]);
  WRONG.forEach(([path, code, message], i) => {
    expect([path, code, errors[i]]).toEqual([path, code, [expect.stringMatching(message)]]);
  });
  expect(errors.at(-1)).toEqual([]);
});
