/**
 * What-if variants of a scenario (方案比较): a variant is a name and a list of operations, each a
 * plain datum a planner can read back ("move 国网临城供电公司 to tier 2", "one engine fewer at
 * 东湖消防救援站"). Operations are applied in order to a deep copy of the scenario document, so
 * the base is never touched and the same variant can be applied again to a changed base.
 * Pure: no DOM, no worker; the full check of the result is the loader's (src/scenarios/load.ts).
 */
import type { Language } from './messages.ts';
import { distributionMean } from '../lib/distributions.ts';
import { Distribution, Rules } from './schema.ts';
import type { RuleId } from './rules/index.ts';
import { RULE_NAMES as NAMES } from './ruleNames.ts';

/** Scenario data as the editor holds it: JSON not yet checked (the same as the workspace's document). */
export type ScenarioDoc = Record<string, unknown>;

/** Rules with an on/off switch (the assessment is always computed, so it has none). */
export type SwitchableRule = {
  [Id in RuleId]: Rules[Id] extends { enabled: boolean } ? Id : never;
}[RuleId];

/**
 * The Chinese measure word for a unit by its name: 艘 for boats and ships, 支 for teams, squads
 * and brigades, 名 for people, 辆 for vehicles otherwise.
 */
export function measureWord(name: string): string {
  if (/[艇船舶舰]/.test(name)) return '艘';
  if (/(队|组|班|排|连|分队|小组|突击|民兵|志愿)/.test(name)) return '支';
  if (/(专家|人员|联络员|医生|向导)$/.test(name)) return '名';
  return '辆';
}

/** Every switchable rule has a name here, or tsc fails: a new rule appears in the comparison. */
const RULE_NAMES: Record<SwitchableRule, Record<Language, string>> = {
  tiers: NAMES.tiers,
  command: NAMES.command,
  firstReceiver: NAMES.firstReceiver,
  maritime: NAMES.maritime,
  triage: NAMES.triage,
  fireRescueApproval: NAMES.fireRescueApproval,
  reinforcement: NAMES.reinforcement,
  military: NAMES.military,
  groupIncidents: NAMES.groupIncidents,
  rearSupply: NAMES.rearSupply,
  traffic: NAMES.traffic,
  growth: NAMES.growth,
  feedback: NAMES.feedback,
};

/** In the order of the rules' numbers, as the comparison's form offers them. */
export const SWITCHABLE_RULES = Object.keys(RULE_NAMES) as SwitchableRule[];

/** Delays of the rules that a planner negotiates: approvals, requests, answers. */
export const DELAYS = {
  'fireRescueApproval.approval': {
    zh: '消防救援调派其他力量报批时限',
    en: 'Approval for fire rescue to send other forces',
  },
  'fireRescueApproval.seasonalApproval': {
    zh: '特殊时期二次报批时限',
    en: 'Second approval in special seasons',
  },
  'military.approval': {
    zh: '经军地联合办公室申请兵力时限',
    en: 'Troop request through the joint office',
  },
  'military.directRequest': {
    zh: '特别紧急时直接申请兵力时限',
    en: 'Direct troop request when extremely urgent',
  },
  'reinforcement.approval': {
    zh: '跨区域增援审批时限',
    en: 'Approval of cross-region reinforcement',
  },
  'maritime.landRequest': {
    zh: '海上搜救中心申请陆上力量时限',
    en: 'Maritime SAR centre’s request for land units',
  },
  'groupIncidents.neighbourAnswer': {
    zh: '邻近乡镇答复支援请求时限',
    en: 'Neighbour’s answer to a request for help',
  },
} as const satisfies Record<string, Record<Language, string>>;
export type DelayId = keyof typeof DELAYS;
export const DELAY_IDS = Object.keys(DELAYS) as DelayId[];

export type Tier = 1 | 2 | 3;

