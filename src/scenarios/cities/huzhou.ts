/**
 * huzhou-flood: Huzhou (湖州) in a typhoon-driven flood, after seed 000 (湖州市突发事件军地应急
 * 联动工作机制): the civil partner agencies with flood control (三防) in tier 1, the PLA units and
 * armed police stationed in Huzhou and the militia as the military force.
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
  closableEdgesNear,
  hours,
  offsetKm,
  realDistricts,
  thousands,
  unit,
  type RealDistrict,
} from './common.ts';

const DISTRICTS = [
  { id: 'wuxing', name: '吴兴区', area: 'urban', population: 820_000 },
  { id: 'nanxun', name: '南浔区', area: 'urban', population: 540_000 },
  { id: 'deqing', name: '德清县', area: 'rural', population: 550_000 },
  { id: 'changxing', name: '长兴县', area: 'rural', population: 670_000 },
  { id: 'anji', name: '安吉县', area: 'rural', population: 590_000 },
] as const;

/** Short names for stations: 吴兴, 南浔, 德清, 长兴, 安吉. */
const SHORT: Record<string, string> = {
  wuxing: '吴兴',
  nanxun: '南浔',
  deqing: '德清',
  changxing: '长兴',
  anji: '安吉',
};

/** The centre of Huzhou's built-up area (old town around 爱山广场), approximate. */
const CITY_CENTRE: Point = [120.092, 30.87];

/** A second town in each district (approximate km east and north of the seat; 吴兴: of the centre). */
const SECOND_TOWN: Record<string, [string, number, number]> = {
  wuxing: ['织里镇', 17, -3],
  nanxun: ['练市镇', 0, -14],
  deqing: ['新市镇', 30, 8],
  changxing: ['泗安镇', -20, -5],
  anji: ['孝丰镇', -12, -9],
};

/** Flood kinds (typhoon rain, river and lake levels, hillside failures), plus everyday ones. */
const FLOOD_KINDS: KindRow[] = [
  [
    'urbanFlooding',
    '城市内涝（道路积水、车辆被淹）',
    2,
    { drainage: 1, police: 1 },
    [70, 180],
    0.2,
  ],
  ['trappedByWater', '人员被洪水围困', 1, { waterRescue: 1, medical: 1, township: 1 }, [60, 150]],
  [
    'dykeBreach',
    '堤防险情（管涌、漫堤、决口）',
    1,
    { flood: 1, engineering: 1, military: 1, militia: 1 },
    [240, 600],
  ],
  [
    'landslide',
    '山体滑坡及泥石流',
    1,
    { rescue: 2, engineering: 1, medical: 1, geology: 1 },
    [180, 480],
  ],
  ['evacuation', '危险区域群众转移安置', 2, { township: 1, militia: 1, welfare: 1 }, [120, 300]],
  ['treeDown', '树木倒伏及广告牌坠落', 3, { rescue: 1 }, [30, 90], 0.3],
  ['roadDamage', '道路塌陷及桥涵冲毁', 2, { roadRepair: 1, police: 1 }, [120, 360]],
];

const EVERYDAY = [
  'fire',
  'trafficAccident',
  'medical',
  'drowning',
  'elevator',
  'powerOutage',
  'waterMain',
  'missingPerson',
  'assistance',
];

/**
 * Everyday calls at this share of the synthetic city's rates per resident: the fleet here is
 * modest (about 110 units where a real city of 3 million has several hundred), so the load is
 * scaled with it. Raise both to study everyday load.
 */
const EVERYDAY_SCALE = 0.35;

/** Calls a day per 100,000 residents in a typhoon's flood season (before the surge factor). */
const FLOOD_DEMAND: Record<string, DemandRow> = {
  urbanFlooding: [0.8, 'general', 'flat', 1.4, 0.6],
  trappedByWater: [0.15, 'general', 'flat', 0.8, 1.3],
  dykeBreach: [0.02, 'general', 'flat', 0.6, 1.4],
  landslide: [0.03, 'daytime', 'flat', 0.1, 1.9],
  evacuation: [0.1, 'daytime', 'flat', 0.6, 1.4],
  treeDown: [0.5, 'general', 'flat', 1.2, 0.8],
  roadDamage: [0.1, 'general', 'flat', 0.8, 1.2],
};

