import { Cron } from 'croner';

/**
 * Local dates and times in a subscription's IANA timezone, and the instants of its daily post
 * (croner, which follows daylight-saving changes).
 */

/** A wall-clock date and time in some timezone. */
export interface LocalDateTime {
  /** 'YYYY-MM-DD' */
  date: string;
  /** 'HH:MM' */
  time: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The local date and time of an instant in a timezone.
 * @example localDateTime(new Date('2026-03-29T07:30:00Z'), 'Europe/London') // { date: '2026-03-29', time: '08:30' }
 */
export function localDateTime(at: Date, timeZone: string): LocalDateTime {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(at).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/**
 * True for a timezone name this runtime knows (IANA, e.g. 'Europe/London', or 'UTC').
 * @example isValidTimezone('Mars/Olympus') // false
 */
export function isValidTimezone(timeZone: string): boolean {
  if (timeZone.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads a time of day: "08:00", "8:00", "8", "8am", "6:30 pm". Returns 'HH:MM', or null.
 * @example parseTimeOfDay('6:30pm') // '18:30'
 */
export function parseTimeOfDay(text: string): string | null {
  const m = /^\s*(\d{1,2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?\s*$/i.exec(text);
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = m[2] === undefined ? 0 : Number(m[2]);
  const half = m[3]?.toLowerCase().replace(/\./g, '');
  if (minute > 59) return null;
  if (half) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (half === 'pm' ? 12 : 0);
  }
  if (hour > 23) return null;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** The cron pattern of a daily post at 'HH:MM'. */
export function dailyPattern(time: string): string {
  const [h, m] = time.split(':');
  return `${Number(m)} ${Number(h)} * * *`;
}

/**
 * The next instant of a daily post after `from`.
 * @example nextDailyRun('08:00', 'Europe/London', new Date('2026-03-28T12:00:00Z')) // 2026-03-29T07:00:00.000Z (summer time)
 */
export function nextDailyRun(time: string, timeZone: string, from: Date): Date | null {
  return new Cron(dailyPattern(time), { timezone: timeZone, paused: true }).nextRun(from);
}

/**
 * The latest instant of a daily post at or before `at`, or null.
 */
export function previousDailyRun(time: string, timeZone: string, at: Date): Date | null {
  const next = new Cron(dailyPattern(time), { timezone: timeZone, paused: true }).previousRuns(1, new Date(at.getTime() + 1))[0];
  return next ?? null;
}
