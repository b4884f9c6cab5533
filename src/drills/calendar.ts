/**
 * The year's drills (年度演练计划): which agencies, tiers, coordination rules and objectives
 * each drill exercises, those not exercised in the last two half-years (the joint meetings are
 * half-yearly, domain §5), and the trend of the same expected actions from drill to drill.
 */
import { RULE_IDS } from '../scenarios/rules/index.ts';
import type { CalendarEntry, DrillCalendar } from './types.ts';

/** "2026H1" for a date in January–June. */
export function halfYearOf(date: string): string {
  const [year, month] = date.split('-').map(Number);
  return `${year}H${month <= 6 ? 1 : 2}`;
}

function previousHalf(half: string): string {
  const year = Number(half.slice(0, 4));
  return half.endsWith('H2') ? `${year}H1` : `${year - 1}H2`;
}

/** What one drill exercises: the agencies that play or are expected to act, their tiers, rules, objectives. */
function exercised(entry: CalendarEntry) {
  const { drill, scenario } = entry;
  const agencies = new Set<string>();
  for (const p of drill.participants)
    if (p.roles.includes('play') || p.roles.includes('simulate')) agencies.add(p.agency);
  for (const step of drill.steps) {
    step.inject.to.forEach((a) => agencies.add(a));
    for (const action of step.expected) if (action.agency) agencies.add(action.agency);
  }
  const tierOf = new Map(scenario.agencies.map((a) => [a.id, a.tier]));
  const tiers = new Set([...agencies].map((a) => `${tierOf.get(a) ?? '?'}`));
  const rules = new Set(drill.objectives.flatMap((o) => o.rules));
  const objectives = new Set(drill.objectives.map((o) => o.text));
  return { agencies, tiers, rules, objectives };
}

export function drillCalendar(entries: readonly CalendarEntry[]): DrillCalendar {
  const sorted = entries
    .slice()
    .sort(
      (a, b) =>
        a.drill.header.date.localeCompare(b.drill.header.date) ||
        a.drill.id.localeCompare(b.drill.id),
    );
  const drills = sorted.map((e) => ({
    id: e.drill.id,
    name: e.drill.header.name,
    date: e.drill.header.date,
    halfYear: halfYearOf(e.drill.header.date),
  }));
  const halfYears = [...new Set(drills.map((d) => d.halfYear))];
  const latest = drills.length > 0 ? drills[drills.length - 1].halfYear : null;
  const recent = latest ? new Set([latest, previousHalf(latest)]) : new Set<string>();

  type Dimension = DrillCalendar['coverage'][number]['dimension'];
  const cells = new Map<
    string,
    { dimension: Dimension; key: string; drills: string[]; recent: boolean }
  >();
  const touch = (dimension: Dimension, key: string, drill: string, half: string) => {
    const id = `${dimension}|${key}`;
    const cell = cells.get(id) ?? { dimension, key, drills: [], recent: false };
    if (!cell.drills.includes(drill)) cell.drills.push(drill);
    if (recent.has(half)) cell.recent = true;
    cells.set(id, cell);
  };
  // Every agency and enabled rule of the drills' scenarios is a row, exercised or not.
  for (const { scenario } of sorted) {
    for (const agency of scenario.agencies) touch('agency', agency.id, '', '');
    for (const tier of new Set(scenario.agencies.map((a) => `${a.tier}`)))
      touch('tier', tier, '', '');
    for (const rule of RULE_IDS) {
      const params = scenario.rules[rule] as { enabled?: boolean };
      if (params.enabled !== false) touch('rule', rule, '', '');
    }
  }
  sorted.forEach((entry, i) => {
    const half = drills[i].halfYear;
    const what = exercised(entry);
    for (const a of what.agencies) touch('agency', a, entry.drill.id, half);
    for (const t of what.tiers) touch('tier', t, entry.drill.id, half);
    for (const r of what.rules) touch('rule', r, entry.drill.id, half);
    for (const o of what.objectives) touch('objective', o, entry.drill.id, half);
  });
  const coverage = [...cells.values()].map((c) => ({
    dimension: c.dimension,
    key: c.key,
    drills: c.drills.filter((d) => d !== ''),
    stale: !c.recent,
  }));

  const trend = new Map<string, DrillCalendar['trend'][number]['points']>();
  sorted.forEach((entry, i) => {
    for (const row of entry.evaluation?.rows ?? []) {
      const points = trend.get(row.action) ?? [];
      points.push({
        drill: entry.drill.id,
        date: drills[i].date,
        actual: row.actual,
        met: row.met,
      });
      trend.set(row.action, points);
    }
  });
  return {
    drills,
    halfYears,
    coverage,
    trend: [...trend]
      .filter(([, p]) => p.length > 1)
      .map(([action, points]) => ({ action, points })),
  };
}