/** One change of a variant. Counts and seconds are absolute values, not steps, so a label reads back exactly. */
export type VariantOperation =
  | { type: 'agencyTier'; agency: string; tier: Tier }
  /** Vehicles of a unit; 0 removes the unit (and its copies from run cards and unit events). */
  | { type: 'unitCount'; unit: string; count: number }
  | { type: 'unitCrew'; unit: string; crew: number }
  /** A new unit like `template` (agency, capabilities, crew, mobilisation) based at `base`. */
  | { type: 'addUnit'; template: string; base: string; count: number }
  /** Sets the delay's central value (its median where the distribution has one, else its mean), keeping its shape. */
  | { type: 'delay'; delay: DelayId; seconds: number }
  | { type: 'rule'; rule: SwitchableRule; enabled: boolean }
  /** Multiplies the generated calls per day, of one incident kind or of all. */
  | { type: 'callVolume'; factor: number; kind?: string };

export interface Variant {
  name: string;
  operations: VariantOperation[];
}

export interface VariantProblem {
  /** Index of the operation in the variant. */
  operation: number;
  message: string;
}

export type VariantResult =
  { ok: true; doc: ScenarioDoc } | { ok: false; problems: VariantProblem[] };

// ---------------------------------------------------------------------------------------------
// The parts of the document the operations touch. The document may be mid-edit, so every list
// and every entry is checked before use: an entry that is not an object is skipped here and left
// for the loader to report.