export function huzhouFlood(): ScenarioInput {
  const districts = realDistricts('huzhou', DISTRICTS);
  const byId = (id: string) => districts.find((d) => d.id === id)!;
  const seat = (id: string) => byId(id).centre;
  const near = (id: string, east: number, north: number) => offsetKm(seat(id), east, north);

  // Stations near each seat; city-wide sites in 吴兴区.
  const bases: Array<{ id: string; name: string; district: string; at: Point }> = [];
  for (const d of districts) {
    const s = SHORT[d.id];
    const main = d.id === 'wuxing';
    const at = (east: number, north: number) =>
      main ? offsetKm(CITY_CENTRE, east, north) : near(d.id, east, north);
    bases.push(
      { id: `fire-${d.id}`, name: `${s}消防救援站`, district: d.id, at: at(-0.8, 0.6) },
      {
        id: `police-${d.id}`,
        name: main ? '湖州市公安局' : `${s}公安分局`,
        district: d.id,
        at: at(0.5, 0.3),
      },
      {
        id: `ems-${d.id}`,
        name: main ? '湖州市急救中心' : `${s}急救站`,
        district: d.id,
        at: at(0, -0.8),
      },
      { id: `flood-${d.id}`, name: `${s}防汛抢险物资仓库`, district: d.id, at: at(1.5, -1.5) },
      {
        id: `town-${d.id}`,
        name: `${s}乡镇（街道）应急服务中心`,
        district: d.id,
        at: at(-1.5, -1),
      },
    );
    const [town, east, north] = SECOND_TOWN[d.id];
    bases.push({
      id: `post-${d.id}`,
      name: `${town}卫生院急救点及派出所`,
      district: d.id,
      at: at(east, north),
    });
  }
  bases.push(
    {
      id: 'cityhall',
      name: '湖州市级机关（应急管理局、民政局、自然资源和规划局、气象局）',
      district: 'wuxing',
      at: offsetKm(CITY_CENTRE, 0.5, 2.5),
    },
    {
      id: 'utility',
      name: '湖州市公用事业应急抢修中心',
      district: 'wuxing',
      at: offsetKm(CITY_CENTRE, 3, -2),
    },
    {
      id: 'pla',
      name: '驻湖部队营区（示例位置）',
      district: 'wuxing',
      at: offsetKm(CITY_CENTRE, -5, 3),
    },
    {
      id: 'armed-police',
      name: '武警湖州支队营区（示例位置）',
      district: 'wuxing',
      at: offsetKm(CITY_CENTRE, 4, 3),
    },
    {
      id: 'militia',
      name: '湖州军分区民兵应急连训练基地（示例位置）',
      district: 'wuxing',
      at: offsetKm(CITY_CENTRE, -3, -4),
    },
    {
      id: 'transport',
      name: '湖州市公路与运输管理中心抢修基地',
      district: 'wuxing',
      at: offsetKm(CITY_CENTRE, 6, -1),
    },
    {
      id: 'utility-changxing',
      name: '长兴公用事业抢修站',
      district: 'changxing',
      at: near('changxing', 2, 1),
    },
  );

  const agencies = [
    agency('fire', '湖州市消防救援支队', 1),
    agency('police', '湖州市公安局', 1),
    agency('ems', '湖州市急救中心（120）', 1),
    agency('flood', '湖州市水利局（防汛防台抗旱指挥部办公室，三防）', 1),
    agency('water', '湖州市水务集团', 1, 'enterprise'),
    agency('power', '国网湖州供电公司', 1, 'enterprise'),
    agency('transport', '湖州市交通运输局', 1),
    ...districts.map((d) => agency(`town-${d.id}`, `${d.name}乡镇（街道）`, 1)),
    agency('civil', '湖州市民政局', 2),
    agency('resources', '湖州市自然资源和规划局（地质灾害防治）', 2),
    agency('militia', '湖州军分区（民兵）', 2, 'military'),
    agency('pla', '驻湖解放军部队', 2, 'military'),
    agency('armed-police', '武警湖州市支队', 2, 'military'),
    agency('weather', '湖州市气象局', 3),
    agency('publicity', '湖州市委宣传部新闻办', 3),
  ];

  const units = [];
  for (const d of districts) {
    const s = SHORT[d.id];
    const main = d.id === 'wuxing';
    const plainOfLakes = d.id === 'wuxing' || d.id === 'nanxun';
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
        ['rescue', 'fire', 'drainage'],
        [60, 120],
      ),
      unit(
        `fire-${d.id}-boat`,
        `${s}站水域救援分队（冲锋舟）`,
        'fire',
        `fire-${d.id}`,
        plainOfLakes ? 2 : 1,
        6,
        ['waterRescue', 'rescue'],
        [90, 180],
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
        `police-${d.id}-traffic`,
        `${s}交警中队`,
        'police',
        `police-${d.id}`,
        1,
        3,
        ['police', 'traffic'],
        [90, 180],
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
        `post-${d.id}-ambulance`,
        `${SECOND_TOWN[d.id][0]}卫生院救护车`,
        'ems',
        `post-${d.id}`,
        2,
        3,
        ['medical'],
        [120, 240],
      ),
      unit(
        `post-${d.id}-patrol`,
        `${SECOND_TOWN[d.id][0]}派出所警车`,
        'police',
        `post-${d.id}`,
        1,
        2,
        ['police'],
        [90, 180],
      ),
      unit(
        `flood-${d.id}-team`,
        `${s}防汛抢险队`,
        'flood',
        `flood-${d.id}`,
        1,
        12,
        ['flood', 'engineering', 'drainage'],
        [300, 900],
      ),
      unit(
        `flood-${d.id}-pump`,
        `${s}移动排涝泵车`,
        'flood',
        `flood-${d.id}`,
        plainOfLakes ? 2 : 1,
        3,
        ['drainage'],
        [300, 600],
      ),
      unit(
        `town-${d.id}-team`,
        `${d.name}乡镇应急队`,
        `town-${d.id}`,
        `town-${d.id}`,
        2,
        10,
        ['township', 'search', 'evacuation'],
        [300, 900],
      ),
      unit(
        `power-${d.id}`,
        `${s}电力抢修队`,
        'power',
        d.id === 'changxing'
          ? 'utility-changxing'
          : d.id === 'wuxing'
            ? 'utility'
            : `flood-${d.id}`,
        1,
        4,
        ['power', 'utility'],
        [300, 600],
      ),
    );
    if (d.area === 'rural') {
      units.push(
        unit(
          `militia-${d.id}`,
          `${s}县民兵应急排`,
          'militia',
          `town-${d.id}`,
          1,
          30,
          ['militia', 'search', 'engineering', 'evacuation'],
          [1800, 3600],
        ),
      );
    }
  }
  units.push(
    unit(
      'police-swat',
      '湖州市公安局巡特警支队',
      'police',
      'police-wuxing',
      1,
      8,
      ['police', 'search', 'crowdControl'],
      [120, 300],
    ),
    unit(
      'water-repair',
      '市水务集团供水抢修队',
      'water',
      'utility',
      2,
      5,
      ['water', 'utility', 'engineering'],
      [300, 600],
    ),
    unit(
      'water-repair-cx',
      '长兴供水抢修队',
      'water',
      'utility-changxing',
      1,
      5,
      ['water', 'utility', 'engineering'],
      [300, 600],
    ),
    unit(
      'transport-road',
      '市公路应急抢修队',
      'transport',
      'transport',
      2,
      8,
      ['roadRepair', 'engineering'],
      [600, 1200],
    ),
    unit(
      'civil-shelter',
      '市民政局应急救助队（临时安置）',
      'civil',
      'cityhall',
      3,
      6,
      ['welfare'],
      [900, 1800],
    ),
    unit(
      'resources-geo',
      '市地质灾害应急调查组',
      'resources',
      'cityhall',
      2,
      4,
      ['geology', 'expert'],
      [900, 1800],
    ),
    unit(
      'weather-expert',
      '市气象台联络员',
      'weather',
      'cityhall',
      1,
      2,
      ['weather', 'expert'],
      [1800, 3600],
    ),
    unit(
      'publicity-press',
      '市委宣传部新闻发布组',
      'publicity',
      'cityhall',
      1,
      3,
      ['publicity'],
      [1800, 3600],
    ),
    unit(
      'militia-city',
      '湖州军分区民兵应急连',
      'militia',
      'militia',
      2,
      30,
      ['militia', 'search', 'engineering', 'evacuation'],
      [1800, 3600],
    ),
    unit(
      'pla-company',
      '驻湖部队抢险救援分队（示例）',
      'pla',
      'pla',
      2,
      40,
      ['military', 'engineering', 'rescue', 'evacuation'],
      [1800, 3600],
    ),
    unit(
      'pla-boats',
      '驻湖部队舟艇分队（示例）',
      'pla',
      'pla',
      1,
      20,
      ['military', 'waterRescue', 'rescue'],
      [1800, 3600],
    ),
    unit(
      'armed-police-squad',
      '武警湖州支队机动中队',
      'armed-police',
      'armed-police',
      2,
      30,
      ['military', 'rescue', 'engineering', 'crowdControl'],
      [1200, 2400],
    ),
  );

  const everyday = KINDS.filter(([id]) => EVERYDAY.includes(id));
  const rows = [...FLOOD_KINDS, ...everyday];
  const kinds = incidentKinds(rows);
  const streams = [
    ...callStreams(FLOOD_KINDS, FLOOD_DEMAND, districts, 1),
    ...callStreams(everyday, DEMAND, districts, EVERYDAY_SCALE),
  ];

  return buildCity({
    id: 'huzhou-flood',
    name: '湖州：台风暴雨洪涝（军地联动）',
    start: '2026-08-10T00:00',
    durationHours: 72,
    districts,
    roads: {
      spacingKm: 2.3,
      cores: [
        { centre: CITY_CENTRE, radiusKm: 7 },
        ...districts
          .filter((d) => d.id !== 'wuxing')
          .map((d) => ({ centre: d.centre, radiusKm: 3 })),
      ],
      trunks: districts
        .filter((d) => d.id !== 'wuxing')
        .map((d): Point[] => [CITY_CENTRE, d.centre]),
    },
    bases,
    agencies,
    units,
    kinds,
    streams,
    runCards: dykeRunCards(districts),
    rules: {
      tiers: { enabled: true },
      military: {
        enabled: true,
        approval: { type: 'lognormalMedianP90', median: 2700, p90: 5400 },
        urgentKinds: ['dykeBreach'],
        prepositionAtLevel: 2,
        prepositionedMobilisation: { type: 'lognormalMedianP90', median: 600, p90: 1200 },
      },
      command: {
        enabled: true,
        plans: [
          {
            hq: 'floodHQ',
            name: '湖州市防汛防台抗旱指挥部',
            kinds: ['urbanFlooding', 'trappedByWater', 'dykeBreach', 'landslide', 'evacuation'],
            atSeverity: 4,
            setup: { type: 'lognormalMedianP90', median: 1800, p90: 3600 },
          },
        ],
      },
      feedback: { enabled: true },
    },
    events: (graph) => {
      // Low roads of the 南浔 plain under water from the rain peak until the water recedes.
      const flooded = closableEdgesNear(graph, offsetKm(seat('nanxun'), -4, 2), 8);
      return [
        { type: 'season', at: 0, season: 'flood', active: true },
        { type: 'responseLevel', at: 0, level: 4 },
        { type: 'responseLevel', at: hours(18), level: 2 },
        { type: 'callRateFactor', at: hours(20), factor: 1.5 },
        { type: 'callRateFactor', at: hours(26), factor: 2 },
        { type: 'closeRoad', at: hours(30), edges: flooded },
        { type: 'callRateFactor', at: hours(44), factor: 1.4 },
        { type: 'openRoad', at: hours(56), edges: flooded },
        { type: 'responseLevel', at: hours(60), level: 4 },
        { type: 'callRateFactor', at: hours(60), factor: 1 },
      ];
    },
    describe: (f) => ({
      en:
        `Huzhou (湖州, Zhejiang) in a typhoon-driven flood, after Huzhou’s military–civil emergency coordination mechanism (湖州市突发事件军地应急联动工作机制): ` +
        `three days from 10 August with a typhoon approaching on day 1 (flood season on, response level IV, raised to II at 18:00), its rain peak on day 2 (calls × 1.5 from 20:00 on day 1, × 2 from 02:00, × 1.4 from 20:00, normal again from 12:00 on day 3; ` +
        `eight low roads of the 南浔 plain closed from 06:00 until 08:00 on day 3) and the water receding on day 3 (back to level IV at 12:00). ` +
        `Partner agencies: fire rescue, police, 120, flood control (三防), water, power and transport in tier 1 with the townships; civil affairs, geological-hazard experts, ` +
        `the militia, the PLA units stationed in Huzhou and the armed police in tier 2 (the military force asked for through the joint office, as the mechanism prescribes); ` +
        `weather and publicity in tier 3 (office hours). Flood kinds with higher rates — urban flooding, people trapped by water, dyke breach (which needs troops), landslide, ` +
        `evacuation, fallen trees, damaged roads — come on top of everyday calls (at ${EVERYDAY_SCALE * 100}% of the synthetic city's rate per resident, matching the modest fleet). ` +
        `Real: the five districts 吴兴区, 南浔区, 德清县, 长兴县 and 安吉县 and their boundaries (${BOUNDARY_SOURCE.en}); populations are rounded and approximate. ` +
        `Illustrative: the road graph (no real road data is available offline: a jittered lattice on the land, denser in the city and the county towns, with expressways from the city to each county town; ` +
        `${thousands(f.nodes)} nodes, ${thousands(f.edges)} segments), the ${f.bases} base positions, the ${f.units} units of ${f.agencies} agencies ` +
        `(${f.tiers[1]} in tier 1, ${f.tiers[2]} in tier 2, ${f.tiers[3]} in tier 3), the call rates (about ${thousands(f.callsPerDay)} calls a day before the storm's surge), on-scene times and the storm’s timing.`,
      zh:
        `湖州市台风暴雨洪涝情景，依据《湖州市突发事件军地应急联动工作机制》。模拟8月10日起三天：第一天台风逼近（进入汛期，启动四级应急响应，18时提升至二级），` +
        `第二天降雨高峰（警情自第一天20时起增至1.5倍，第二天2时起增至2倍，20时起回落至1.4倍，第三天12时恢复正常；6时起南浔平原8处低洼路段积水封闭至第三天8时），第三天洪水消退（12时降为四级）。` +
        `联动单位：消防救援、公安、120、水利（三防）、供水、供电、交通运输及乡镇（街道）为一级；民政、地质灾害防治、民兵、驻湖解放军部队和武警为二级（按机制经军地联席会议办公室协调用兵）；` +
        `气象、宣传为三级（仅工作时间）。在日常警情之外，城市内涝、人员被洪水围困、堤防险情（需部队参与）、山体滑坡、群众转移、树木倒伏、道路损毁等汛期警情发生率显著提高（日常警情按示例城市人均警情率的${EVERYDAY_SCALE * 100}%计，与本情景较小的力量规模相匹配）。` +
        `真实部分：吴兴区、南浔区、德清县、长兴县、安吉县五个区县及其边界（${BOUNDARY_SOURCE.zh}）；人口为取整的近似值。` +
        `示例部分：路网（离线环境无真实路网数据，按陆地范围生成抖动网格，城区和县城加密，并设市区通往各县城的快速路；节点${thousands(f.nodes)}个、路段${thousands(f.edges)}条）、` +
        `${f.bases}处驻地位置、${f.agencies}家联动单位的${f.units}个出动单元（一级${f.tiers[1]}家、二级${f.tiers[2]}家、三级${f.tiers[3]}家）、警情量（激增前日均约${thousands(f.callsPerDay)}起）、现场处置时间及台风过程时间。`,
    }),
  });
}

/** Dyke breaches: the district's own flood-fighting team first, then the troops. */
function dykeRunCards(districts: RealDistrict[]) {
  return districts.map((d) => ({
    district: d.id,
    kind: 'dykeBreach',
    units: [`flood-${d.id}-team`, 'pla-company', 'armed-police-squad'],
  }));
}
