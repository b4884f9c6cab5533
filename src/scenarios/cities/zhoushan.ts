/**
 * zhoushan-islands: Zhoushan (舟山), an archipelago, after seed 004 (舟山市人民政府办公室关于进一步
 * 加强社会应急联动工作的意见, 2016): partner agencies in the three tiers it lists, sea incidents as
 * kinds of their own, and roads on every island joined by bridges and ferries.
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
  offsetKm,
  realDistricts,
  thousands,
  unit,
} from './common.ts';

const DISTRICTS = [
  { id: 'dinghai', name: '定海区', area: 'urban', population: 540_000 },
  { id: 'putuo', name: '普陀区', area: 'urban', population: 380_000 },
  { id: 'daishan', name: '岱山县', area: 'rural', population: 200_000 },
  { id: 'shengsi', name: '嵊泗县', area: 'rural', population: 75_000 },
] as const;

const SHORT: Record<string, string> = {
  dinghai: '定海',
  putuo: '普陀',
  daishan: '岱山',
  shengsi: '嵊泗',
};

/** The largest other island of each district (points inside them, from the boundaries). */
const SECOND_ISLAND: Record<string, [string, Point]> = {
  dinghai: ['金塘岛', [121.876, 30.046]],
  putuo: ['六横岛', [122.122, 29.713]],
  daishan: ['衢山岛', [122.365, 30.444]],
  shengsi: ['洋山', [122.057, 30.651]],
};

/** Further islands with a health centre and a police station (points inside their rings). */
const THIRD_ISLAND: Record<string, [string, Point] | undefined> = {
  dinghai: undefined,
  putuo: ['桃花岛', [122.292, 29.813]],
  daishan: ['长涂岛', [122.355, 30.251]],
  shengsi: ['嵊山岛', [122.774, 30.713]],
};

/** 沈家门 (普陀's seat and fishing port), approximate. */
const SHENJIAMEN: Point = [122.3, 29.953];
/** 普陀山 and 朱家尖 (scenic islands), inside their rings. */
const PUTUOSHAN: Point = [122.39, 30.003];
const ZHUJIAJIAN: Point = [122.394, 29.9];

/** Sea incidents (海损、海难、溢油、渔业事故, 004) and island ones. */
const SEA_KINDS: KindRow[] = [
  [
    'shipwreck',
    '海上海损海难（碰撞、搁浅、沉没）',
    1,
    { maritimeSAR: 1, fisheryRescue: 1, medical: 1 },
    [120, 360],
  ],
  [
    'oilSpill',
    '船舶溢油',
    1,
    { oilSpill: 1, maritimeSAR: 1, monitoring: 1, publicity: 1 },
    [240, 720],
  ],
  [
    'fishingAccident',
    '渔业事故（渔船人员伤亡、落水）',
    1,
    { fisheryRescue: 1, medical: 1 },
    [90, 240],
  ],
  ['touristRescue', '游客走失及被困（景区）', 2, { tourism: 1, search: 1 }, [60, 150]],
  ['portHazard', '码头及道路设施险情', 3, { transport: 1, police: 1 }, [60, 180]],
  ['labourDispute', '劳资纠纷（欠薪）', 4, { labour: 1 }, [60, 180], 0.7],
];

const EVERYDAY = [
  'fire',
  'forestFire',
  'trafficAccident',
  'medical',
  'drowning',
  'elevator',
  'gasLeak',
  'powerOutage',
  'waterMain',
  'missingPerson',
  'assistance',
];

/** Everyday calls at this share of the synthetic city's rates per resident (modest fleet). */
const EVERYDAY_SCALE = 0.5;

/** Calls a day per 100,000 residents; rural (岱山, 嵊泗) weights carry the busy sea lanes. */
const SEA_DEMAND: Record<string, DemandRow> = {
  shipwreck: [0.08, 'general', 'flat', 0.7, 2.5],
  oilSpill: [0.01, 'general', 'flat', 0.8, 2],
  fishingAccident: [0.15, 'general', 'flat', 1, 1.8],
  touristRescue: [0.2, 'daytime', 'weekend', 1.4, 0.6],
  portHazard: [0.1, 'daytime', 'flat', 1, 1],
  labourDispute: [0.3, 'daytime', 'weekday', 1, 0.8],
};

