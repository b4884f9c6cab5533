/** Words of the call import dialog's observed times and fit of the run (zh-CN and English). */
import type { ObservedKey } from './observedMapping.ts';

const zh = {
  observedTitle: '观测时间（可选，用于校准）',
  observedHint:
    '调度系统记录的各力量派车、出动、到场、处置完毕时间，与接警时间按同一格式读取；每行为某起事件的一个力量（请同时选择事件编号列）。导入后可在“校准”页据此校准模型。',
  observedColumn: {
    dispatched: '派车时间',
    enRoute: '出动时间',
    onScene: '到场时间',
    cleared: '处置完毕（返队）时间',
    unit: '处警单位 / 车辆',
    agency: '所属联动单位',
    capability: '能力（任务类型）',
  } as Record<ObservedKey, string>,
  noObservedColumn: '（无）',
  fitRun: '按来电的时间跨度调整模拟的开始时间和时长',
  fitHint: (start: string, hours: string) => `调整后：开始 ${start}，时长 ${hours} 小时`,
  outsideRun: '来电时间超出当前模拟时段。',
  observedResult: (incidents: number, units: number) =>
    incidents > 0 ? `其中 ${incidents} 起带观测时间（共 ${units} 个力量）` : '没有来电带观测时间',
};

type Strings = typeof zh;

const en: Strings = {
  observedTitle: 'Observed times (optional, for calibration)',
  observedHint:
    'When each unit was dispatched, left, arrived and cleared, as the dispatch system recorded it, read in the same format as the call time; each row is one unit of an incident (choose the incident number column too). Once imported, the Calibrate tab fits the model to them.',
  observedColumn: {
    dispatched: 'Dispatched',
    enRoute: 'En route',
    onScene: 'On scene',
    cleared: 'Cleared',
    unit: 'Unit / vehicle',
    agency: 'Agency',
    capability: 'Capability',
  },
  noObservedColumn: '(none)',
  fitRun: 'Fit the run’s start and duration to the calls’ span',
  fitHint: (start: string, hours: string) => `Fitted: starts ${start}, ${hours} h`,
  outsideRun: 'The calls fall outside the current run. ',
  observedResult: (incidents: number, units: number) =>
    incidents > 0
      ? `${incidents} of them with observed times (${units} unit(s))`
      : 'no call with observed times',
};

export const observedStrings = { zh, en };
