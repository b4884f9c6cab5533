/**
 * What a caller says (报警人描述): made from the incident as the simulation has it — its kind,
 * its place as a landmark near the true location (the nearest named base of the scenario, with
 * direction and distance) and district, the people involved — with the difficulty's noise (a
 * landmark or the people left out, the wrong district named). Each call draws from its own
 * stream, keyed by the seed, the incident and the caller, so the words are the same every time.
 * No internal id ever appears: places and kinds are named as the scenario names them.
 */
import { cos } from '../lib/detmath.ts';
import { haversineMetres, type LonLat } from '../lib/geo.ts';
import type { Scenario } from '../scenarios/schema.ts';
import { incidentKindWords } from '../sim/analysis/terms.ts';
import { makeStream } from '../sim/random.ts';
import type { Bilingual, TrainingCall } from './api.ts';
import type { Difficulty } from './schema.ts';

/** What the simulation knows of an incident when its call rings. */
export interface IncidentFacts {
  incident: number;
  time: number;
  kind: string;
  district: number;
  location: LonLat;
  severity: number;
  channel: 'emergency' | '12345';
  maritime: boolean;
  specialPlan: boolean;
  participants: number | null;
}

/** Per kind: what the caller says happened ({n}: people). */
const KIND_WORDS: Record<string, Bilingual> = {
  fire: {
    zh: '着火了，楼里冒浓烟，可能还有{n}个人没出来',
    en: 'a building is on fire, thick smoke, maybe {n} people still inside',
  },
  forestFire: {
    zh: '山上着火了，火往山下蔓延',
    en: 'the hillside is on fire and it is spreading down',
  },
  forestFireLarge: {
    zh: '山火很大，好几个山头都烧起来了',
    en: 'a big forest fire, several hills are burning',
  },
  wildlandFire: {
    zh: '荒坡上着火了',
    en: 'the scrub on the slope is burning',
  },
  fireThreatVillage: {
    zh: '山火快烧到村子了，村里有{n}十户人家',
    en: 'the forest fire is reaching the village, about {n}0 households',
  },
  tombFire: {
    zh: '上坟烧纸把旁边的草点着了',
    en: 'paper burned at a grave set the grass alight',
  },
  illegalBurning: {
    zh: '有人在野外烧荒，烟很大',
    en: 'someone is burning stubble in the open, lots of smoke',
  },
  powerLineFire: {
    zh: '高压线下面的树着火了',
    en: 'trees under the power line are on fire',
  },
  trafficAccident: {
    zh: '出车祸了，两辆车撞了，有{n}个人受伤',
    en: 'a car crash, two vehicles, {n} people hurt',
  },
  medical: {
    zh: '家里老人突然晕倒了，叫不醒',
    en: 'an elderly person collapsed at home and does not respond',
  },
  drowning: {
    zh: '有人掉水里了，在河里扑腾',
    en: 'someone fell into the river and is struggling',
  },
  elevator: {
    zh: '电梯卡住了，里面关着{n}个人',
    en: 'the lift is stuck with {n} people inside',
  },
  gasLeak: {
    zh: '闻到很浓的煤气味，像是燃气管漏了',
    en: 'a strong smell of gas, a gas pipe seems to leak',
  },
  hazmat: {
    zh: '一辆槽罐车在漏东西，味道很刺鼻，有{n}个人不舒服',
    en: 'a tanker is leaking something acrid, {n} people feel unwell',
  },
  hazmatDrill: {
    zh: '化工厂罐区泄漏，气味刺鼻',
    en: 'a leak at the chemical plant’s tank farm, an acrid smell',
  },
  powerOutage: {
    zh: '整片都停电了',
    en: 'the power is out for the whole block',
  },
  waterMain: {
    zh: '路上水管爆了，水一直往外冒',
    en: 'a water main burst in the road, water keeps gushing',
  },
  missingPerson: {
    zh: '家里老人走丢了，找了一下午没找到',
    en: 'an elderly relative went missing, we searched all afternoon',
  },
  collapse: {
    zh: '房子塌了一半，可能有{n}个人被压',
    en: 'a house half collapsed, maybe {n} people buried',
  },
  assistance: {
    zh: '邻居吵架吵得很凶，想请人来看看',
    en: 'the neighbours are quarrelling badly, please send someone',
  },
  urbanFlooding: {
    zh: '路上积水很深，车子泡在水里了',
    en: 'the road is deeply flooded, cars are under water',
  },
  trappedByWater: {
    zh: '洪水把房子围住了，{n}个人出不来',
    en: 'the flood surrounds the house, {n} people cannot get out',
  },
  dykeBreach: {
    zh: '堤坝上在冒水，像是管涌',
    en: 'water is bubbling through the dyke, it looks like piping',
  },
  landslide: {
    zh: '山体滑坡了，泥石冲下来压到房子',
    en: 'a landslide, mud and rock hit the houses',
  },
  evacuation: {
    zh: '村里低洼的地方进水了，{n}十个人要转移',
    en: 'the low part of the village is flooding, {n}0 people need moving',
  },
  treeDown: {
    zh: '大树倒在路上，挡住了路',
    en: 'a big tree fell across the road',
  },
  roadDamage: {
    zh: '路面塌了一个大坑，车过不去',
    en: 'the road caved in, vehicles cannot pass',
  },
  shipwreck: {
    zh: '海上有船撞了，船在下沉，船上有{n}个人',
    en: 'ships collided at sea, one is sinking with {n} aboard',
  },
  oilSpill: {
    zh: '海面上一大片油污，像是船漏油',
    en: 'a large oil slick on the sea, a ship seems to leak',
  },
  fishingAccident: {
    zh: '渔船上有人落水了',
    en: 'someone fell overboard from a fishing boat',
  },
  touristRescue: {
    zh: '景区里有{n}个游客走散了，找不到路',
    en: '{n} tourists are lost in the scenic area',
  },
  portHazard: {
    zh: '码头的设施有险情，货堆要塌',
    en: 'a hazard at the wharf, a cargo stack may fall',
  },
  labourDispute: {
    zh: '工地上一群工人讨薪，堵着门',
    en: 'a group of workers demanding wages are blocking the gate',
  },
  groupSmall: {
    zh: '村口聚了好多人，情绪很激动，大概{p}人',
    en: 'a crowd has gathered at the village, very agitated, about {p} people',
  },
  groupLarge: {
    zh: '很多人聚集堵路，起码{p}人，场面快控制不住了',
    en: 'a big crowd blocking the road, at least {p} people, getting out of hand',
  },
  violentCrime: {
    zh: '有人持械打架，已经有人受伤',
    en: 'people are fighting with weapons, someone is hurt',
  },
  mountainRescue: {
    zh: '我们爬山迷路了，{n}个人被困在山上',
    en: 'we got lost hiking, {n} of us stuck on the mountain',
  },
};

