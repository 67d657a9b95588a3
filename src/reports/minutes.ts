/**
 * Minutes to one decimal that add up. Rounding each row and the total on their own makes a column
 * read 1.793,3 above a total of 1.793,1; here the total is rounded once and its tenths are shared
 * out among the rows by largest remainder (Hamilton's method), so every row is its exact value
 * rounded up or down and the rows add up to the total as printed.
 */
export function minutesThatAddUp(rowSeconds: readonly number[], totalSeconds: number): number[] {
  const exact = rowSeconds.map((s) => s / 6); // tenths of a minute
  const tenths = exact.map(Math.floor);
  let left = Math.round(totalSeconds / 6) - tenths.reduce((sum, t) => sum + t, 0);
  const byRemainder = exact
    .map((e, i) => ({ i, remainder: e - tenths[i] }))
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    tenths[i] += 1;
    left -= 1;
  }
  return tenths.map((t) => t / 10);
}
