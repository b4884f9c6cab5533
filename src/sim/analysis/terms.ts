/**
 * The words for the simulator's tokens, in Chinese and English, for every reader that shows
 * them to people (the results, the replay's log and "why" panel, the key figures, the editors'
 * forms, the command line): causes of records and waits, the capabilities units have and
 * incidents need, the seasons and the kinds of scheduled events. One table each, so that a
 * figure reads the same on every page and on paper. Causes and event kinds are typed by the
 * simulator's own lists (a new one without words fails tsc); capabilities are the scenario's
 * own words, so those of the built-in scenarios are listed and tests/unit/terms.test.ts fails
 * when one is missing. Unknown tokens (a capability a planner invented) fall back to a
 * readable form of themselves.
 */
import type { CauseName } from '../trace.ts';
import { INCIDENT_KIND_ENGLISH } from '../../lib/incidentKindEnglish.ts';

export type TermLanguage = 'zh' | 'en';
type Words = Record<TermLanguage, string>;

/** Causes of trace records, of approval and hand-over waits, and of dispatches. */
export const CAUSE_WORDS: Record<CauseName, Words> = {
  none: { zh: '—', en: '—' },
  generatedCall: { zh: '随机来电', en: 'random call' },
  listedCall: { zh: '脚本来电', en: 'scripted call' },
  triage: { zh: '研判为非紧急', en: 'assessed non-emergency' },
  nearest: { zh: '就近调派（最快到场的可用力量）', en: 'nearest (fastest free capable unit)' },
  runCard: { zh: '按出动预案', en: 'run card' },
  queue: { zh: '排队后调派', en: 'from the queue' },
  redispatch: { zh: '返程途中改派', en: 'redirected on its way home' },
  decision: { zh: '调度员决定', en: 'dispatcher’s decision' },
  noUnitFree: { zh: '无可用力量', en: 'no unit free' },
  overflowPolicy: { zh: '溢出策略', en: 'overflow policy' },
  maxQueueWait: { zh: '排队超时', en: 'queue wait too long' },
  endOfRun: { zh: '运行结束', en: 'end of run' },
  closeRoad: { zh: '道路封闭', en: 'road closed' },
  openRoad: { zh: '道路恢复', en: 'road reopened' },
  unitOutOfService: { zh: '力量停用', en: 'unit out of service' },
  unitInService: { zh: '力量恢复', en: 'unit back in service' },
  season: { zh: '汛期/防火期', en: 'season' },
  responseLevel: { zh: '应急响应级别', en: 'response level' },
  callRateFactor: { zh: '来电率变化', en: 'call rate change' },
  schedule: { zh: '值班安排', en: 'duty schedule' },
  fireRescueApproval: {
    zh: '消防救援调派其他力量报批',
    en: 'approval for fire rescue to send other forces',
  },
  seasonalApproval: { zh: '特殊时期二次报批', en: 'second approval in special seasons' },
  militaryApproval: {
    zh: '经军地联合办公室申请兵力',
    en: 'troops requested through the joint office',
  },
  directRequest: { zh: '情况特别紧急时直接申请', en: 'direct request when extremely urgent' },
  arrivalReport: { zh: '到场反馈', en: 'arrival report' },
  completionReport: { zh: '处置完毕反馈', en: 'completion report' },
  crossRegion: { zh: '跨区域增援报批', en: 'approval of cross-region reinforcement' },
  growth: { zh: '事态升级', en: 'incident growth' },
  specialPlan: { zh: '专项预案指挥部成立', en: 'special-plan headquarters set up' },
  maritimeSAR: { zh: '移交海上搜救中心', en: 'hand-off to maritime search and rescue' },
  sarRequest: { zh: '海上搜救力量申请', en: 'request for search-and-rescue forces' },
  firstReceiver: { zh: '首接单位移交指挥', en: 'first receiver hands over command' },
  trafficControl: { zh: '交通管制', en: 'traffic control' },
  roadDamage: { zh: '道路损毁', en: 'road damage' },
  rearHQ: { zh: '后方指挥部', en: 'rear headquarters' },
  stockOut: { zh: '物资告罄', en: 'supplies run out' },
  township: { zh: '乡镇上报', en: 'reported by the township' },
  county: { zh: '县级上报', en: 'reported by the county' },
  city: { zh: '市级上报', en: 'reported by the city' },
  neighbourRequest: { zh: '请求邻近地区支援', en: 'request to a neighbouring region' },
};

