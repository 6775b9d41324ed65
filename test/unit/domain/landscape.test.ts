import {
  checkLandscape,
  isBeyondProspect,
  LANDSCAPE_TIER_PROFILES,
  PARTNER_STATUSES,
  PLAYBOOK_LANDSCAPE,
  readLandscapeTier,
  readPartnerStatus,
} from "../../../src/domain/landscape";
import { PARTNER_TYPES } from "../../../src/domain/partners";

const cell = (value: unknown, ref: string) => ({ value, cell: ref });
const row = (
  r: number,
  partner: unknown,
  status: unknown,
  extra: { type?: unknown; tier?: unknown; model?: unknown } = {}
) => ({
  partner: cell(partner, `A${r}`),
  type: cell(extra.type ?? "Big 4", `B${r}`),
  tier: cell(extra.tier ?? "A", `C${r}`),
  model: cell(extra.model ?? null, `F${r}`),
  status: cell(status, `G${r}`),
  lockedTo: cell(null, `H${r}`),
});
const signOff = { by: "Dana Reyes, CPO", date: new Date("2026-10-01T00:00:00Z") };

describe("partner landscape (§2.1)", () => {
  test("tiers A/B/C and the program tier each targets", () => {
    expect(LANDSCAPE_TIER_PROFILES.A).toMatchObject({
      name: "Strategic Partners",
      target: "Platinum",
    });
    expect(LANDSCAPE_TIER_PROFILES.B).toMatchObject({ name: "Growth Partners", target: "Gold" });
    expect(LANDSCAPE_TIER_PROFILES.C).toMatchObject({
      name: "Long-Tail / Registered Partners",
      target: "Registered",
    });
    expect(["a", "Tier B", "long-tail", "Strategic"].map(readLandscapeTier)).toEqual([
      "A",
      "B",
      "C",
      "A",
    ]);
    expect(readLandscapeTier("D")).toBeUndefined();
  });

  test("statuses in order; recruitment starts after Prospect", () => {
    expect(PARTNER_STATUSES).toEqual(["Prospect", "Recruiting", "Signed", "Active", "Exited"]);
    expect(PARTNER_STATUSES.filter(isBeyondProspect)).toEqual([
      "Recruiting",
      "Signed",
      "Active",
      "Exited",
    ]);
    expect(readPartnerStatus(" signed ")).toBe("Signed");
  });

  test("the playbook's named Tier A firms", () => {
    expect(PLAYBOOK_LANDSCAPE.map((p) => p.partner)).toEqual([
      "Deloitte",
      "PwC",
      "EY",
      "KPMG",
      "Accenture",
      "Cognizant",
      "Infosys",
      "TCS",
      "Wipro",
    ]);
    for (const p of PLAYBOOK_LANDSCAPE) {
      expect(p.tier).toBe("A");
      expect(PARTNER_TYPES).toContain(p.type);
    }
  });

  test("no partner beyond Prospect without a signed-off thesis", () => {
    const rows = [
      row(2, "Deloitte", "Recruiting"),
      row(3, "PwC", "Prospect"),
      row(4, "EY", "exited"),
    ];
    const findings = checkLandscape(rows, undefined, "Landscape");
    expect(findings).toEqual([
      {
        severity: "error",
        rule: "quality.thesis-before-recruitment",
        sheet: "Landscape",
        cell: "G2",
        message:
          "Deloitte is Recruiting but the partnership thesis is not signed off: never start partner recruitment without a signed-off thesis",
      },
      expect.objectContaining({ rule: "quality.thesis-before-recruitment", cell: "G4" }),
    ]);
    expect(checkLandscape(rows, signOff, "Landscape")).toEqual([]);
  });

  test("unknown types, tiers, models and statuses; duplicate partners; blank names", () => {
    const findings = checkLandscape(
      [
        row(2, "Deloitte", "Prospect", { type: "Consultancy", tier: "Z", model: "Franchise" }),
        row(3, "deloitte ", "Hot lead"),
        row(4, null, "Prospect"),
        { partner: cell(null, "A5"), status: cell(null, "G5") },
      ],
      signOff,
      "Landscape"
    );
    expect(findings.map((f) => [f.rule, f.cell, f.message])).toEqual([
      [
        "landscape.bad-value",
        "B2",
        'Deloitte: "Consultancy" is not a partner type; use Big 4, GSI, Boutique, Regional SI, ISV/Product, Long-tail',
      ],
      ["landscape.bad-value", "C2", 'Deloitte: "Z" is not a target tier; use A, B, C'],
      [
        "landscape.bad-value",
        "F2",
        expect.stringMatching(/^Deloitte: "Franchise" is not a partnership model; use Referral, /),
      ],
      [
        "landscape.duplicate-partner",
        "A3",
        "deloitte appears twice (first at A2): keep one row per partner",
      ],
      [
        "landscape.bad-value",
        "G3",
        'deloitte: "Hot lead" is not a status; use Prospect, Recruiting, Signed, Active, Exited',
      ],
      ["landscape.bad-value", "A4", "the partner's name is blank"],
    ]);
  });
});
