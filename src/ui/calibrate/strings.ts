/** Words of the calibration panel (校准), Chinese first. */
import type { Language } from '../i18n.ts';

const zh = {
  intro:
    '用导入的接处警记录（派车、出动、到场、处置完毕时间）拟合本情景：各类道路车速与每次行程固定耗时、各单位出动准备时间、各类事件按力量的现场处置时间、接警研判时间；再按历史来电运行，比较实测与仿真的响应时间。',
  replications: '仿真重复次数',
  start: '开始校准',
  running: (done: number, total: number) => `校准中… 已完成 ${done} / ${total} 次运行`,
  noObserved:
    '本情景中没有带观测时间的事件。请先通过“导入 → 接处警记录”导入含派车、出动、到场时间的记录。',
  invalid: '情景有误，无法校准：',
  failed: '校准出错：',
  fitted: '拟合结果',
  what: '项目',
  before: '当前值',
  after: '拟合值',
  sample: '样本数',
  apply: '应用拟合值',
  applyLabel: '应用校准拟合值',
  applied: '已将拟合值写入情景（可撤销）。',
  stale: '情景在校准后已修改，结果对应修改前的情景；可重新校准。',
  response: '响应时间（接警至首车到场）：实测与仿真',
  group: '范围',
  observed: '历史实测',
  simBefore: '校准前仿真',
  simAfter: '校准后仿真',
  medianP90: '中位数 / P90',
  overall: '总体',
  byDistrict: '按区县',
  byKind: '按事件类型',
  incidents: '事件数',
  scatter: '行驶时间：实测与模型预测',
  scatterHint: '每点为一次自驻地出发的行程；灰点为校准前，蓝点为校准后；对角线为完全一致。',
  scatterX: '模型预测（分钟）',
  scatterY: '实测（分钟）',
  residualMap: '各区县行驶时间残差（实测 − 校准后预测，中位数）',
  residualLegend: '残差',
  trips: (n: number) => `${n} 次行程`,
};

type Strings = typeof zh;

const en: Strings = {
  intro:
    'Fits this scenario to its imported call history (times ordered, en route, on scene, cleared): road speeds per class and the per-trip overhead, mobilisation per agency, time on scene per kind and capability, and call handling; then runs the history’s calls and compares observed with simulated response.',
  replications: 'Replications',
  start: 'Calibrate',
  running: (done, total) => `Calibrating… ${done} of ${total} runs done`,
  noObserved:
    'No incident of this scenario carries observed times. Import call history first (Import → call history) with the dispatched, en-route and on-scene columns.',
  invalid: 'The scenario has errors and cannot be calibrated:',
  failed: 'Calibration failed:',
  fitted: 'Fitted values',
  what: 'What',
  before: 'Now',
  after: 'Fitted',
  sample: 'Sample',
  apply: 'Apply fitted values',
  applyLabel: 'Apply calibration’s fitted values',
  applied: 'The fitted values were written into the scenario (undo takes them back).',
  stale:
    'The scenario was edited since it was calibrated; the results are of the earlier version. Calibrate again to refresh them.',
  response: 'Response (call → first arrival): observed and simulated',
  group: 'Scope',
  observed: 'Observed',
  simBefore: 'Simulated before',
  simAfter: 'Simulated after',
  medianP90: 'median / p90',
  overall: 'Overall',
  byDistrict: 'By district',
  byKind: 'By kind',
  incidents: 'Incidents',
  scatter: 'Travel: observed against the model',
  scatterHint:
    'Each dot is one trip from a base; grey before the fit, blue after; on the diagonal they agree.',
  scatterX: 'Predicted (min)',
  scatterY: 'Observed (min)',
  residualMap: 'Travel residual by district (observed − predicted after the fit, median)',
  residualLegend: 'Residual',
  trips: (n) => `${n} trips`,
};

export const calibrationStrings: Record<Language, Strings> = { zh, en };
