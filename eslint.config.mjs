import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";

// eslint-plugin-office-addins bundles its own typescript-eslint; one copy of the plugin must serve every
// config, and its rules (office-addins, prettier) must reach .tsx files too.
const useOurTypescriptPlugin = (config) =>
  config.plugins?.["@typescript-eslint"]
    ? {
        ...config,
        files: config.files?.map((f) =>
          f.replace("{js,mjs,cjs,ts,cts,mts}", "{js,mjs,cjs,ts,cts,mts,tsx}")
        ),
        plugins: { ...config.plugins, "@typescript-eslint": tseslint.plugin },
      }
    : config;

// The layer rule of the README: taskpane, cli, functions -> excel | xlsx -> workbook -> domain. Each folder
// names the folders and packages it must not import, so a wrong import fails `npm test`.
const layer = (folder, folders, packages = []) => ({
  files: [`src/${folder}/**/*.{ts,tsx}`],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          ...folders.map((f) => ({
            group: [`**/${f}/**`, `**/${f}`],
            message: `src/${folder} must not import src/${f}: dependencies point taskpane, cli, functions -> excel | xlsx -> workbook -> domain.`,
          })),
          ...packages.map((p) => ({
            group: [p, `${p}/**`],
            message: `src/${folder} must not depend on ${p} (see the README's layer rule).`,
          })),
        ],
      },
    ],
  },
});
const HOSTS = ["excel", "xlsx", "functions", "taskpane", "cli"];
const UI = ["react", "react-dom", "@fluentui/react-components"];
const IO = ["fs", "path", "child_process", "os"];

export default [
  { ignores: ["node_modules/", "dist/", "dist-cli/", "dist-bench/", "reports/", "coverage/"] },
  ...officeAddins.configs.react.map(useOurTypescriptPlugin),
  ...tseslint.configs.recommended.map((config) => ({ ...config, files: ["**/*.{ts,tsx}"] })),
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: { parser: tseslint.parser, sourceType: "module" },
  },
  { files: ["**/*.{js,mjs,cjs,ts,tsx}"], languageOptions: { ecmaVersion: 2022 } },
  layer("domain", ["workbook", ...HOSTS], ["exceljs", "jszip", "@xmldom/xmldom", ...UI, ...IO]),
  layer("workbook", HOSTS, ["exceljs", "jszip", "@xmldom/xmldom", ...UI, ...IO]),
  layer("excel", ["xlsx", "functions", "taskpane", "cli"], ["exceljs", "jszip", ...UI, ...IO]),
  layer("xlsx", ["excel", "functions", "taskpane", "cli"], [...UI, ...IO]),
  layer("functions", ["taskpane", "cli", "xlsx"], ["exceljs", ...UI, ...IO]),
  layer("taskpane", ["cli", "functions"], IO),
  layer("cli", ["taskpane", "excel", "functions"], UI),
  {
    files: ["**/*.{js,cjs}"],
    languageOptions: {
      sourceType: "commonjs",
      globals: {
        require: "readonly",
        module: "writable",
        __dirname: "readonly",
        process: "readonly",
        console: "readonly",
      },
    },
  },
];