/** The kind's name as every view gives it: the scenario's, in English its `nameEn` (terms.ts). */
export function kindLabel(scenario: Scenario, kind: string): Bilingual {
  const entry = scenario.incidentKinds.find((k) => k.id === kind);
  return {
    zh: incidentKindWords(kind, entry?.name, 'zh', entry?.nameEn),
    en: incidentKindWords(kind, entry?.name, 'en', entry?.nameEn),
  };
}

const DIRECTIONS: Array<Bilingual> = [
  { zh: '北', en: 'north' },
  { zh: '东北', en: 'north-east' },
  { zh: '东', en: 'east' },
  { zh: '东南', en: 'south-east' },
  { zh: '南', en: 'south' },
  { zh: '西南', en: 'south-west' },
  { zh: '西', en: 'west' },
  { zh: '西北', en: 'north-west' },
];

/**
 * The compass octant (0 north, clockwise) of a displacement, by comparisons only, so that it is
 * the same in every JavaScript engine (no Math.atan2).
 */
function octantOf(dx: number, dy: number): number {
  const tan22 = 0.41421356237309503;
  const ax = Math.abs(dx);
  const ay = Math.abs(dy);
  if (ax <= tan22 * ay) return dy >= 0 ? 0 : 4;
  if (ay <= tan22 * ax) return dx >= 0 ? 2 : 6;
  if (dx >= 0) return dy >= 0 ? 1 : 3;
  return dy >= 0 ? 7 : 5;
}

/** A landmark near the point: the nearest named base, its direction and distance. */
function landmark(scenario: Scenario, point: LonLat): Bilingual | null {
  let best: { name: string; nameEn: string; at: LonLat; metres: number } | null = null;
  for (const base of scenario.bases) {
    if (!base.name) continue;
    const metres = haversineMetres(base.location, point);
    if (!best || metres < best.metres)
      best = { name: base.name, nameEn: base.nameEn || base.name, at: base.location, metres };
  }
  if (!best) return null;
  const rounded = Math.max(100, Math.round(best.metres / 100) * 100);
  if (best.metres < 150) return { zh: `${best.name}旁边`, en: `next to ${best.nameEn}` };
  const dx = (point[0] - best.at[0]) * cos((point[1] * Math.PI) / 180);
  const dy = point[1] - best.at[1];
  const octant = octantOf(dx, dy);
  const dir = DIRECTIONS[octant];
  const far = rounded >= 1000 ? `${(rounded / 1000).toFixed(1)}` : `${rounded}`;
  return {
    zh: `${best.name}往${dir.zh}${rounded >= 1000 ? `大约${far}公里` : `大约${far}米`}`,
    en: `about ${rounded >= 1000 ? `${far} km` : `${far} m`} ${dir.en} of ${best.nameEn}`,
  };
}

/**
 * The words of caller `caller` (0: the first; 1: a second caller reporting the same incident)
 * and what they gave, for the call form.
 */
