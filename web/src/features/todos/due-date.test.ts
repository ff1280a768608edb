import { describe, expect, it } from 'vitest';
import { formatDue, isOverdue, localInputToInstant, toLocalInputValue } from './due-date';

describe('due dates in the user’s time zone', () => {
  it('shows an instant as the wall-clock time where the user lives', () => {
    expect(toLocalInputValue('2026-05-01T00:00:00.000Z', 'Asia/Tokyo')).toBe('2026-05-01T09:00');
    expect(toLocalInputValue('2026-05-01T00:00:00.000Z', 'America/New_York')).toBe('2026-04-30T20:00');
    expect(toLocalInputValue('2026-12-31T15:30:00Z', 'Asia/Tokyo')).toBe('2027-01-01T00:30');
    expect(toLocalInputValue(null, 'Asia/Tokyo')).toBe('');
    expect(toLocalInputValue('not a date', 'Asia/Tokyo')).toBe('');
  });

  it('turns a wall-clock time back into the same instant', () => {
    expect(localInputToInstant('2026-05-01T09:00', 'Asia/Tokyo')).toBe('2026-05-01T00:00:00.000Z');
    expect(localInputToInstant('2026-07-01T09:00', 'Europe/London')).toBe('2026-07-01T08:00:00.000Z'); // BST
    expect(localInputToInstant('2026-01-01T09:00', 'Europe/London')).toBe('2026-01-01T09:00:00.000Z');
    expect(localInputToInstant('2026-05-01', 'Asia/Tokyo')).toBeNull();
    for (const zone of ['Asia/Tokyo', 'America/Los_Angeles', 'Australia/Adelaide']) {
      const instant = localInputToInstant('2026-03-20T18:45', zone);
      expect(toLocalInputValue(instant, zone)).toBe('2026-03-20T18:45');
    }
  });

  it('calls a todo overdue only when unfinished and past due', () => {
    const now = new Date('2026-05-01T00:00:00Z');
    expect(isOverdue({ dueAt: '2026-04-30T23:59:00Z', completed: false }, now)).toBe(true);
    expect(isOverdue({ dueAt: '2026-04-30T23:59:00Z', completed: true }, now)).toBe(false);
    expect(isOverdue({ dueAt: '2026-05-01T00:01:00Z', completed: false }, now)).toBe(false);
    expect(isOverdue({ dueAt: null, completed: false }, now)).toBe(false);
  });

  it('formats in the reader’s language, with the year only when it differs', () => {
    const now = new Date('2026-04-01T00:00:00Z');
    expect(formatDue('2026-05-01T00:00:00Z', 'Asia/Tokyo', 'ja', now)).toBe('5/1(金) 9:00');
    expect(formatDue('2026-05-01T00:00:00Z', 'Asia/Tokyo', 'en', now)).toBe('Fri, May 1, 09:00');
    expect(formatDue('2027-05-01T00:00:00Z', 'Asia/Tokyo', 'en', now)).toContain('2027');
  });
});
