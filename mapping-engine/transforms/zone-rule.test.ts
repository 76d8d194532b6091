import { describe, expect, it } from 'vitest';
import { changeInstant, FIRST_CHECKED_YEAR, LAST_CHECKED_YEAR, ruleOffset, zoneRule } from './zone-rule';

/** The zone's offset at `ms` as the runtime's time-zone data gives it, in minutes east of UTC. */
function intlOffset(zone: string, ms: number): number {
  const text = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')!.value;
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(text);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

describe('zone rules', () => {
  it('reads the EU, US and southern rules as month, week, weekday and local time', () => {
    expect(zoneRule('Europe/Berlin')).toEqual({ std: 60, dst: 120, start: [3, 5, 0, 120], end: [10, 5, 0, 180] });
    expect(zoneRule('America/New_York')).toEqual({ std: -300, dst: -240, start: [3, 2, 0, 120], end: [11, 1, 0, 120] });
    expect(zoneRule('Asia/Tokyo')).toEqual({ std: 540 });
    expect(zoneRule('UTC')).toEqual({ std: 0 });
    expect(changeInstant(2025, [3, 5, 0, 120], 60)).toBe(Date.UTC(2025, 2, 30, 1));
  });

  it.each(['Europe/Berlin', 'Europe/London', 'America/New_York', 'America/Los_Angeles', 'Australia/Sydney', 'Pacific/Auckland', 'Asia/Kolkata'])(
    '%s gives the runtime offset every 5 days of the checked years',
    (zone) => {
      const rule = zoneRule(zone);
      for (let ms = Date.UTC(FIRST_CHECKED_YEAR, 0, 1); ms < Date.UTC(LAST_CHECKED_YEAR + 1, 0, 1); ms += 5 * 86_400_000 + 3_600_000) {
        expect(ruleOffset(rule, ms), new Date(ms).toISOString()).toBe(intlOffset(zone, ms));
      }
    },
  );

  it('refuses unknown zones and zones without a yearly rule', () => {
    expect(() => zoneRule('Nowhere/Special')).toThrow(/unknown time zone/);
    expect(() => zoneRule('America/Santiago')).toThrow(/no yearly/);
  });
});
