/**
 * Weihai's forest-fire 联调联战 drill in the fire season (seed 001: 《威海市人民政府办公室关于建立
 * 健全应急救援力量联调联战工作机制的实施意见》): fire rescue is the main force (主调主战) and
 * acts first; other forces are sent on its plan with the emergency bureau's consent — in the
 * forest-fire season only after the bureau has agreed with the sector's department; reinforcement
 * from outside the city is applied for to the level above and sent after its approval.
 */
import type { DrillInput } from '../schema.ts';

/** A hillside west of Huancui (the forestry station's hills). */
const HILL: [number, number] = [122.03006, 37.45032];

export const weihaiForestFireDrill: DrillInput = {
  format: 'drill-planner/drill',
  version: 1,
  id: 'weihai-forest-fire',
  scenario: 'weihai-forest-fire',
  description:
    '依据《威海市人民政府办公室关于建立健全应急救援力量联调联战工作机制的实施意见》编制的森林防火期综合演练：消防救援队伍主调主战、先期处置；调用其他应急救援力量须经应急管理部门同意（森林防火期须商行业主管部门同意）；跨区域增援由属地应急管理部门向上级申请，经批准后实施。',
  header: {
    name: '森林火灾联调联战综合演练',
    organiser: '威海市应急管理局、威海市消防救援支队',
    date: '2026-04-03',
    place: '环翠区西部山林',
    mode: 'live',
    scope: 'combined',
    purpose: 'test',
    scripted: true,
    version: '1.0',
    preparedBy: '市消防救援支队作战训练科',
    reviewedBy: '市应急管理局',
    approvedBy: '市森林防灭火指挥部',
  },
  clock: { start: 307_800, horizon: 5 * 3600, deadAir: 1200, keepScenarioIncidents: false },
  objectives: [
    {
      id: 'o-main-force',
      text: '主调主战：消防救援队伍接警后第一时间出动、15 分钟内到场开展先期处置。',
      agencies: ['fire'],
      rules: ['tiers', 'fireRescueApproval'],
    },
    {
      id: 'o-approval',
      text: '森林防火期调用森林消防专业队、民兵须经应急管理部门商行业主管部门同意，60 分钟内到场。',
      agencies: ['forestry', 'militia'],
      rules: ['fireRescueApproval'],
    },
    {
      id: 'o-cross-region',
      text: '跨区域增援：火势扩大、本地力量不足时向上级申请增援，批准后增援力量到场。',
      agencies: ['fire', 'forestry', 'police'],
      rules: ['reinforcement'],
    },
  ],
  participants: [
    { agency: 'fire', roles: ['control', 'play'], people: 80, task: '主调主战，拟定调用方案' },
    { agency: 'forestry', roles: ['play'], people: 75, task: '森林消防专业队扑救' },
    { agency: 'militia', roles: ['play'], people: 60, task: '民兵扑火队' },
    { agency: 'police', roles: ['play'], people: 20, task: '警戒、交通管制' },
    { agency: 'ems', roles: ['support'], people: 8, task: '医疗保障' },
    { agency: 'town-huancui', roles: ['play'], people: 30, task: '群众疏散' },
  ],
  phases: [
    { id: 'p1', name: '接警与先期处置', brief: '清明期间，环翠区西部山林因祭祀用火引发山火。' },
    { id: 'p2', name: '联调联战', brief: '火势蔓延，需森林消防专业队和民兵参战。' },
    { id: 'p3', name: '跨区域增援', brief: '大风天气火势扩大，本地力量不足。' },
  ],
  steps: [
    {
      id: 's1',
      phase: 'p1',
      title: '山火报警，消防先期处置',
      timing: { type: 'at', at: 0 },
      duration: 1800,
      inject: {
        method: 'phone',
        from: '模拟报警人',
        to: ['fire', 'police'],
        text: '环翠区西部山林起火，火势沿山坡向上蔓延。',
      },
      command: { type: 'call', kind: 'forestFire', location: HILL, district: 'huancui' },
      expected: [
        {
          id: 'a-fire',
          what: 'firstArrival',
          agency: 'fire',
          deadline: 900,
          points: 15,
          objective: 'o-main-force',
          description: '消防首车到场',
        },
        {
          id: 'a-seasonal',
          what: 'approved',
          cause: 'seasonalApproval',
          deadline: 3600,
          points: 10,
          objective: 'o-approval',
          description: '应急管理部门商林业部门同意调用',
        },
        {
          id: 'a-forestry',
          what: 'firstArrival',
          agency: 'forestry',
          deadline: 3600,
          points: 15,
          objective: 'o-approval',
          description: '森林消防专业队到场',
        },
        {
          id: 'a-militia',
          what: 'arrivals',
          agency: 'militia',
          count: 30,
          countOf: 'people',
          deadline: 5400,
          points: 10,
          objective: 'o-approval',
          description: '民兵扑火队 30 人到场',
        },
      ],
    },
    {
      id: 's2',
      phase: 'p3',
      title: '火势扩大，申请跨区域增援',
      timing: { type: 'at', at: 2400 },
      duration: 3600,
      inject: {
        method: 'messageSlip',
        from: '现场指挥部',
        to: ['fire', 'forestry', 'town-huancui'],
        text: '大风致火势扩大，威胁山脚村庄，本地力量不足，向省应急管理厅申请跨区域增援。',
      },
      command: {
        type: 'call',
        kind: 'forestFireLarge',
        location: HILL,
        district: 'huancui',
        severity: 3,
      },
      expected: [
        {
          id: 'a-requested',
          what: 'requested',
          cause: 'crossRegion',
          deadline: 1800,
          points: 10,
          objective: 'o-cross-region',
          description: '向上级申请跨区域增援',
        },
        {
          id: 'a-cross-approved',
          what: 'approved',
          cause: 'crossRegion',
          deadline: 5400,
          points: 10,
          objective: 'o-cross-region',
          description: '跨区域增援获批',
        },
        {
          id: 'a-police',
          what: 'firstArrival',
          agency: 'police',
          deadline: 1800,
          points: 10,
          objective: 'o-cross-region',
          description: '公安到场警戒、交通管制',
        },
      ],
    },
  ],
  evaluation: [
    {
      id: 'e1',
      item: '紧急动员',
      content: '消防主调主战、先期处置',
      standard: '15 分钟内到场',
      method: 'records',
      weight: 25,
      options: false,
      actions: ['a-fire'],
    },
    {
      id: 'e2',
      item: '指挥和协调',
      content: '防火期调用审批、森林消防与民兵参战',
      standard: '60 分钟内到场',
      method: 'observe',
      weight: 40,
      options: false,
      actions: ['a-seasonal', 'a-forestry', 'a-militia'],
    },
    {
      id: 'e3',
      item: '应急资源管理',
      content: '跨区域增援申请与批准',
      standard: '30 分钟内申请',
      method: 'records',
      weight: 35,
      options: true,
      actions: ['a-requested', 'a-cross-approved', 'a-police'],
    },
  ],
  remedies: [
    {
      id: 'r-seasonal',
      action: 'a-forestry',
      text: '森林防火期预先会商林业部门，对森林消防专业队实行“接令即出、事后备案”，审批时限压缩至 10 分钟。',
      owner: 'fire',
      partner: 'forestry',
      variant: [{ type: 'delay', delay: 'fireRescueApproval.seasonalApproval', seconds: 600 }],
    },
  ],
};

export const weihaiForestFireLog = `时间,类型,编号,实际响应/动作,记录人
T+00:00,备注,,示例记录（演示用，非真实演练记录）,
T+00:00,下达,s1,模拟报警：山林起火,孙涛
T+11:20,行动,a-fire,消防首车到场,刘洋
T+38:00,行动,a-seasonal,应急局商林业局同意调用,孙涛
T+40:00,下达,s2,火势扩大，申请增援,孙涛
T+52:00,行动,a-requested,向省应急管理厅申请增援,孙涛
T+58:00,行动,a-police,公安到场警戒,刘洋
T+1:12:30,行动,a-forestry,森林消防专业队到场,刘洋
T+1:35:00,行动,a-militia,民兵扑火队 30 人到场,刘洋
T+1:58:00,行动,a-cross-approved,增援获批,孙涛
`;
