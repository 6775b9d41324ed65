const nameKey = (name: string): string => name.toUpperCase();

/**
 * The sheet order after adding sheets: each added sheet goes after the nearest program sheet before it,
 * else before the nearest after it, else last; the sheets the workbook had keep their order.
 */
export function placedOrder(
  existing: readonly string[],
  added: readonly string[],
  programOrder: readonly string[]
): string[] {
  const position = (name: string): number =>
    programOrder.findIndex((n) => nameKey(n) === nameKey(name));
  const order = [...existing];
  for (const name of added) {
    const wanted = position(name);
    let after = -1;
    let before = -1;
    order.forEach((other, i) => {
      const p = position(other);
      if (p < 0) return;
      if (p < wanted && (after < 0 || p > position(order[after]!))) after = i;
      if (p > wanted && (before < 0 || p < position(order[before]!))) before = i;
    });
    if (after >= 0) order.splice(after + 1, 0, name);
    else if (before >= 0) order.splice(before, 0, name);
    else order.push(name);
  }
  return order;
}