interface Named {
  id: string;
  name?: string;
}
interface AgencyEntry extends Named {
  tier?: number;
}
interface UnitEntry extends Named {
  agency: string;
  base: string;
  count?: number;
  crew?: number;
}
interface StreamEntry {
  kind: string;
  callsPerDay: number;
}
interface RunCardEntry {
  units: string[];
}
interface UnitEventEntry {
  type: string;
  unit?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The list itself (to change in place), or an empty one where the document has none. */
function arrayAt(doc: ScenarioDoc, key: string): unknown[] {
  const value = doc[key];
  return Array.isArray(value) ? value : [];
}

/** The entries of a list that are objects. */
function listOf<T>(doc: ScenarioDoc, key: string): T[] {
  return arrayAt(doc, key).filter(isRecord) as T[];
}

function objectAt(parent: Record<string, unknown>, key: string): Record<string, unknown> {
  const value = parent[key];
  if (isRecord(value)) return value;
  const fresh: Record<string, unknown> = {};
  parent[key] = fresh;
  return fresh;
}

const DEFAULT_RULES = Rules.parse({});

function nameOf(entry: Named | undefined, fallback: string): string {
  if (typeof entry?.name === 'string' && entry.name) return entry.name;
  return typeof entry?.id === 'string' ? entry.id : fallback;
}

const numberOr = (value: unknown, fallback: number) =>
  typeof value === 'number' && Number.isFinite(value) ? value : fallback;

const isDelay = (delay: string): delay is DelayId => Object.hasOwn(DELAYS, delay);

// ---------------------------------------------------------------------------------------------
// Messages

const messages = {
  zh: {
    unknown: (what: string, id: string) => `没有${what}「${id}」`,
    agency: '联动单位',
    unit: '力量',
    base: '驻地',
    kind: '警情类型',
    tierRange: '级别须为 1、2 或 3',
    countRange: '数量须为 0 至 500 的整数',
    addCountRange: '增设数量须为 1 至 500 的整数',
    crewRange: '编制人数须为 0 至 10000 的整数',
    secondsRange: '时限须为不小于 0 的有限数',
    factorRange: '倍数须为 0 至 100 之间的数',
    noStreams: (kind: string) => `没有「${kind}」的随机来电流，倍数不起作用`,
    unknownRule: (rule: string) => `没有规则「${rule}」`,
    unknownDelay: (delay: string) => `没有时限「${delay}」`,
    malformedDelay: (delay: DelayId) =>
      `情景中的「${DELAYS[delay].zh}」填写有误，无法修改；请先在情景编辑中改正`,
    tierName: (tier: number) => ['', '一级', '二级', '三级'][tier] ?? `${tier} 级`,
  },
  en: {
    unknown: (what: string, id: string) => `There is no ${what} "${id}"`,
    agency: 'partner agency',
    unit: 'unit',
    base: 'base',
    kind: 'incident kind',
    tierRange: 'The tier must be 1, 2 or 3',
    countRange: 'Vehicles must be a whole number from 0 to 500',
    addCountRange: 'The number added must be a whole number from 1 to 500',
    crewRange: 'The crew must be a whole number from 0 to 10000',
    secondsRange: 'The delay must be a finite number ≥ 0',
    factorRange: 'The factor must be a number from 0 to 100',
    noStreams: (kind: string) =>
      `There are no generated calls of "${kind}": the factor changes nothing`,
    unknownRule: (rule: string) => `There is no rule "${rule}"`,
    unknownDelay: (delay: string) => `There is no delay "${delay}"`,
    malformedDelay: (delay: DelayId) =>
      `The scenario's "${DELAYS[delay].en}" is not filled in correctly: fix it in the scenario editor first`,
    tierName: (tier: number) => `tier ${tier}`,
  },
} satisfies Record<Language, unknown>;

// ---------------------------------------------------------------------------------------------
// Applying

const isWhole = (value: number, min: number, max: number) =>
  Number.isInteger(value) && value >= min && value <= max;

/** Applies a variant's operations in order to a deep copy of `doc`; the first problem of each operation is reported. */
export function applyVariant(
  base: ScenarioDoc,
  operations: readonly VariantOperation[],
  language: Language,
): VariantResult {
  const doc = copyToChange(base);
  const problems: VariantProblem[] = [];
  operations.forEach((operation, index) => {
    const message = applyOperation(doc, operation, messages[language]);
    if (message) problems.push({ operation: index, message });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, doc };
}

/**
 * The base copied for the operations to change: all of it but the parts no operation touches
 * and a big scenario is made of (boundaries, the road graph, listed incidents), which are
 * shared. A variant of a 50 MB scenario is then checked on each edit without copying 50 MB.
 */
function copyToChange(base: ScenarioDoc): ScenarioDoc {
  const doc: ScenarioDoc = {};
  for (const [key, value] of Object.entries(base)) {
    let copy: unknown;
    if (key === 'districts' || key === 'travel') copy = value;
    else if (key === 'arrivals' && isRecord(value)) {
      copy = Object.fromEntries(
        Object.entries(value).map(([part, item]) => [
          part,
          part === 'incidents' ? item : structuredClone(item),
        ]),
      );
    } else copy = structuredClone(value);
    Object.defineProperty(doc, key, {
      value: copy,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return doc;
}

type Messages = (typeof messages)['zh'];

/** Changes `doc` in place; returns what is wrong instead, if anything. */
function applyOperation(
  doc: ScenarioDoc,
  operation: VariantOperation,
  m: Messages,
): string | undefined {
  switch (operation.type) {
    case 'agencyTier': {
      const agency = listOf<AgencyEntry>(doc, 'agencies').find((a) => a.id === operation.agency);
      if (!agency) return m.unknown(m.agency, operation.agency);
      if (!isWhole(operation.tier, 1, 3)) return m.tierRange;
      agency.tier = operation.tier;
      return undefined;
    }
    case 'unitCount': {
      const units = arrayAt(doc, 'units');
      const index = units.findIndex((u) => isRecord(u) && u.id === operation.unit);
      if (index < 0) return m.unknown(m.unit, operation.unit);
      if (!isWhole(operation.count, 0, 500)) return m.countRange;
      if (operation.count === 0) units.splice(index, 1);
      else (units[index] as UnitEntry).count = operation.count;
      forgetRemovedCopies(doc, operation.unit, operation.count);
      return undefined;
    }
    case 'unitCrew': {
      const unit = listOf<UnitEntry>(doc, 'units').find((u) => u.id === operation.unit);
      if (!unit) return m.unknown(m.unit, operation.unit);
      if (!isWhole(operation.crew, 0, 10_000)) return m.crewRange;
      unit.crew = operation.crew;
      return undefined;
    }
    case 'addUnit': {
      const units = listOf<UnitEntry>(doc, 'units');
      const template = units.find((u) => u.id === operation.template);
      if (!template) return m.unknown(m.unit, operation.template);
      const base = listOf<Named>(doc, 'bases').find((b) => b.id === operation.base);
      if (!base) return m.unknown(m.base, operation.base);
      if (!isWhole(operation.count, 1, 500)) return m.addCountRange;
      // The template was found in it, so the document's list is an array.
      arrayAt(doc, 'units').push({
        ...structuredClone(template),
        id: freshUnitId(units, `${template.id}:${base.id}`),
        name: `${nameOf(template, template.id)}（${nameOf(base, base.id)}）`,
        base: base.id,
        count: operation.count,
      });
      return undefined;
    }
    case 'delay': {
      if (!isDelay(operation.delay)) return m.unknownDelay(operation.delay);
      if (!(Number.isFinite(operation.seconds) && operation.seconds >= 0)) return m.secondsRange;
      // Its shape is what is kept, so a delay being edited (a histogram without bins) cannot be scaled.
      const current = Distribution.safeParse(delayIn(doc, operation.delay));
      if (!current.success) return m.malformedDelay(operation.delay);
      const [ruleKey, field] = operation.delay.split('.');
      const rule = objectAt(objectAt(doc, 'rules'), ruleKey);
      rule[field] = withCentralValue(current.data, operation.seconds);
      return undefined;
    }
    case 'rule': {
      if (!SWITCHABLE_RULES.includes(operation.rule)) return m.unknownRule(operation.rule);
      objectAt(objectAt(doc, 'rules'), operation.rule).enabled = operation.enabled;
      return undefined;
    }
    case 'callVolume': {
      if (!(Number.isFinite(operation.factor) && operation.factor >= 0 && operation.factor <= 100))
        return m.factorRange;
      const kind = operation.kind;
      if (kind !== undefined && !listOf<Named>(doc, 'incidentKinds').some((k) => k.id === kind))
        return m.unknown(m.kind, kind);
      const arrivals = objectAt(doc, 'arrivals');
      const streams = (Array.isArray(arrivals.streams) ? arrivals.streams : []).filter(
        isRecord,
      ) as unknown as StreamEntry[];
      const scaled = streams.filter((s) => kind === undefined || s.kind === kind);
      if (kind !== undefined && scaled.length === 0) return m.noStreams(kind);
      for (const stream of scaled) stream.callsPerDay *= operation.factor;
      return undefined;
    }
  }
}

/**
 * Copies beyond a unit's new count no longer exist: a run card stops naming them (a card left
 * empty goes) and their scheduled out-of-service events go, as there is nothing to take out.
 */
function forgetRemovedCopies(doc: ScenarioDoc, unit: string, count: number): void {
  const removed = (id: unknown) => {
    if (typeof id !== 'string') return false;
    if (id === unit) return count === 0;
    const copy = id.startsWith(`${unit}#`) ? Number(id.slice(unit.length + 1)) : NaN;
    return Number.isInteger(copy) && copy > count;
  };
  const dispatch = doc.dispatch;
  if (isRecord(dispatch) && Array.isArray(dispatch.runCards)) {
    // Only cards that name units are touched; anything else stays for the loader to report.
    dispatch.runCards = dispatch.runCards.filter((card: unknown) => {
      if (!isRecord(card) || !Array.isArray(card.units)) return true;
      const kept = (card as unknown as RunCardEntry).units.filter((id) => !removed(id));
      card.units = kept;
      return kept.length > 0;
    });
  }
  if (Array.isArray(doc.events)) {
    doc.events = doc.events.filter((event: unknown) => {
      if (!isRecord(event)) return true;
      const { type, unit: eventUnit } = event as unknown as UnitEventEntry;
      return !((type === 'unitOutOfService' || type === 'unitInService') && removed(eventUnit));
    });
  }
}

/** `wanted`, or `wanted-2`, `wanted-3`…: an id no unit has, within the 64-character limit. */
function freshUnitId(units: readonly UnitEntry[], wanted: string): string {
  const taken = new Set(units.map((u) => u.id));
  const stem = wanted.slice(0, 58);
  if (!taken.has(stem)) return stem;
  for (let n = 2; ; n++) if (!taken.has(`${stem}-${n}`)) return `${stem}-${n}`;
}

/**
 * The delay as the document has it (unchecked: it may be mid-edit, e.g. a histogram without
 * bins), else the rule's default.
 */
export function delayIn(doc: ScenarioDoc, delay: DelayId): unknown {
  const [ruleKey, field] = delay.split('.') as [keyof Rules, string];
  const rule = isRecord(doc.rules) ? doc.rules[ruleKey] : undefined;
  const own = isRecord(rule) ? rule[field] : undefined;
  if (own !== undefined) return own;
  return (DEFAULT_RULES[ruleKey] as unknown as Record<string, Distribution>)[field];
}

/**
 * The value a planner quotes for a delay: the median where the distribution names one, else the
 * mean; NaN for anything that is not a valid distribution.
 */
export function centralValue(distribution: unknown): number {
  const parsed = Distribution.safeParse(distribution);
  return parsed.success ? centralOf(parsed.data) : NaN;
}

/** The mean, except for a lognormal given by median and p90: its median, as it is written. */
function centralOf(distribution: Distribution): number {
  return distribution.type === 'lognormalMedianP90'
    ? distribution.median
    : distributionMean(distribution);
}

/**
 * The distribution scaled so that its central value is `seconds`; its shape (spread relative to
 * the centre) is kept. No delay at all is a fixed 0: most shapes need a centre > 0.
 */
export function withCentralValue(distribution: Distribution, seconds: number): Distribution {
  const current = centralOf(distribution);
  if (seconds === 0 || !(current > 0)) return { type: 'fixed', value: seconds };
  const k = seconds / current;
  switch (distribution.type) {
    case 'fixed':
      return { type: 'fixed', value: seconds };
    case 'uniform':
      return { ...distribution, min: distribution.min * k, max: distribution.max * k };
    case 'triangular':
      return {
        ...distribution,
        min: distribution.min * k,
        mode: distribution.mode * k,
        max: distribution.max * k,
      };
    case 'exponential':
    case 'gamma':
    case 'erlang':
      return { ...distribution, mean: seconds };
    case 'lognormal':
      return { ...distribution, mean: seconds, sd: distribution.sd * k };
    case 'lognormalMedianP90':
      return { ...distribution, median: seconds, p90: distribution.p90 * k };
    case 'empirical':
      return { ...distribution, values: distribution.values.map((v) => v * k) };
    case 'histogram':
      return {
        ...distribution,
        bins: distribution.bins.map((bin) => ({ ...bin, from: bin.from * k, to: bin.to * k })),
      };
  }
}

/** Whether the rule is on in the document (its default where the document says nothing). */
export function ruleEnabled(doc: ScenarioDoc, rule: SwitchableRule): boolean {
  const own =
    isRecord(doc.rules) && isRecord(doc.rules[rule]) ? doc.rules[rule].enabled : undefined;
  return typeof own === 'boolean' ? own : DEFAULT_RULES[rule].enabled;
}

export function ruleName(rule: SwitchableRule, language: Language): string {
  return RULE_NAMES[rule][language];
}

export function delayName(delay: DelayId, language: Language): string {
  return DELAYS[delay][language];
}

// ---------------------------------------------------------------------------------------------
// Labels

/** Minutes in words; a dash for a delay that has no value (malformed in the document). */
const minutesOf = (seconds: number, language: Language) =>
  Number.isFinite(seconds)
    ? `${new Intl.NumberFormat(language === 'zh' ? 'zh-CN' : 'en-GB', { maximumFractionDigits: 1 }).format(seconds / 60)} ${language === 'zh' ? '分钟' : 'min'}`
    : '—';

/** What an operation does, in words, with names from the base document (ids where it has none). */
export function describeOperation(
  operation: VariantOperation,
  doc: ScenarioDoc,
  language: Language,
): string {
  const zh = language === 'zh';
  const m = messages[language];
  const agency = (id: string) => listOf<AgencyEntry>(doc, 'agencies').find((a) => a.id === id);
  const unit = (id: string) => listOf<UnitEntry>(doc, 'units').find((u) => u.id === id);
  const named = (entry: Named | undefined, id: string) =>
    zh ? `「${nameOf(entry, id)}」` : nameOf(entry, id);
  switch (operation.type) {
    case 'agencyTier': {
      const before = numberOr(agency(operation.agency)?.tier, 1);
      const who = named(agency(operation.agency), operation.agency);
      return zh
        ? `${who}由${m.tierName(before)}调为${m.tierName(operation.tier)}联动单位`
        : `Move ${who} from ${m.tierName(before)} to ${m.tierName(operation.tier)}`;
    }
    case 'unitCount': {
      const before = numberOr(unit(operation.unit)?.count, 1);
      const who = named(unit(operation.unit), operation.unit);
      const measure = measureWord(who);
      if (operation.count === 0)
        return zh
          ? `撤销${who}（${before} ${measure} → 0）`
          : `Remove ${who} (${before} → 0 units)`;
      return zh
        ? `${who}数量 ${before} ${measure} → ${operation.count} ${measure}`
        : `${who}: units ${before} → ${operation.count}`;
    }
    case 'unitCrew': {
      const before = numberOr(unit(operation.unit)?.crew, 4);
      const who = named(unit(operation.unit), operation.unit);
      return zh
        ? `${who}编制人数 ${before} → ${operation.crew}`
        : `${who}: crew ${before} → ${operation.crew}`;
    }
    case 'addUnit': {
      const where = named(
        listOf<Named>(doc, 'bases').find((b) => b.id === operation.base),
        operation.base,
      );
      const like = named(unit(operation.template), operation.template);
      return zh
        ? `在${where}增设 ${operation.count} 个与${like}同类的力量`
        : `Add ${operation.count} unit${operation.count === 1 ? '' : 's'} like ${like} at ${where}`;
    }
    case 'delay': {
      const known = isDelay(operation.delay);
      const name = known ? delayName(operation.delay, language) : operation.delay;
      const before = known ? centralValue(delayIn(doc, operation.delay)) : NaN;
      const change = `${minutesOf(before, language)} → ${minutesOf(operation.seconds, language)}`;
      return zh ? `${name}：${change}` : `${name}: ${change}`;
    }
    case 'rule': {
      const name = SWITCHABLE_RULES.includes(operation.rule)
        ? ruleName(operation.rule, language)
        : operation.rule;
      if (zh) return `${operation.enabled ? '开启' : '关闭'}规则：${name}`;
      return `Switch ${operation.enabled ? 'on' : 'off'}: ${name}`;
    }
    case 'callVolume': {
      const factor = new Intl.NumberFormat(zh ? 'zh-CN' : 'en-GB', {
        maximumFractionDigits: 2,
      }).format(operation.factor);
      const kind =
        operation.kind === undefined
          ? undefined
          : named(
              listOf<Named>(doc, 'incidentKinds').find((k) => k.id === operation.kind),
              operation.kind,
            );
      if (zh) return `${kind ? `${kind}` : '全部'}随机来电量 ×${factor}`;
      return `Generated calls${kind ? ` of ${kind}` : ''} ×${factor}`;
    }
  }
}
