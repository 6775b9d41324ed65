import { COMPETITOR_COLUMNS, lockedPartners, recruitmentOrder } from "../domain/competitors";
import {
  LANDSCAPE_COLUMNS,
  LANDSCAPE_TIER_PROFILES,
  LANDSCAPE_TIERS,
  LandscapeTier,
  PARTNER_STATUSES,
  PartnerStatus,
  PLAYBOOK_LANDSCAPE,
} from "../domain/landscape";
import { PARTNERSHIP_MODELS, PartnershipModel } from "../domain/models";
import { PARTNER_TYPES, PartnerType } from "../domain/partners";
import { attractivenessScore, parseRatings } from "../domain/scoring";
import { columnLetters } from "./address";
import {
  choiceColumn,
  columnRef,
  dateColumn,
  rowsOrFillIn,
  textCell,
  thisRow,
  YES,
  yesNoColumn,
} from "./columns";
import { CompetitorMapEntry, TBL_COMPETITORS } from "./competitorsSheet";
import { Formula, SheetPlan } from "./plan";
import { RatedPartner, TBL_SCORING } from "./scoringSheet";

export const LANDSCAPE_SHEET = "Landscape";
export const TBL_LANDSCAPE = "tblLandscape";

/** tblLandscape's columns after the domain's: looked up from tblScoring, and the recruitment order. */
export const LANDSCAPE_LOOKUP_COLUMNS = {
  score: "Score",
  band: "Band",
  rank: "Recruitment Rank",
  rankKey: "Rank Key",
} as const;

export interface LandscapePartner {
  readonly partner: string;
  readonly type: PartnerType;
  readonly tier: LandscapeTier;
  readonly practice: string;
  readonly geography: string;
  readonly model: PartnershipModel;
  readonly status: PartnerStatus;
  /** The partner came to us: an Opportunistic one may then be recruited. */
  readonly inbound?: boolean;
}

/** §2.1: Big 4 and GSIs are Tier A, boutiques, regional SIs and ISVs Tier B, the long tail Tier C. */
export const TIER_BY_TYPE: Readonly<Record<PartnerType, LandscapeTier>> = {
  "Big 4": "A",
  GSI: "A",
  Boutique: "B",
  "Regional SI": "B",
  "ISV/Product": "B",
  "Long-tail": "C",
};

/** The model §1.2 names each type best for. */
export const MODEL_BY_TYPE: Readonly<Record<PartnerType, PartnershipModel>> = {
  "Big 4": "Co-Sell",
  GSI: "Implementation",
  Boutique: "Referral",
  "Regional SI": "Reseller",
  "ISV/Product": "OEM / Embed",
  "Long-tail": "Referral",
};

const PRACTICES: ReadonlyMap<string, string> = new Map(
  PLAYBOOK_LANDSCAPE.filter((e) => e.practice !== "").map((e) => [e.partner, e.practice])
);

/**
 * A landscape row per rated partner, with the playbook's defaults for its type (practice where §2.1 names
 * one; geography and practice otherwise left to fill in), in recruitment order: partners no competitor
 * has locked first, then by attractiveness score (§2.3 "recruit those first").
 */
export function landscapePartners(
  partners: readonly RatedPartner[],
  competitors: readonly CompetitorMapEntry[],
  status: (partner: RatedPartner) => PartnerStatus
): LandscapePartner[] {
  const locks = lockedPartners(
    partners.map((p) => ({ partner: p.name })),
    competitors
  );
  const targets = partners.map((p) => {
    const ratings = parseRatings(p.ratings);
    return {
      partner: p.name,
      rated: p,
      score: ratings.ok ? attractivenessScore(ratings.value) : undefined,
    };
  });
  return recruitmentOrder(targets, locks).map(({ rated }) => ({
    partner: rated.name,
    type: rated.type,
    tier: TIER_BY_TYPE[rated.type],
    practice: PRACTICES.get(rated.name) ?? "",
    geography: rated.type === "Big 4" || rated.type === "GSI" ? "Global" : "",
    model: MODEL_BY_TYPE[rated.type],
    status: status(rated),
    // Tier C is self-serve (§2.1): the long tail signs up through the partner portal.
    inbound: TIER_BY_TYPE[rated.type] === "C",
  }));
}

const HEADER_ROW = 2;

const partner = thisRow(TBL_LANDSCAPE, LANDSCAPE_COLUMNS.partner);

