/** One line of the 跟踪 step: what happened to the incident, in the page's language. */
import type { CauseName } from '../../sim/trace.ts';
import type { TrackingEvent } from '../../worker/trainingApi.ts';
import type { Language } from '../i18n.ts';
import { replayStrings } from '../replay/strings.ts';

const zh: Record<TrackingEvent['kind'], string> = {
  dispatched: '下达出动指令',
  arrived: '到场',
  reported: '反馈',
  reportedLate: '反馈超时',
  reportMissing: '未按时反馈',
  cleared: '现场处置结束',
  closed: '处置完毕',
  sentTo12345: '已转 12345 热线',
  handedOver: '指挥权移交',
  approved: '报批完成',
  queued: '无可用力量，排队等待',
  overflowed: '转外部增援',
  outsideArrived: '外部增援到场',
  unanswered: '未处置（等待超时）',
  planActivated: '启动专项应急预案',
};

const en: Record<TrackingEvent['kind'], string> = {
  dispatched: 'order sent',
  arrived: 'on scene',
  reported: 'report back',
  reportedLate: 'late report',
  reportMissing: 'report missing',
  cleared: 'cleared the scene',
  closed: 'incident closed',
  sentTo12345: 'passed to the 12345 line',
  handedOver: 'command handed over',
  approved: 'approval completed',
  queued: 'no unit free: queued',
  overflowed: 'passed to outside help',
  outsideArrived: 'outside help on scene',
  unanswered: 'unanswered (waited too long)',
  planActivated: 'special plan activated',
};

export function trackingText(event: TrackingEvent, language: Language): string {
  const what = (language === 'zh' ? zh : en)[event.kind];
  const causes = replayStrings[language].causes as Record<CauseName, string>;
  const detail = event.detail ? causes[event.detail as CauseName] : undefined;
  const unit = event.unit ? event.unit[language] : '';
  if (language === 'zh') return `${unit ? `${unit} ` : ''}${what}${detail ? `（${detail}）` : ''}`;
  return `${unit ? `${unit}: ` : ''}${what}${detail ? ` (${detail})` : ''}`;
}
