/**
 * Whether date, dateTime and time text that has the right form names a real
 * moment: XSD's lexical check is more than a form (`2009-13-45` and
 * `2024-02-30` are no `xs:date`, `25:00:00` no `xs:time`). The form itself is
 * checked by the caller's pattern; this checks the numbers in it.
 */

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysIn(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS[month - 1]!;
}

function dayProblem(text: string): boolean {
  const [year, month, day] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
  return month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || year === 0;
}

/** `hh:mm:ss` at `text`'s start; 24:00:00 is the end of a day, as XSD 1.0 reads it. */
function clockProblem(text: string): boolean {
  const [hours, minutes, seconds] = text.slice(0, 8).split(':').map(Number) as [number, number, number];
  if (hours === 24) return minutes !== 0 || seconds !== 0 || /^24:00:00\.\d*[1-9]/.test(text);
  return hours > 23 || minutes > 59 || seconds > 59;
}

/** A zone offset at the end of `text` (`+14:00` at most). */
function zoneProblem(text: string): boolean {
  const zone = /([+-])(\d{2}):(\d{2})$/.exec(text);
  if (!zone) return false;
  const minutes = Number(zone[2]) * 60 + Number(zone[3]);
  return Number(zone[3]) > 59 || minutes > 14 * 60;
}

/**
 * Whether `text`, already of the form of `type`, names no real date or time.
 * @param type - `date` (`yyyy-MM-dd`), `datetime` (`yyyy-MM-ddThh:mm:ss`) or `time` (`hh:mm:ss`), each with an optional zone
 */
export function impossibleMoment(text: string, type: 'date' | 'datetime' | 'time'): boolean {
  const value = text.trim();
  if (type === 'time') return clockProblem(value) || zoneProblem(value);
  if (dayProblem(value)) return true;
  return (type === 'datetime' && clockProblem(value.slice(11))) || zoneProblem(value.slice(10));
}
