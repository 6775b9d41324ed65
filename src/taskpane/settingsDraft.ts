import { formatList, formatPercent } from "../domain/cells";
import { formatMoney } from "../domain/money";
import {
  DEFAULT_PROGRAM_SETTINGS,
  parseSettings,
  ProgramSettings,
  SETTING_FIELDS,
  SettingKey,
} from "../domain/settings";
import { SettingsEdits } from "../workbook/settingsTable";

/** The settings form as the user left it: exactly what each field shows, and which fields they typed in. */
export interface SettingsDraft {
  readonly text: Readonly<Record<SettingKey, string>>;
  readonly edited: ReadonlySet<SettingKey>;
}

/** The form read with parseSettings: the settings and the user's edits, or each field's error. */
export type DraftReading =
  | { readonly ok: true; readonly settings: ProgramSettings; readonly edits: SettingsEdits }
  | { readonly ok: false; readonly errors: ReadonlyMap<SettingKey, string> };

/** How a field shows a setting: amounts as "$20,000,000", shares as "30%", lists comma-separated. */
function settingText(key: SettingKey, settings: ProgramSettings): string {
  const field = SETTING_FIELDS.find((f) => f.key === key)!;
  const value = settings[key];
  if (Array.isArray(value)) return formatList(value);
  if (field.kind === "money") return formatMoney(value as number);
  if (field.kind === "share") return formatPercent(value as number);
  return String(value);
}

/** The form before the user types: the settings (the sample company's by default), none edited. */
export function initialDraft(settings: ProgramSettings = DEFAULT_PROGRAM_SETTINGS): SettingsDraft {
  const text = Object.fromEntries(
    SETTING_FIELDS.map((f) => [f.key, settingText(f.key, settings)])
  ) as Record<SettingKey, string>;
  return { text, edited: new Set() };
}

/** The form after the user typed `text` in a field: kept exactly as typed, whatever it holds. */
export function editDraft(draft: SettingsDraft, key: SettingKey, text: string): SettingsDraft {
  return { text: { ...draft.text, [key]: text }, edited: new Set(draft.edited).add(key) };
}

/**
 * An accepted value for a field, from the sample company's settings, in each form the field reads: "20000000 or
 * $20,000,000", "30% or 0.3", "2027". Undefined for the choices, whose errors list them already.
 */
export function acceptedExample(key: SettingKey): string | undefined {
  const field = SETTING_FIELDS.find((f) => f.key === key)!;
  const value = DEFAULT_PROGRAM_SETTINGS[key];
  if (field.kind === "partnerTypes" || field.kind === "models") return undefined;
  if (field.kind === "money") return `${String(value)} or ${formatMoney(value as number)}`;
  if (field.kind === "share") return `${formatPercent(value as number)} or ${String(value)}`;
  return settingText(key, DEFAULT_PROGRAM_SETTINGS);
}

/**
 * Reads the form as parseSettings reads the Settings table, so the form accepts what the sheet accepts. A field's
 * errors are joined (a target ARR can be malformed, or below the current ARR).
 */
export function readDraft(draft: SettingsDraft): DraftReading {
  const parsed = parseSettings(SETTING_FIELDS.map((f) => [f.key, draft.text[f.key]] as const));
  if (parsed.ok) {
    const settings = parsed.value;
    const edits = Object.fromEntries(
      SETTING_FIELDS.filter((f) => draft.edited.has(f.key)).map((f) => [f.key, settings[f.key]])
    ) as SettingsEdits;
    return { ok: true, settings, edits };
  }
  const errors = new Map<SettingKey, string>();
  for (const { field, message } of parsed.error) {
    if (field === undefined) continue;
    const sentence = `${message.charAt(0).toUpperCase()}${message.slice(1)}.`;
    errors.set(field, errors.has(field) ? `${errors.get(field)} ${sentence}` : sentence);
  }
  // Each error ends with a value that reads, unless it says what to type already.
  for (const [field, message] of errors) {
    const example = acceptedExample(field);
    if (example !== undefined && !/\btype\b/i.test(message))
      errors.set(field, `${message} For example: ${example}.`);
  }
  return { ok: false, errors };
}
