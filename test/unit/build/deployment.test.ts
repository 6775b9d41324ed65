import { readFileSync } from "fs";
import path from "path";
import { parseManifest, urls } from "../manifest/manifestXml";

interface Deployment {
  readonly origin: string;
  readonly officeJs: string;
  readonly deployed: boolean;
}

// webpack's own configuration is CommonJS JavaScript, loaded here as webpack loads it.
const { DEV_ORIGIN, OFFICE_JS_CDN, contentSecurityPolicy, deploymentOf, manifestFor } =
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require("../../../webpack/deployment") as {
    readonly DEV_ORIGIN: string;
    readonly OFFICE_JS_CDN: string;
    deploymentOf(environment: Record<string, string | undefined>): Deployment;
    manifestFor(xml: string, deployment: Deployment): string;
    contentSecurityPolicy(deployment: Deployment, devServerPort?: number): string;
  };

const SOURCE = readFileSync(path.resolve(__dirname, "../../../manifest.xml"), "utf8");

describe("a deployment build (ADDIN_ORIGIN)", () => {
  test("without ADDIN_ORIGIN: the development server's address and the npm copy of office.js", () => {
    expect(deploymentOf({})).toEqual({
      origin: DEV_ORIGIN,
      officeJs: "./office.js",
      deployed: false,
    });
    expect(manifestFor(SOURCE, deploymentOf({}))).toBe(SOURCE);
  });

  test("with ADDIN_ORIGIN: every address of the manifest is the deployment's, office.js from Microsoft's CDN", () => {
    const deployment = deploymentOf({
      ADDIN_ORIGIN: " https://addin.contoso.com/partner-strategy ",
    });
    expect(deployment).toEqual({
      origin: "https://addin.contoso.com/partner-strategy/",
      officeJs: OFFICE_JS_CDN,
      deployed: true,
    });
    expect(OFFICE_JS_CDN).toBe("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    const manifest = manifestFor(SOURCE, deployment);
    const addresses = urls(parseManifest(manifest));
    expect(addresses.length).toBeGreaterThan(5);
    const ours = addresses.filter(
      (u) => !u.startsWith("https://addin.contoso.com/partner-strategy/")
    );
    // Only links to others' pages (none today) may point elsewhere; nothing points at localhost any more.
    expect(ours.filter((u) => u.includes("localhost"))).toEqual([]);
    expect(manifest).not.toContain("localhost");
  });

  test("the page's Content-Security-Policy lets scripts come only from the page and office.js's origin", () => {
    const deployed = contentSecurityPolicy(
      deploymentOf({ ADDIN_ORIGIN: "https://addin.contoso.com/partner-strategy/" })
    );
    expect(deployed).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
    expect(contentSecurityPolicy(deploymentOf({}))).toContain("script-src 'self';");
    expect(contentSecurityPolicy(deploymentOf({}), 3000)).toContain(
      "connect-src 'self' wss://localhost:3000;"
    );
    for (const policy of [deployed, contentSecurityPolicy(deploymentOf({}))]) {
      expect(policy).toContain("default-src 'self'");
      expect(policy).not.toContain("unsafe-eval");
      expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    }
  });

  test.each([
    ["http://addin.contoso.com/", /must be an https address/],
    ["addin.contoso.com", /is not a URL: give the https address dist\/ is hosted at/],
    ["https://addin.contoso.com/?x=1", /without \? or #/],
  ])("ADDIN_ORIGIN %s fails the build with one line saying why", (origin, message) => {
    expect(() => deploymentOf({ ADDIN_ORIGIN: origin })).toThrow(message);
  });
});