/** Names compared as the domain does, ignoring case, with spaces dropped so "Deloitte,Accenture" also reads. */
const squeezed = (text: string): string => `LOWER(SUBSTITUTE(${text}," ",""))`;

/**
 * The first competitor whose Key Partners list names this partner ("" when none): the list is read with
 * commas and semicolons as separators, and a name must match a whole item.
 */
export const lockedToFormula: Formula = (() => {
  const list = `","&SUBSTITUTE(${squeezed(columnRef(TBL_COMPETITORS, COMPETITOR_COLUMNS.keyPartners))},";",",")&","`;
  const found = `ISNUMBER(FIND(","&${squeezed(partner)}&",",${list}))`;
  return {
    formula: `=IF(LEN(${partner})=0,"",IFERROR(INDEX(${columnRef(TBL_COMPETITORS, COMPETITOR_COLUMNS.competitor)},MATCH(1,INDEX(${found}*1,0),0))&"",""))`,
  };
})();

const fromScoring = (column: string): Formula => ({
  formula: `=IFERROR(INDEX(${columnRef(TBL_SCORING, column)},MATCH(${partner},${columnRef(TBL_SCORING, "Partner")},0)),"")`,
});

const rankKeys = columnRef(TBL_LANDSCAPE, LANDSCAPE_LOOKUP_COLUMNS.rankKey);
const rankKey = thisRow(TBL_LANDSCAPE, LANDSCAPE_LOOKUP_COLUMNS.rankKey);

/**
 * Where recruitmentOrder puts the partner, as a number that sorts the same way: its group (unlocked
 * before locked), then its score, highest first, unscored last; partners tied on it keep the order of
 * their rows. Scores carry at most 9 decimals (ROUND on the Scoring sheet), so distinct scores keep
 * distinct keys.
 */
export const recruitmentKeyFormula: Formula = (() => {
  const score = thisRow(TBL_LANDSCAPE, LANDSCAPE_LOOKUP_COLUMNS.score);
  const locked = `IF(LEN(${thisRow(TBL_LANDSCAPE, LANDSCAPE_COLUMNS.lockedTo)})>0,1000,0)`;
  // A row without a partner yet (an empty table's row to fill in) has no place in the order.
  return {
    formula: `=IF(LEN(${partner})=0,"",${locked}+IF(ISNUMBER(${score}),ROUND(100-${score},9),200))`,
  };
})();

/** The cell, above the Rank Key column, that says whether the rows are in recruitment order. */
export const RANK_ORDER_CELL = {
  row: 1,
  column: Object.keys(LANDSCAPE_COLUMNS).length + Object.keys(LANDSCAPE_LOOKUP_COLUMNS).length - 1,
} as const;
const inRankOrder = `$${columnLetters(RANK_ORDER_CELL.column)}$${RANK_ORDER_CELL.row + 1}`;

/**
 * TRUE when the keys never decrease down the table: the rows are in recruitment order, as the plan writes
 * them and as sorting by Recruitment Rank leaves them. One pass over the column, in one cell.
 */
export const rankOrderFormula: Formula = {
  formula: `=IF(ROWS(${rankKeys})<2,TRUE,SUMPRODUCT(--(INDEX(${rankKeys},1):INDEX(${rankKeys},ROWS(${rankKeys})-1)>INDEX(${rankKeys},2):INDEX(${rankKeys},ROWS(${rankKeys}))))=0)`,
};

/**
 * The partner's place in recruitmentOrder. Rows in that order (RANK_ORDER_CELL) are ranked by position,
 * in constant time per row; otherwise by counting the keys below this one and the equal keys above it,
 * which scans the column for every row. No engine here ranks in better than linear time per row (RANK
 * and COUNTIF both scan; LibreOffice took 115 s for 10,000 partners with the former SUMPRODUCT), so the
 * scan is kept for tables someone has re-sorted by hand, and sorting by the rank restores the fast path.
 */
export const recruitmentRankFormula: Formula = {
  formula:
    `=IF(LEN(${partner})=0,"",IF(${inRankOrder},ROW()-ROW(INDEX(${rankKeys},1))+1,` +
    `COUNTIF(${rankKeys},"<"&${rankKey})+COUNTIF(INDEX(${rankKeys},1):${rankKey},${rankKey})))`,
};

const SCORE_FORMULA = fromScoring("Score");
const BAND_FORMULA = fromScoring("Band");

