/**
 * What the task pane's first load reads from a production build (dist/) and the gzipped size of a file there:
 * one definition for test/unit/build/dist.test.ts, which asserts the budgets, and `npm run bench`, which
 * reports them. Free of jest.
 */
import { readFileSync } from "fs";
import path from "path";
import { gzipSync } from "zlib";
import { DOMParser } from "@xmldom/xmldom";

/** office.js loads this from its own folder when the page is open in a plain browser, outside Office. */
export const OFFICE_BROWSER_TABLE = "o15apptofilemappingtable.js";

export const gzippedSize = (dist: string, name: string): number =>
  gzipSync(readFileSync(path.join(dist, name))).length;

export interface PageScript {
  readonly src: string;
  readonly defer: boolean;
}

/** The scripts taskpane.html loads, in order, with whether they are deferred. */
export function pageScripts(dist: string): readonly PageScript[] {
  const page = new DOMParser({ onError: () => undefined }).parseFromString(
    readFileSync(path.join(dist, "taskpane.html"), "utf8"),
    "text/html"
  );
  return Array.from(page.getElementsByTagName("script")).map((s) => ({
    src: (s.getAttribute("src") ?? "").replace(/^\.\//, ""),
    defer: s.hasAttribute("defer"),
  }));
}

/** Every file the first load of the task pane downloads: the page, its scripts and, outside Office, office.js's table. */
export const firstLoadFiles = (dist: string): readonly string[] => [
  "taskpane.html",
  ...pageScripts(dist).map((s) => s.src),
  OFFICE_BROWSER_TABLE,
];
