/**
 * What the page says after it restored the workspace: after an unclean end (a crash, a killed
 * browser, a closed tab whose last words did not reach the disk) what was restored and from
 * when; after any end, the typed values put back into their fields. Pure, for the tests.
 */
import type { Language } from '../../scenarios/messages.ts';

export interface RestoreFacts {
  /** False when the last session did not say goodbye (no pagehide reached the disk). */
  endedCleanly: boolean;
  /** When the restored workspace was written (ms since 1970); null if nothing was restored. */
  savedAt: number | null;
  /** Edits since the scenario was opened. */
  revision: number;
  /** The last edit's label ('' if none). */
  lastEdit: string;
  undoSteps: number;
  /** Labels of the fields whose uncommitted text was restored. */
  draftLabels: readonly string[];
}

export function formatSavedAt(savedAt: number, language: Language, timeZone?: string): string {
  return new Intl.DateTimeFormat(language === 'zh' ? 'zh-CN' : 'en-GB', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
    timeZone,
  }).format(savedAt);
}

const zh = {
  unclean: (time: string) =>
    `上次没有正常关闭（页面崩溃或被强制关闭）。已恢复 ${time} 自动保存的情景`,
  edits: (count: number, last: string) =>
    `：共 ${count} 次修改${last ? `，最后一次是“${last}”` : ''}`,
  undoSteps: (steps: number) => (steps > 0 ? `，可撤销 ${steps} 步` : ''),
  end: '。',
  drafts: (labels: string) => `未提交的输入已放回原处：${labels}（按 Enter 提交，Esc 放弃）。`,
  separator: '、',
};

const en: typeof zh = {
  unclean: (time: string) =>
    `The last session did not end normally (the page crashed or was closed by force). Restored the scenario saved at ${time}`,
  edits: (count: number, last: string) =>
    `: ${count} ${count === 1 ? 'edit' : 'edits'}${last ? `, the last “${last}”` : ''}`,
  undoSteps: (steps: number) =>
    steps > 0 ? `; ${steps} ${steps === 1 ? 'step' : 'steps'} can be undone` : '',
  end: '.',
  drafts: (labels: string) =>
    `Uncommitted input put back where it was typed: ${labels} (Enter commits it, Esc drops it).`,
  separator: ', ',
};

/** The restore message, or null when there is nothing worth saying. */
export function restoreMessage(
  facts: RestoreFacts,
  language: Language,
  timeZone?: string,
): string | null {
  const t = language === 'zh' ? zh : en;
  const parts: string[] = [];
  if (!facts.endedCleanly && facts.savedAt !== null && facts.revision > 0) {
    parts.push(
      t.unclean(formatSavedAt(facts.savedAt, language, timeZone)) +
        t.edits(facts.revision, facts.lastEdit) +
        t.undoSteps(facts.undoSteps) +
        t.end,
    );
  }
  if (facts.draftLabels.length > 0) parts.push(t.drafts(facts.draftLabels.join(t.separator)));
  return parts.length > 0 ? parts.join(language === 'zh' ? '' : ' ') : null;
}
