/**
 * Deqing's 突发群体性事件应急处置实战演练, watched at the city's linkage meeting (seed 003, first
 * text), scripted on the township plan (seed 003, fifth text: 《乡镇应急处置联动工作实施方案》):
 * under 100 people the township calls its neighbours, who answer within 20 minutes; past 100 the
 * county's leading group commands; past 500 the city's. Each town keeps ≥ 30 militia on standby.
 * Played on the Pujiang county model, the built-in county with that township plan.
 */
import type { DrillInput } from '../schema.ts';

/** The market square of Huangzhai town. */
const SQUARE: [number, number] = [119.97335, 29.46608];

export const deqingGroupIncidentDrill: DrillInput = {
  format: 'drill-planner/drill',
  version: 1,
  id: 'deqing-group-incident',
  scenario: 'township-group-incident',
  description:
    '依据“全市社会应急联动工作现场会暨实战演练”（德清）观摩的突发群体性事件应急处置实战演练，按《乡镇应急处置联动工作实施方案》编制：参与人数 100 人以下由镇协调相邻镇处置，相邻村、单位 20 分钟内答复；超过 100 人由县应急处置领导小组指挥；500 人以上由市应急处置领导小组指挥；镇应急民兵分队不少于 30 人。在浦江县情景上推演。',
  header: {
    name: '突发群体性事件应急处置实战演练',
    organiser: '县应急处置领导小组办公室',
    date: '2026-09-07',
    place: '黄宅镇集镇广场',
    mode: 'live',
    scope: 'combined',
    purpose: 'demonstration',
    scripted: true,
    version: '1.0',
    preparedBy: '县公安局指挥中心',
    reviewedBy: '县应急处置领导小组办公室',
    approvedBy: '县应急处置领导小组',
  },
  clock: { start: 34_200, horizon: 3 * 3600, deadAir: 900, keepScenarioIncidents: false },
  objectives: [
    {
      id: 'o-town',
      text: '镇级先期处置：百人以下群体性事件由镇协调相邻镇处置，相邻单位 20 分钟内答复，民兵 30 人 60 分钟内到场。',
      agencies: ['town-huangzhai', 'militia', 'police'],
      rules: ['groupIncidents'],
    },
    {
      id: 'o-county',
      text: '分级升级：人数超过 100 人时，县应急处置领导小组指挥，特警 30 分钟内到场控制现场。',
      agencies: ['police'],
      rules: ['groupIncidents', 'tiers'],
    },
    {
      id: 'o-city',
      text: '人数超过 500 人时，报市应急处置领导小组指挥。',
      agencies: ['police'],
      rules: ['groupIncidents'],
    },
  ],
  participants: [
    { agency: 'police', roles: ['control', 'play'], people: 60, task: '接警调度、现场控制' },
    {
      agency: 'town-huangzhai',
      roles: ['play'],
      people: 40,
      task: '镇应急处置联动办公室：劝解疏导',
    },
    { agency: 'town-zhengzhai', roles: ['play'], people: 20, task: '相邻镇维稳力量增援' },
    { agency: 'militia', roles: ['play'], people: 64, task: '应急民兵分队集结' },
    { agency: 'ems', roles: ['support'], people: 6, task: '医疗保障' },
  ],
  phases: [
    {
      id: 'p1',
      name: '事件发生与镇级处置',
      brief: '9 时 30 分，黄宅镇集镇广场因征地补偿纠纷聚集约 80 人。',
    },
    { id: 'p2', name: '事态升级', brief: '聚集人数增至 150 人，部分人员情绪激动。' },
    { id: 'p3', name: '事态扩大', brief: '周边村民陆续赶来，人数超过 500 人。' },
  ],
  steps: [
    {
      id: 's1',
      phase: 'p1',
      title: '80 人聚集，镇协调相邻镇',
      timing: { type: 'at', at: 0 },
      duration: 1800,
      inject: {
        method: 'phone',
        from: '模拟报警人',
        to: ['police', 'town-huangzhai'],
        text: '黄宅镇集镇广场有 80 余人聚集，要求解决征地补偿问题。',
      },
      command: {
        type: 'call',
        kind: 'groupSmall',
        location: SQUARE,
        district: 'huangzhai',
        participants: 80,
      },
      expected: [
        {
          id: 'a-police',
          what: 'firstArrival',
          agency: 'police',
          deadline: 900,
          points: 10,
          objective: 'o-town',
          description: '派出所民警到场',
        },
        {
          id: 'a-graded-town',
          what: 'graded',
          cause: 'township',
          deadline: 300,
          points: 5,
          objective: 'o-town',
          description: '按百人以下定级，镇处置',
        },
        {
          id: 'a-neighbour',
          what: 'approved',
          cause: 'neighbourRequest',
          deadline: 1200,
          points: 10,
          objective: 'o-town',
          description: '相邻镇 20 分钟内答复',
        },
        {
          id: 'a-militia',
          what: 'arrivals',
          agency: 'militia',
          count: 30,
          countOf: 'people',
          deadline: 3600,
          points: 15,
          objective: 'o-town',
          description: '应急民兵 30 人到场',
          contingency: {
            inject: {
              method: 'phone',
              from: '导调组',
              to: ['militia'],
              text: '民兵未到齐，请县人武部调集相邻镇民兵分队。',
            },
          },
        },
      ],
    },
    {
      id: 's2',
      phase: 'p2',
      title: '人数超过 100 人，县级指挥',
      timing: { type: 'at', at: 1800 },
      duration: 1800,
      inject: {
        method: 'phone',
        from: '黄宅镇应急处置联动办公室',
        to: ['police'],
        text: '聚集人数增至 150 人，镇级力量无法有效掌控，请示县应急处置领导小组。',
      },
      command: {
        type: 'call',
        kind: 'groupLarge',
        location: SQUARE,
        district: 'huangzhai',
        participants: 150,
      },
      expected: [
        {
          id: 'a-graded-county',
          what: 'graded',
          cause: 'county',
          deadline: 300,
          points: 5,
          objective: 'o-county',
          description: '按百人以上定级，县指挥',
        },
        {
          id: 'a-swat',
          what: 'firstArrival',
          capability: 'crowdControl',
          deadline: 1800,
          points: 15,
          objective: 'o-county',
          description: '特警到场控制现场',
        },
      ],
    },
    {
      id: 's3',
      phase: 'p3',
      title: '人数超过 500 人，报市级指挥',
      timing: { type: 'at', at: 3600 },
      duration: 1800,
      inject: {
        method: 'messageSlip',
        from: '县应急处置领导小组',
        to: ['police'],
        text: '人数超过 500 人，报市应急处置领导小组指挥处置。',
      },
      command: {
        type: 'call',
        kind: 'groupLarge',
        location: SQUARE,
        district: 'huangzhai',
        participants: 600,
      },
      expected: [
        {
          id: 'a-graded-city',
          what: 'graded',
          cause: 'city',
          deadline: 300,
          points: 5,
          objective: 'o-city',
          description: '按 500 人以上定级，报市指挥',
        },
        {
          id: 'a-dispersed',
          what: 'manual',
          agency: 'police',
          deadline: 3600,
          points: 10,
          objective: 'o-city',
          description: '人群劝离疏散',
        },
      ],
    },
  ],
  evaluation: [
    {
      id: 'e1',
      item: '事态研判',
      content: '按参与人数定级',
      standard: '5 分钟内定级',
      method: 'system',
      weight: 15,
      options: true,
      actions: ['a-graded-town', 'a-graded-county', 'a-graded-city'],
    },
    {
      id: 'e2',
      item: '紧急动员',
      content: '相邻镇答复、民兵集结',
      standard: '20 分钟内答复，民兵 60 分钟内 30 人',
      method: 'records',
      weight: 35,
      options: false,
      actions: ['a-neighbour', 'a-militia'],
    },
    {
      id: 'e3',
      item: '警戒与管制',
      content: '民警、特警到场',
      standard: '特警 30 分钟内到场',
      method: 'observe',
      weight: 35,
      options: false,
      actions: ['a-police', 'a-swat'],
    },
    {
      id: 'e4',
      item: '现场控制及恢复',
      content: '人群劝离疏散',
      standard: '60 分钟内疏散',
      method: 'observe',
      weight: 15,
      options: true,
      actions: ['a-dispersed'],
    },
  ],
  remedies: [
    {
      id: 'r-militia',
      action: 'a-militia',
      text: '黄宅镇应急民兵分队增编一个班，实行日常备勤。',
      owner: 'militia',
      partner: 'town-huangzhai',
      variant: [{ type: 'unitCount', unit: 'town-huangzhai-militia', count: 2 }],
    },
  ],
};

export const deqingGroupIncidentLog = `时间,类型,编号,实际响应/动作,记录人
T+00:00,备注,,示例记录（演示用，非真实演练记录）,
T+00:00,下达,s1,模拟报警：80 余人聚集,吴刚
T+02:00,行动,a-graded-town,镇级处置定级,吴刚
T+09:40,行动,a-police,派出所民警到场,郑丽
T+16:30,行动,a-neighbour,郑宅镇答复增援,吴刚
T+30:00,下达,s2,人数超过 100 人,吴刚
T+31:30,行动,a-graded-county,县应急处置领导小组指挥,吴刚
T+49:00,行动,a-swat,特警到场,郑丽
T+1:00:00,下达,s3,人数超过 500 人,吴刚
T+1:03:00,行动,a-graded-city,报市应急处置领导小组,吴刚
T+1:12:00,行动,a-militia,应急民兵 30 人到场,郑丽
T+1:40:00,行动,a-dispersed,人群劝离,郑丽
`;
