/**
 * 接听询问 and 警情研判: the ringing phone, what the caller says and gave, and the trainee's
 * judgement — the kind, the severity, emergency or the 12345 line, a maritime case for the SAR
 * centre, a special plan, a duplicate of an earlier call.
 */
import type { Bilingual, TrainingCall } from '../../training/api.ts';
import type { TriageJudgement } from '../../training/schema.ts';
import { useLanguage, useStrings } from '../i18n.ts';
import { trainingStrings } from './strings.ts';

export function CallPanel({
  call,
  pickedUp,
  judged,
  judgement,
  kinds,
  calls,
  showTriage,
  onJudgement,
  onPickUp,
  onConfirm,
}: {
  call: TrainingCall;
  pickedUp: boolean;
  judged: TriageJudgement | null;
  judgement: TriageJudgement;
  kinds: Array<{ id: string; label: Bilingual }>;
  calls: readonly TrainingCall[];
  showTriage: boolean;
  onJudgement(judgement: TriageJudgement): void;
  onPickUp(): void;
  onConfirm(): void;
}) {
  const t = useStrings(trainingStrings);
  const language = useLanguage();
  if (!pickedUp) {
    return (
      <div className="seat-ringing" data-testid="seat-ringing">
        <p className="seat-ringing-title">{t.callNumber(call.id + 1)}</p>
        <p>{t.pickUpPrompt}</p>
        <button type="button" className="primary" data-testid="seat-pick-up" onClick={onPickUp}>
          <kbd>A</kbd> {t.keys.pickUp}
        </button>
      </div>
    );
  }
  const given = call.given;
  const field = (label: string, value: Bilingual | null) => (
    <div>
      <dt>{label}</dt>
      <dd className={value ? undefined : 'hint'}>{value ? value[language] : t.notGiven}</dd>
    </div>
  );
  const set = (change: Partial<TriageJudgement>) => onJudgement({ ...judgement, ...change });
  const earlier = calls.filter((c) => c.id < call.id);
  return (
    <div className="seat-call-panel">
      <blockquote
        className="seat-words"
        data-testid="seat-words"
        lang={language === 'zh' ? 'zh-CN' : 'en'}
      >
        <span className="seat-words-who">{t.callerSays}</span>
        {call.words[language]}
      </blockquote>
      <dl className="seat-given" aria-label={t.given}>
        {field(t.givenDistrict, given.district)}
        {field(t.givenLandmark, given.landmark)}
        {field(t.givenPeople, given.people)}
      </dl>
      {showTriage && (
        <form
          className="seat-triage"
          data-testid="seat-triage"
          onSubmit={(event) => {
            event.preventDefault();
            onConfirm();
          }}
        >
          <label className="seat-triage-kind">
            <span>
              {t.kind} <kbd>K</kbd>
            </span>
            <select
              data-testid="triage-kind"
              value={judgement.kind ?? ''}
              onChange={(event) => set({ kind: event.target.value || null })}
            >
              <option value="">—</option>
              {kinds.map((kind) => (
                <option key={kind.id} value={kind.id}>
                  {kind.label[language]}
                </option>
              ))}
            </select>
          </label>
          <fieldset className="seat-triage-severity">
            <legend>
              {t.severity} <kbd>1–4</kbd>
            </legend>
            {t.severityNames.map((name, i) => (
              <label key={name} className="seat-choice">
                <input
                  type="radio"
                  name="severity"
                  data-testid={`triage-severity-${i + 1}`}
                  checked={judgement.severity === i + 1}
                  onChange={() => set({ severity: i + 1 })}
                />
                {name}
              </label>
            ))}
          </fieldset>
          <fieldset className="seat-triage-channel">
            <legend>{t.channel}</legend>
            <label className="seat-choice">
              <input
                type="radio"
                name="channel"
                data-testid="triage-emergency"
                checked={judgement.channel === 'emergency'}
                onChange={() => set({ channel: 'emergency' })}
              />
              {t.emergency} <kbd>E</kbd>
            </label>
            <label className="seat-choice">
              <input
                type="radio"
                name="channel"
                data-testid="triage-12345"
                checked={judgement.channel === '12345'}
                onChange={() => set({ channel: '12345' })}
              />
              {t.line12345} <kbd>H</kbd>
            </label>
            <label className="seat-choice">
              <input
                type="checkbox"
                data-testid="triage-maritime"
                checked={judgement.maritime}
                onChange={(event) => set({ maritime: event.target.checked })}
              />
              {t.maritime} <kbd>M</kbd>
            </label>
            <label className="seat-choice">
              <input
                type="checkbox"
                data-testid="triage-plan"
                checked={judgement.specialPlan}
                onChange={(event) => set({ specialPlan: event.target.checked })}
              />
              {t.specialPlan} <kbd>P</kbd>
            </label>
          </fieldset>
          <label className="seat-triage-duplicate">
            <span>
              {t.duplicateOf} <kbd>D</kbd>
            </span>
            <select
              data-testid="triage-duplicate"
              value={judgement.duplicateOf ?? ''}
              onChange={(event) =>
                set({ duplicateOf: event.target.value === '' ? null : Number(event.target.value) })
              }
            >
              <option value="">{t.notDuplicate}</option>
              {earlier.map((c) => (
                <option key={c.id} value={c.id}>
                  {t.duplicateOption(c.id + 1)}
                </option>
              ))}
            </select>
          </label>
          <div className="seat-buttons seat-triage-buttons">
            <button type="submit" className="primary" data-testid="triage-confirm">
              <kbd>Enter</kbd> {t.confirmTriage}
            </button>
            {judged && (
              <span className="seat-done" data-testid="triage-done">
                ✓ {t.triaged}
              </span>
            )}
          </div>
        </form>
      )}
    </div>
  );
}
