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

export default [
  { ignores: ["node_modules/", "dist/", "dist-cli/", "dist-bench/", "reports/", "coverage/"] },
  ...officeAddins.configs.react.map(useOurTypescriptPlugin),
  ...tseslint.configs.recommended.map((config) => ({ ...config, files: ["**/*.{ts,tsx}"] })),
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: { parser: tseslint.parser, sourceType: "module" },
  },
  { files: ["**/*.{js,mjs,cjs,ts,tsx}"], languageOptions: { ecmaVersion: 2022 } },
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
