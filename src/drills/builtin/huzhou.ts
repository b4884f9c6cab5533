/**
 * Huzhou's 军地应急联动快速集结演练 (seed 000: 《湖州市突发事件军地应急联动工作机制》): in the
 * flood season the response level is raised so that troops are pre-positioned; a dyke in danger
 * needs troops through the report-and-approval path (报批), and a breach that puts lives at risk
 * is requested of the troops directly (特别紧急情况直接提出请求，事后报备).
 */
import type { DrillInput } from '../schema.ts';

/** On the Xitiaoxi dykes north of Deqing's county seat. */
const DYKE: [number, number] = [119.98, 30.575];

export const huzhouRapidAssemblyDrill: DrillInput = {
  format: 'drill-planner/drill',
  version: 1,
  id: 'huzhou-rapid-assembly',
  scenario: 'huzhou-flood',
  description:
    '依据《湖州市突发事件军地应急联动工作机制》中“组织军地应急联动成员单位开展军地应急联动快速集结演练”“分级响应机制（提前预置兵力）”“应急报批备案程序”编制：汛期提升应急响应级别、预置兵力，比较报批程序与特别紧急情况下直接请求两条路径的集结时间。',
  header: {
    name: '军地应急联动快速集结演练',
    organiser: '湖州市军地应急联动联席会议办公室（市应急管理局）',
    date: '2026-06-18',
    place: '德清县东苕溪堤防',
    mode: 'live',
    scope: 'combined',
    purpose: 'test',
    scripted: true,
    version: '1.0',
    preparedBy: '市应急管理局',
    reviewedBy: '湖州军分区',
    approvedBy: '军地应急联动联席会议',
  },
  clock: { start: 36_000, horizon: 4 * 3600, deadAir: 1200, keepScenarioIncidents: false },
  objectives: [
    {
      id: 'o-preposition',
      text: '分级响应：市防指提升至Ⅱ级应急响应时，驻湖部队提前预置兵力。',
      agencies: ['pla', 'armed-police', 'militia'],
      rules: ['military'],
    },
    {
      id: 'o-approval',
      text: '报批程序：堤防出现险情、群众需转移时，填写报告表经联席会议办公室协调，民兵 90 分钟内 30 人到场。',
      agencies: ['flood', 'town-deqing', 'militia'],
      rules: ['military', 'command'],
    },
    {
      id: 'o-direct',
      text: '特别紧急：堤防决口威胁群众生命时，市防指直接向部队提出请求，部队 45 分钟内到场。',
      agencies: ['flood', 'pla', 'armed-police', 'militia'],
      rules: ['military'],
    },
  ],
  participants: [
    {
      agency: 'flood',
      roles: ['control', 'play'],
      people: 20,
      task: '市防指：提升响应级别，提出用兵需求',
    },
    { agency: 'pla', roles: ['play'], people: 120, task: '驻湖部队快速集结、抢险' },
    { agency: 'armed-police', roles: ['play'], people: 60, task: '武警快速集结、抢险' },
    { agency: 'militia', roles: ['play'], people: 90, task: '民兵应急分队集结' },
    { agency: 'town-deqing', roles: ['play'], people: 40, task: '乡镇群众转移' },
    { agency: 'police', roles: ['support'], people: 10, task: '交通管制、警戒' },
    { agency: 'weather', roles: ['observe'], task: '观摩' },
  ],
  phases: [
    { id: 'p1', name: '预警与响应', brief: '台风外围影响，东苕溪水位持续上涨，市防指会商。' },
    { id: 'p2', name: '报批用兵', brief: '德清县东苕溪堤段出现管涌险情。' },
    { id: 'p3', name: '紧急直接请求', brief: '险情恶化，堤防决口，下游村庄群众受威胁。' },
  ],
  steps: [
    {
      id: 's1',
      phase: 'p1',
      title: '提升至Ⅱ级应急响应、预置兵力',
      timing: { type: 'at', at: 0 },
      duration: 600,
      inject: {
        method: 'messageSlip',
        from: '市防指',
        to: ['flood', 'pla', 'armed-police', 'militia'],
        text: '市防指决定将防汛应急响应提升至Ⅱ级，请驻湖部队按分级响应机制预置兵力。',
      },
      command: { type: 'responseLevel', level: 2 },
      expected: [
        {
          id: 'a-preposition',
          what: 'prepositioned',
          agency: 'pla',
          count: 1,
          deadline: 600,
          points: 10,
          objective: 'o-preposition',
          description: '驻湖解放军部队预置兵力',
        },
      ],
    },
    {
      id: 's2',
      phase: 'p2',
      title: '管涌险情，群众转移，报批用兵',
      timing: { type: 'at', at: 1800 },
      duration: 3600,
      inject: {
        method: 'phone',
        from: '德清县防指',
        to: ['flood', 'town-deqing', 'militia'],
        text: '东苕溪某堤段发现管涌，堤后村庄群众需转移，请求市防指协调民兵支援。',
      },
      command: {
        type: 'call',
        kind: 'evacuation',
        location: DYKE,
        district: 'deqing',
        severity: 3,
      },
      expected: [
        {
          id: 'a-town',
          what: 'firstArrival',
          agency: 'town-deqing',
          deadline: 1800,
          points: 10,
          objective: 'o-approval',
          description: '乡镇转移工作组到场',
        },
        {
          id: 'a-approved',
          what: 'approved',
          cause: 'militaryApproval',
          deadline: 3600,
          points: 10,
          objective: 'o-approval',
          description: '报告表经联席办协调批准',
        },
        {
          id: 'a-militia',
          what: 'arrivals',
          agency: 'militia',
          count: 30,
          countOf: 'people',
          deadline: 5400,
          points: 15,
          objective: 'o-approval',
          description: '民兵 30 人到场',
        },
      ],
    },
    {
      id: 's3',
      phase: 'p3',
      title: '堤防决口，直接请求部队',
      timing: { type: 'after', step: 's2', delay: 3600 },
      duration: 3600,
      inject: {
        method: 'phone',
        from: '市防指',
        to: ['pla', 'armed-police', 'police'],
        text: '堤防决口，下游村庄群众受威胁，市防指直接请求部队出动，事后向联席办备案。',
      },
      command: {
        type: 'call',
        kind: 'dykeBreach',
        location: DYKE,
        district: 'deqing',
        severity: 1,
      },
      expected: [
        {
          id: 'a-flood',
          what: 'firstArrival',
          agency: 'flood',
          deadline: 1800,
          points: 10,
          objective: 'o-direct',
          description: '防汛抢险队到场',
        },
        {
          id: 'a-direct',
          what: 'approved',
          cause: 'directRequest',
          deadline: 600,
          points: 10,
          objective: 'o-direct',
          description: '直接请求部队',
        },
        {
          id: 'a-troops-direct',
          what: 'firstArrival',
          capability: 'military',
          deadline: 2700,
          points: 15,
          objective: 'o-direct',
          description: '部队 45 分钟内到场',
          contingency: {
            inject: {
              method: 'phone',
              from: '导调组',
              to: ['armed-police'],
              text: '部队未到，请武警支队派出机动力量。',
            },
          },
        },
        {
          id: 'a-report-filed',
          what: 'manual',
          agency: 'flood',
          deadline: 3600,
          points: 5,
          objective: 'o-direct',
          description: '事后向联席办报备',
        },
      ],
    },
  ],
  evaluation: [
    {
      id: 'e1',
      item: '预警与信息报告',
      content: '响应级别提升、兵力预置',
      standard: '10 分钟内完成预置',
      method: 'system',
      weight: 15,
      options: true,
      actions: ['a-preposition'],
    },
    {
      id: 'e2',
      item: '紧急动员',
      content: '报批程序用兵、民兵集结',
      standard: '民兵 90 分钟内 30 人到场',
      method: 'records',
      weight: 45,
      options: false,
      actions: ['a-town', 'a-approved', 'a-militia'],
    },
    {
      id: 'e3',
      item: '指挥和协调',
      content: '特别紧急情况直接请求及事后报备',
      standard: '部队 45 分钟内到场',
      method: 'observe',
      weight: 40,
      options: false,
      actions: ['a-flood', 'a-direct', 'a-troops-direct', 'a-report-filed'],
    },
  ],
  remedies: [
    {
      id: 'r-approval',
      action: 'a-militia',
      text: '简化《湖州市军地应对突发事件活动情况报告表》报批流程，联席办 24 小时值守，报批时限压缩至 20 分钟。',
      owner: 'flood',
      partner: 'pla',
      variant: [{ type: 'delay', delay: 'military.approval', seconds: 1200 }],
    },
  ],
};

export const huzhouRapidAssemblyLog = `时间,类型,编号,实际响应/动作,记录人
T+00:00,备注,,示例记录（演示用，非真实演练记录）,
T+00:00,下达,s1,市防指宣布提升至Ⅱ级响应,陈军
T+04:30,行动,a-preposition,驻湖部队报告兵力预置完毕,陈军
T+30:00,下达,s2,德清县防指报告管涌险情,陈军
T+49:00,行动,a-town,乡镇转移工作组到场,周敏
T+1:30:00,下达,s3,堤防决口，直接请求部队,陈军
T+1:34:00,行动,a-direct,市防指直接请求部队,陈军
T+1:41:00,行动,a-approved,联席办批准民兵用兵,陈军
T+1:52:00,行动,a-flood,防汛抢险队到场,周敏
T+2:09:00,行动,a-troops-direct,武警支队到场,周敏
T+2:27:00,行动,a-militia,民兵应急分队 30 人到场,周敏
T+2:40:00,行动,a-report-filed,向联席办报备,陈军
`;
