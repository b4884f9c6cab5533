/**
 * weihai-forest-fire: Weihai (威海) in the spring forest-fire season over the Qingming holiday,
 * after seed 001 (威海市人民政府办公室关于建立健全应急救援力量联调联战工作机制的实施意见, 2020):
 * fire rescue as the main force that calls up the others — forestry, militia, enterprise teams
 * and registered volunteers.
 */
import {
  DEMAND,
  KINDS,
  callStreams,
  incidentKinds,
  type DemandRow,
  type KindRow,
  type Point,
} from '../generate.ts';
import type { ScenarioInput } from '../schema.ts';
import {
  BOUNDARY_SOURCE,
  agency,
  buildCity,
  hours,
  inDistrict,
  offsetKm,
  realDistricts,
  thousands,
  unit,
} from './common.ts';

const DISTRICTS = [
  { id: 'huancui', name: '环翠区', area: 'urban', population: 950_000 },
  { id: 'wendeng', name: '文登区', area: 'urban', population: 540_000 },
  { id: 'rongcheng', name: '荣成市', area: 'rural', population: 710_000 },
  { id: 'rushan', name: '乳山市', area: 'rural', population: 520_000 },
] as const;

const SHORT: Record<string, string> = {
  huancui: '环翠',
  wendeng: '文登',
  rongcheng: '荣成',
  rushan: '乳山',
};

/**
 * Forested hills where each district keeps its forest-fire team (approximate km east and north
 * of the seat): 里口山 west of the city, 昆嵛山 on 文登’s west edge, 伟德山, the hills north of 乳山.
 */
const HILLS: Record<string, [string, number, number]> = {
  huancui: ['里口山', -7.8, -5.6],
  wendeng: ['昆嵛山', -22, 6],
  rongcheng: ['伟德山', -14, -12],
  rushan: ['乳山北部山区', 1, 14],
};

/** A central town away from the seat with a health-centre ambulance post (km from the seat; illustrative). */
const POST: Record<string, [number, number]> = {
  huancui: [-12, -6],
  wendeng: [10, -10],
  rongcheng: [14, 8],
  rushan: [12, -4],
};

/** 石岛 (荣成’s port town in the south), approximate km from 荣成’s seat. */
const SHIDAO: [number, number] = [-4.6, -31];

const FOREST_KINDS: KindRow[] = [
  [
    'forestFire',
    '森林火灾（山林火灾）',
    1,
    { fire: 2, forestry: 2, militia: 1, police: 1 },
    [180, 480],
  ],
  [
    'forestFireLarge',
    '较大森林火灾（需多方力量增援）',
    1,
    { fire: 4, forestry: 3, militia: 2, volunteer: 1, engineering: 1, medical: 1, police: 2 },
    [360, 900],
  ],
  ['wildlandFire', '荒山荒坡及林缘火', 2, { fire: 1, forestry: 1 }, [60, 150]],
  [
    'fireThreatVillage',
    '山火威胁村庄（人员疏散）',
    1,
    { fire: 2, forestry: 1, township: 1, police: 1, medical: 1 },
    [180, 360],
  ],
  ['tombFire', '祭祀用火引发火情', 2, { fire: 1, township: 1 }, [40, 90]],
  ['illegalBurning', '野外违规用火（烧荒、燎堰）', 3, { forestry: 1, police: 1 }, [30, 90]],
  ['mountainRescue', '登山迷路及被困', 2, { search: 1, rescue: 1 }, [90, 240]],
  ['powerLineFire', '输电线路山火险情', 2, { power: 1, fire: 1 }, [90, 240]],
];

/** Calls a day per 100,000 residents in the season, mostly in the hills (rural weight). */
const FOREST_DEMAND: Record<string, DemandRow> = {
  forestFire: [0.04, 'daytime', 'leisure', 0.3, 1.7],
  forestFireLarge: [0.002, 'daytime', 'leisure', 0.3, 1.7],
  wildlandFire: [0.35, 'daytime', 'leisure', 0.5, 1.5],
  fireThreatVillage: [0.02, 'daytime', 'leisure', 0.2, 1.8],
  tombFire: [0.25, 'daytime', 'weekend', 0.6, 1.4],
  illegalBurning: [0.4, 'daytime', 'flat', 0.3, 1.7],
  mountainRescue: [0.08, 'daytime', 'weekend', 1, 1],
  powerLineFire: [0.03, 'daytime', 'flat', 0.5, 1.5],
};

