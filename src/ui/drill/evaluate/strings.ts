/** Strings of the evaluation (评估总结). */

const zh = {
  title: '评估总结',
  intro:
    '用导调控制台的记录（或导入的记录表），对照标准和仿真预测逐项评估：偏差表、预填的评估表（请评估人确认）、总结报告草稿和问题整改清单，均可修改、打印和导出。',
  noRecord: '尚无演练记录：请先在“导调控制台”开始演练并记录，或导入记录表。',
  invalid: '演练方案有错误，无法评估。',
  noPrediction: '提示：未使用仿真预测（尚未预演，或方案已修改）；偏差表中“仿真预测”一栏为空。',
  deviation: '偏差表',
  points: (met: string, total: string) => `期望行动得分 ${met} / ${total}`,
  paused: (minutes: string) => `暂停共 ${minutes} 分钟（已扣除）。`,
  sheet: '评估表（预填，请确认）',
  noItems: '本演练的评估表还没有评估项目：可在“方案与脚本”的评估表中添加。',
  item: '评估项目',
  weight: '分值',
  computed: '按记录',
  score: '得分/选择项',
  remarks: '效果描述/存在问题',
  evaluator: '评估人',
  confirmed: '已确认',
  total: (score: string, weight: string, grade: string) =>
    `合计 ${score} / ${weight} 分${grade ? `（${grade}）` : ''}`,
  report: '总结报告（草稿，可修改）',
  restore: '恢复草稿',
  corrective: '问题整改清单',
  price: '仿真评估整改效果',
  pricing: '正在仿真评估…',
  priced: (n: number) => `已评估 ${n} 项整改措施的效果。`,
  priceNeedsPrediction: '需先完成仿真预演。',
  noCorrective: '所有期望行动均达标，无整改事项。',
  exportReport: '导出总结报告（Word）',
  exportImprovements: '导出整改清单（Excel）',
  open: '整改中',
  done: '已完成',
};

export type EvaluateStrings = typeof zh;

const en: EvaluateStrings = {
  title: 'Evaluate',
  intro:
    'The console’s record (or an imported record sheet) against the standards and the prediction: the deviation table, the evaluation sheet pre-filled for the evaluator to confirm, the draft after-action report and the improvement list, all editable, printable and exportable.',
  noRecord:
    'No record yet: start the drill and record it in the controller console, or import a record sheet there.',
  invalid: 'The drill has errors and cannot be evaluated.',
  noPrediction:
    'Note: no prediction is used (not predicted yet, or the drill changed since); the deviation table’s predicted column is empty.',
  deviation: 'Deviation table',
  points: (met: string, total: string) => `Expected actions: ${met} of ${total} points`,
  paused: (minutes: string) => `Paused for ${minutes} min in all (taken out).`,
  sheet: 'Evaluation sheet (pre-filled: please confirm)',
  noItems: 'This drill’s evaluation sheet has no items yet: add them in Plan & script.',
  item: 'Item',
  weight: 'Points',
  computed: 'From the record',
  score: 'Score / grade',
  remarks: 'Observations / problems',
  evaluator: 'Evaluator',
  confirmed: 'Confirmed',
  total: (score: string, weight: string, grade: string) =>
    `Total ${score} of ${weight} points${grade ? ` (${grade})` : ''}`,
  report: 'After-action report (draft, editable)',
  restore: 'Restore the draft',
  corrective: 'Improvement list',
  price: 'Price the fixes by simulation',
  pricing: 'Simulating the fixes…',
  priced: (n: number) => `Priced ${n} fixes.`,
  priceNeedsPrediction: 'Predict the drill first.',
  noCorrective: 'Every expected action met its standard: nothing to correct.',
  exportReport: 'Export the report (Word)',
  exportImprovements: 'Export the improvement list (Excel)',
  open: 'open',
  done: 'done',
};

export const evaluateStrings = { zh, en };
