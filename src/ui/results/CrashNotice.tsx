/**
 * Shown on load when the page before this one died during a run (see runMarker.ts): most often
 * a worker that ran out of memory, which takes the tab with it. Says what was running and when,
 * until dismissed.
 */
import { useState } from 'react';
import { useLanguage, type Language } from '../i18n.ts';
import { clearRunMarker, readRunMarker, type RunMarker } from './runMarker.ts';

const noticeStrings = {
  zh: {
    text: (scenario: string, seeds: string, when: string) =>
      `上次运行未能结束：页面在运行情景“${scenario}”（种子 ${seeds}）时意外关闭，开始于 ${when}。` +
      '常见原因是内存不足。结果未保存；可减少重复次数后重新运行。',
    dismiss: '知道了',
  },
  en: {
    text: (scenario: string, seeds: string, when: string) =>
      `The last run did not finish: the page closed unexpectedly while running “${scenario}” ` +
      `(seeds ${seeds}), started ${when}. The usual cause is running out of memory. Nothing ` +
      'was saved; try again with fewer replications.',
    dismiss: 'Dismiss',
  },
} satisfies Record<Language, unknown>;

function seedRange({ firstSeed, replications }: RunMarker): string {
  return replications > 1 ? `${firstSeed}–${firstSeed + replications - 1}` : String(firstSeed);
}

export function CrashNotice() {
  const language = useLanguage();
  // Read once, when the page loads: a run started in this page writes the note anew.
  const [marker, setMarker] = useState(readRunMarker);
  if (!marker) return null;
  const t = noticeStrings[language];
  const when = new Intl.DateTimeFormat(language === 'zh' ? 'zh-CN' : 'en', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(marker.startedAt);
  return (
    <div className="problems crash-notice" role="alert" data-testid="crash-notice">
      <p>{t.text(marker.scenario || '—', seedRange(marker), when)}</p>
      <button
        type="button"
        data-testid="crash-notice-dismiss"
        onClick={() => {
          // A run started since the page loaded has a note of its own: keep that one.
          if (readRunMarker()?.startedAt === marker.startedAt) clearRunMarker();
          setMarker(null);
        }}
      >
        {t.dismiss}
      </button>
    </div>
  );
}
