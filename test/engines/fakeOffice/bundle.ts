import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import webpack from "webpack";

const ROOT = resolve(__dirname, "..", "..", "..");

/**
 * Bundles entry.ts (the simulated Office and the recording fake of Excel.run) for the browser, into a temporary
 * folder, never dist/: the test's alone, never shipped. Returns the script's text.
 */
export async function fakeOfficeScript(): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), "ps-fake-office-"));
  const compiler = webpack({
    mode: "development",
    // No eval-based source maps: the page's Content-Security-Policy would refuse them.
    devtool: false,
    target: "web",
    context: ROOT,
    entry: join(__dirname, "entry.ts"),
    output: { path: out, filename: "fake-office.js" },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: { transpileOnly: true, configFile: join(ROOT, "tsconfig.json") },
          },
        },
      ],
    },
  });
  await new Promise<void>((done, failed) =>
    compiler.run((error, stats) => {
      compiler.close(() => undefined);
      if (error) failed(error);
      else if (stats?.hasErrors()) failed(new Error(stats.toString("errors-only")));
      else done();
    })
  );
  return readFileSync(join(out, "fake-office.js"), "utf8");
}
