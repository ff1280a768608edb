/**
 * Due dates are instants (UTC) in the API and wall-clock times in the user's
 * own time zone (their Kura profile, not the browser's) on screen.
 */

type WallClock = { year: number; month: number; day: number; hour: number; minute: number };

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClockFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function wallClockAt(instant: Date, timeZone: string): WallClock {
  const parts = Object.fromEntries(
    wallClockFormatter(timeZone)
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `2026-05-01T09:00`: the value a `datetime-local` input shows for this instant in `timeZone`. */
export function toLocalInputValue(iso: string | null, timeZone: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const w = wallClockAt(date, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

const localPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * The instant a wall-clock time in `timeZone` names (an estimate for the
 * optimistic update; the server decides DST gaps and overlaps). Null if invalid.
 */
export function localInputToInstant(value: string, timeZone: string): string | null {
  const match = localPattern.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  const offsetAt = (instant: number) => {
    const w = wallClockAt(new Date(instant), timeZone);
    return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) - instant;
  };
  let instant = asUtc - offsetAt(asUtc);
  instant = asUtc - offsetAt(instant); // a second pass settles a DST change between the two
  return new Date(instant).toISOString();
}

export function isOverdue(todo: { dueAt: string | null; completed: boolean }, now: Date): boolean {
  return !todo.completed && todo.dueAt !== null && new Date(todo.dueAt).getTime() < now.getTime();
}

/** `5月1日(金) 9:00` / `Fri, May 1, 9:00`; the year only when it is not this year. */
export function formatDue(iso: string, timeZone: string, language: string, now: Date): string {
  const date = new Date(iso);
  const sameYear = wallClockAt(date, timeZone).year === wallClockAt(now, timeZone).year;
  return new Intl.DateTimeFormat(language === 'en' ? 'en-US' : 'ja-JP', {
    timeZone,
    year: sameYear ? undefined : 'numeric',
    month: language === 'en' ? 'short' : 'numeric',
    day: 'numeric',
    weekday: 'short',
    hour: 'numeric',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
}
