// Intl's JPY currency style prints the fullwidth "￥" for ja-JP and needs a
// locale switch for the halfwidth sign; shops in Japan print "¥1,280" in both
// languages, so the sign is added by hand around a plain grouped integer.
const grouped = new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 0, useGrouping: true });

/** Formats integer yen as `¥1,280` (the same in Japanese and English). */
export function formatYen(amount: number): string {
  const rounded = Math.round(amount);
  const sign = rounded < 0 ? '-' : '';
  return `${sign}¥${grouped.format(Math.abs(rounded))}`;
}
