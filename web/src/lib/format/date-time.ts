/** Kura's shop runs on Japan time; back-office times are shown in it. */
export const shopTimeZone = 'Asia/Tokyo';

const styles = {
  date: { dateStyle: 'medium' },
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
  dateTimeSeconds: { dateStyle: 'medium', timeStyle: 'medium' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

export type DateTimeStyle = keyof typeof styles;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** `2026年11月24日 12:05` / `Nov 24, 2026, 12:05 PM`; `—` for no instant. */
export function formatDateTime(iso: string | null, language: string, style: DateTimeStyle = 'dateTime'): string {
  if (!iso) return '—';
  const locale = language === 'en' ? 'en-US' : 'ja-JP';
  const key = `${locale} ${style}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { ...styles[style], timeZone: shopTimeZone });
    formatters.set(key, formatter);
  }
  return formatter.format(new Date(iso));
}
