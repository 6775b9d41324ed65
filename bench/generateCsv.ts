/**
 * `node dist-bench/bench/generateCsv.js OUT.csv [PARTNERS] [QUARTERS] [--interleave N]`: writes the
 * generated quarterly data the CLI's budget is measured on (100,000 × 12 by default: 1.2 million rows).
 */
import { writeQuarterlyCsv } from "../test/support/quarterlyCsv";

async function main(args: readonly string[]): Promise<void> {
  const at = args.indexOf("--interleave");
  const interleave = at < 0 ? 0 : Number(args[at + 1]);
  const [out, partners = "100000", quarters = "12"] = at < 0 ? args : args.slice(0, at);
  if (out === undefined)
    throw new Error("usage: generateCsv OUT.csv [PARTNERS] [QUARTERS] [--interleave N]");
  const rows = await writeQuarterlyCsv(out, Number(partners), Number(quarters), { interleave });
  console.log(`${out}: ${rows} rows`);
}

void main(process.argv.slice(2));
