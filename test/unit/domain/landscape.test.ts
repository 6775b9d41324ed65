import {
  checkLandscape,
  checkRecruitment,
  isBeyondProspect,
  LANDSCAPE_TIER_PROFILES,
  PARTNER_STATUSES,
  PLAYBOOK_LANDSCAPE,
  readLandscapeTier,
  readPartnerStatus,
} from "../../../src/domain/landscape";
import { PARTNER_TYPES } from "../../../src/domain/partners";
import { Band } from "../../../src/domain/scoring";

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

describe("recruitment against the thesis's sign-off date and the scoring bands (§2.2)", () => {
  const since = (r: number, partner: string, status: string, date: unknown) => ({
    ...row(r, partner, status),
    statusSince: cell(date, `H${r}`),
  });

  test.each([
    ["the day before the sign-off", new Date("2026-09-30T00:00:00Z"), ["H2"]],
    ["the sign-off day", new Date("2026-10-01T00:00:00Z"), []],
    ["no date recorded", null, []],
  ])("a partner whose status changed %s", (_, date, cells) => {
    const findings = checkLandscape([since(2, "Deloitte", "Signed", date)], signOff, "Landscape");
    expect(findings.map((f) => f.cell)).toEqual(cells);
    expect(findings.every((f) => f.rule === "quality.thesis-before-recruitment")).toBe(true);
  });

  test("a Status Since that is not a date is named", () => {
    expect(
      checkLandscape([since(2, "EY", "Prospect", "last spring")], signOff, "Landscape").map((f) => [
        f.rule,
        f.cell,
        f.message,
      ])
    ).toEqual([
      [
        "landscape.bad-value",
        "H2",
        'EY: Status Since "last spring" is not a date (write it as 2026-03-31 or enter a date)',
      ],
    ]);
  });

  const bands = new Map<string, Band>([
    ["deloitte", "Priority"],
    ["kestrel", "Secondary"],
    ["pinecrest", "Opportunistic"],
    ["saltmarsh", "Opportunistic"],
  ]);
  const recruit = (r: number, partner: string, status: string, inbound: unknown = null) => ({
    ...row(r, partner, status),
    inbound: cell(inbound, `I${r}`),
  });

  test("unrated, Opportunistic not inbound, Secondary before a Priority partner is Signed or Active", () => {
    const findings = checkRecruitment(
      [
        recruit(2, "Deloitte", "Recruiting"),
        recruit(3, "Kestrel", "Signed"),
        recruit(4, "Pinecrest", "Active", "Yes"),
        recruit(5, "Saltmarsh", "Active", "No"),
        recruit(6, "Unrated Co", "Recruiting"),
        recruit(7, "Prospect Co", "Prospect"),
      ],
      bands,
      "Landscape"
    );
    expect(findings.map((f) => [f.severity, f.rule, f.cell])).toEqual([
      ["warning", "scoring.secondary-first", "G3"],
      ["warning", "scoring.opportunistic-inbound", "I5"],
      ["warning", "scoring.unrated", "G6"],
    ]);
  });

  test("once a Priority partner is Signed, Secondary partners may be recruited", () => {
    const findings = checkRecruitment(
      [recruit(2, "Deloitte", "Signed"), recruit(3, "Kestrel", "Recruiting")],
      bands,
      "Landscape"
    );
    expect(findings).toEqual([]);
  });
});
