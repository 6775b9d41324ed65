// Three projects: pure and host code under Node, the task pane under jsdom, and the real engines
// (LibreOffice, Chromium) that need a build and installed Debian packages.
//
// Timeouts fit a busy shared 2-core CI machine, not an idle one: the unit project writes and re-reads whole
// workbooks with exceljs (seconds each, several times that under load), and one LibreOffice conversion with a
// fresh profile takes 5-30 s there. A test that needs longer says so itself.
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
      testTimeout: 60_000,
    },
    {
      displayName: "dom",
      testEnvironment: "jsdom",
      transform,
      testMatch: ["<rootDir>/test/dom/**/*.test.tsx"],
      setupFilesAfterEnv: ["<rootDir>/test/dom/setup.ts"],
      testTimeout: 30_000,
    },
    {
      displayName: "engines",
      testEnvironment: "node",
      transform,
      testMatch: ["<rootDir>/test/engines/**/*.test.ts"],
      testTimeout: 240_000,
    },
  ],
};
