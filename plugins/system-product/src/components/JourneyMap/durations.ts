/** One decimal at most, without a trailing ".0": 1.5, 2. */
const oneDecimal = (n: number) => Math.round(n * 10) / 10;

/**
 * A touchpoint's expected time, given in minutes, in the largest unit that
 * keeps it readable: "45 min" under an hour, "1.5 h" under a day, "2 d"
 * beyond. A figure that rounds up to the next unit takes it ("1 d", not
 * "24 h").
 */
export function formatMinutes(minutes: number): string {
  const wholeMinutes = Math.round(minutes);
  if (wholeMinutes < 60) return `${wholeMinutes} min`;
  const hours = oneDecimal(minutes / 60);
  if (hours < 24) return `${hours} h`;
  return `${oneDecimal(minutes / (24 * 60))} d`;
}
