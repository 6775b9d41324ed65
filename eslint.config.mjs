import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";

export default [
  { ignores: ["node_modules/", "dist/", "dist-cli/", "reports/", "coverage/"] },
  ...officeAddins.configs.react,
  ...tseslint.configs.recommended.map((config) => ({ ...config, files: ["**/*.{ts,tsx}"] })),
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: "module" },
  },
  {
    files: ["**/*.{js,cjs}"],
    languageOptions: {
      sourceType: "commonjs",
      globals: { require: "readonly", module: "writable", __dirname: "readonly", process: "readonly", console: "readonly" },
    },
  },
];
