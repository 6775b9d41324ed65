import { execFile } from "child_process";
import { parse } from "csv-parse/sync";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "fs/promises";
import { tmpdir } from "os";
import { basename, extname, join } from "path";
import { pathToFileURL } from "url";
import { promisify } from "util";
import { LIBREOFFICE } from "./engine";

const run = promisify(execFile);

/**
 * CSV export filter: comma, double quote, UTF-8, raw values rather than "as shown" (full precision), and
 * sheet -1: one file per sheet, named <base>-<Sheet>.csv.
 */
const CSV_EVERY_SHEET =
  "csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,0,false,true,false,false,false,-1";

/**
 * `soffice --convert-to FILTER` of `source` into `outDir`, with its own profile under `work` (parallel jest
 * workers never share one): what every helper here runs.
 */
function convert(
  work: string,
  filter: string,
  outDir: string,
  source: string,
  timeout = 120_000
): Promise<{ stderr: string }> {
  return run(
    LIBREOFFICE.executable,
    [
      `-env:UserInstallation=${pathToFileURL(join(work, "profile")).href}`,
      "--headless",
      "--norestore",
      "--convert-to",
      filter,
      "--outdir",
      outDir,
      source,
    ],
    { timeout }
  );
}

/**
 * Opens an .xlsx in LibreOffice, which computes every formula written without a cached result, and returns
 * what each sheet then shows, by sheet name, as rows of cell texts (errors read "#N/A", "#NAME?", "Err:502").
 * Each call uses its own profile, so parallel jest workers never share one.
 */
export async function recalculate(xlsxPath: string): Promise<Map<string, string[][]>> {
  const work = await mkdtemp(join(tmpdir(), "ps-recalc-"));
  try {
    const outDir = join(work, "out");
    const { stderr } = await convert(work, CSV_EVERY_SHEET, outDir, xlsxPath);
    const prefix = `${basename(xlsxPath, extname(xlsxPath))}-`;
    const sheets = new Map<string, string[][]>();
    for (const file of await readdir(outDir)) {
      if (!file.startsWith(prefix) || !file.endsWith(".csv")) continue;
      const rows: string[][] = parse(await readFile(join(outDir, file), "utf8"), {
        relax_column_count: true,
      });
      sheets.set(file.slice(prefix.length, -".csv".length), rows);
    }
    if (sheets.size === 0) throw new Error(`LibreOffice wrote no CSV for ${xlsxPath}: ${stderr}`);
    return sheets;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * The workbook as LibreOffice saves it when a user opens it and saves it again (`name` is its file name, which
 * LibreOffice keeps). Each call uses its own profile, so parallel jest workers never share one.
 */
export async function savedByLibreOffice(name: string, bytes: Uint8Array): Promise<Uint8Array> {
  const work = await mkdtemp(join(tmpdir(), "ps-lo-save-"));
  try {
    const source = join(work, "source", name);
    await mkdir(join(work, "source"), { recursive: true });
    await writeFile(source, bytes);
    const out = join(work, "saved");
    await convert(work, "xlsx", out, source);
    return new Uint8Array(await readFile(join(out, name)));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * The workbook printed to PDF by LibreOffice, as File > Export as PDF prints every sheet: each with its own page
 * setup (orientation, fit to width, print area, titles). Each call uses its own profile.
 */
export async function printedByLibreOffice(xlsxPath: string, outDir: string): Promise<string> {
  const work = await mkdtemp(join(tmpdir(), "ps-lo-pdf-"));
  try {
    await convert(work, "pdf", outDir, xlsxPath, 180_000);
    return join(outDir, `${basename(xlsxPath, extname(xlsxPath))}.pdf`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
