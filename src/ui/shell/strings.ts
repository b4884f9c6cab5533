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
  } as Record<ViewId, string>,
  undo: '撤销',
  redo: '重做',
  undoWhat: (what: string) => `撤销：${what}（Ctrl+Z）`,
  redoWhat: (what: string) => `重做：${what}（Ctrl+Y）`,
  saveState: {
    restoring: '正在恢复…',
    saving: '正在保存…',
    saved: '已自动保存',
    failed: '自动保存失败',
  } as Record<SaveState, string>,
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
  },
  undo: 'Undo',
  redo: 'Redo',
  undoWhat: (what: string) => `Undo: ${what} (Ctrl+Z)`,
  redoWhat: (what: string) => `Redo: ${what} (Ctrl+Y)`,
  saveState: {
    restoring: 'Restoring…',
    saving: 'Saving…',
    saved: 'Saved',
    failed: 'Autosave failed',
  },
  loading: 'Opening the scenario…',
  loadFailed: (message: string) => `The scenario could not be opened: ${message}`,
};

export const shellStrings = { zh, en };
