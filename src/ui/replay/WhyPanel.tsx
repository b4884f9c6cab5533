/**
 * "Why this dispatch": for the selected incident, each dispatch with the rule applied, the units
 * that were free and capable at that moment with their travel estimates (computed in the worker
 * with the scenario's travel model), and each unit's time split into approvals, mobilisation
 * and travel.
 */
import { useEffect, useState } from 'react';
import type { CauseName } from '../../sim/trace.ts';
import { CAPABILITY_LABELS } from '../../training/messages.ts';
import { callWorker } from '../../worker/client.ts';
import type { ReplayExplanation } from '../../worker/replayApi.ts';
import { localeOf, useLanguage, useStrings } from '../i18n.ts';
import { minutesText, type ReplayClock } from './format.ts';
import { agencyColour, type PageReplay } from './model.ts';
import { replayStrings, type ReplayStrings } from './strings.ts';

interface WhyPanelProps {
  replay: PageReplay;
  incident: number;
  record: number;
  clock: ReplayClock;
  onPick(record: number): void;
}

export function WhyPanel({ replay, incident, record, clock, onPick }: WhyPanelProps) {
  const t = useStrings(replayStrings);
  const language = useLanguage();
  const locale = localeOf(language);
  const [answer, setAnswer] = useState<
    { of: string; explanation: ReplayExplanation } | { of: string; error: string } | null
  >(null);
  const asked = `${replay.key}|${incident}|${record}`;

  useEffect(() => {
    if (incident < 0) return;
    let wanted = true;
    callWorker((worker) => worker.replayExplain(replay.key, incident, record)).then(
      (explanation) => wanted && setAnswer({ of: asked, explanation }),
      (error: unknown) =>
        wanted &&
        setAnswer({ of: asked, error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      wanted = false;
    };
  }, [replay.key, incident, record, asked]);

  if (incident < 0) {
    return (
      <p className="placeholder" data-testid="replay-why-hint">
        {t.whyHint}
      </p>
    );
  }
  if (!answer || answer.of !== asked)
    return (
      <p className="placeholder" aria-busy="true">
        …
      </p>
    );
  if ('error' in answer)
    return (
      <p className="problems" role="alert">
        {answer.error}
      </p>
    );
  const { explanation, dispatch, dispatches } = answer.explanation;
  const trace = replay.trace;
  const minutes = (seconds: number) => t.minutes(minutesText(seconds, locale));
  // The dispatcher weighs travel plus the expected wait for approvals: show both when any waits.
  const withDelays = dispatch?.candidates.some((c) => c.orderDelaySeconds > 0) ?? false;
  const called = clock.long(explanation.calledAt);
  const kindName = replay.names.kinds[trace.incidentKind[incident]];
  const districtName = replay.names.districts[trace.incidentDistrict[incident]];
  return (
    <div className="replay-why-body" data-testid="replay-why-body">
      <h3>{t.whyIncident(incident, kindName, districtName)}</h3>
      {Number.isFinite(explanation.calledAt) && (
        <p className="hint">
          {t.calledAt}: {t.clock(called.day, called.text)}
        </p>
      )}
      {dispatches.length > 0 && (
        <div className="replay-dispatches" role="group" aria-label={t.dispatches}>
          {dispatches.map((r) => (
            <button
              key={r}
              type="button"
              className={r === dispatch?.record ? 'replay-picked' : undefined}
              aria-pressed={r === dispatch?.record}
              onClick={() => onPick(r)}
            >
              {replay.names.units[trace.unit[r]]}
            </button>
          ))}
        </div>
      )}
      {dispatch && (
        <>
          <h4 data-testid="replay-why-unit">{t.dispatchOf(replay.names.units[dispatch.unit])}</h4>
          <dl className="replay-why-facts">
            <dt>{t.rule}</dt>
            <dd data-testid="replay-rule" data-rule={dispatch.rule}>
              {t.causes[dispatch.rule as CauseName] ?? dispatch.rule}
            </dd>
            {dispatch.capability && (
              <>
                <dt>{t.need}</dt>
                <dd data-capability={dispatch.capability}>
                  {CAPABILITY_LABELS[dispatch.capability]?.[language] ?? dispatch.capability}
                </dd>
              </>
            )}
            <dt>{t.estimate}</dt>
            <dd>{minutes(dispatch.estimate)}</dd>
          </dl>
          <h4>{t.candidates}</h4>
          {dispatch.candidates.length <= 1 ? (
            <p className="hint">{t.noCandidates}</p>
          ) : (
            <>
              <table className="replay-candidates" data-testid="replay-candidates">
                <thead>
                  <tr>
                    <th scope="col">{t.candidateColumns.unit}</th>
                    <th scope="col">{t.candidateColumns.agency}</th>
                    <th scope="col">{t.candidateColumns.status}</th>
                    <th scope="col">{t.candidateColumns.travel}</th>
                    {withDelays && <th scope="col">{t.candidateColumns.orderDelay}</th>}
                  </tr>
                </thead>
                <tbody>
                  {dispatch.candidates.map((candidate) => (
                    <tr
                      key={candidate.unit}
                      data-testid="replay-candidate"
                      data-chosen={candidate.chosen}
                      className={candidate.chosen ? 'replay-chosen' : undefined}
                    >
                      <td>
                        <span
                          className="replay-swatch"
                          style={{ background: agencyColour(replay, candidate.unit) }}
                        />
                        {replay.names.units[candidate.unit]}
                        {candidate.chosen && (
                          <strong className="replay-chosen-mark"> {t.chosen}</strong>
                        )}
                      </td>
                      <td>
                        {replay.names.agencies[trace.header.unitAgencies[candidate.unit]] ??
                          trace.header.unitAgencies[candidate.unit]}
                      </td>
                      <td>{t.unitStatus[candidate.status]}</td>
                      <td className="replay-number">{minutes(candidate.travelSeconds)}</td>
                      {withDelays && (
                        <td className="replay-number">{minutes(candidate.orderDelaySeconds)}</td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
              {dispatch.candidateCount > dispatch.candidates.length && (
                <p className="hint">
                  {t.candidatesMore(dispatch.candidates.length, dispatch.candidateCount)}
                </p>
              )}
            </>
          )}
        </>
      )}
      <DelayBars explanation={answer.explanation} replay={replay} t={t} locale={locale} />
    </div>
  );
}

/** One stacked bar per dispatched unit: approvals (by cause), mobilisation, travel. */
function DelayBars({
  explanation,
  replay,
  t,
  locale,
}: {
  explanation: ReplayExplanation;
  replay: PageReplay;
  t: ReplayStrings;
  locale: string;
}) {
  const units = explanation.explanation.units;
  if (units.length === 0) return null;
  const partsOf = (unit: (typeof units)[number]) => {
    const waits = unit.waits.reduce((sum, wait) => sum + wait.seconds, 0);
    return {
      waits,
      mobilisation: Number.isFinite(unit.mobilisation) ? unit.mobilisation : 0,
      travel: Number.isFinite(unit.travel) ? unit.travel : 0,
    };
  };
  const longest = Math.max(
    1,
    ...units.map((unit) => {
      const parts = partsOf(unit);
      return parts.waits + parts.mobilisation + parts.travel;
    }),
  );
  const minutes = (seconds: number) => t.minutes(minutesText(seconds, locale));
  const nameToIndex = new Map(replay.trace.header.units.map((id, index) => [id, index]));
  return (
    <div className="replay-delays" data-testid="replay-delays">
      <h4>{t.delays}</h4>
      <ul className="replay-delay-key" aria-hidden="true">
        <li>
          <span className="replay-part-waits" />
          {t.delayParts.waits}
        </li>
        <li>
          <span className="replay-part-mobilisation" />
          {t.delayParts.mobilisation}
        </li>
        <li>
          <span className="replay-part-travel" />
          {t.delayParts.travel}
        </li>
      </ul>
      {units.map((unit, k) => {
        const parts = partsOf(unit);
        const index = nameToIndex.get(unit.unit) ?? -1;
        const label = index >= 0 ? replay.names.units[index] : unit.unit;
        const waitsText = unit.waits
          .map(
            (wait) => `${t.causes[wait.cause as CauseName] ?? wait.cause} ${minutes(wait.seconds)}`,
          )
          .join('，');
        const summary = [
          parts.waits > 0
            ? `${t.delayParts.waits} ${minutes(parts.waits)}${waitsText ? ` (${waitsText})` : ''}`
            : '',
          `${t.delayParts.mobilisation} ${minutes(parts.mobilisation)}`,
          Number.isFinite(unit.travel)
            ? `${t.delayParts.travel} ${minutes(parts.travel)}`
            : t.notArrived,
        ]
          .filter(Boolean)
          .join(' · ');
        return (
          <div key={`${unit.unit}-${k}`} className="replay-delay-row">
            <span className="replay-delay-label">{label}</span>
            <div
              className="replay-delay-bar"
              role="img"
              aria-label={`${label}: ${summary}`}
              title={summary}
            >
              <span
                className="replay-part-waits"
                style={{ width: `${(parts.waits / longest) * 100}%` }}
              />
              <span
                className="replay-part-mobilisation"
                style={{ width: `${(parts.mobilisation / longest) * 100}%` }}
              />
              <span
                className="replay-part-travel"
                style={{ width: `${(parts.travel / longest) * 100}%` }}
              />
            </div>
            <span className="replay-delay-text">{summary}</span>
          </div>
        );
      })}
    </div>
  );
}
