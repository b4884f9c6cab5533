/**
 * 力量调派: for each need of the incident (a slot and its capability) the units that can go,
 * with their state and estimated arrival (travel plus the expected wait for approvals), best
 * first; the run card's suggestion when the level shows it; the order sent with one key.
 */
import { useEffect, useRef } from 'react';
import type { DecisionView } from '../../training/api.ts';
import { localeOf, useLanguage, useStrings } from '../i18n.ts';
import { minutesText } from '../replay/format.ts';
import { pick, SHOWN_CANDIDATES, takeSuggestion, type DispatchDraft } from './seatModel.ts';
import { trainingStrings } from './strings.ts';

export function DispatchPanel({
  view,
  draft,
  onDraft,
  onSend,
  needsNone,
  dispatched,
}: {
  view: DecisionView | null;
  draft: DispatchDraft | null;
  onDraft(draft: DispatchDraft): void;
  onSend(): void;
  needsNone: boolean;
  dispatched: boolean;
}) {
  const t = useStrings(trainingStrings);
  const language = useLanguage();
  const locale = localeOf(language);
  // The need under the cursor stays in sight as the keys move it.
  const currentSlot = useRef<HTMLFieldSetElement>(null);
  const slotIndex = draft?.slotIndex;
  useEffect(() => {
    currentSlot.current?.scrollIntoView?.({ block: 'nearest' });
  }, [slotIndex]);
  if (!view || !draft) {
    return (
      <p className="placeholder" data-testid="dispatch-none">
        {dispatched
          ? `✓ ${t.sent}`
          : needsNone
            ? t.noDecision
            : `${t.noDecision} ${t.noCurrentCall}`}
      </p>
    );
  }
  const { decision } = view;
  const suggested = new Map(view.suggestion?.map((s) => [s.slot, s.unit]) ?? []);
  return (
    <div className="seat-dispatch" data-testid="seat-dispatch" data-decision={decision.number}>
      <h3>{t.decisionFor(t.decisionWhy[decision.why] ?? decision.why)}</h3>
      {view.suggestion === null && <p className="hint">{t.suggestionHiddenNote}</p>}
      <div className="seat-slots">
        {decision.slots.map((slot, slotIndex) => {
          const current = slotIndex === draft.slotIndex;
          const chosen = draft.picks[slot.slot];
          const shown = slot.candidates.slice(0, SHOWN_CANDIDATES);
          const at = (patch: Partial<DispatchDraft>) => ({ ...draft, slotIndex, ...patch });
          return (
            <fieldset
              key={slot.slot}
              ref={current ? currentSlot : undefined}
              className={`seat-slot ${current ? 'seat-slot-current' : ''}`}
              data-testid="dispatch-slot"
              data-slot={slot.slot}
            >
              <legend>
                {t.slot(slotIndex + 1, view.capabilityLabels[slot.capability]?.[language] ?? '')}
              </legend>
              <table className="seat-candidates">
                <thead>
                  <tr>
                    <th>{t.candidate}</th>
                    <th>{t.eta}</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((candidate, row) => {
                    const unit = view.units[candidate.unit];
                    const isChosen = chosen === candidate.unit;
                    const cursor = current && draft.cursor === row;
                    const delay = candidate.orderDelaySeconds;
                    return (
                      <tr
                        key={candidate.unit}
                        data-testid="dispatch-candidate"
                        data-unit={candidate.unit}
                        data-chosen={isChosen}
                        data-cursor={cursor}
                        className={`${isChosen ? 'chosen' : ''} ${cursor ? 'cursor' : ''}`}
                        onClick={() => onDraft(pick(at({ cursor: row }), view, candidate.unit))}
                      >
                        <td title={unit?.agency[language]}>
                          {isChosen && <span aria-label={t.assigned}>✓ </span>}
                          <span className="seat-rank">{row + 1}</span> {unit?.label[language] ?? ''}
                          <span className="hint"> · {t.unitState[candidate.state]}</span>
                          {suggested.get(slot.slot) === candidate.unit && (
                            <span className="seat-suggested"> · {t.suggested}</span>
                          )}
                        </td>
                        <td>
                          {t.etaValue(
                            minutesText(candidate.travelSeconds + delay, locale),
                            delay > 0 ? minutesText(delay, locale) : null,
                          )}
                        </td>
                      </tr>
                    );
                  })}
                  <tr
                    data-testid="dispatch-leave-open"
                    data-cursor={current && draft.cursor === shown.length}
                    className={`${chosen === null ? 'chosen' : ''} ${
                      current && draft.cursor === shown.length ? 'cursor' : ''
                    }`}
                    onClick={() => onDraft(pick(at({ cursor: shown.length }), view, null))}
                  >
                    <td colSpan={2}>
                      {chosen === null && '✓ '}
                      {t.leaveOpen}
                    </td>
                  </tr>
                </tbody>
              </table>
            </fieldset>
          );
        })}
      </div>
      <div className="seat-buttons">
        {view.suggestion && (
          <button
            type="button"
            data-testid="dispatch-suggestion"
            onClick={() => onDraft(takeSuggestion(draft, view))}
          >
            <kbd>S</kbd> {t.keys.suggestion}
          </button>
        )}
        <button type="button" className="primary" data-testid="dispatch-send" onClick={onSend}>
          <kbd>D</kbd> {t.sendOrder}
        </button>
      </div>
    </div>
  );
}
