/**
 * A duration in seconds in the largest unit that keeps it readable: "12 min"
 * under an hour, "1.5 h" under a day, "2.3 days" beyond.
 */
export function formatDuration(seconds: number): string {
  if (seconds < 3600) return `${Math.max(1, Math.round(seconds / 60))} min`;
  if (seconds < 86_400) return `${+(seconds / 3600).toFixed(1)} h`;
  const days = +(seconds / 86_400).toFixed(1);
  return `${days} ${days === 1 ? 'day' : 'days'}`;
}
