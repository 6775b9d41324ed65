import { writeFile } from "fs/promises";
import { resolve } from "path";
import { WorkbookPlan } from "../workbook/plan";
import { writePlanToBuffer } from "../xlsx/writePlan";
import { UsageError } from "./args";

/** The value of --out: Excel opens a workbook by its extension, so it must end in .xlsx. */
export function xlsxPathArg(value: string): string {
  if (!/\.xlsx$/i.test(value))
    throw new UsageError(`--out must name an .xlsx file, got "${value}"`);
  return value;
}

const WRITE_FAILURES: Record<string, string> = {
  ENOENT: "its folder does not exist",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EISDIR: "it is a folder",
  EROFS: "the file system is read-only",
  EBUSY: "the file is open in another program",
};

/** Writes the plan to an .xlsx file; returns its absolute path and size in bytes. */
export async function writeWorkbookFile(
  path: string,
  plan: WorkbookPlan
): Promise<{ path: string; bytes: number }> {
  const absolute = resolve(path);
  const bytes = await writePlanToBuffer(plan);
  try {
    await writeFile(absolute, bytes);
  } catch (e) {
    const { code, message } = e as NodeJS.ErrnoException;
    const reason = (code === undefined ? undefined : WRITE_FAILURES[code]) ?? message;
    throw new Error(`cannot write ${absolute}: ${reason}`);
  }
  return { path: absolute, bytes: bytes.byteLength };
}