export function callerWords(
  scenario: Scenario,
  seed: number,
  facts: IncidentFacts,
  difficulty: Difficulty,
  caller = 0,
): { words: Bilingual; given: TrainingCall['given'] } {
  const stream = makeStream(seed, `training:caller:${facts.incident}:${caller}`);
  const incomplete = stream.next() < difficulty.incompleteInfoShare;
  const wrong = stream.next() < difficulty.wrongInfoShare && scenario.districts.length > 1;
  const people = 1 + Math.floor(stream.next() * 4);
  let district = facts.district;
  if (wrong) {
    const others = scenario.districts.map((_, i) => i).filter((i) => i !== facts.district);
    district = others[Math.floor(stream.next() * others.length)];
  }
  const districtEntry = scenario.districts[district];
  const districtName = districtEntry?.name || districtEntry?.nameEn || null;
  const districtEnglish = districtEntry?.nameEn || districtName;
  const near = incomplete ? null : landmark(scenario, facts.location);
  const participants = facts.participants ?? 50 + Math.floor(stream.next() * 100);
  const phrase = KIND_WORDS[facts.kind];
  const fill = (text: string) =>
    text.replace('{n}', String(people)).replace('{p}', String(Math.round(participants)));
  const kindName = kindLabel(scenario, facts.kind);
  let what: Bilingual = phrase
    ? { zh: fill(phrase.zh), en: fill(phrase.en) }
    : { zh: `这里发生了${kindName.zh}`, en: `there is an emergency here: ${kindName.en}` };
  if (incomplete) what = { zh: what.zh.split('，')[0], en: what.en.split(',')[0] };
  const opening =
    caller > 0
      ? { zh: '我也要报警，', en: 'I want to report this too: ' }
      : { zh: '喂，110吗？', en: 'Hello, is this the emergency line? ' };
  const place: Bilingual = {
    zh: [districtName, near?.zh].filter(Boolean).join('，') || '我也说不清在哪',
    en:
      [near?.en, districtEnglish ? `in ${districtEnglish}` : null].filter(Boolean).join(' ') ||
      'I am not sure where exactly',
  };
  const extra: Bilingual[] = [];
  if (facts.channel === '12345')
    extra.push({
      zh: '不算太急，就是想反映一下。',
      en: 'It is not urgent, I just want to report it.',
    });
  if (facts.specialPlan || facts.severity <= 2)
    extra.push({ zh: '情况很严重，越来越大了！', en: 'It is very serious and getting worse!' });
  const words: Bilingual = {
    zh: `${opening.zh}我在${place.zh}，${what.zh}。${extra.map((e) => e.zh).join('')}`,
    en: `${opening.en}I am ${place.en}: ${what.en}. ${extra.map((e) => e.en).join(' ')}`.trim(),
  };
  const districtLabel =
    districtName && districtEnglish ? { zh: districtName, en: districtEnglish } : null;
  return {
    words,
    given: {
      district: districtLabel,
      landmark: near,
      people: incomplete
        ? null
        : facts.participants !== null
          ? {
              zh: `约${Math.round(participants)}人`,
              en: `about ${Math.round(participants)} people`,
            }
          : { zh: `${people}人`, en: `${people} ${people === 1 ? 'person' : 'people'}` },
    },
  };
}

/** Whether an incident gets a second caller, and how long after the first (s). */
export function duplicateCall(seed: number, incident: number, share: number): number | null {
  if (share <= 0) return null;
  const stream = makeStream(seed, `training:duplicate:${incident}`);
  if (stream.next() >= share) return null;
  return 30 + Math.floor(stream.next() * 90);
}

/**
 * The calls of the window, in the order they ring: each incident's first caller at its call,
 * and a second caller for some (the difficulty's duplicate share) a little later. The incidents
 * are the run's (the same in the trainee's run and the reference: dispatch does not change which
 * calls come), so the calls and their numbers are the same for every session of an exercise.
 */
export function windowCalls(
  scenario: Scenario,
  seed: number,
  window: { start: number; end: number },
  difficulty: Difficulty,
  incidents: readonly IncidentFacts[],
): TrainingCall[] {
  const rings: Array<{ time: number; facts: IncidentFacts; caller: number }> = [];
  for (const facts of incidents) {
    if (!(facts.time >= window.start && facts.time < window.end)) continue;
    rings.push({ time: facts.time, facts, caller: 0 });
    const later = duplicateCall(seed, facts.incident, difficulty.duplicateCallShare);
    if (later !== null && facts.time + later < window.end)
      rings.push({ time: facts.time + later, facts, caller: 1 });
  }
  rings.sort(
    (a, b) => a.time - b.time || a.facts.incident - b.facts.incident || a.caller - b.caller,
  );
  return rings.map(({ time, facts, caller }, id) => ({
    id,
    time,
    incident: facts.incident,
    ...callerWords(scenario, seed, facts, difficulty, caller),
  }));
}
