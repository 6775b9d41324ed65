import { PARTNER_TYPES } from "../../src/domain/partners";
import { CRITERIA } from "../../src/domain/scoring";
import { RatedPartner } from "../../src/workbook/scoringSheet";

/** A deterministic partner list of any size: every type, every band, every seventh partner not yet fully rated. */
export function generatePartners(count: number): RatedPartner[] {
  return Array.from({ length: count }, (_, i) => ({
    name: `Partner ${String(i + 1).padStart(5, "0")} Advisory Group`,
    type: PARTNER_TYPES[i % PARTNER_TYPES.length]!,
    ratings: CRITERIA.map((_, c) => (i % 7 === 0 && c === 4 ? null : (i * 13 + c * 29) % 101)),
  }));
}
