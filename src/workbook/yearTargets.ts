import { PIPELINE_COVERAGE } from "../domain/settings";
import { settingRef } from "./settingsSheet";

/** Two significant digits, as the domain's year targets are written (settings.ts roundTarget). */
const roundTarget = (x: string): string => `IF(${x}<=0,0,ROUND(${x},MIN(0,1-INT(LOG10(${x})))))`;

/**
 * yearOneTargets by formula over tblSettings, so the sheets' targets follow the settings: partner share and
 * ARR on a straight line from today to the thesis's horizon. Shared by the OKRs and the Dashboard.
 */
export const YEAR_TARGETS: {
  /** The program year's partner share of ARR, a fraction rounded to whole percents. */
  readonly share: string;
  readonly sourced: string;
  readonly pipeline: string;
} = (() => {
  const years = settingRef("years");
  const share = `ROUND(${settingRef("partnerShare")}/${years},2)`;
  const arr = `(${settingRef("currentArr")}+(${settingRef("targetArr")}-${settingRef("currentArr")})/${years})`;
  const sourced = `${share}*${arr}`;
  return {
    share,
    sourced: roundTarget(sourced),
    pipeline: roundTarget(`${sourced}*${PIPELINE_COVERAGE}`),
  };
})();
