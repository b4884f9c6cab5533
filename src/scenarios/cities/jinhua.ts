/**
 * jinhua-hazmat-drill: the one-hour hazardous-chemical leak drill of the preparation plan for
 * the provincial on-site meeting in Jinhua (金华), seed 003 (second text, 全省应急联动工作现场会
 * 筹备工作方案): a listed incident at 09:00 and the units the plan names, over a light stream of
 * everyday calls.
 */
import {
  DEMAND,
  KINDS,
  callStreams,
  incidentKinds,
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
  { id: 'wucheng', name: '婺城区', area: 'urban', population: 900_000 },
  { id: 'jindong', name: '金东区', area: 'urban', population: 450_000 },
] as const;

/** The centre of Jinhua (around the city government), approximate. */
const CITY_CENTRE: Point = [119.647, 29.079];
/**
 * The drill site: the plan leaves it blank (“演练地点设在XXXX”); here an illustrative plant in
 * the economic development zone south-west of the centre, in 婺城区.
 */
export const DRILL_SITE: Point = offsetKm(CITY_CENTRE, -4, -3);
/** The drill starts at 09:00; the scenario at 08:00. */
const DRILL_AT = hours(1);

const DRILL_KIND: KindRow = [
  'hazmatDrill',
  '危化品泄漏（演练）',
  1,
  { police: 1, traffic: 1, hazmat: 1, fire: 2, medical: 1, monitoring: 1, safety: 1, publicity: 1 },
  [45, 60],
];

/** The light background: everyday kinds at a quarter of the synthetic city's rates. */
const BACKGROUND = ['fire', 'trafficAccident', 'medical', 'elevator', 'assistance'];
const BACKGROUND_SCALE = 0.25;

