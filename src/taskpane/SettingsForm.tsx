import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Field,
  Input,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { SETTING_FIELDS, SettingKey } from "../domain/settings";
import { SettingsDraft } from "./settingsDraft";

/** The settings an analyst sets first; the thesis statement's wording waits under "More settings". */
export const MAIN_SETTINGS: readonly SettingKey[] = [
  "company",
  "currentArr",
  "targetArr",
  "partnerShare",
  "years",
  "icp",
  "markets",
  "programYear",
];

const MORE = "more";

/** Hints where the expected input is not obvious from the label. */
const HINTS: Partial<Record<SettingKey, string>> = {
  partnerShare: "Share of total ARR from partners, e.g. 30%.",
  markets: "The 2–3 markets, comma-separated.",
};

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    alignSelf: "stretch",
  },
  fields: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
});

export interface SettingsFormProps {
  readonly draft: SettingsDraft;
  /** Each field's error, to show beside it. */
  readonly errors: ReadonlyMap<SettingKey, string>;
  readonly onChange: (key: SettingKey, text: string) => void;
}

/**
 * The program settings, as the Settings sheet holds them: every field shows what the user typed, valid or not, and
 * an error beside it until it reads. The main settings first; the others open on demand, and by themselves when
 * one of them is wrong.
 */
export function SettingsForm({ draft, errors, onChange }: SettingsFormProps) {
  const styles = useStyles();
  const [moreOpen, setMoreOpen] = React.useState(false);
  const more = SETTING_FIELDS.filter((f) => !MAIN_SETTINGS.includes(f.key));
  const open = moreOpen || more.some((f) => errors.has(f.key));
  const field = (key: SettingKey) => (
    <SettingField
      key={key}
      setting={key}
      text={draft.text[key]}
      error={errors.get(key)}
      onChange={onChange}
    />
  );
  return (
    <section aria-labelledby="settings-title" className={styles.root}>
      <Subtitle2 as="h2" id="settings-title">
        Program settings
      </Subtitle2>
      <div className={styles.fields}>{MAIN_SETTINGS.map(field)}</div>
      <Accordion
        collapsible
        openItems={open ? [MORE] : []}
        onToggle={(_, data) => setMoreOpen(data.openItems.includes(MORE))}
      >
        <AccordionItem value={MORE}>
          <AccordionHeader size="small">More settings</AccordionHeader>
          <AccordionPanel>
            <div className={styles.fields}>{more.map((f) => field(f.key))}</div>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </section>
  );
}

function SettingField({
  setting,
  text,
  error,
  onChange,
}: {
  readonly setting: SettingKey;
  readonly text: string;
  readonly error: string | undefined;
  readonly onChange: (key: SettingKey, text: string) => void;
}) {
  const { label, kind, note } = SETTING_FIELDS.find((f) => f.key === setting)!;
  // The choices' notes list the names to use.
  const hint = HINTS[setting] ?? (kind === "partnerTypes" || kind === "models" ? note : undefined);
  const numeric = kind === "money" || kind === "share" || kind === "years" || kind === "year";
  return (
    <Field
      label={label}
      size="small"
      hint={hint}
      validationState={error === undefined ? "none" : "error"}
      validationMessage={error}
    >
      <Input
        size="small"
        value={text}
        inputMode={numeric ? "decimal" : "text"}
        onChange={(_, data) => onChange(setting, data.value)}
      />
    </Field>
  );
}
