/** The tier framework of playbook §3: criteria, movement rules, validation of a program's history. */
export { EXITED, RANKED_TIERS, TIERS, TIERS_HIGHEST_FIRST, tierRank } from "./tier";
export type { RankedTier, RecordedTier, Tier } from "./tier";
export { DEFAULT_TIER_RULES, PIPELINE_MODES, TIER_PLAYBOOK } from "./rules";
export type { PipelineMode, TierCommitments, TierCriteria, TierRules } from "./rules";
export type { ValueProblem } from "./values";
export { describeTierInputError } from "./inputs";
export type { TierArgument, TierInputError } from "./inputs";
export { qualifyTier } from "./qualify";
export { formatTierStatus, tierAfter, tierStatus } from "./status";
export type { TierStatus } from "./status";
export { tierGap } from "./gap";
export type { TierGap } from "./gap";
export {
  MAX_QUARTERS_SETTING,
  parseTierRules,
  PIPELINE_MODE_NAMES,
  TIER_COLUMNS,
  TIER_SETTING_COLUMNS,
  TIER_SETTINGS,
  tierRulesFromRange,
  tierSettingValues,
  tierTableValues,
} from "./settings";
export type { TierSettingRow, TierTableRow } from "./settings";
export { QUARTERLY_COLUMNS } from "./quarterly";
export type { QuarterlyRow, ReadRowCells } from "./quarterly";
export { ProgramValidator, validateProgram } from "./validate";
export type { ProgramValidation, TierAction, TierReviewRow, ValidatorOptions } from "./validate";