export function jinhuaHazmatDrill(): ScenarioInput {
  const districts = realDistricts('jinhua', DISTRICTS);
  const wucheng = districts.find((d) => d.id === 'wucheng')!;
  if (!inDistrict(DRILL_SITE, wucheng)) throw new Error('the drill site must be in 婺城区');
  const jindong = districts.find((d) => d.id === 'jindong')!.centre;
  const c = (east: number, north: number) => offsetKm(CITY_CENTRE, east, north);
  const site = (east: number, north: number) => offsetKm(DRILL_SITE, east, north);

  const bases = [
    { id: 'fire-special', name: '金华市消防救援支队特勤站', district: 'wucheng', at: c(-1, 0.5) },
    { id: 'fire-kfq', name: '开发区消防救援站', district: 'wucheng', at: site(1, 1.2) },
    { id: 'fire-jindong', name: '金东消防救援站', district: 'jindong', at: jindong },
    { id: 'police-hq', name: '金华市公安局（110指挥中心）', district: 'wucheng', at: c(0.3, 0.2) },
    { id: 'police-kfq', name: '开发区派出所', district: 'wucheng', at: site(-1, 1) },
    { id: 'police-traffic', name: '金华市公安局交警支队', district: 'wucheng', at: c(1, -1) },
    {
      id: 'police-jindong',
      name: '金东公安分局',
      district: 'jindong',
      at: offsetKm(jindong, 0.5, 0.5),
    },
    { id: 'ems-centre', name: '金华市急救中心', district: 'wucheng', at: c(0.5, 1) },
    { id: 'ems-kfq', name: '开发区急救站', district: 'wucheng', at: site(2, 0) },
    {
      id: 'ems-jindong',
      name: '金东急救站',
      district: 'jindong',
      at: offsetKm(jindong, -0.5, -0.5),
    },
    {
      id: 'cityhall',
      name: '金华市级机关（环保局、安监局、宣传部）',
      district: 'wucheng',
      at: c(0.8, 2),
    },
  ];

  const agencies = [
    agency('police', '金华市公安局（含派出所、交警）', 1),
    agency('fire', '金华市消防救援支队', 1),
    agency('ems', '金华市急救中心（120）', 1),
    agency('environment', '金华市环境保护局', 1),
    agency('safety', '金华市安全生产监督管理局', 2),
    agency('publicity', '金华市委宣传部', 3),
  ];

  const units = [
    unit(
      'fire-special-engine',
      '特勤站水罐消防车',
      'fire',
      'fire-special',
      2,
      5,
      ['fire', 'rescue'],
      [60, 120],
    ),
    unit(
      'fire-special-hazmat',
      '特勤站危化品洗消车',
      'fire',
      'fire-special',
      1,
      6,
      ['hazmat', 'fire', 'rescue'],
      [75, 150],
    ),
    unit(
      'fire-special-rescue',
      '特勤站抢险救援车',
      'fire',
      'fire-special',
      1,
      5,
      ['rescue', 'fire'],
      [60, 120],
    ),
    unit(
      'fire-kfq-engine',
      '开发区站水罐消防车',
      'fire',
      'fire-kfq',
      2,
      5,
      ['fire', 'rescue'],
      [60, 120],
    ),
    unit(
      'fire-kfq-rescue',
      '开发区站抢险救援车',
      'fire',
      'fire-kfq',
      1,
      5,
      ['rescue', 'fire'],
      [60, 120],
    ),
    unit(
      'fire-jindong-engine',
      '金东站水罐消防车',
      'fire',
      'fire-jindong',
      2,
      5,
      ['fire', 'rescue'],
      [60, 120],
    ),
    unit(
      'fire-jindong-rescue',
      '金东站抢险救援车',
      'fire',
      'fire-jindong',
      1,
      5,
      ['rescue', 'fire'],
      [60, 120],
    ),
    unit('police-patrol', '110巡逻警车', 'police', 'police-hq', 4, 2, ['police'], [60, 150]),
    unit(
      'police-swat',
      '巡特警大队',
      'police',
      'police-hq',
      1,
      6,
      ['police', 'crowdControl'],
      [120, 300],
    ),
    unit(
      'police-kfq-patrol',
      '开发区派出所警车',
      'police',
      'police-kfq',
      2,
      2,
      ['police'],
      [60, 150],
    ),
    unit(
      'police-traffic',
      '交警支队事故处理及交通管制车',
      'police',
      'police-traffic',
      2,
      3,
      ['police', 'traffic'],
      [90, 180],
    ),
    unit(
      'police-jindong-patrol',
      '金东巡逻警车',
      'police',
      'police-jindong',
      3,
      2,
      ['police'],
      [60, 150],
    ),
    unit(
      'ems-centre-ambulance',
      '市急救中心救护车',
      'ems',
      'ems-centre',
      4,
      3,
      ['medical'],
      [90, 180],
    ),
    unit('ems-kfq-ambulance', '开发区急救站救护车', 'ems', 'ems-kfq', 1, 3, ['medical'], [90, 180]),
    unit(
      'ems-jindong-ambulance',
      '金东急救站救护车',
      'ems',
      'ems-jindong',
      2,
      3,
      ['medical'],
      [90, 180],
    ),
    unit(
      'environment-monitoring',
      '市环保局应急监测车',
      'environment',
      'cityhall',
      1,
      4,
      ['monitoring', 'expert'],
      [600, 1200],
    ),
    unit(
      'safety-team',
      '市安监局危化品处置专家组',
      'safety',
      'cityhall',
      1,
      4,
      ['safety', 'expert'],
      [900, 1800],
    ),
    unit(
      'publicity-film',
      '市委宣传部摄制及图像传输组',
      'publicity',
      'cityhall',
      1,
      4,
      ['publicity'],
      [900, 1800],
    ),
  ];

  const background = KINDS.filter(([id]) => BACKGROUND.includes(id));
  const kinds = incidentKinds([DRILL_KIND, ...background]);
  const streams = callStreams(background, DEMAND, districts, BACKGROUND_SCALE);

  return buildCity({
    id: 'jinhua-hazmat-drill',
    name: '金华：危化品泄漏处置演练（一小时）',
    start: '2026-07-07T08:00',
    durationHours: 4,
    districts,
    roads: {
      spacingKm: 1.6,
      cores: [
        { centre: CITY_CENTRE, radiusKm: 6 },
        { centre: jindong, radiusKm: 2.5 },
      ],
      trunks: [
        [offsetKm(CITY_CENTRE, -18, 0), CITY_CENTRE, offsetKm(CITY_CENTRE, 18, 4)],
        [DRILL_SITE, CITY_CENTRE],
      ],
    },
    bases,
    agencies,
    units,
    kinds,
    rules: {
      tiers: { enabled: true },
      firstReceiver: { enabled: true, responsible: { hazmatDrill: 'fire' } },
      command: {
        enabled: true,
        plans: [
          {
            hq: 'hazmatHQ',
            name: '金华市危险化学品事故应急指挥部',
            kinds: ['hazmatDrill'],
            atSeverity: 4,
            setup: { type: 'fixed', value: 1200 },
          },
        ],
      },
      feedback: { enabled: true },
    },
    streams,
    incidents: [{ time: DRILL_AT, kind: 'hazmatDrill', location: DRILL_SITE, district: 'wucheng' }],
    // The units the plan names, in the order of its script: station, traffic police, fire, 120,
    // then the environment and work-safety bureaus and publicity.
    runCards: [
      {
        district: 'wucheng',
        kind: 'hazmatDrill',
        units: [
          'police-kfq-patrol',
          'police-traffic',
          'fire-special-hazmat',
          'fire-kfq-engine',
          'fire-kfq-engine#2',
          'ems-kfq-ambulance',
          'environment-monitoring',
          'safety-team',
          'publicity-film',
        ],
      },
    ],
    describe: (f) => ({
      en:
        `Jinhua (金华, Zhejiang): the hazardous-chemical leak drill of the 2011 preparation plan for the provincial on-site meeting on emergency coordination in Jinhua (全省应急联动工作现场会筹备工作方案, draft of 2 June). ` +
        `The plan has officials watch a one-hour hazmat leak drill at 09:00, relayed live to the city’s coordination centre; the police simulate call taking and dispatch the local police station, the traffic police and fire rescue; ` +
        `the environment bureau and the work-safety bureau handle their parts; the publicity department films and transmits the images (the whole meeting was budgeted at about one million yuan). ` +
        `Here: a listed incident at 09:00 on a Tuesday in July, whose run card calls exactly those units (station patrol car, traffic police, the hazmat unit and two engines, an ambulance, ` +
        `the environment monitoring van, the work-safety experts, the film crew), on scene for about 45 minutes; the scenario runs four hours (08:00–12:00) with a light stream of everyday calls ` +
        `(${BACKGROUND_SCALE * 100}% of the synthetic city’s rates, about ${thousands(f.callsPerDay)} a day) so the drill competes with real work. ` +
        `Real: the districts 婺城区 and 金东区 and their boundaries (${BOUNDARY_SOURCE.en}); the drill’s time, length and roles from the plan. ` +
        `Illustrative: the drill site (the plan leaves it blank; here a plant in the development zone south-west of the centre), the road graph (no real road data offline: a jittered lattice, denser in the city, ` +
        `${thousands(f.nodes)} nodes and ${thousands(f.edges)} segments), the ${f.bases} base positions, the ${f.units} units of ${f.agencies} agencies, mobilisation and on-scene times.`,
      zh:
        `金华市危化品泄漏处置演练情景，依据《全省应急联动工作现场会筹备工作方案》（2011年，6月2日讨论稿）。` +
        `方案安排与会人员于9时在市应急联动指挥中心观摩危化物品泄露处置演练（1小时），现场图像实时传输至指挥中心；公安负责模拟报警受理，调度派出所、交警、消防及相关联动单位；` +
        `环保局、安监局分别负责各自部分的处置；宣传部负责摄制和图像传输（整个现场会经费约一百万元）。` +
        `本情景：7月某星期二9时设一起列表警情，出动预案恰好调派上述单位（派出所警车、交警、消防危化品洗消车及两辆水罐车、救护车、环保应急监测车、安监专家组、宣传摄制组），现场处置约45分钟；` +
        `情景时长4小时（8时至12时），叠加少量日常警情（按示例城市警情率的${BACKGROUND_SCALE * 100}%，日均约${thousands(f.callsPerDay)}起），使演练与日常接处警并行。` +
        `真实部分：婺城区、金东区及其边界（${BOUNDARY_SOURCE.zh}）；演练时间、时长和各单位分工取自方案。` +
        `示例部分：演练地点（方案中为“XXXX”，此处设在市区西南开发区内一处企业）、路网（离线环境无真实路网数据，按陆地生成抖动网格，市区加密；节点${thousands(f.nodes)}个、路段${thousands(f.edges)}条）、` +
        `${f.bases}处驻地位置、${f.agencies}家联动单位的${f.units}个出动单元、出动准备及现场处置时间。`,
    }),
  });
}
