/** Strings of the app's frame (src/ui/App.tsx). */
import type { SaveState } from '../workspace/WorkspaceContext.tsx';
import type { ViewId } from './navigation.ts';

const zh = {
  appTitle: '应急联动演练规划',
  appSubtitle: '应急联动系统离散事件仿真：响应时间、到场达标率与力量利用率',
  switchLanguage: 'English',
  switchLanguageLabel: 'Switch to English',
  otherLanguageTag: 'en',
  views: '视图',
  view: {
    scenario: '情景编辑',
    run: '运行与结果',
    compare: '方案比较',
    replay: '过程回放',
    drill: '演练',
    training: '培训考核',
  } as Record<ViewId, string>,
  undo: '撤销',
  redo: '重做',
  undoWhat: (what: string) => `撤销：${what}（Ctrl+Z）`,
  redoWhat: (what: string) => `重做：${what}（Ctrl+Y）`,
  saveState: {
    restoring: '正在恢复…',
    saving: '正在保存…',
    saved: '已自动保存',
    failed: '自动保存失败：修改只在本页',
    readonly: '只读',
  } as Record<SaveState, string>,
  savedWithDrafts: (count: number) => `已自动保存 · ${count} 处输入未提交`,
  savedWithDraftsTitle: '未提交的输入也已保存；按 Enter 或离开该字段即提交为修改。',
  readOnlyNotice:
    '此情景正在本浏览器的另一个标签页中编辑，本页只读，以免两页互相覆盖。关闭那个标签页后，本页会自动接管编辑。',
  takenOverNotice: '另一个标签页已关闭，本页已接管编辑，并载入了它最后保存的情景。',
  dismissNotice: '知道了',
  help: '使用说明',
  guideTitle: '五步上手',
  guideSteps: [
    {
      title: '选择城市。',
      text: '在页首的情景库中选一个内置情景（如“临城”），或打开、拖入一个情景文件。',
    },
    {
      title: '修改情景。',
      text: '在“情景编辑”中点击地图上的驻地或区县，或在表格中调整联动单位的级别、力量的车辆与人员；每次修改都可撤销，并自动保存在本机。',
    },
    {
      title: '运行。',
      text: '在“运行与结果”中设定随机种子和重复次数（如 200 次），点击“运行”；可随时取消。',
    },
    {
      title: '阅读结果。',
      text: '顶部一句话概括一级联动单位的到场达标率，下面是响应时间分布、各区县覆盖地图和各单位考核，均附 95% 置信区间；可导出 CSV、图片或打印 A4 报告。',
    },
    {
      title: '比较方案。',
      text: '在“方案比较”中定义变体（改变级别、增减车辆、审批时长、规则开关），以相同随机数运行，逐项查看差异及其置信区间和变化地图；“过程回放”可逐事件重现任一次运行。',
    },
  ],
  guideDrillTitle: '编排演练',
  guideDrill:
    '在“演练”中从内置演练或当前情景新建演练方案：写明目标、参演单位与角色、阶段和环节（在地图上点选事发地点），为每个环节写期望行动及其时限；“仿真预演”按多个随机种子预测每个环节和期望行动的时刻与达标概率，并标出不可行之处；“打印与导出”生成演练方案、演练脚本、评估表、演练记录表和观摩手册（A4，可导出 Word/Excel）；演练当天在“导调控制台”计时、下达注入信息、记录各期望行动的实际时刻，刷新或崩溃后从原处继续；演练结束后“评估总结”给出偏差表、预填的评估表、总结报告草稿和问题整改清单；“年度计划”列出全年演练及其覆盖情况。',
  guideTrainingTitle: '培训接警调度员',
  guideTraining: [
    '教员在“培训考核 → 练习设置”中选择练习（内置、导入，或用当前情景新建），设定种子（全班相同，成绩才可比较）、节奏（逐步、实时或 2×/5×/10×）和难度级别（见习、初级、中级），然后点击“上席开始”。',
    '受训人员在“受训席位”上接听来电（A）、研判（等级 1–4、转 12345 为 H、海上 M、专项预案 P，Enter 确认）、调派力量（↑↓ 选择、Enter 派出、D 下达）、通知联动单位（T 勾选、O/F/R/U/X 报批途径）、跟踪并结案（C）；逐步节奏下按 N 继续。屏幕下方始终列出当前可用的快捷键。每一步都自动保存，刷新页面可继续。',
    '结束后（Q）得到考核表：与参考方案（系统调度员在同一批来电上的处置）逐项比较，列出扣分原因和代价最大的三个决策；“讲评回放”对照参考方案回放，并可从任一来电重新上席。受训人员导出成绩文件，教员在“班级成绩”中导入多份文件比较，并导出 CSV。',
  ],
  guideNote: '所有计算都在本机浏览器中完成，不访问任何外部网络。',
  guideClose: '开始',
  viewFailed: (message: string) =>
    `此视图出错：${message}。情景已自动保存，其他视图不受影响；可撤销最近的修改，或重试。`,
  retry: '重试',
  loading: '正在打开情景…',
  loadFailed: (message: string) => `无法打开情景：${message}`,
};

