/**
 * The calibration's words in both languages, for the CLI and the app: names of districts, kinds
 * and agencies as the scenario gives them (the English page's `nameEn`, else the name, never an
 * id unless the thing has no name), capabilities in words, distributions in plain terms.
 */
import type { Distribution, Scenario } from '../scenarios/schema.ts';
import { capabilityWords, incidentKindWords } from '../sim/analysis/terms.ts';
import type { CalibrationFit, CalibrationResult } from './calibrate.ts';
import type { GroupRow } from './compare.ts';

export type CalibrationLanguage = 'zh' | 'en';

const ROAD_CLASS_WORDS: Record<string, { zh: string; en: string }> = {
  expressway: { zh: '高速公路', en: 'expressway' },
  arterial: { zh: '主干道', en: 'arterial' },
  local: { zh: '支路', en: 'local street' },
  county: { zh: '县道', en: 'county road' },
  village: { zh: '村道', en: 'village road' },
  bridge: { zh: '桥梁', en: 'bridge' },
  ferry: { zh: '轮渡', en: 'ferry' },
};

export function roadClassWords(roadClass: string, language: CalibrationLanguage): string {
  return ROAD_CLASS_WORDS[roadClass]?.[language] ?? roadClass;
}

type Named = { id: string; name?: string; nameEn?: string };
function nameOf(list: readonly Named[], id: string, language: CalibrationLanguage): string {
  const item = list.find((x) => x.id === id);
  if (!item) return id;
  return (language === 'en' ? item.nameEn : undefined) || item.name || id;
}

export const names = (scenario: Scenario, language: CalibrationLanguage) => ({
  district: (id: string) => nameOf(scenario.districts, id, language),
  kind: (id: string) => {
    const kind = scenario.incidentKinds.find((k) => k.id === id);
    return incidentKindWords(id, kind?.name, language, kind?.nameEn);
  },
  agency: (id: string) => nameOf(scenario.agencies, id, language),
});

export function seconds(value: number, language: CalibrationLanguage): string {
  if (!Number.isFinite(value)) return '—';
  const rounded = Math.round(value);
  if (rounded < 120) return language === 'zh' ? `${rounded} 秒` : `${rounded} s`;
  const minutes = (value / 60).toFixed(1);
  return language === 'zh' ? `${minutes} 分钟` : `${minutes} min`;
}

export function distributionWords(d: Distribution, language: CalibrationLanguage): string {
  const s = (v: number) => seconds(v, language);
  const zh = language === 'zh';
  switch (d.type) {
    case 'fixed':
      return zh ? `固定 ${s(d.value)}` : `fixed ${s(d.value)}`;
    case 'lognormal':
      return zh
        ? `对数正态，均值 ${s(d.mean)}，标准差 ${s(d.sd)}`
        : `lognormal, mean ${s(d.mean)}, sd ${s(d.sd)}`;
    case 'lognormalMedianP90':
      return zh
        ? `对数正态，中位数 ${s(d.median)}，P90 ${s(d.p90)}`
        : `lognormal, median ${s(d.median)}, p90 ${s(d.p90)}`;
    case 'exponential':
      return zh ? `指数分布，均值 ${s(d.mean)}` : `exponential, mean ${s(d.mean)}`;
    case 'gamma':
    case 'erlang':
      return zh ? `伽马分布，均值 ${s(d.mean)}` : `gamma, mean ${s(d.mean)}`;
    default:
      return zh ? '经验分布' : 'empirical';
  }
}

