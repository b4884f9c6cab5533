/**
 * township-group-incident: the towns of Pujiang county (浦江县, Jinhua) under the township plan
 * for group incidents of seed 003 (fifth text, 乡镇应急处置联动工作实施方案): village stability
 * teams of at least 20, a militia squad of at least 30 in every town, neighbouring towns helping
 * below 100 participants, the county command above.
 */
import {
  DEMAND,
  KINDS,
  callStreams,
  incidentKinds,
  type DemandRow,
  type KindRow,
} from '../generate.ts';
import type { ScenarioInput } from '../schema.ts';
import {
  BOUNDARY_SOURCE,
  agency,
  buildCity,
  hours,
  nearestSeatAreas,
  offsetKm,
  realDistricts,
  thousands,
  unit,
  type RealDistrict,
} from './common.ts';

/**
 * Towns: id, name, approximate km east and north of the county town, residents (approximate).
 * The county town's three subdistricts (浦阳、仙华、浦南) are one area here.
 */
const TOWNS: Array<[string, string, number, number, number]> = [
  ['puyang', '浦阳街道', 0, 0, 190_000],
  ['huangzhai', '黄宅镇', 8, 1, 70_000],
  ['zhengzhai', '郑宅镇', 8, 7, 30_000],
  ['baima', '白马镇', 15, 1, 35_000],
  ['zhengjiawu', '郑家坞镇', 17, 9, 25_000],
  ['yantou', '岩头镇', 9, -5, 45_000],
  ['tanxi', '檀溪镇', -1, 11, 20_000],
  ['hangping', '杭坪镇', -14, 6, 15_000],
  ['yuzhai', '虞宅乡', -9, 1, 12_000],
];

/** The town where the scripted incident happens. */
const FOCAL_TOWN = 'huangzhai';

/** Towns with a health centre ambulance (卫生院). */
const HEALTH_CENTRES = ['huangzhai', 'zhengjiawu', 'yantou', 'hangping'];

const GROUP_KINDS: KindRow[] = [
  [
    'groupSmall',
    '群体性事件（百人以下，镇协调相邻镇处置）',
    2,
    { police: 2, stability: 3, militia: 1, township: 1 },
    [120, 300],
  ],
  [
    'groupLarge',
    '群体性事件（百人以上，县应急处置领导小组指挥）',
    1,
    { police: 4, crowdControl: 2, stability: 5, militia: 2, township: 1, medical: 1 },
    [180, 480],
  ],
  [
    'violentCrime',
    '暴力犯罪事件（械斗、打砸抢烧）',
    1,
    { police: 3, crowdControl: 1, medical: 1 },
    [60, 180],
  ],
];

