import { existsSync } from "fs";

/**
 * Real-engine tests run wherever the engine is installed. In CI (CI=true) a missing engine is a failure,
 * never a silent skip; on a developer machine the tests are skipped with a message that says how to install it.
 */
export interface Engine {
  readonly name: string;
  readonly executable: string;
  readonly debianPackage: string;
}

export const LIBREOFFICE: Engine = {
  name: "LibreOffice",
  executable: "/usr/bin/soffice",
  debianPackage: "libreoffice-calc-nogui",
};
export const CHROMIUM: Engine = {
  name: "Chromium",
  executable: "/usr/bin/chromium",
  debianPackage: "chromium",
};

const required = (): boolean => process.env.CI === "true" || process.env.PS_REQUIRE_ENGINES === "1";

/** `describe` when the engine is present; otherwise a failure in CI, or a visible skip elsewhere. */
export function describeWithEngine(engine: Engine, title: string, body: () => void): void {
  if (existsSync(engine.executable)) {
    describe(`${title} (${engine.name})`, body);
    return;
  }
  const install = `apt-get update && apt-get install -y --no-install-recommends ${engine.debianPackage}`;
  if (required()) {
    describe(title, () => {
      test(`${engine.name} is installed`, () => {
        throw new Error(
          `${engine.name} not found at ${engine.executable}; CI must install it: ${install}`
        );
      });
    });
    return;
  }
  console.warn(
    `SKIPPED "${title}": ${engine.name} not found at ${engine.executable}. Install it: ${install}`
  );
  describe.skip(`${title} (${engine.name} not installed: ${install})`, body);
}
