import fc from "fast-check";
import {
  attractivenessScore,
  DEFAULT_WEIGHTS,
  Ratings,
  scoreBand,
  Weights,
} from "../../../src/domain/scoring";
import { ScoredPartnerInput, weightSensitivity } from "../../../src/domain/weightSensitivity";

/** The same question answered the slow, obvious way: sort everyone, compare the first `top`. */
function bruteForce(partners: readonly ScoredPartnerInput[], weights: Weights, top: number) {
  const ranked = (w: Weights) =>
    partners
      .map((p, i) => ({ i, score: attractivenessScore(p.ratings, w), name: p.name }))
      .sort((a, b) => b.score - a.score || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .slice(0, top)
      .map((x) => x.i);
  const before = ranked(weights);
  return [0, 1, 2, 3, 4].flatMap((c) =>
    [0.2, -0.2].map((change) => {
      const moved = weights.map((w, i) => (i === c ? w * (1 + change) : w)) as unknown as Weights;
      const after = ranked(moved);
      return partners
        .map((p, i) => i)
        .filter((i) => {
          const bandChanged =
            scoreBand(attractivenessScore(partners[i]!.ratings, weights)) !==
            scoreBand(attractivenessScore(partners[i]!.ratings, moved));
          const rank = before.indexOf(i);
          const rankAfter = after.indexOf(i);
          return bandChanged || rank !== rankAfter;
        })
        .map((i) => partners[i]!.name);
    })
  );
}

describe("weightSensitivity", () => {
  test("names the partner that a heavier weight lifts into Priority, and the places it swaps", () => {
    const partners: ScoredPartnerInput[] = [
      // 74.9 with the playbook's weights: ICP is its strength, so 20% more ICP weight lifts it to 76.2, Priority.
      { name: "Northwind", ratings: [98, 72, 65, 60, 55] },
      { name: "Harbor", ratings: [70, 80, 75, 70, 70] },
      { name: "Quarry", ratings: [20, 20, 20, 20, 20] },
    ];
    const moves = weightSensitivity(partners, DEFAULT_WEIGHTS, { step: 0.2, top: 2 });
    expect(moves).toHaveLength(10);
    const icpUp = moves.find((m) => m.criterion === "icp" && m.change > 0)!;
    expect(icpUp.weights).toEqual([36, 25, 20, 15, 10]);
    expect(icpUp.shifts).toEqual([
      { partner: "Northwind", band: "Secondary", bandAfter: "Priority", rank: 1, rankAfter: 1 },
    ]);
    // Less ICP weight: Harbor (73.5, steady) overtakes Northwind (73.4).
    const icpDown = moves.find((m) => m.criterion === "icp" && m.change < 0)!;
    expect(icpDown.shifts.map((s) => [s.partner, s.rank, s.rankAfter])).toEqual([
      ["Northwind", 1, 2],
      ["Harbor", 2, 1],
    ]);
  });

  test("agrees with sorting every partner, for any ratings and weights", () => {
    const rating = fc.integer({ min: 0, max: 100 });
    const partner = fc.record({
      name: fc.string({ minLength: 1, maxLength: 3 }),
      ratings: fc.tuple(rating, rating, rating, rating, rating) as fc.Arbitrary<Ratings>,
    });
    const weight = fc.integer({ min: 1, max: 50 });
    fc.assert(
      fc.property(
        fc.uniqueArray(partner, { selector: (p) => p.name, maxLength: 30 }),
        fc.tuple(weight, weight, weight, weight, weight) as fc.Arbitrary<Weights>,
        fc.integer({ min: 1, max: 12 }),
        (partners, weights, top) => {
          const moves = weightSensitivity(partners, weights, { step: 0.2, top });
          expect(moves.map((m) => m.shifts.map((s) => s.partner))).toEqual(
            bruteForce(partners, weights, top)
          );
        }
      )
    );
  });
});
