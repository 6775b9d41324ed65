import { ProgramSettings, SETTING_FIELDS, SettingKey, settingsRows } from "../domain/settings";
import { columnRef, textLiteral } from "./columns";
import { MONEY_FORMAT, PERCENT_FORMAT } from "./styles";
import { SheetPlan } from "./plan";

export const SETTINGS_SHEET = "Settings";
export const TBL_SETTINGS = "tblSettings";

/** Headers of tblSettings: the same Setting/Value pairs parseSettings reads back. */
export const SETTINGS_COLUMNS = { setting: "Setting", value: "Value", note: "Note" } as const;

const HEADER_ROW = 2;

const FORMATS: Readonly<Record<(typeof SETTING_FIELDS)[number]["kind"], string | undefined>> = {
  text: undefined,
  money: MONEY_FORMAT,
  share: PERCENT_FORMAT,
  years: "0",
  year: "0",
  partnerTypes: undefined,
  list: undefined,
  models: undefined,
};

const labelOf = (key: SettingKey): string => {
  const field = SETTING_FIELDS.find((f) => f.key === key);
  if (field === undefined) throw new Error(`no setting ${key}`);
  return field.label;
};

/**
 * `INDEX(tblSettings[Value],MATCH("Company",tblSettings[Setting],0))`: a setting read from the table by its
 * label, so formulas follow the analyst's edits and survive reordered rows.
 */
export const settingRef = (key: SettingKey): string =>
  `INDEX(${columnRef(TBL_SETTINGS, SETTINGS_COLUMNS.value)},MATCH(${textLiteral(labelOf(key))},${columnRef(TBL_SETTINGS, SETTINGS_COLUMNS.setting)},0))`;

/** The program's inputs, in the workbook so the file carries them: one row per setting. */
export function settingsSheetPlan(settings: ProgramSettings): SheetPlan {
  const rows = settingsRows(settings);
  return {
    name: SETTINGS_SHEET,
    freezeRows: HEADER_ROW + 1,
    cells: [
      { at: { row: 0, column: 0 }, value: "Program Settings", style: "title" },
      {
        at: { row: 1, column: 0 },
        value:
          "The program's inputs. The thesis statement, OKRs, roadmap and dashboard read them from this table; edit a Value and they follow.",
        style: "note",
      },
    ],
    tables: [
      {
        name: TBL_SETTINGS,
        topLeft: { row: HEADER_ROW, column: 0 },
        columns: [
          { header: SETTINGS_COLUMNS.setting, width: 22 },
          {
            header: SETTINGS_COLUMNS.value,
            width: 50,
            wrap: true,
            rowNumberFormats: SETTING_FIELDS.map((f) => FORMATS[f.kind]),
            description: "Lists are comma-separated. Shares are percentages (30%).",
          },
          { header: SETTINGS_COLUMNS.note, width: 60, wrap: true },
        ],
        rows: rows.map((r) => [r.label, r.value, r.note]),
      },
    ],
  };
}
