import { readMoney } from "./money";
import { err, ok, Result } from "./result";
import { describeValueProblem } from "./tiers/values";

/**
 * Market development funds (playbook §3.1 "Top MDF allocation ($[X]/yr)" for Platinum, "MDF allocation
 * ($[X]/yr)" for Gold; §5.2 "Implement MDF program for Gold and Platinum partners"): what the money returned.
 */

/** Less than a cent paid is nothing paid (and a ratio over it is no figure anyone can use). */
const ONE_CENT = 0.01;

/**
 * Revenue per MDF dollar paid: partner-sourced revenue of the period ÷ MDF paid in it. Both in dollars
 * ($1,250,000 and 1250000 alike); nothing paid has no return to measure.
 */
export function mdfRoi(sourcedRevenue: unknown, mdfPaid: unknown): Result<number, string> {
  const revenue = readMoney(sourcedRevenue);
  if (!revenue.ok) return err(describeValueProblem(revenue.error, "sourcedRevenue", true));
  const paid = readMoney(mdfPaid);
  if (!paid.ok) return err(describeValueProblem(paid.error, "mdfPaid", true));
  if (revenue.value < 0) return err(`sourcedRevenue ${revenue.value} is negative`);
  if (paid.value < ONE_CENT) {
    return err(
      `mdfPaid is ${paid.value}: nothing was paid, so there is no return per MDF dollar to measure`
    );
  }
  return ok(revenue.value / paid.value);
}
