import { basename } from "path";
import { normaliseName } from "../domain/cells";
import { parseSettings, ProgramSettings, SETTING_FIELDS, SettingsError } from "../domain/settings";
import { UsageError } from "./args";
import { readBytes } from "./programFile";

/** "at position 42" in JSON.parse's message, as the line and column a text editor shows. */
function withLine(message: string, text: string): string {
  const match = /\bat position (\d+)/.exec(message);
  if (match === null) return message;
  const before = text.slice(0, Number(match[1]));
  const line = before.split("\n").length;
  const column = before.length - before.lastIndexOf("\n");
  return message.replace(match[0], `at line ${line}, column ${column}`);
}

/** One problem, naming the JSON key as written when it is not the setting's label. */
function describe(e: SettingsError): string {
  const label = SETTING_FIELDS.find((f) => f.key === e.field)?.label;
  const named = label === undefined || normaliseName(e.key) === normaliseName(label);
  return named ? e.message : `"${e.key}": ${e.message}`;
}

/**
 * The program settings of a JSON file (--settings): one object whose keys are the settings' names or
 * labels ("partnerShare" or "Partner Share of ARR"); a setting left out keeps its default. Throws one
 * UsageError naming the file and every setting that is wrong, and what is wrong with it.
 */
export async function readSettingsFile(path: string): Promise<ProgramSettings> {
  const name = basename(path);
  const text = new TextDecoder().decode(await readBytes(path)).replace(/^\uFEFF/, "");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw new UsageError(`${name} is not valid JSON: ${withLine(message, text)}`);
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw new UsageError(
      `${name} must hold one JSON object of settings, such as {"company": "Northwind Analytics", "programYear": 2028}`
    );
  }
  const settings = parseSettings(json as Record<string, unknown>);
  if (!settings.ok) throw new UsageError(`${name}: ${settings.error.map(describe).join("; ")}`);
  return settings.value;
}