/**
 * Capabilities of units and needs of incidents in the built-in scenarios: the one table every
 * view reads (results, replay, editors, training, drills); tests/unit/vocabulary.test.ts fails
 * when a view keeps words of its own. A word names what a unit can do and, as a slot of an
 * incident's needs, the force sent for it ("灭火救援 ×2"), so it reads both ways.
 */
export const CAPABILITY_WORDS: Readonly<Record<string, Words>> = {
  any: { zh: '任意力量', en: 'any unit' },
  crowdControl: { zh: '现场秩序维护', en: 'crowd control' },
  drainage: { zh: '排涝', en: 'drainage' },
  engineering: { zh: '工程抢险', en: 'engineering' },
  evacuation: { zh: '群众转移', en: 'evacuation' },
  expert: { zh: '专家会商', en: 'expert advice' },
  fire: { zh: '灭火救援', en: 'firefighting' },
  fisheryRescue: { zh: '渔业救助', en: 'fishery rescue' },
  flood: { zh: '防汛抢险', en: 'flood fighting' },
  forestry: { zh: '森林灭火', en: 'forest firefighting' },
  gas: { zh: '燃气抢修', en: 'gas repair' },
  geology: { zh: '地质灾害处置', en: 'geological hazards' },
  hazmat: { zh: '危化品处置', en: 'hazardous materials' },
  labour: { zh: '劳资纠纷调处', en: 'labour mediation' },
  maritimeSAR: { zh: '海上搜救', en: 'maritime search and rescue' },
  medical: { zh: '医疗急救', en: 'emergency medical care' },
  military: { zh: '部队兵力', en: 'troops' },
  militia: { zh: '民兵', en: 'militia' },
  monitoring: { zh: '环境监测', en: 'environmental monitoring' },
  oilSpill: { zh: '溢油处置', en: 'oil-spill response' },
  police: { zh: '治安警力', en: 'police' },
  power: { zh: '电力抢修', en: 'power repair' },
  publicity: { zh: '信息发布', en: 'public information' },
  rescue: { zh: '抢险救援', en: 'rescue' },
  roadRepair: { zh: '道路抢修', en: 'road repair' },
  safety: { zh: '安全生产监管', en: 'work-safety supervision' },
  search: { zh: '搜寻', en: 'search' },
  stability: { zh: '维稳处置', en: 'public order' },
  tourism: { zh: '游客服务', en: 'tourist services' },
  township: { zh: '乡镇（街道）应急力量', en: 'township emergency team' },
  traffic: { zh: '交通管制', en: 'traffic control' },
  transport: { zh: '运输保障', en: 'transport' },
  utility: { zh: '公用设施抢修', en: 'utility repair' },
  volunteer: { zh: '应急救援志愿者', en: 'emergency volunteers' },
  water: { zh: '供水抢修', en: 'water-supply repair' },
  waterRescue: { zh: '水域救援', en: 'water rescue' },
  weather: { zh: '气象服务', en: 'weather service' },
  welfare: { zh: '救助安置', en: 'relief and shelter' },
};

/** The seasons a scheduled event switches (rules 6 and 8 act in them). */
export const SEASON_WORDS: Record<'flood' | 'forestFire', Words> = {
  flood: { zh: '汛期', en: 'flood season' },
  forestFire: { zh: '森林防火期', en: 'forest-fire season' },
};

/**
 * Severities of incidents (事件等级), 1 the gravest; the glossary's words. The Roman numeral
 * is the response level a severity usually calls for.
 */
export const SEVERITY_WORDS: Record<1 | 2 | 3 | 4, Words> = {
  1: { zh: '特别重大（Ⅰ级）', en: 'catastrophic (I)' },
  2: { zh: '重大（Ⅱ级）', en: 'major (II)' },
  3: { zh: '较大（Ⅲ级）', en: 'serious (III)' },
  4: { zh: '一般（Ⅳ级）', en: 'general (IV)' },
};

/** A severity's words; a number outside 1–4 (a newer file) shows as itself. */
export function severityWords(severity: number, language: TermLanguage): string {
  return Object.hasOwn(SEVERITY_WORDS, severity)
    ? SEVERITY_WORDS[severity as 1 | 2 | 3 | 4][language]
    : String(severity);
}

