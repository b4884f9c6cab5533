/**
 * Jinhua's one-hour 危化物品泄露处置演练, watched from the command centre at the provincial
 * linkage meeting (seed 003, second text: 《全省应急联动工作现场会筹备工作方案》). The units are
 * those the preparation plan names: the police (simulating call-taking and dispatching the
 * station, traffic police and fire), fire rescue, the environment and work-safety bureaus, and
 * the publicity department filming and relaying the pictures.
 */
import type { DrillInput } from '../schema.ts';

const LEAK: [number, number] = [119.60589, 29.05187];

export const jinhuaHazmatDrill: DrillInput = {
  format: 'drill-planner/drill',
  version: 1,
  id: 'jinhua-hazmat-leak',
  scenario: 'jinhua-hazmat-drill',
  description:
    '依据《全省应急联动工作现场会筹备工作方案》（金华，2011年）中的危化物品泄露处置演练（1小时，指挥中心远程观摩）编制：公安模拟接警并调度派出所、交警、消防，环保、安监按职责处置，宣传部门摄制并实时传输画面。',
  header: {
    name: '危化物品泄露处置演练',
    organiser: '金华市应急办、金华市公安局（应急联动指挥中心）',
    date: '2026-07-07',
    place: '金华市婺城区（指挥中心远程观摩）',
    mode: 'live',
    scope: 'combined',
    purpose: 'demonstration',
    scripted: true,
    version: '1.0',
    preparedBy: '市应急联动指挥中心',
    reviewedBy: '市应急办',
    approvedBy: '市政府分管领导',
  },
  clock: { start: 3600, horizon: 3 * 3600, deadAir: 900, keepScenarioIncidents: false },
  objectives: [
    {
      id: 'o-alarm',
      text: '接警与调度：指挥中心接到报警后，1 分钟内向派出所、交警、消防下达出动指令，消防 10 分钟内到场。',
      agencies: ['police', 'fire'],
      rules: ['tiers', 'firstReceiver'],
    },
    {
      id: 'o-linkage',
      text: '部门联动：环保、安监接到联动通知后 30 分钟内到场开展监测和处置。',
      agencies: ['environment', 'safety'],
      rules: ['tiers', 'command'],
    },
    {
      id: 'o-command',
      text: '指挥与报告：启动危险化学品事故专项预案、移交现场指挥，消防到场后按时报告。',
      agencies: ['fire', 'police'],
      rules: ['command', 'feedback'],
    },
  ],
  participants: [
    {
      agency: 'police',
      roles: ['control', 'play', 'simulate'],
      people: 40,
      task: '模拟接警受理，调度派出所、交警、消防；外围控制',
    },
    { agency: 'fire', roles: ['play'], people: 30, task: '侦检、堵漏、洗消' },
    { agency: 'ems', roles: ['play'], people: 6, task: '伤员救治' },
    { agency: 'environment', roles: ['play'], people: 4, task: '环境监测' },
    { agency: 'safety', roles: ['play'], people: 4, task: '危化品专家处置' },
    { agency: 'publicity', roles: ['support'], people: 5, task: '摄制纪录片、画面实时传输' },
  ],
  phases: [
    {
      id: 'p1',
      name: '接警与先期处置',
      brief: '9 时，一辆危化品运输车在婺城区发生泄漏，司机报警。',
    },
    { id: 'p2', name: '联动处置', brief: '泄漏持续扩散，需环保、安监到场，启动专项预案。' },
    { id: 'p3', name: '恢复与总结', brief: '泄漏控制后洗消、解除警戒，现场点评。' },
  ],
  steps: [
    {
      id: 's1',
      phase: 'p1',
      title: '报警与出动',
      timing: { type: 'at', at: 0 },
      duration: 600,
      inject: {
        method: 'phone',
        from: '模拟报警人（导调组）',
        to: ['police'],
        text: '婺城区某路段一辆危化品槽罐车侧翻，有刺激性气味液体泄漏。',
      },
      command: { type: 'call', kind: 'hazmatDrill', location: LEAK, district: 'wucheng' },
      expected: [
        {
          id: 'a-dispatch',
          what: 'dispatched',
          agency: 'fire',
          deadline: 60,
          points: 10,
          objective: 'o-alarm',
          description: '消防接到出动指令',
        },
        {
          id: 'a-police',
          what: 'firstArrival',
          agency: 'police',
          deadline: 600,
          points: 10,
          objective: 'o-alarm',
          description: '派出所民警到场',
        },
        {
          id: 'a-fire',
          what: 'firstArrival',
          agency: 'fire',
          deadline: 600,
          points: 15,
          objective: 'o-alarm',
          description: '消防首车到场',
          contingency: {
            inject: {
              method: 'phone',
              from: '导调组',
              to: ['fire'],
              text: '报警人再次来电：泄漏扩大，请加快。',
            },
          },
        },
        {
          id: 'a-traffic',
          what: 'firstArrival',
          capability: 'traffic',
          deadline: 900,
          points: 10,
          objective: 'o-alarm',
          description: '交警到场实施交通管制',
        },
      ],
    },
    {
      id: 's2',
      phase: 'p1',
      title: '侦检与到场报告',
      timing: {
        type: 'when',
        step: 's1',
        condition: { what: 'firstArrival', agency: 'fire', count: 1, countOf: 'units' },
        delay: 60,
      },
      duration: 600,
      inject: {
        method: 'system',
        from: '消防现场指挥员',
        to: ['police'],
        text: '到场侦检：泄漏物为液氯，划定警戒区 300 米。',
      },
      expected: [
        {
          id: 'a-hazmat',
          what: 'firstArrival',
          capability: 'hazmat',
          incidentOf: 's1',
          from: 'start',
          deadline: 1200,
          points: 10,
          objective: 'o-alarm',
          description: '危化品处置车到场',
        },
        {
          id: 'a-report',
          what: 'reported',
          cause: 'arrivalReport',
          agency: 'fire',
          incidentOf: 's1',
          from: 'start',
          deadline: 1200,
          points: 5,
          objective: 'o-command',
          description: '消防到场报告',
        },
      ],
    },
    {
      id: 's3',
      phase: 'p2',
      title: '联动环保、安监',
      timing: { type: 'at', at: 300 },
      duration: 1200,
      inject: {
        method: 'phone',
        from: '指挥中心',
        to: ['environment', 'safety'],
        text: '请环保局、安监局立即派员到场开展监测和处置。',
      },
      expected: [
        {
          id: 'a-monitor',
          what: 'firstArrival',
          agency: 'environment',
          incidentOf: 's1',
          deadline: 1800,
          points: 10,
          objective: 'o-linkage',
          description: '环境监测人员到场',
        },
        {
          id: 'a-safety',
          what: 'firstArrival',
          agency: 'safety',
          incidentOf: 's1',
          deadline: 1800,
          points: 10,
          objective: 'o-linkage',
          description: '安监专家到场',
        },
      ],
    },
    {
      id: 's4',
      phase: 'p2',
      title: '启动专项预案、移交指挥',
      timing: { type: 'at', at: 600 },
      duration: 1200,
      inject: {
        method: 'messageSlip',
        from: '市应急办',
        to: ['police', 'fire'],
        text: '启动危险化学品事故专项应急预案，成立现场指挥部。',
      },
      expected: [
        {
          id: 'a-plan',
          what: 'planActivated',
          incidentOf: 's1',
          from: 'start',
          deadline: 300,
          points: 5,
          objective: 'o-command',
          description: '专项预案启动',
        },
        {
          id: 'a-handover',
          what: 'commandHandedOver',
          cause: 'specialPlan',
          incidentOf: 's1',
          from: 'start',
          deadline: 1800,
          points: 5,
          objective: 'o-command',
          description: '现场指挥权移交专项指挥部',
        },
      ],
    },
    {
      id: 's5',
      phase: 'p3',
      title: '洗消与解除警戒',
      timing: { type: 'at', at: 2700 },
      duration: 900,
      inject: {
        method: 'verbal',
        from: '总指挥',
        to: ['fire', 'police'],
        text: '泄漏已控制，组织洗消，解除警戒。',
      },
      expected: [
        {
          id: 'a-film',
          what: 'manual',
          agency: 'publicity',
          deadline: 600,
          points: 5,
          description: '现场画面传输至指挥中心',
        },
      ],
    },
  ],
  evaluation: [
    {
      id: 'e1',
      item: '预警与信息报告',
      content: '接警、出动指令、到场报告',
      standard: '1 分钟内下达出动指令；到场后及时报告',
      method: 'system',
      weight: 20,
      options: false,
      actions: ['a-dispatch', 'a-report'],
    },
    {
      id: 'e2',
      item: '紧急动员',
      content: '派出所、消防、交警、危化品处置车到场',
      standard: '消防 10 分钟内到场',
      method: 'records',
      weight: 40,
      options: false,
      actions: ['a-police', 'a-fire', 'a-traffic', 'a-hazmat'],
    },
    {
      id: 'e3',
      item: '指挥和协调',
      content: '环保、安监联动；专项预案启动与指挥移交',
      standard: '联动单位 30 分钟内到场',
      method: 'observe',
      weight: 30,
      options: true,
      actions: ['a-monitor', 'a-safety', 'a-plan', 'a-handover'],
    },
    {
      id: 'e4',
      item: '信息公开',
      content: '画面实时传输、宣传报道',
      standard: '全程画面传输',
      method: 'observe',
      weight: 10,
      options: true,
      actions: ['a-film'],
    },
  ],
  remedies: [
    {
      id: 'r-safety',
      action: 'a-safety',
      text: '将市安全生产监督管理局危化品专家组纳入一级联动单位，实行 24 小时值守、接令即出动。',
      owner: 'safety',
      partner: 'police',
      variant: [{ type: 'agencyTier', agency: 'safety', tier: 1 }],
    },
  ],
};

