/**
 * Which days count when a due time is given in days or weeks. Hours, minutes and seconds always
 * run on the clock; days and weeks count working days under a working-day calendar.
 */
export interface Calendar {
  /** Whether the calendar date (`YYYY-MM-DD`, in the calendar's time zone) is a working day. */
  isWorkingDay(date: string): boolean;
  /** The calendar's offset from UTC in minutes (China: 480). Days are counted in this zone. */
  utcOffsetMinutes: number;
  /** Whether day units count working days (false: every day counts). */
  workingDays: boolean;
}

/**
 * Every day counts: `P3D` is three times 24 hours later.
 *
 * @example
 * ```ts
 * import { calendarDays } from '@gridsafe/escalation';
 * console.log(calendarDays.isWorkingDay('2026-10-01')); // true
 * ```
 */
export const calendarDays: Calendar = { isWorkingDay: () => true, utcOffsetMinutes: 480, workingDays: false };

/**
 * A working-day calendar: Monday to Friday, minus `holidays`, plus `workdays` (weekend days made
 * working days, 调休). Dates are `YYYY-MM-DD` in the zone `utcOffsetMinutes` (default China, 480).
 *
 * @example
 * ```ts
 * import { workingDayCalendar } from '@gridsafe/escalation';
 * const cal = workingDayCalendar({ holidays: ['2026-10-01'], workdays: ['2026-10-10'] });
 * console.log(cal.isWorkingDay('2026-10-01'), cal.isWorkingDay('2026-10-10')); // false true
 * ```
 */
export function workingDayCalendar(options: { holidays?: string[]; workdays?: string[]; utcOffsetMinutes?: number } = {}): Calendar {
  const holidays = new Set(options.holidays ?? []);
  const workdays = new Set(options.workdays ?? []);
  return {
    utcOffsetMinutes: options.utcOffsetMinutes ?? 480,
    workingDays: true,
    isWorkingDay(date) {
      if (holidays.has(date)) return false;
      if (workdays.has(date)) return true;
      const day = new Date(`${date}T00:00:00Z`).getUTCDay();
      return day !== 0 && day !== 6;
    },
  };
}