const en: typeof zh = {
  appTitle: 'Drill planner',
  appSubtitle:
    'Discrete-event simulation of emergency coordination: response times, on-target rates and utilisation',
  switchLanguage: '中文',
  switchLanguageLabel: '切换到中文',
  otherLanguageTag: 'zh-CN',
  views: 'Views',
  view: {
    scenario: 'Scenario',
    run: 'Run & results',
    compare: 'Compare',
    replay: 'Replay',
    drill: 'Drill',
    training: 'Training',
  },
  undo: 'Undo',
  redo: 'Redo',
  undoWhat: (what: string) => `Undo: ${what} (Ctrl+Z)`,
  redoWhat: (what: string) => `Redo: ${what} (Ctrl+Y)`,
  saveState: {
    restoring: 'Restoring…',
    saving: 'Saving…',
    saved: 'Saved',
    failed: 'Autosave failed: edits are only in this page',
    readonly: 'Read-only',
  },
  savedWithDrafts: (count: number) =>
    `Saved · ${count} uncommitted ${count === 1 ? 'input' : 'inputs'}`,
  savedWithDraftsTitle:
    'Uncommitted input is saved too; press Enter or leave the field to make it an edit.',
  readOnlyNotice:
    'This scenario is being edited in another tab of this browser, so this tab is read-only and the two cannot overwrite each other. Close that tab and this one takes over editing by itself.',
  takenOverNotice:
    'The other tab was closed: this tab now edits the scenario, starting from what that tab saved last.',
  dismissNotice: 'OK',
  help: 'Help',
  guideTitle: 'Five steps to start',
  guideSteps: [
    {
      title: 'Pick a city.',
      text: 'In the library at the top choose a built-in scenario (e.g. Lincheng), or open or drop a scenario file.',
    },
    {
      title: 'Change the scenario.',
      text: 'In Scenario, click a base or a district on the map, or change an agency’s tier or a unit’s vehicles and crew in the tables; every edit can be undone and is saved on this computer.',
    },
    {
      title: 'Run.',
      text: 'In Run & results set the seed and the number of replications (e.g. 200) and press Run; you can cancel at any time.',
    },
    {
      title: 'Read the results.',
      text: 'One sentence at the top gives the tier-1 on-target rate; below are response-time distributions, the coverage map by district and the assessment of units, all with 95% confidence intervals; export CSV, images or print an A4 report.',
    },
    {
      title: 'Compare options.',
      text: 'In Compare define variants (another tier, more or fewer vehicles, approval delays, rules on or off), run them with the same random numbers and read each difference with its confidence interval and a map of where it changes; Replay re-plays any run event by event.',
    },
  ],
  guideDrillTitle: 'Script a drill',
  guideDrill:
    'In Drill, start a drill plan from a built-in drill or the current scenario: write its objectives, the agencies taking part and their roles, the phases and steps (click the map to place an incident), and for each step the expected actions and their deadlines. Predict runs it for many seeds and gives, per step and expected action, the predicted time and the probability of meeting the standard, and flags what cannot happen as written. Print & export gives the drill plan, the script, the evaluation sheet, the record sheet and the observers’ handbook (A4; Word and Excel exports). On drill day the controller console keeps the clock, releases the injects and time-stamps the expected actions; a reloaded or crashed tab resumes where it was. Afterwards Evaluate gives the deviation table, the pre-filled evaluation sheet, a draft after-action report and the improvement list; Year plan lists the drills of the year and what they cover.',
  guideTrainingTitle: 'Training call-takers and dispatchers',
  guideTraining: [
    'In Training → Exercise the trainer picks an exercise (built-in, imported, or made from the current scenario), the seed (one for the whole class, so that scores compare), the pace (step by step, real time or 2×/5×/10×) and the level (trainee, junior, intermediate), and presses “Take the seat”.',
    'In the trainee seat the trainee answers calls (A), assesses them (severity 1–4, H for the 12345 line, M at sea, P special plan, Enter to confirm), dispatches units (↑↓ to choose, Enter to send, D to give the order), notifies partner agencies (T to tick, O/F/R/U/X for the approval path), tracks and closes (C); at step pace N runs on. The keys that work are always listed at the bottom. Every step is saved: a reload carries on.',
    'At the end (Q) comes the score sheet: each call against the reference (the built-in dispatcher on the same calls), the deductions with their reasons and the three costliest decisions; the debrief replays the session beside the reference and can put the trainee back in the seat from any call. Trainees export a session file; in Class the trainer imports several, compares them and exports CSV.',
  ],
  guideNote: 'Everything is computed in this browser; nothing is sent to any network.',
  guideClose: 'Start',
  viewFailed: (message: string) =>
    `This view failed: ${message}. The scenario is saved and the other views are unaffected; undo the last edit, or try again.`,
  retry: 'Try again',
  loading: 'Opening the scenario…',
  loadFailed: (message: string) => `The scenario could not be opened: ${message}`,
};

export const shellStrings = { zh, en };