export const calibrationText = {
  en: {
    title: 'Calibration against the observed history',
    counts: (r: CalibrationResult['counts']) =>
      `${r.incidents.toLocaleString('en')} incident(s) with observed times, ${r.trips.toLocaleString('en')} trip(s) from a base` +
      (r.unmatchedUnits
        ? `, ${r.unmatchedUnits} unit(s) matching no unit or agency of the scenario`
        : ''),
    method:
      'Fitted: travel by least squares over the model’s quickest paths; durations as lognormals by the method of moments.',
    travel: 'Travel',
    overhead: 'trip overhead',
    tripsUsed: (used: number, all: number) =>
      `${used} of ${all} trips used (the rest >4 robust sd off)`,
    kmh: (v: number) => `${v.toFixed(1)} km/h`,
    notFitted: 'not fitted (a zone-to-zone matrix, or too few trips)',
    mobilisation: 'Mobilisation',
    onScene: 'On scene',
    handling: 'Call handling',
    all: 'all kinds (the centre’s)',
    response: (r: number) =>
      `Response, call → first arrival (simulated: ${r} replication(s) of the history’s calls)`,
    columns: ['', 'observed', 'before fit', 'after fit'],
    medianP90: 'median / p90',
    overall: 'overall',
    byDistrict: 'By district',
    byKind: 'By kind',
    n: (n: number) => `n=${n}`,
    sample: (n: number) => `n=${n}`,
    wrote: (file: string) => `fitted scenario written to ${file}`,
    noObserved:
      'the scenario lists no incident with observed times: import call history with --dispatched, --en-route, --on-scene, --cleared columns first',
  },
  zh: {
    title: '依据历史记录校准',
    counts: (r: CalibrationResult['counts']) =>
      `含观测时间的事件 ${r.incidents.toLocaleString('zh-CN')} 起，自驻地出发的行程 ${r.trips.toLocaleString('zh-CN')} 次` +
      (r.unmatchedUnits ? `，${r.unmatchedUnits} 个力量与情景中的力量或单位均不对应` : ''),
    method: '拟合方法：行驶时间按模型最快路径用最小二乘法；各时长按矩估计拟合对数正态分布。',
    travel: '行驶',
    overhead: '每次行程固定耗时',
    tripsUsed: (used: number, all: number) =>
      `采用 ${used} / ${all} 次行程（其余偏离超过 4 个稳健标准差）`,
    kmh: (v: number) => `${v.toFixed(1)} 公里/小时`,
    notFitted: '未拟合（区域间时间矩阵，或行程过少）',
    mobilisation: '出动准备',
    onScene: '现场处置',
    handling: '接警研判',
    all: '全部类型（中心统一）',
    response: (r: number) => `响应时间：接警至首车到场（仿真：按历史来电运行 ${r} 次）`,
    columns: ['', '历史实测', '校准前', '校准后'],
    medianP90: '中位数 / P90',
    overall: '总体',
    byDistrict: '按区县',
    byKind: '按事件类型',
    n: (n: number) => `${n} 起`,
    sample: (n: number) => `样本数 ${n}`,
    wrote: (file: string) => `已写出校准后的情景：${file}`,
    noObserved:
      '情景中没有带观测时间的事件：请先导入接处警记录，并指定 --dispatched、--en-route、--on-scene、--cleared 列',
  },
} as const;

export interface FitLine {
  section: string;
  what: string;
  before: string;
  after: string;
  /** The sample it was fitted to. */
  n?: number;
}

/** The fitted values as lines: (what, before, after). */
export function fitLines(
  scenario: Scenario,
  fit: CalibrationFit,
  language: CalibrationLanguage,
): FitLine[] {
  const t = calibrationText[language];
  const name = names(scenario, language);
  const lines: FitLine[] = [];
  const travel = scenario.travel;
  if (fit.travel && travel.model !== 'matrix') {
    for (const c of fit.travel.fittedClasses) {
      const before =
        travel.model === 'roadGraph' ? travel.roadClasses[c].speedKmh : travel.speedKmh;
      lines.push({
        section: t.travel,
        what: travel.model === 'roadGraph' ? roadClassWords(c, language) : t.travel,
        before: t.kmh(before),
        after: t.kmh(fit.travel.speeds[c]),
        n: fit.travel.used,
      });
    }
    lines.push({
      section: t.travel,
      what: t.overhead,
      before: seconds(travel.tripOverheadSeconds, language),
      after: seconds(fit.travel.overheadSeconds, language),
      n: fit.travel.used,
    });
  }
  if (!fit.travel)
    lines.push({ section: t.travel, what: t.travel, before: '—', after: t.notFitted });
  for (const m of fit.mobilisation) {
    const unit = scenario.units.find((u) => u.agency === m.agency);
    lines.push({
      section: t.mobilisation,
      what: name.agency(m.agency),
      before: unit ? distributionWords(unit.mobilisation, language) : '—',
      after: distributionWords(m.fit.distribution, language),
      n: m.fit.n,
    });
  }
  for (const w of fit.onScene) {
    const kind = scenario.incidentKinds.find((k) => k.id === w.kind);
    const current = kind?.workTimeByCapability?.[w.capability] ?? kind?.workTime;
    lines.push({
      section: t.onScene,
      what: `${name.kind(w.kind)} · ${capabilityWords(w.capability, language)}`,
      before: current ? distributionWords(current, language) : '—',
      after: distributionWords(w.fit.distribution, language),
      n: w.fit.n,
    });
  }
  if (fit.handlingAll)
    lines.push({
      section: t.handling,
      what: t.all,
      before: distributionWords(scenario.dispatch.callHandling, language),
      after: distributionWords(fit.handlingAll.distribution, language),
      n: fit.handlingAll.n,
    });
  for (const h of fit.handling) {
    const kind = scenario.incidentKinds.find((k) => k.id === h.kind);
    lines.push({
      section: t.handling,
      what: name.kind(h.kind),
      before: distributionWords(kind?.callHandling ?? scenario.dispatch.callHandling, language),
      after: distributionWords(h.fit.distribution, language),
      n: h.fit.n,
    });
  }
  return lines;
}

/** A comparison row's cells: observed, before, after as "median / p90". */
export function rowCells(row: GroupRow, language: CalibrationLanguage): string[] {
  const pair = (s: { median: number; p90: number }) =>
    `${seconds(s.median, language)} / ${seconds(s.p90, language)}`;
  return [pair(row.observed), pair(row.before), row.after ? pair(row.after) : '—'];
}