const EVERYDAY = [
  'fire',
  'trafficAccident',
  'medical',
  'elevator',
  'powerOutage',
  'missingPerson',
  'assistance',
];
/** Everyday calls at this share of the synthetic city's rates per resident (modest fleet). */
const EVERYDAY_SCALE = 0.3;

export function weihaiForestFire(): ScenarioInput {
  const districts = realDistricts('weihai', DISTRICTS);
  const seatOf = (id: string) => districts.find((d) => d.id === id)!.centre;
  const near = (id: string, east: number, north: number) => offsetKm(seatOf(id), east, north);
  const hill = (id: string) => near(id, HILLS[id][1], HILLS[id][2]);
  const fireSite = hill('huancui');
  if (!inDistrict(fireSite, districts[0])) throw new Error('the listed fire must be in 环翠区');

  const bases: Array<{ id: string; name: string; district: string; at: Point }> = [];
  for (const d of districts) {
    const s = SHORT[d.id];
    const at = (east: number, north: number) => near(d.id, east, north);
    bases.push(
      { id: `fire-${d.id}`, name: `${s}消防救援站`, district: d.id, at: at(-0.6, 0.5) },
      { id: `police-${d.id}`, name: `${s}公安分局`, district: d.id, at: at(0.5, 0.4) },
      { id: `ems-${d.id}`, name: `${s}急救站`, district: d.id, at: at(0, -0.6) },
      {
        id: `town-${d.id}`,
        name: `${s}乡镇（街道）应急服务中心`,
        district: d.id,
        at: at(-1.2, -0.8),
      },
      {
        id: `forest-${d.id}`,
        name: `${HILLS[d.id][0]}森林防火检查站及专业队营地`,
        district: d.id,
        at: hill(d.id),
      },
      { id: `power-${d.id}`, name: `${s}供电抢修站`, district: d.id, at: at(1.5, -1.2) },
      {
        id: `post-${d.id}`,
        name: `${s}中心镇卫生院急救点及派出所（示例位置）`,
        district: d.id,
        at: at(...POST[d.id]),
      },
    );
  }
  bases.push(
    { id: 'fire-gaoqu', name: '高区消防救援站', district: 'huancui', at: near('huancui', -5, 1) },
    {
      id: 'shidao',
      name: '石岛消防救援站及急救分站',
      district: 'rongcheng',
      at: near('rongcheng', ...SHIDAO),
    },
    {
      id: 'militia',
      name: '威海警备区民兵应急营训练基地（示例位置）',
      district: 'wendeng',
      at: near('wendeng', 3, 4),
    },
    {
      id: 'industry',
      name: '威海临港经济技术开发区（企业专职消防队、工程机械队）',
      district: 'huancui',
      at: near('huancui', -12, -14),
    },
    {
      id: 'volunteers-city',
      name: '威海市应急救援志愿者服务站',
      district: 'huancui',
      at: near('huancui', 1, -1.5),
    },
    {
      id: 'volunteers-wendeng',
      name: '文登区应急救援志愿者服务站',
      district: 'wendeng',
      at: near('wendeng', -1, 1),
    },
  );

  // 001: government forces (fire rescue the main force, police, 120, forestry), enterprise forces
  // (power, company fire brigades, machinery teams), social forces (registered volunteers), the militia.
  const agencies = [
    agency('fire', '威海市消防救援支队（主调主战）', 1),
    agency('police', '威海市公安局', 1),
    agency('ems', '威海市急救中心（120）', 1),
    agency('power', '国网威海供电公司', 1, 'enterprise'),
    ...districts.map((d) => agency(`town-${d.id}`, `${d.name}乡镇（街道）`, 1)),
    agency('forestry', '威海市自然资源和规划局（林业，森林消防专业队）', 2),
    agency('militia', '威海警备区（民兵）', 2, 'military'),
    agency('company-fire', '企业专职消防队（示例）', 2, 'enterprise'),
    agency('machinery', '工程机械救援队（示例）', 2, 'enterprise'),
    agency('volunteers', '应急救援志愿者队伍（已注册，示例）', 2, 'social'),
  ];

  const units = [];
  for (const d of districts) {
    const s = SHORT[d.id];
    const main = d.id === 'huancui';
    units.push(
      unit(
        `fire-${d.id}-engine`,
        `${s}站水罐消防车`,
        'fire',
        `fire-${d.id}`,
        2,
        5,
        ['fire', 'rescue'],
        [60, 120],
      ),
      unit(
        `fire-${d.id}-rescue`,
        `${s}站抢险救援车`,
        'fire',
        `fire-${d.id}`,
        1,
        5,
        ['rescue', 'fire'],
        [60, 120],
      ),
      unit(
        `police-${d.id}-patrol`,
        `${s}巡逻警车`,
        'police',
        `police-${d.id}`,
        main ? 4 : 3,
        2,
        ['police'],
        [60, 150],
      ),
      unit(
        `ems-${d.id}-ambulance`,
        `${s}急救站救护车`,
        'ems',
        `ems-${d.id}`,
        main ? 4 : 3,
        3,
        ['medical'],
        [90, 180],
      ),
      unit(
        `town-${d.id}-team`,
        `${d.name}乡镇应急队`,
        `town-${d.id}`,
        `town-${d.id}`,
        1,
        10,
        ['township', 'search', 'evacuation'],
        [300, 900],
      ),
      unit(
        `forestry-${d.id}`,
        `${HILLS[d.id][0]}森林消防专业队`,
        'forestry',
        `forest-${d.id}`,
        main || d.id === 'wendeng' ? 2 : 1,
        25,
        ['forestry', 'search'],
        [600, 1200],
      ),
      unit(
        `militia-${d.id}`,
        `${s}民兵应急分队`,
        'militia',
        `town-${d.id}`,
        1,
        30,
        ['militia', 'search', 'forestry'],
        [1800, 3600],
      ),
      unit(
        `power-${d.id}`,
        `${s}电力抢修队`,
        'power',
        `power-${d.id}`,
        1,
        4,
        ['power', 'utility'],
        [300, 600],
      ),
      unit(
        `post-${d.id}-ambulance`,
        `${s}中心镇卫生院救护车`,
        'ems',
        `post-${d.id}`,
        2,
        3,
        ['medical'],
        [120, 240],
      ),
      unit(
        `post-${d.id}-patrol`,
        `${s}中心镇派出所警车`,
        'police',
        `post-${d.id}`,
        1,
        2,
        ['police'],
        [90, 180],
      ),
    );
  }
  units.push(
    unit(
      'fire-gaoqu-engine',
      '高区站水罐消防车',
      'fire',
      'fire-gaoqu',
      1,
      5,
      ['fire', 'rescue'],
      [60, 120],
    ),
    unit(
      'fire-gaoqu-rescue',
      '高区站抢险救援车',
      'fire',
      'fire-gaoqu',
      1,
      5,
      ['rescue', 'fire'],
      [60, 120],
    ),
    unit(
      'shidao-engine',
      '石岛站水罐消防车',
      'fire',
      'shidao',
      1,
      5,
      ['fire', 'rescue'],
      [60, 120],
    ),
    unit('shidao-ambulance', '石岛急救分站救护车', 'ems', 'shidao', 1, 3, ['medical'], [90, 180]),
    unit('shidao-patrol', '石岛派出所警车', 'police', 'shidao', 1, 2, ['police'], [90, 180]),
    unit(
      'police-swat',
      '威海市公安局巡特警支队',
      'police',
      'police-huancui',
      1,
      8,
      ['police', 'search', 'crowdControl'],
      [120, 300],
    ),
    unit(
      'company-fire-team',
      '企业专职消防队（示例）',
      'company-fire',
      'industry',
      1,
      8,
      ['fire', 'rescue'],
      [180, 360],
    ),
    unit(
      'machinery-team',
      '工程机械救援队（挖掘机、推土机开设隔离带，示例）',
      'machinery',
      'industry',
      1,
      6,
      ['engineering'],
      [1800, 3600],
    ),
    unit(
      'volunteers-city-team',
      '威海市应急救援志愿者队（示例）',
      'volunteers',
      'volunteers-city',
      1,
      15,
      ['volunteer', 'search'],
      [1800, 3600],
    ),
    unit(
      'volunteers-wendeng-team',
      '文登区应急救援志愿者队（示例）',
      'volunteers',
      'volunteers-wendeng',
      1,
      12,
      ['volunteer', 'search'],
      [1800, 3600],
    ),
  );

  const everyday = KINDS.filter(([id]) => EVERYDAY.includes(id));
  const kinds = incidentKinds([...FOREST_KINDS, ...everyday]);
  const streams = [
    ...callStreams(FOREST_KINDS, FOREST_DEMAND, districts, 1),
    ...callStreams(everyday, DEMAND, districts, EVERYDAY_SCALE),
  ];

  return buildCity({
    id: 'weihai-forest-fire',
    name: '威海：森林防火期联调联战（清明）',
    start: '2026-04-02T00:00',
    durationHours: 5 * 24,
    districts,
    roads: {
      spacingKm: 2.2,
      cores: [
        { centre: seatOf('huancui'), radiusKm: 6 },
        { centre: seatOf('wendeng'), radiusKm: 3 },
        { centre: seatOf('rongcheng'), radiusKm: 3 },
        { centre: seatOf('rushan'), radiusKm: 3 },
        { centre: near('rongcheng', ...SHIDAO), radiusKm: 2 },
      ],
      trunks: [
        [seatOf('huancui'), seatOf('wendeng'), seatOf('rushan')],
        [seatOf('huancui'), seatOf('rongcheng'), near('rongcheng', ...SHIDAO)],
        [seatOf('wendeng'), seatOf('rongcheng')],
      ],
    },
    bases,
    agencies,
    units,
    kinds,
    rules: {
      tiers: { enabled: true },
      fireRescueApproval: {
        enabled: true,
        kinds: ['forestFire', 'forestFireLarge', 'fireThreatVillage'],
        directAgencies: ['fire', 'police', 'ems'],
        approval: { type: 'lognormalMedianP90', median: 600, p90: 1200 },
        seasonalApproval: { type: 'lognormalMedianP90', median: 1800, p90: 3600 },
      },
      reinforcement: {
        enabled: true,
        approval: { type: 'lognormalMedianP90', median: 1800, p90: 3600 },
        pools: [
          {
            id: 'yantai-fire',
            name: '烟台市消防救援支队增援编队',
            agency: 'fire',
            capabilities: ['fire'],
            count: 4,
            approach: { type: 'lognormalMedianP90', median: 5400, p90: 9000 },
          },
          {
            id: 'provincial-forest-fire',
            name: '山东省森林消防增援队',
            agency: 'forestry',
            capabilities: ['forestry'],
            count: 3,
            approach: { type: 'lognormalMedianP90', median: 7200, p90: 10800 },
          },
        ],
      },
      feedback: { enabled: true },
    },
    streams,
    // 13:30 on Qingming (Sunday 5 April): a larger fire on 里口山, west of the city.
    incidents: [
      {
        time: hours(3 * 24 + 13.5),
        kind: 'forestFireLarge',
        location: fireSite,
        district: 'huancui',
      },
    ],
    // Fire rescue first (the main force), then the forest-fire team and the militia it calls up.
    runCards: districts.flatMap((d) =>
      ['forestFire', 'forestFireLarge'].map((kind) => ({
        district: d.id,
        kind,
        units: [
          `fire-${d.id}-engine`,
          `fire-${d.id}-engine#2`,
          `forestry-${d.id}`,
          `militia-${d.id}`,
        ],
      })),
    ),
    events: () => [
      { type: 'season', at: 0, season: 'forestFire', active: true },
      { type: 'responseLevel', at: hours(48), level: 3 },
      { type: 'callRateFactor', at: hours(56), factor: 1.5 },
      { type: 'callRateFactor', at: hours(90), factor: 1 },
      { type: 'responseLevel', at: hours(120 - 6), level: 4 },
    ],
    describe: (f) => ({
      en:
        `Weihai (威海, Shandong) in the spring forest-fire season, five days from Thursday 2 April over the Qingming holiday (4–6 April), after ` +
        `the Weihai municipal government office’s implementation opinion on joint dispatch and joint operation of all rescue forces (威海市人民政府办公室关于建立健全应急救援力量联调联战工作机制的实施意见, 3 April 2020): the fire rescue service is the main force that dispatches the others (主调主战) — ` +
        `government forces (fire, police, 120, the forestry bureau’s forest-fire teams), enterprise forces (power, a company fire brigade, an engineering machinery team cutting firebreaks), ` +
        `social forces (registered volunteer rescue teams) and the militia; forest fires have run cards with the local fire station first, then the forest-fire team and the militia. ` +
        `The forest-fire season is switched on (in which the Weihai implementation opinion requires the emergency bureau to agree with the unit’s ministry before an order goes out — a coordination rule set elsewhere); ` +
        `response level III from 4 April (IV again from 18:00 on 6 April); calls × 1.5 from 08:00 on 4 April to 18:00 on 5 April (tomb sweeping); at 13:30 on 5 April a larger fire on 里口山 west of the city needs four engines, ` +
        `three forest-fire teams, two militia squads, volunteers, machinery, an ambulance and police. Forest-fire kinds (forest fire, wildland fire, fire threatening a village, fire from ` +
        `offerings at graves, illegal burning, lost hikers, fire near power lines) come mostly from the hills, on top of everyday calls at ${EVERYDAY_SCALE * 100}% of the synthetic city’s rate per resident. ` +
        `Real: the districts 环翠区, 文登区, 荣成市 and 乳山市 and their boundaries (${BOUNDARY_SOURCE.en}); the names of the hills. ` +
        `Illustrative: the road graph (no real road data offline: a jittered lattice, denser in the city and the county towns, expressways between them; ${thousands(f.nodes)} nodes, ` +
        `${thousands(f.edges)} segments), the ${f.bases} base positions, the ${f.units} units of ${f.agencies} agencies (company, machinery and volunteer teams are generic examples, not named organisations), ` +
        `populations (rounded), call rates (about ${thousands(f.callsPerDay)} a day before the holiday factor) and on-scene times.`,
      zh:
        `威海市春季森林防火期情景，模拟4月2日（星期四）起五天，跨清明假期（4月4日至6日），依据《威海市人民政府办公室关于建立健全应急救援力量联调联战工作机制的实施意见》（2020年4月3日）：` +
        `综合性消防救援队伍主调主战，调度政府力量（消防、公安、120、林业部门森林消防专业队）、企业力量（供电、企业专职消防队、开设隔离带的工程机械队）、社会力量（已注册的志愿救援队伍）及民兵；` +
        `森林火灾出动预案先调本地消防站，再调森林消防专业队和民兵。情景开启森林防火期（按上述实施意见，此期间须由应急管理部门商行业主管部门同意后方可下达出动指令——该协调规则另行设置）；` +
        `4月4日起启动三级应急响应（6日18时降为四级）；4月4日8时至5日18时（祭扫高峰）警情增至1.5倍；4月5日13时30分城西里口山发生较大森林火灾，需4辆消防车、3支森林消防专业队、2支民兵分队及志愿者、工程机械、救护车和警力。` +
        `森林火灾、荒山荒坡火、山火威胁村庄、祭祀用火、野外违规用火、登山被困、输电线路山火等警情主要发生在山区，另有日常警情（按示例城市人均警情率的${EVERYDAY_SCALE * 100}%计）。` +
        `真实部分：环翠区、文登区、荣成市、乳山市及其边界（${BOUNDARY_SOURCE.zh}）；山名。` +
        `示例部分：路网（离线环境无真实路网数据，按陆地生成抖动网格，市区和县城加密，其间设快速路；节点${thousands(f.nodes)}个、路段${thousands(f.edges)}条）、${f.bases}处驻地位置、` +
        `${f.agencies}家联动单位的${f.units}个出动单元（企业消防队、工程机械队和志愿者队伍为通用示例，并非具体组织）、人口（取整）、警情量（节假日系数前日均约${thousands(f.callsPerDay)}起）及现场处置时间。`,
    }),
  });
}
