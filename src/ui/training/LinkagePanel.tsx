/**
 * 联动通知 (the agencies notified and the approval path asked through), and 跟踪 / 结案 (the
 * arrivals, reports and approvals of the incident as the run brings them; call-back and close).
 */
import type { Bilingual } from '../../training/api.ts';
import type { ApprovalPath } from '../../training/schema.ts';
import type { TrackingEvent } from '../../worker/trainingApi.ts';
import { useLanguage, useStrings } from '../i18n.ts';
import type { ReplayClock } from '../replay/format.ts';
import { APPROVAL_PATHS, toggleAgency, type LinkageDraft } from './seatModel.ts';
import { trainingStrings } from './strings.ts';
import { trackingText } from './trackingText.ts';

const PATH_KEYS: Record<ApprovalPath, string> = {
  none: 'O',
  fireRescueApproval: 'F',
  militaryReport: 'R',
  militaryDirect: 'U',
  crossRegion: 'X',
};

export function LinkagePanel({
  agencies,
  draft,
  done,
  onDraft,
  onNotify,
}: {
  agencies: Array<{ id: string; name: Bilingual }>;
  draft: LinkageDraft;
  done: { agencies: string[]; approvalPath: ApprovalPath } | null;
  onDraft(draft: LinkageDraft): void;
  onNotify(): void;
}) {
  const t = useStrings(trainingStrings);
  const language = useLanguage();
  return (
    <form
      className="seat-linkage"
      data-testid="seat-linkage"
      onSubmit={(event) => {
        event.preventDefault();
        onNotify();
      }}
    >
      <fieldset>
        <legend>
          {t.linkageHeading} <kbd>↑↓</kbd> <kbd>T</kbd>
        </legend>
        <ul className="seat-agencies">
          {agencies.map((agency, i) => (
            <li key={agency.id} className={draft.cursor === i ? 'cursor' : undefined}>
              <label className="seat-choice">
                <input
                  type="checkbox"
                  data-testid="linkage-agency"
                  data-agency={agency.id}
                  checked={draft.agencies.includes(agency.id)}
                  onChange={() => onDraft({ ...toggleAgency(draft, agency.id), cursor: i })}
                />
                {agency.name[language]}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <fieldset>
        <legend>{t.approvalPath}</legend>
        {APPROVAL_PATHS.map((path) => (
          <label key={path} className="seat-choice">
            <input
              type="radio"
              name="approval-path"
              data-testid={`linkage-path-${path}`}
              checked={draft.approvalPath === path}
              onChange={() => onDraft({ ...draft, approvalPath: path })}
            />
            {t.approvalPaths[path]} <kbd>{PATH_KEYS[path]}</kbd>
          </label>
        ))}
      </fieldset>
      <div className="seat-buttons">
        <button type="submit" className="primary" data-testid="linkage-notify">
          <kbd>Enter</kbd> {t.notify}
        </button>
        {done && (
          <span className="seat-done" data-testid="linkage-done">
            ✓ {t.notified}
          </span>
        )}
      </div>
    </form>
  );
}

export function TrackingPanel({
  events,
  clock,
  calledBack,
  closed,
  onCallBack,
  onClose,
}: {
  events: TrackingEvent[];
  clock: ReplayClock;
  calledBack: boolean;
  closed: boolean;
  onCallBack(): void;
  onClose(): void;
}) {
  const t = useStrings(trainingStrings);
  const language = useLanguage();
  return (
    <div className="seat-tracking" data-testid="seat-tracking">
      <h3>{t.trackingHeading}</h3>
      {events.length === 0 ? (
        <p className="hint">{t.trackingEmpty}</p>
      ) : (
        <ol className="seat-events">
          {events.map((event, i) => (
            <li key={i} data-testid="tracking-event" data-kind={event.kind}>
              <time>{clock.short(event.time).text}</time> {trackingText(event, language)}
            </li>
          ))}
        </ol>
      )}
      <div className="seat-buttons">
        <button
          type="button"
          data-testid="tracking-call-back"
          disabled={calledBack}
          onClick={onCallBack}
        >
          <kbd>B</kbd> {calledBack ? `✓ ${t.calledBack}` : t.callBack}
        </button>
        <button
          type="button"
          className="primary"
          data-testid="tracking-close"
          disabled={closed}
          onClick={onClose}
        >
          <kbd>C</kbd> {closed ? `✓ ${t.closedIncident}` : t.closeIncident}
        </button>
      </div>
    </div>
  );
}