/** An illustrative record of a live run (not a real drill's): times are T+ from the first call. */
export const jinhuaHazmatLog = `时间,类型,编号,实际响应/动作,记录人
T+00:00,备注,,示例记录（演示用，非真实演练记录）,
T+00:00,下达,s1,模拟报警电话接入,张伟
T+00:45,行动,a-dispatch,消防出动指令下达,张伟
T+05:00,下达,s3,通知环保、安监,张伟
T+06:50,行动,a-police,派出所民警到场,李娜
T+08:10,行动,a-fire,特勤中队首车到场,李娜
T+09:20,下达,s2,侦检结果报告,李娜
T+10:00,下达,s4,启动专项预案,张伟
T+10:30,行动,a-report,消防到场报告,张伟
T+12:40,行动,a-traffic,交警到场实施管制,李娜
T+14:00,暂停,,画面传输中断，暂停演练,王强
T+17:00,恢复,,画面恢复,王强
T+21:30,行动,a-hazmat,危化品处置车到场,李娜
T+27:00,行动,a-plan,专项预案启动,张伟
T+29:00,行动,a-handover,现场指挥部成立，指挥权移交,张伟
T+31:30,行动,a-monitor,环境监测人员到场,李娜
T+41:10,行动,a-safety,安监专家到场,李娜
T+45:00,下达,s5,洗消与解除警戒,张伟
T+47:00,行动,a-film,画面传输至指挥中心,王强
`;