const GROUP_DEMAND: Record<string, DemandRow> = {
  groupSmall: [0.05, 'daytime', 'weekday', 1, 1],
  groupLarge: [0.01, 'daytime', 'weekday', 1, 1],
  violentCrime: [0.05, 'evening', 'weekend', 1, 1],
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

export function townshipGroupIncident(): ScenarioInput {
  const [county] = realDistricts('jinhua', [
    { id: 'pujiang', name: '浦江县', area: 'rural', population: 460_000 },
  ]);
  const seats = TOWNS.map(([, , east, north]) => offsetKm(county.centre, east, north));
  const cells = nearestSeatAreas(county.rings[0], seats);
  const districts: RealDistrict[] = TOWNS.map(([id, name, , , population], i) => ({
    id,
    name,
    area: id === 'puyang' ? 'urban' : 'rural',
    population,
    rings: [cells[i]],
    centre: seats[i],
  }));
  const seatOf = (id: string) => seats[TOWNS.findIndex((t) => t[0] === id)];

  const bases: Array<{ id: string; name: string; district: string; at: [number, number] }> = [
    {
      id: 'police-county',
      name: '浦江县公安局',
      district: 'puyang',
      at: offsetKm(seats[0], 0.4, 0.3),
    },
    {
      id: 'fire-county',
      name: '浦江县消防救援大队',
      district: 'puyang',
      at: offsetKm(seats[0], -0.6, 0.5),
    },
    {
      id: 'ems-county',
      name: '浦江县人民医院急救站',
      district: 'puyang',
      at: offsetKm(seats[0], 0.2, -0.6),
    },
    {
      id: 'power-county',
      name: '国网浦江县供电公司抢修站',
      district: 'puyang',
      at: offsetKm(seats[0], 1.5, -1),
    },
  ];
  for (const [id, name] of TOWNS) {
    const seat = seatOf(id);
    bases.push(
      {
        id: `town-${id}`,
        name: `${name}人民政府（综治办、派出所、人武部）`,
        district: id,
        at: seat,
      },
      { id: `village-${id}-a`, name: `${name}东片村`, district: id, at: offsetKm(seat, 2, 0.5) },
      { id: `village-${id}-b`, name: `${name}西片村`, district: id, at: offsetKm(seat, -2, -0.5) },
    );
  }

  const agencies = [
    agency('police', '浦江县公安局', 1),
    agency('fire', '浦江县消防救援大队', 1),
    agency('ems', '浦江县急救站（120）', 1),
    agency('power', '国网浦江县供电公司', 1, 'enterprise'),
    ...TOWNS.map(([id, name]) => agency(`town-${id}`, `${name}（含各村维稳力量）`, 1)),
    agency('militia', '浦江县人民武装部（乡镇应急民兵分队）', 2, 'military'),
  ];

  const units = [
    unit(
      'police-swat',
      '县公安局巡特警大队',
      'police',
      'police-county',
      2,
      8,
      ['police', 'crowdControl', 'search'],
      [180, 420],
    ),
    unit(
      'police-traffic',
      '县公安局交警大队',
      'police',
      'police-county',
      1,
      3,
      ['police', 'traffic'],
      [120, 240],
    ),
    unit(
      'fire-engine',
      '县消防救援大队水罐消防车',
      'fire',
      'fire-county',
      2,
      5,
      ['fire', 'rescue'],
      [60, 120],
    ),
    unit(
      'fire-rescue',
      '县消防救援大队抢险救援车',
      'fire',
      'fire-county',
      1,
      5,
      ['rescue', 'fire'],
      [60, 120],
    ),
    unit('ems-ambulance', '县急救站救护车', 'ems', 'ems-county', 3, 3, ['medical'], [90, 180]),
    unit(
      'power-repair',
      '县供电公司抢修队',
      'power',
      'power-county',
      1,
      4,
      ['power', 'utility'],
      [300, 600],
    ),
  ];
  for (const [id, name] of TOWNS) {
    units.push(
      unit(
        `town-${id}-office`,
        `${name}应急处置联动办公室（综治办）`,
        `town-${id}`,
        `town-${id}`,
        1,
        6,
        ['township'],
        [300, 600],
      ),
      unit(
        `town-${id}-patrol`,
        `${name}派出所警车`,
        'police',
        `town-${id}`,
        id === 'puyang' ? 3 : 1,
        3,
        ['police'],
        [90, 180],
      ),
      unit(
        `town-${id}-militia`,
        `${name}应急民兵分队（30人以上）`,
        'militia',
        `town-${id}`,
        1,
        32,
        ['militia', 'stability', 'search'],
        [1200, 2400],
      ),
      // Neighbour support must be answered within 20 minutes (the plan): mobilisation median 12, p90 20.
      unit(
        `village-${id}-a`,
        `${name}东片村维稳力量（20人以上）`,
        `town-${id}`,
        `village-${id}-a`,
        1,
        22,
        ['stability', 'search'],
        [720, 1200],
      ),
      unit(
        `village-${id}-b`,
        `${name}西片村维稳力量（20人以上）`,
        `town-${id}`,
        `village-${id}-b`,
        1,
        20,
        ['stability', 'search'],
        [720, 1200],
      ),
    );
    if (HEALTH_CENTRES.includes(id)) {
      units.push(
        unit(
          `town-${id}-ambulance`,
          `${name}卫生院救护车`,
          'ems',
          `town-${id}`,
          1,
          3,
          ['medical'],
          [120, 240],
        ),
      );
    }
  }

  const everyday = KINDS.filter(([id]) => EVERYDAY.includes(id));
  const kinds = incidentKinds([...GROUP_KINDS, ...everyday]);
  const streams = [
    ...callStreams(GROUP_KINDS, GROUP_DEMAND, districts, 1),
    ...callStreams(everyday, DEMAND, districts, 1),
  ];
  const focal = seatOf(FOCAL_TOWN);
  const gathering = offsetKm(focal, 0.3, 0.2);

  return buildCity({
    id: 'township-group-incident',
    name: '浦江县：乡镇群体性事件应急处置联动',
    start: '2026-07-06T00:00',
    durationHours: 48,
    districts,
    roads: {
      spacingKm: 1.2,
      cores: [{ centre: seats[0], radiusKm: 3 }],
      trunks: [
        [seatOf('hangping'), seatOf('yuzhai'), seats[0], seatOf('huangzhai'), seatOf('baima')],
        [seats[0], seatOf('zhengzhai'), seatOf('zhengjiawu')],
      ],
    },
    bases,
    agencies,
    units,
    kinds: kinds.map((kind) =>
      kind.id === 'groupSmall'
        ? { ...kind, participants: { type: 'lognormalMedianP90', median: 50, p90: 120 } }
        : kind.id === 'groupLarge'
          ? { ...kind, participants: { type: 'lognormalMedianP90', median: 250, p90: 700 } }
          : kind,
    ),
    rules: {
      tiers: { enabled: true },
      groupIncidents: {
        enabled: true,
        countyNeeds: [
          { capability: 'police', units: 2 },
          { capability: 'crowdControl', units: 1 },
        ],
        cityNeeds: [
          { capability: 'police', units: 2 },
          { capability: 'crowdControl', units: 1 },
        ],
      },
    },
    streams,
    incidents: [
      // 09:30: about 80 people gather at the town government (under 100: the town, with its
      // neighbours); 10:30: the crowd passes 100 and the county command takes over.
      { time: hours(9.5), kind: 'groupSmall', location: gathering, district: FOCAL_TOWN },
      { time: hours(10.5), kind: 'groupLarge', location: gathering, district: FOCAL_TOWN },
    ],
    // Near support first (就近支援): the focal town's own forces, then its neighbours'.
    runCards: [
      {
        district: FOCAL_TOWN,
        kind: 'groupSmall',
        units: [
          'town-huangzhai-patrol',
          'town-puyang-patrol',
          'village-huangzhai-a',
          'village-huangzhai-b',
          'village-zhengzhai-a',
          'village-baima-b',
          'town-huangzhai-militia',
          'town-huangzhai-office',
        ],
      },
    ],
    describe: (f) => ({
      en:
        `Pujiang county (浦江县, Jinhua, Zhejiang), two days, after a township’s implementation plan for coordinated response to large group incidents and violent crime (乡镇应急处置联动工作实施方案); ` +
        `the plan’s rules are applied here to a Zhejiang county for illustration, and no real event is implied. ` +
        `Its rules as data: every village keeps at least 20 people for stability duty and every town a militia squad of at least 30 on standby (units with crews of 20–32); ` +
        `a village or town asked for help answers within 20 minutes and then musters (mobilisation median 12, p90 20 minutes); under 100 participants the town handles it with neighbouring towns ` +
        `(a run card: the town’s own police and village teams first, then the neighbours’), over 100 the county command (a larger kind needing the county’s special police), 500 or more the city (not modelled). ` +
        `Scripted: at 09:30 on Monday about 80 people gather at the 黄宅镇 government; at 10:30 the crowd passes 100 and the county takes command (a second listed incident). ` +
        `Random group incidents, violent crime and everyday calls (about ${thousands(f.callsPerDay)} a day) run alongside. ` +
        `Real: the outline of 浦江县 (${BOUNDARY_SOURCE.en}) and the town names. ` +
        `Illustrative: the towns’ areas (the county outline split by nearest town seat around approximate seats — not the real township boundaries), the village teams (generic names), ` +
        `the road graph (no real road data offline: a jittered lattice, denser in the county town, ${thousands(f.nodes)} nodes and ${thousands(f.edges)} segments), the ${f.bases} base positions, ` +
        `the ${f.units} units of ${f.agencies} agencies, populations and rates.`,
      zh:
        `浦江县（金华市）两天情景，依据《乡镇应急处置联动工作实施方案》（处置大规模群体性事件和暴力犯罪事件）；` +
        `此处将该方案的规则套用于浙江的县作示例，不指向任何真实事件。` +
        `规则以数据表达：各村确保不少于20人的日常维稳力量，各镇确保不少于30人的应急民兵分队（出动单元人数20–32人）；村、单位接到相邻村、单位支援请求后20分钟内答复并集结出发（出动准备时间中位数12分钟、90分位20分钟）；` +
        `参与人数100人以下由镇协调相邻镇处置（出动预案先本镇警力和村维稳力量，后相邻镇），超过100人由县应急处置领导小组指挥（需县巡特警的较大类型），500人以上由市指挥（未建模）。` +
        `脚本：星期一9时30分约80人聚集于黄宅镇政府；10时30分人数超过100人，转由县指挥处置（第二起列表警情）。同时随机产生群体性事件、暴力犯罪及日常警情（日均约${thousands(f.callsPerDay)}起）。` +
        `真实部分：浦江县县界（${BOUNDARY_SOURCE.zh}）及各乡镇名称。` +
        `示例部分：各乡镇范围（按近似的乡镇驻地对县界作最近驻地划分，并非真实乡镇界线）、村维稳队伍（通用名称）、路网（离线环境无真实路网数据，按陆地生成抖动网格，县城加密；节点${thousands(f.nodes)}个、路段${thousands(f.edges)}条）、` +
        `${f.bases}处驻地位置、${f.agencies}家联动单位的${f.units}个出动单元、人口及警情量。`,
    }),
  });
}