export function zhoushanIslands(): ScenarioInput {
  const districts = realDistricts('zhoushan', DISTRICTS);
  const seat = (id: string) => districts.find((d) => d.id === id)!.centre;
  const dinghai = seat('dinghai');
  const cityHall = offsetKm(dinghai, 10, -2); // 临城新区

  const bases: Array<{ id: string; name: string; district: string; at: Point }> = [];
  for (const d of districts) {
    const s = SHORT[d.id];
    const centre = d.id === 'putuo' ? SHENJIAMEN : d.centre;
    const at = (east: number, north: number) => offsetKm(centre, east, north);
    const [island, where] = SECOND_ISLAND[d.id];
    bases.push(
      { id: `fire-${d.id}`, name: `${s}消防救援站`, district: d.id, at: at(-0.6, 0.5) },
      { id: `police-${d.id}`, name: `${s}公安分局`, district: d.id, at: at(0.5, 0.4) },
      { id: `ems-${d.id}`, name: `${s}急救站`, district: d.id, at: at(0, -0.6) },
      {
        id: `town-${d.id}`,
        name: `${s}乡镇（街道）应急服务站`,
        district: d.id,
        at: at(-1.2, -0.8),
      },
      { id: `port-${d.id}`, name: `${s}港区海上搜救及渔政码头`, district: d.id, at: at(1, -1.2) },
      { id: `island-${d.id}`, name: `${island}综合应急服务站`, district: d.id, at: where },
    );
    const third = THIRD_ISLAND[d.id];
    if (third)
      bases.push({
        id: `post-${d.id}`,
        name: `${third[0]}卫生院及派出所`,
        district: d.id,
        at: third[1],
      });
  }
  bases.push(
    { id: 'cityhall', name: '舟山市级机关（临城）', district: 'dinghai', at: cityHall },
    {
      id: 'utility',
      name: '舟山市公用事业应急抢修中心',
      district: 'dinghai',
      at: offsetKm(dinghai, 4, -1),
    },
    {
      id: 'oil-depot',
      name: '舟山溢油应急设备库（示例位置）',
      district: 'dinghai',
      at: offsetKm(dinghai, -2, -2),
    },
    {
      id: 'militia',
      name: '舟山警备区民兵应急连（示例位置）',
      district: 'dinghai',
      at: offsetKm(dinghai, 2, 3),
    },
    { id: 'putuoshan', name: '普陀山景区管理及游客服务中心', district: 'putuo', at: PUTUOSHAN },
    { id: 'zhujiajian', name: '朱家尖景区游客服务中心', district: 'putuo', at: ZHUJIAJIAN },
  );

  // Tiers as 004 lists them: tier 1 the regular responders and utilities and the townships,
  // tier 2 civil affairs, social security, agriculture and forestry, tourism; tier 3 the rest.
  const agencies = [
    agency('police', '舟山市公安局', 1),
    agency('fire', '舟山市消防救援支队', 1),
    agency('fishery', '舟山市海洋与渔业局', 1),
    agency('maritime', '舟山海事局（市海上搜救中心、市溢油应急中心）', 1),
    agency('environment', '舟山市生态环境局', 1),
    agency('transport', '舟山市交通运输局', 1),
    agency('flood', '舟山市水利局（三防）', 1),
    agency('ems', '舟山市急救中心（120）', 1),
    agency('water', '舟山市自来水公司', 1, 'enterprise'),
    agency('power', '国网舟山供电公司', 1, 'enterprise'),
    agency('gas', '舟山市燃气公司', 1, 'enterprise'),
    ...districts.map((d) => agency(`town-${d.id}`, `${d.name}乡镇（街道）`, 1)),
    agency('civil', '舟山市民政局', 2),
    agency('labour', '舟山市人力资源和社会保障局', 2),
    agency('forestry', '舟山市农业农村局（林业）', 2),
    agency('tourism', '舟山市文化和广电旅游体育局', 2),
    agency('militia', '舟山警备区（民兵）', 2, 'military'),
    agency('publicity', '舟山市委宣传部', 3),
    agency('weather', '舟山市气象局', 3),
  ];

  const units = [];
  const big = (id: string) => id === 'dinghai' || id === 'putuo';
  for (const d of districts) {
    const s = SHORT[d.id];
    const [island] = SECOND_ISLAND[d.id];
    units.push(
      unit(
        `fire-${d.id}-engine`,
        `${s}站水罐消防车`,
        'fire',
        `fire-${d.id}`,
        d.id === 'shengsi' ? 1 : 2,
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
        `fire-${d.id}-water`,
        `${s}站水域救援分队`,
        'fire',
        `fire-${d.id}`,
        1,
        6,
        ['waterRescue', 'rescue'],
        [90, 180],
      ),
      unit(
        `police-${d.id}-patrol`,
        `${s}巡逻警车`,
        'police',
        `police-${d.id}`,
        big(d.id) ? 3 : 2,
        2,
        ['police'],
        [60, 150],
      ),
      unit(
        `ems-${d.id}-ambulance`,
        `${s}急救站救护车`,
        'ems',
        `ems-${d.id}`,
        big(d.id) ? 4 : d.id === 'daishan' ? 2 : 1,
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
        8,
        ['township', 'search'],
        [300, 900],
      ),
      unit(
        `island-${d.id}-engine`,
        `${island}专职消防队`,
        'fire',
        `island-${d.id}`,
        1,
        5,
        ['fire', 'rescue'],
        [90, 180],
      ),
      unit(
        `island-${d.id}-ambulance`,
        `${island}卫生院救护车`,
        'ems',
        `island-${d.id}`,
        1,
        3,
        ['medical'],
        [120, 240],
      ),
      unit(
        `island-${d.id}-patrol`,
        `${island}派出所警车`,
        'police',
        `island-${d.id}`,
        1,
        2,
        ['police', 'search'],
        [90, 180],
      ),
      unit(
        `water-${d.id}`,
        `${s}供水抢修队`,
        'water',
        d.id === 'dinghai' ? 'utility' : `town-${d.id}`,
        1,
        5,
        ['water', 'utility', 'engineering'],
        [300, 600],
      ),
      unit(
        `power-${d.id}`,
        `${s}电力抢修队`,
        'power',
        d.id === 'dinghai' ? 'utility' : `town-${d.id}`,
        1,
        4,
        ['power', 'utility'],
        [300, 600],
      ),
      unit(
        `maritime-${d.id}`,
        `${s}海事巡逻艇`,
        'maritime',
        `port-${d.id}`,
        d.id === 'dinghai' ? 2 : 1,
        8,
        ['maritimeSAR', 'waterRescue'],
        [300, 600],
      ),
    );
    const third = THIRD_ISLAND[d.id];
    if (third) {
      units.push(
        unit(
          `post-${d.id}-ambulance`,
          `${third[0]}卫生院救护车`,
          'ems',
          `post-${d.id}`,
          1,
          3,
          ['medical'],
          [120, 240],
        ),
        unit(
          `post-${d.id}-patrol`,
          `${third[0]}派出所警车`,
          'police',
          `post-${d.id}`,
          1,
          2,
          ['police', 'search'],
          [90, 180],
        ),
      );
    }
    if (d.id !== 'dinghai') {
      units.push(
        unit(
          `fishery-${d.id}`,
          `${s}渔政执法救助船`,
          'fishery',
          `port-${d.id}`,
          d.id === 'putuo' ? 2 : 1,
          8,
          ['fisheryRescue', 'waterRescue'],
          [300, 900],
        ),
      );
    }
  }
  units.push(
    unit(
      'police-swat',
      '舟山市公安局巡特警支队',
      'police',
      'police-dinghai',
      1,
      8,
      ['police', 'search', 'crowdControl'],
      [120, 300],
    ),
    unit('gas-dinghai', '定海燃气抢险队', 'gas', 'utility', 1, 4, ['gas', 'utility'], [180, 420]),
    unit('gas-putuo', '普陀燃气抢险队', 'gas', 'town-putuo', 1, 4, ['gas', 'utility'], [180, 420]),
    unit(
      'oil-spill',
      '市溢油应急中心溢油应急队',
      'maritime',
      'oil-depot',
      1,
      12,
      ['oilSpill'],
      [900, 1800],
    ),
    unit(
      'environment-monitoring',
      '市生态环境局应急监测组',
      'environment',
      'cityhall',
      1,
      3,
      ['monitoring', 'expert'],
      [600, 1200],
    ),
    unit(
      'transport-port',
      '市交通运输局港航应急队',
      'transport',
      'cityhall',
      1,
      6,
      ['transport', 'roadRepair'],
      [600, 1200],
    ),
    unit(
      'flood-team',
      '市水利局防汛抢险队',
      'flood',
      'utility',
      1,
      10,
      ['flood', 'engineering', 'drainage'],
      [600, 1200],
    ),
    unit('civil-relief', '市民政局应急救助队', 'civil', 'cityhall', 1, 4, ['welfare'], [900, 1800]),
    unit(
      'labour-mediation',
      '市人社局劳动保障监察组',
      'labour',
      'cityhall',
      1,
      3,
      ['labour'],
      [1200, 2400],
    ),
    unit(
      'forestry-dinghai',
      '定海森林消防专业队',
      'forestry',
      'town-dinghai',
      1,
      15,
      ['forestry', 'search'],
      [900, 1800],
    ),
    unit(
      'forestry-putuo',
      '普陀森林消防专业队',
      'forestry',
      'town-putuo',
      1,
      15,
      ['forestry', 'search'],
      [900, 1800],
    ),
    unit(
      'tourism-putuoshan',
      '普陀山景区应急救援队',
      'tourism',
      'putuoshan',
      1,
      6,
      ['tourism', 'search'],
      [300, 900],
    ),
    unit(
      'tourism-zhujiajian',
      '朱家尖景区应急救援队',
      'tourism',
      'zhujiajian',
      1,
      6,
      ['tourism', 'search'],
      [300, 900],
    ),
    unit(
      'militia-company',
      '舟山警备区民兵应急连',
      'militia',
      'militia',
      1,
      30,
      ['militia', 'search', 'engineering'],
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
      'weather-expert',
      '市气象台海洋气象联络员',
      'weather',
      'cityhall',
      1,
      2,
      ['weather', 'expert'],
      [1800, 3600],
    ),
  );

  const everyday = KINDS.filter(([id]) => EVERYDAY.includes(id));
  const kinds = incidentKinds([...SEA_KINDS, ...everyday]);
  const streams = [
    ...callStreams(SEA_KINDS, SEA_DEMAND, districts, 1),
    ...callStreams(everyday, DEMAND, districts, EVERYDAY_SCALE),
  ];

  return buildCity({
    id: 'zhoushan-islands',
    name: '舟山：海岛城市分级社会应急联动',
    start: '2026-09-21T00:00',
    durationHours: 7 * 24,
    warmupHours: 24,
    districts,
    roads: {
      spacingKm: 1.3,
      cores: [
        { centre: dinghai, radiusKm: 4 },
        { centre: SHENJIAMEN, radiusKm: 3.5 },
        { centre: seat('daishan'), radiusKm: 2 },
        { centre: seat('shengsi'), radiusKm: 1.5 },
      ],
      islandMinKm2: 0.5,
      bridgeMaxKm: 3,
      ferryWaitMinutes: 20,
      trunks: [[dinghai, cityHall, SHENJIAMEN]],
    },
    bases,
    agencies,
    units,
    kinds,
    rules: {
      tiers: { enabled: true },
      maritime: {
        enabled: true,
        kinds: ['shipwreck', 'oilSpill', 'fishingAccident'],
        sarCapabilities: ['maritimeSAR', 'fisheryRescue', 'oilSpill'],
        landRequest: { type: 'lognormalMedianP90', median: 600, p90: 1800 },
      },
      feedback: { enabled: true },
    },
    streams,
    // Sea incidents: the district's own patrol boat first (the maritime SAR centre commands them).
    runCards: districts.map((d) => ({
      district: d.id,
      kind: 'shipwreck',
      units: [`maritime-${d.id}`],
    })),
    describe: (f) => ({
      en:
        `Zhoushan (舟山, Zhejiang), an archipelago city, for a week from Monday 21 September (fishing season open; the first day is warm-up), after the Zhoushan municipal government office’s opinion on further strengthening social emergency coordination ` +
        `(舟山市人民政府办公室关于进一步加强社会应急联动工作的意见, 舟政办发〔2016〕94号): the partner agencies in the three tiers it lists — tier 1 police, fire, ocean and fisheries, maritime, ` +
        `environment, transport, water conservancy (三防), 120, water, power and gas, and the townships (24-hour duty, 30 minutes to arrive in urban districts); tier 2 civil affairs, ` +
        `human resources and social security, agriculture and forestry, tourism (a liaison on call, 60 minutes urban), with the militia; tier 3 publicity and weather (office hours only). ` +
        `Sea incidents — shipwreck and collision, oil spill, fishing accident — are kinds of their own that need maritime patrol boats, fisheries rescue vessels or the oil-spill team ` +
        `(the hand-off of sea incidents to the maritime search-and-rescue centre is a coordination rule set elsewhere); they are placed on the islands, as if at the landing point. ` +
        `Real: the four districts 定海区, 普陀区, 岱山县 and 嵊泗县 and their boundaries in ${f.rings} parts of at least 0.25 km² (islands; 舟山本岛 is shared by 定海 and 普陀) ` +
        `(${BOUNDARY_SOURCE.en}; the source outlines 嵊泗’s 洋山 part coarsely, with water around the islands); the agencies’ tiers as 舟政办发〔2016〕94号 assigns them; populations rounded. ` +
        `Illustrative: the road graph (no real road data offline: a jittered lattice on every island, denser in 定海 and 沈家门, an expressway 定海–临城–沈家门; ` +
        `islands joined by the shortest set of links that connects them all, ${f.bridges} bridges where the gap is under 3 km and ${f.ferries} ferries at 15 km/h plus 20 minutes to board — ` +
        `not the actual bridges and ferry routes; ${thousands(f.nodes)} nodes, ${thousands(f.edges)} segments), the ${f.bases} base positions, the ${f.units} units of ` +
        `${f.agencies} agencies, the call rates (about ${thousands(f.callsPerDay)} a day; everyday calls at ${EVERYDAY_SCALE * 100}% of the synthetic city's rate per resident, matching the modest fleet) and on-scene times.`,
      zh:
        `舟山市海岛城市情景，模拟9月21日（星期一，开渔后）起一周（首日为预热期），依据《舟山市人民政府办公室关于进一步加强社会应急联动工作的意见》（舟政办发〔2016〕94号）：` +
        `按文件所列分三级设置联动单位——一级为公安、消防、海洋与渔业、海事、环保、交通运输、水利（三防）、医疗急救及水电气企业和乡镇（街道）（24小时值守，城区30分钟内到场）；` +
        `二级为民政、人力社保、农林、旅游（联络员24小时开机，城区60分钟内到场），另含民兵；三级为宣传、气象（仅工作时间）。` +
        `海损海难、船舶溢油、渔业事故作为独立警情类型，需海事巡逻艇、渔政救助船或溢油应急队处置（海上警情移交市海上搜救中心指挥的规则另行设置）；海上警情落点取在岛上，视为靠岸处置点。` +
        `真实部分：定海区、普陀区、岱山县、嵊泗县四个区县及其边界，共${f.rings}块面积不小于0.25平方公里的陆地（岛屿；舟山本岛分属定海、普陀）（${BOUNDARY_SOURCE.zh}；源数据中嵊泗县洋山部分轮廓较粗，包含岛间水域）；各联动单位的分级按舟政办发〔2016〕94号；人口为取整近似值。` +
        `示例部分：路网（离线环境无真实路网数据，各岛按陆地生成抖动网格，定海和沈家门加密，设定海—临城—沈家门快速路；岛屿之间以连通全部岛屿的最短连线相连，间距小于3公里为桥梁${f.bridges}座，` +
        `其余为轮渡${f.ferries}条，时速15公里另加20分钟候船——并非实际桥梁和航线；节点${thousands(f.nodes)}个、路段${thousands(f.edges)}条）、${f.bases}处驻地位置、` +
        `${f.agencies}家联动单位的${f.units}个出动单元、警情量（日均约${thousands(f.callsPerDay)}起，日常警情按示例城市人均警情率的${EVERYDAY_SCALE * 100}%计）及现场处置时间。`,
    }),
  });
}
