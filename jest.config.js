// Three projects: pure and host code under Node, the task pane under jsdom, and the real engines
// (LibreOffice, Chromium) that need a build and installed Debian packages.
const transform = {
  "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.jest.json" }],
};

module.exports = {
  projects: [
    {
      displayName: "unit",
      testEnvironment: "node",
      transform,
      testMatch: ["<rootDir>/test/unit/**/*.test.ts"],
    },
    {
      displayName: "dom",
      testEnvironment: "jsdom",
      transform,
      testMatch: ["<rootDir>/test/dom/**/*.test.tsx"],
      setupFilesAfterEnv: ["<rootDir>/test/dom/setup.ts"],
    },
    {
      displayName: "engines",
      testEnvironment: "node",
      transform,
      testMatch: ["<rootDir>/test/engines/**/*.test.ts"],
    },
  ],
};