/** The tiers of partner agencies (联动单位分级) as groups, and help from outside the city. */
export const TIER_WORDS: Record<'1' | '2' | '3' | 'outside', Words> = {
  1: { zh: '一级联动单位', en: 'tier-1 partner agencies' },
  2: { zh: '二级联动单位', en: 'tier-2 partner agencies' },
  3: { zh: '三级联动单位', en: 'tier-3 partner agencies' },
  outside: { zh: '外部增援', en: 'outside help' },
};

/** A tier on its own, short: in a choice, a column or a sentence ("bases with tier 1 units"). */
export const TIER_SHORT_WORDS: Record<1 | 2 | 3, Words> = {
  1: { zh: '一级', en: 'tier 1' },
  2: { zh: '二级', en: 'tier 2' },
  3: { zh: '三级', en: 'tier 3' },
};

/** A tier's short words; an unknown tier as "4 级" / "tier 4". */
export function tierShortWords(tier: number | string, language: TermLanguage): string {
  const known = Object.hasOwn(TIER_SHORT_WORDS, tier)
    ? TIER_SHORT_WORDS[Number(tier) as 1 | 2 | 3]
    : undefined;
  if (known) return known[language];
  return language === 'zh' ? `${tier} 级` : `tier ${tier}`;
}

/** A tier's words as a heading ("Tier-1 partner agencies"); an unknown tier as "3 级" / "Tier 3". */
export function tierWords(tier: string, language: TermLanguage): string {
  if (!Object.hasOwn(TIER_WORDS, tier)) return language === 'zh' ? `${tier} 级` : `Tier ${tier}`;
  const words = TIER_WORDS[tier as keyof typeof TIER_WORDS][language];
  return language === 'zh' ? words : words.charAt(0).toUpperCase() + words.slice(1);
}

/** The kinds of scheduled events (a scenario's `events`). */
export const EVENT_KIND_WORDS: Record<
  | 'closeRoad'
  | 'damageRoad'
  | 'openRoad'
  | 'unitOutOfService'
  | 'unitInService'
  | 'season'
  | 'responseLevel'
  | 'callRateFactor',
  Words
> = {
  closeRoad: { zh: '道路封闭', en: 'road closed' },
  damageRoad: { zh: '道路损毁', en: 'road damaged' },
  openRoad: { zh: '道路恢复通行', en: 'road reopened' },
  unitOutOfService: { zh: '力量停用', en: 'unit out of service' },
  unitInService: { zh: '力量恢复', en: 'unit back in service' },
  season: { zh: '时期切换', en: 'season switched' },
  responseLevel: { zh: '应急响应级别调整', en: 'response level changed' },
  callRateFactor: { zh: '来电量变化', en: 'call volume changed' },
};

/** A token as words: "fishingAccident" → "fishing accident"; for tokens with no entry. */
export function tokenWords(token: string): string {
  return token
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_]+/g, ' ')
    .toLowerCase();
}

function wordsOf(
  table: Readonly<Record<string, Words>>,
  token: string,
  language: TermLanguage,
): string {
  return Object.hasOwn(table, token) ? table[token][language] : tokenWords(token);
}

export function causeWords(cause: string, language: TermLanguage): string {
  return wordsOf(CAUSE_WORDS, cause, language);
}

export function capabilityWords(capability: string, language: TermLanguage): string {
  return wordsOf(CAPABILITY_WORDS, capability, language);
}

export function seasonWords(season: string, language: TermLanguage): string {
  return wordsOf(SEASON_WORDS, season, language);
}

export function eventKindWords(kind: string, language: TermLanguage): string {
  return wordsOf(EVENT_KIND_WORDS, kind, language);
}

/** A capability typed by a person, or the words of one: back to its token. */
export function capabilityToken(text: string): string {
  const trimmed = text.trim();
  for (const [token, words] of Object.entries(CAPABILITY_WORDS)) {
    if (words.zh === trimmed || words.en === trimmed) return token;
  }
  return trimmed;
}

export { INCIDENT_KIND_ENGLISH };

/**
 * An incident kind by name: the scenario's (Chinese) name; in English its `nameEn`, else the
 * built-in kinds' English name, else the scenario's name as written — the id's words only for
 * a kind with no name at all.
 */
export function incidentKindWords(
  id: string,
  name: string | undefined,
  language: TermLanguage,
  nameEn?: string,
): string {
  if (language === 'zh') return name || nameEn || id;
  if (nameEn) return nameEn;
  if (Object.hasOwn(INCIDENT_KIND_ENGLISH, id)) return INCIDENT_KIND_ENGLISH[id];
  return name || tokenWords(id);
}
