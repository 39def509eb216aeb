/**
 * Calendar arithmetic on day numbers (days since 1970-01-01), so the engine never needs a Date
 * object's time zone. A day number is what every deadline, report date and overdue count uses.
 */

export type DayNumber = number;

export interface Ymd {
  readonly y: number;
  readonly m: number; // 1-12
  readonly d: number; // 1-31
}

const DAYS_1970_TO_1900_SERIAL = 25569; // Excel serial of 1970-01-01 in the 1900 date system
const DAYS_1904_OFFSET = 1462; // serial difference between the 1900 and 1904 systems

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** True when y-m-d names a real calendar day (2023-02-30 does not). */
export function isValidYmd(y: number, m: number, d: number): boolean {
  return (
    Number.isInteger(y) &&
    Number.isInteger(m) &&
    Number.isInteger(d) &&
    y >= 1900 &&
    y <= 9999 &&
    m >= 1 &&
    m <= 12 &&
    d >= 1 &&
    d <= daysInMonth(y, m)
  );
}

/** Day number of a calendar date (proleptic Gregorian, days from civil). */
export function dayNumber(y: number, m: number, d: number): DayNumber {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDayNumber(n: DayNumber): Ymd {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

export function lastDayOfMonth(y: number, m: number): DayNumber {
  return dayNumber(y, m, daysInMonth(y, m));
}

/** D plus n calendar months, keeping the day of month and clamping to the month's end (31 Jan + 1 = 28 Feb). */
export function addMonths(day: DayNumber, n: number): DayNumber {
  const { y, m, d } = fromDayNumber(day);
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return dayNumber(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/** Whole calendar months from a to b (b later), counting a month only once its day is reached. */
export function wholeMonthsBetween(a: DayNumber, b: DayNumber): number {
  if (b <= a) return 0;
  const A = fromDayNumber(a);
  const B = fromDayNumber(b);
  let months = (B.y - A.y) * 12 + (B.m - A.m);
  while (months > 0 && addMonths(a, months) > b) months--;
  return months;
}

/** Excel serial (with its fraction of a day ignored) to day number. */
export function serialToDay(serial: number, date1904 = false): DayNumber {
  const whole = Math.floor(serial);
  // Serials 1..59 in the 1900 system sit before Excel's phantom 29 Feb 1900.
  const s = date1904 ? whole + DAYS_1904_OFFSET : whole < 60 ? whole + 1 : whole;
  return s - DAYS_1970_TO_1900_SERIAL;
}

export function dayToSerial(day: DayNumber): number {
  return day + DAYS_1970_TO_1900_SERIAL;
}

/** "2023-06-30" */
export function formatIsoDay(day: DayNumber): string {
  const { y, m, d } = fromDayNumber(day);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** "2023年6月30日" */
export function formatChineseDay(day: DayNumber): string {
  const { y, m, d } = fromDayNumber(day);
  return `${y}年${m}月${d}日`;
}

/** Parses "YYYY-MM-DD" strictly; null otherwise. */
export function parseIsoDay(text: string): DayNumber | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return isValidYmd(y, mo, d) ? dayNumber(y, mo, d) : null;
}
