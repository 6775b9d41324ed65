// Three projects: pure and host code under Node, the task pane under jsdom, and the real engines
// (LibreOffice, Chromium) that need a build and installed Debian packages.
//
// Timeouts fit a busy shared 2-core CI machine, not an idle one: unit tests write and re-read whole workbooks
// (seconds each, several times that under load), and one LibreOffice conversion with a fresh profile takes
// 5-30 s there. Jest 30 reads `testTimeout` only from the top level, so the engines' longer one is set by their
// setup file. A test that needs longer still says so itself.
const transform = {
  "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.jest.json" }],
};

module.exports = {
  testTimeout: 60_000,
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
      setupFilesAfterEnv: ["<rootDir>/test/engines/timeout.ts"],
    },
  ],
};
