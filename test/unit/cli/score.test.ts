import { expectUsageError, run } from "./run";

describe("partner-strategy score", () => {
  test.each([
    [["80", "70", "60", "50", "40"], "65 Secondary"],
    [["75", "75", "75", "75", "75"], "75 Priority"],
    [["85", "65", "75", "75", "70"], "75 Priority"],
    [["75", "75", "75", "75", "74.9"], "74.99 Secondary"],
    [["50", "50", "50", "50", "50"], "50 Secondary"],
    [["50", "50", "50", "50", "49.9"], "49.99 Opportunistic"],
    [["0", "0", "0", "0", "0"], "0 Opportunistic"],
    [["100", "100", "100", "100", "100"], "100 Priority"],
    [["33.3", "66.7", "12.5", "99.9", "0.1"], "44.16 Opportunistic"],
    // 74.996 would round to 75.00, which reads as Priority: more decimals instead.
    [["74.996", "74.996", "74.996", "74.996", "74.996"], "74.996 Secondary"],
  ])("%j prints %s", async (ratings, line) => {
    await expect(run("score", ...ratings)).resolves.toEqual({ code: 0, out: [line], err: [] });
  });

  test.each([
    [["--weights", "1,1,1,1,1", "100", "0", "0", "0", "0"], "20 Opportunistic"],
    [["10", "20", "30", "40", "80", "--weights=0,0,0,0,5"], "80 Priority"],
    [["90", "60", "50", "40", "30", "--weights", "3,2.5,2,1.5,1"], "61 Secondary"],
  ])("custom weights: %j prints %s", async (args, line) => {
    await expect(run("score", ...args)).resolves.toEqual({ code: 0, out: [line], err: [] });
  });

  test.each([
    [["80", "70", "60", "50"], "expected 5 ratings, got 4"],
    [["80", "70", "60", "50", "40", "30"], "expected 5 ratings, got 6"],
    [[], "expected 5 ratings, got 0"],
    [["150", "70", "60", "50", "40"], "ICP Client Overlap rating 150 is outside 0–100"],
    [["80", "-5", "60", "50", "40"], "Market Influence rating -5 is outside 0–100"],
    [["80", "70", "high", "50", "40"], 'Practice Alignment rating "high" is not a number'],
    [
      ["80", "70", "60", "50", "40", "--weights", "30,25,20,15"],
      "--weights: expected 5 weights, got 4",
    ],
    [
      ["80", "70", "60", "50", "40", "--weights", "30,-25,20,15,10"],
      "--weights: Market Influence weight -25 is negative",
    ],
    [
      ["80", "70", "60", "50", "40", "--weights", "-30,25,20,15,10"],
      "--weights: ICP Client Overlap weight -30 is negative",
    ],
    [
      ["80", "70", "60", "50", "40", "--weights", "30,x,20,15,10"],
      '--weights: Market Influence weight "x" is not a number',
    ],
    [
      ["80", "70", "60", "50", "40", "--weights", "0,0,0,0,0"],
      "--weights: the weights add up to 0; give at least one criterion a positive weight",
    ],
    [["80", "70", "60", "50", "40", "--weights"], "--weights needs a value"],
    [["80", "70", "60", "50", "40", "--wieghts", "1,1,1,1,1"], "unknown option --wieghts"],
  ])("%j: exit 2 with one line: %s", async (args, message) => {
    await expectUsageError(["score", ...args], `partner-strategy score: ${message}`);
  });
});