/** The columns after the analyst's: what the lock, the score and the rank make of them. */
const LOOKUPS = [
  lockedToFormula,
  SCORE_FORMULA,
  BAND_FORMULA,
  recruitmentRankFormula,
  recruitmentKeyFormula,
];

/** §2.1's partner map, one row per partner, linked to its score and to the competitors' locks. */
export function landscapeSheetPlan(partners: readonly LandscapePartner[]): SheetPlan {
  const tiers = LANDSCAPE_TIERS.map(
    (t) => `${t} = ${LANDSCAPE_TIER_PROFILES[t].name} (${LANDSCAPE_TIER_PROFILES[t].target} target)`
  ).join("; ");
  return {
    name: LANDSCAPE_SHEET,
    freezeRows: HEADER_ROW + 1,
    cells: [
      { at: { row: 0, column: 0 }, value: "Partner Landscape", style: "title" },
      {
        at: { row: 1, column: 0 },
        value: `Tier ${tiers}. Partners no competitor has locked come first in the recruitment rank.`,
        style: "note",
      },
      {
        at: { row: RANK_ORDER_CELL.row, column: RANK_ORDER_CELL.column - 1 },
        value: "In rank order:",
        style: "label",
      },
      { at: RANK_ORDER_CELL, value: rankOrderFormula, style: "note" },
    ],
    tables: [
      {
        name: TBL_LANDSCAPE,
        topLeft: { row: HEADER_ROW, column: 0 },
        columns: [
          { header: LANDSCAPE_COLUMNS.partner, width: 28 },
          choiceColumn(LANDSCAPE_COLUMNS.type, 11, PARTNER_TYPES),
          choiceColumn(
            LANDSCAPE_COLUMNS.tier,
            9,
            LANDSCAPE_TIERS,
            `A: ${LANDSCAPE_TIER_PROFILES.A.approach}. B: ${LANDSCAPE_TIER_PROFILES.B.approach}. C: ${LANDSCAPE_TIER_PROFILES.C.approach}.`
          ),
          { header: LANDSCAPE_COLUMNS.practice, width: 22, wrap: true },
          { header: LANDSCAPE_COLUMNS.geography, width: 12 },
          choiceColumn(LANDSCAPE_COLUMNS.model, 14, PARTNERSHIP_MODELS),
          choiceColumn(
            LANDSCAPE_COLUMNS.status,
            11,
            PARTNER_STATUSES,
            "Beyond Prospect only once the thesis is signed off."
          ),
          dateColumn(
            LANDSCAPE_COLUMNS.statusSince,
            11,
            "The date the status last changed. A partner recruited before the thesis's sign-off date is a finding."
          ),
          yesNoColumn(
            LANDSCAPE_COLUMNS.inbound,
            10,
            "Yes when the partner came to us. Opportunistic partners (score < 50) are taken inbound only."
          ),
          {
            header: LANDSCAPE_COLUMNS.lockedTo,
            width: 14,
            description:
              "The competitor whose Key Partners (Competitors sheet) name this partner. Type over it to record a lock the competitor map does not show.",
          },
          {
            header: LANDSCAPE_LOOKUP_COLUMNS.score,
            width: 8,
            numberFormat: "0.0",
            description: "The partner's attractiveness score from the Scoring sheet.",
          },
          { header: LANDSCAPE_LOOKUP_COLUMNS.band, width: 13 },
          {
            header: LANDSCAPE_LOOKUP_COLUMNS.rank,
            width: 13,
            numberFormat: "0",
            description:
              "Recruit in this order: partners under-served by competitors first, then by score. Sort by it to see the list.",
          },
          {
            header: LANDSCAPE_LOOKUP_COLUMNS.rankKey,
            width: 10,
            numberFormat: "0",
            description:
              "The number Recruitment Rank orders partners by: 0 + (100 − score) for partners no competitor has locked, 1000 + (100 − score) for locked ones, 200 when not yet scored. Sort by Recruitment Rank to keep ranking fast on large lists.",
          },
        ],
        rows: rowsOrFillIn(
          partners.map((p) => [
            p.partner,
            p.type,
            p.tier,
            textCell(p.practice),
            textCell(p.geography),
            p.model,
            p.status,
            null,
            p.inbound ? YES : null,
            ...LOOKUPS,
          ]),
          // Partner, Type, Target Tier, Practice, Geography, Model, Status, Status Since and Inbound to fill in.
          [null, null, null, null, null, null, null, null, null, ...LOOKUPS]
        ),
      },
    ],
  };
}
