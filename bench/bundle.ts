import { existsSync } from "fs";
import { join, resolve } from "path";
import { firstLoadFiles, gzippedSize } from "../test/support/distFiles";
import { Figure } from "./report";

const DIST = resolve(__dirname, "../../dist");
const KB = 1024;

/** Gzipped sizes of the production build in dist/, as `npm test` asserts them; not built, no value. */
export function bundles(): Figure[] {
  const built = ["functions.js", "taskpane.html"].every((f) => existsSync(join(DIST, f)));
  const size = (files: readonly string[]): number | null =>
    built ? files.reduce((sum, f) => sum + gzippedSize(DIST, f), 0) / KB : null;
  const note = built ? {} : { note: "not built (npm run build)" };
  return [
    {
      key: "bundle.functionsGzipKB",
      what: "Bundle: functions.js, gzipped",
      value: size(["functions.js"]),
      unit: "KB",
      budget: 50,
      runs: 1,
      ...note,
    },
    {
      key: "bundle.taskpaneGzipKB",
      what: "Bundle: task pane first load (page, office.js, functions, task pane), gzipped",
      value: built ? size(firstLoadFiles(DIST)) : null,
      unit: "KB",
      budget: 300,
      runs: 1,
      ...note,
    },
  ];
}
