/** Display helpers of the stand-in page: inbox-style times. */

function sameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/** As Outlook's message list: a time today, a weekday and time this week, a date before. */
export function formatListTime(iso: string, now: Date, locale = "en-US"): string {
  const date = new Date(iso);
  if (sameDay(date, now)) return date.toLocaleTimeString(locale, { hour: "numeric", minute: "2-digit" });
  const ageMs = now.getTime() - date.getTime();
  if (ageMs >= 0 && ageMs < 6 * 24 * 60 * 60 * 1000) {
    return (
      date.toLocaleDateString(locale, { weekday: "short" }) +
      " " +
      date.toLocaleTimeString(locale, { hour: "numeric", minute: "2-digit" })
    );
  }
  return date.toLocaleDateString(locale, { month: "numeric", day: "numeric", year: "numeric" });
}

/** As the reading pane's header: "Fri 3/14/2025 9:12 AM". */
export function formatFullTime(iso: string, locale = "en-US"): string {
  const date = new Date(iso);
  return date.toLocaleString(locale, {
    weekday: "short",
    month: "numeric",
    day: "numeric",
    year: "numeric",
    hour: "numeric",
    minute: "2-digit",
  });
}
