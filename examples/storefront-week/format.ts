// Number formats shared by the printed summary and the HTML report, so both show the same strings.

export const pct = (share: number | null): string => (share === null ? "—" : `${(share * 100).toFixed(1)} %`);

/** A duration in hours with one decimal ("3.4 h"), minutes below an hour ("42 min"). */
export function duration(ms: number | null): string {
  if (ms === null) return "—";
  if (ms < 3_600_000) return `${Math.round(ms / 60_000)} min`;
  return `${(ms / 3_600_000).toFixed(1)} h`;
}

export const num = (value: number | null, digits = 0): string =>
  value === null ? "—" : value.toFixed(digits);

const WEEKDAY = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTH = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "Mon 29 Dec 14:00 UTC". */
export function utcHour(at: Date): string {
  const hh = String(at.getUTCHours()).padStart(2, "0");
  return `${WEEKDAY[at.getUTCDay()]} ${at.getUTCDate()} ${MONTH[at.getUTCMonth()]} ${hh}:00 UTC`;
}

export const hourLabel = (hour: number): string => `${String(hour).padStart(2, "0")}:00`;
