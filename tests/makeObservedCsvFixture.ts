/**
 * Writes tests/fixtures/calls-observed-us-dates.csv: the first hours of a synthetic day of
 * Lincheng's calls (tests/calibrationHistory.ts: the simulator run with known parameters), one
 * row per dispatched unit as a dispatch system exports them — an incident number, US dates
 * (M/D/YYYY HH:MM:SS), the kind's Chinese name, lon/lat, the unit's name and when it was
 * ordered, left, arrived and cleared. The dates are in March 2025, outside the scenario's run,
 * so the import fits the run to them. Run: npx tsx tests/makeObservedCsvFixture.ts
 */
import { writeFileSync } from 'node:fs';
import { historyOf, truthScenario } from './calibrationHistory.ts';

/** The first call's day (local clock) and how many hours of calls are kept. */
const DAY = Date.UTC(2025, 2, 18);
const HOURS = 14;

const truth = truthScenario(1);
const kindName = new Map(truth.incidentKinds.map((k) => [k.id, k.name ?? k.id]));
const unitName = new Map(truth.units.map((u) => [u.id, u.name ?? u.id]));
const pad = (n: number) => String(n).padStart(2, '0');
/** Seconds after the day's midnight as a US date-time. */
const us = (seconds: number) => {
  const d = new Date(DAY + Math.round(seconds) * 1000);
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
};
const after = (call: number, offset: number | undefined) =>
  offset === undefined ? '' : us(call + offset);

const lines = ['警情编号,接警时间,事件类型,经度,纬度,处警单位,派车时间,出动时间,到场时间,返队时间'];
let number = 0;
for (const incident of historyOf(truth, 11)) {
  if (incident.time >= HOURS * 3600) break;
  number++;
  const id = `JQ20250318${String(number).padStart(4, '0')}`;
  const [lon, lat] = incident.location!;
  for (const unit of incident.observed?.units ?? [])
    lines.push(
      [
        id,
        us(incident.time),
        kindName.get(incident.kind),
        lon.toFixed(6),
        lat.toFixed(6),
        unitName.get(unit.unit!.replace(/#\d+$/, '')) ?? unit.unit,
        after(incident.time, unit.dispatched),
        after(incident.time, unit.enRoute),
        after(incident.time, unit.onScene),
        after(incident.time, unit.cleared),
      ].join(','),
    );
}
writeFileSync(
  new URL('./fixtures/calls-observed-us-dates.csv', import.meta.url),
  `${lines.join('\r\n')}\r\n`,
);
console.log(`${number} incidents, ${lines.length - 1} rows`);
