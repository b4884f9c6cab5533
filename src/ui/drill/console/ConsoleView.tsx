/**
 * The controller console for drill day (导调控制台): start, pause, resume, end; the drill clock;
 * the injects as they come due with their text (scheduled ones go out by themselves, condition
 * and manual ones and the contingency injects by the controller's hand); the recorders' buttons
 * that time-stamp each expected action (or take a typed time) with a note; unexpected events;
 * import and export of the record sheet; the tabletop's four stages with the decisions typed in.
 */
import { useEffect, useRef, useState } from 'react';
import { parseDrillLogCsv, type Drill } from '../../../drills/api.ts';
import { useLanguage, useStrings } from '../../i18n.ts';
import { drillClock, drillSeconds, parseDrillClock, type ConsoleState } from '../consoleModel.ts';
import { drillLogCsv, fromDrillLog, toDrillLog } from '../consoleLog.ts';
import { builtinDrillLog } from '../builtinDrills.ts';
import { useDrill } from '../DrillContext.tsx';
import { measureText, timingText } from '../describe.ts';
import { downloadBlob } from '../files.ts';
import { label } from '../labels.ts';
import { usePrediction } from '../predict/PredictionContext.tsx';
import { nameOf, scenarioLists, type ScenarioLists } from '../scenarioLists.ts';
import { useConsole } from './ConsoleContext.tsx';
import { actionDeadline, contingenciesDue, dueTime, stepsDue } from './consoleSchedule.ts';
import { consoleStrings } from './strings.ts';
import { Tabletop, tabletopNotes } from './Tabletop.tsx';

/** The wall clock, ticking while the drill runs. */
function useNow(running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [running]);
  return now;
}

export function ConsoleView() {
  const t = useStrings(consoleStrings);
  const language = useLanguage();
  const { check, scenarioDoc } = useDrill();
  const { state, dispatch, reset, saved } = useConsole();
  const now = useNow(state?.status === 'running');
  const drill = check?.ok ? check.drill : null;
  const clock = state ? drillSeconds(state, now) : 0;

  // Scheduled injects go out when their time comes (at their time, not the tick's).
  useEffect(() => {
    if (!drill || state?.status !== 'running') return;
    for (const due of stepsDue(drill, state, clock))
      dispatch({ type: 'release', stepId: due.stepId, now: Date.now(), manual: false, at: due.at });
  }, [drill, state, clock, dispatch]);

  if (!state || !drill)
    return <p className="placeholder">{check && !check.ok ? t.startFirst : '…'}</p>;
  const lists = scenarioLists(scenarioDoc, language);
  const running = state.status === 'running' || state.status === 'paused';
  return (
    <section
      className="card drill-card"
      aria-labelledby="drill-console-heading"
      data-testid="drill-console"
    >
      <h3 id="drill-console-heading">{t.title}</h3>
      <p className="hint drill-no-print">{t.intro}</p>
      <div className="drill-console-top">
        <output
          className="drill-clock"
          data-testid="console-clock"
          data-state={state.status}
          data-seconds={Math.floor(clock)}
        >
          {drillClock(clock)}
        </output>
        <span data-testid="console-status" data-state={state.status}>
          {t.status[state.status]}
        </span>
        {state.status === 'ready' && (
          <button
            type="button"
            className="primary"
            data-testid="console-start"
            onClick={() => dispatch({ type: 'start', now: Date.now() })}
          >
            {t.start}
          </button>
        )}
        {state.status === 'running' && (
          <button
            type="button"
            data-testid="console-pause"
            onClick={() => dispatch({ type: 'pause', now: Date.now() })}
          >
            {t.pause}
          </button>
        )}
        {state.status === 'paused' && (
          <button
            type="button"
            className="primary"
            data-testid="console-resume"
            onClick={() => dispatch({ type: 'resume', now: Date.now() })}
          >
            {t.resume}
          </button>
        )}
        {running && (
          <button
            type="button"
            data-testid="console-end"
            onClick={() => {
              if (window.confirm(t.confirmEnd)) dispatch({ type: 'end', now: Date.now() });
            }}
          >
            {t.end}
          </button>
        )}
        <label className="drill-field">
          {t.recorder}
          <input
            type="text"
            data-testid="console-recorder"
            value={state.recorder}
            onChange={(event) => dispatch({ type: 'recorder', name: event.target.value })}
          />
        </label>
        <span className="hint" data-testid="console-saved" data-saved={saved}>
          {saved ? t.saved : t.saving}
        </span>
        <button
          type="button"
          data-testid="console-reset"
          onClick={() => {
            if (window.confirm(t.confirmReset)) reset();
          }}
        >
          {t.reset}
        </button>
      </div>
      <LogFiles drill={drill} state={state} />
      {drill.header.mode === 'tabletop' && <Tabletop drill={drill} lists={lists} clock={clock} />}
      <div className="drill-console-grid">
        <Injects drill={drill} state={state} clock={clock} lists={lists} />
        <Actions drill={drill} state={state} clock={clock} lists={lists} />
      </div>
      <Occurrences state={state} />
    </section>
  );
}

function Injects({
  drill,
  state,
  clock,
  lists,
}: {
  drill: Drill;
  state: ConsoleState;
  clock: number;
  lists: ScenarioLists;
}) {
  const t = useStrings(consoleStrings);
  const language = useLanguage();
  const { dispatch } = useConsole();
  const prediction = usePrediction();
  const predicted = prediction.result && !prediction.stale ? prediction.result.prediction : null;
  const started = state.status === 'running' || state.status === 'paused';
  const late = contingenciesDue(drill, state, clock);
  // Not released first, by their time; then the released ones, latest first.
  const order = drill.steps
    .map((step, index) => ({
      step,
      index,
      release: state.releases.find((r) => r.stepId === step.id),
      due: dueTime(drill, state, step.id),
    }))
    .sort((a, b) => {
      if (!a.release !== !b.release) return a.release ? 1 : -1;
      if (a.release && b.release) return b.release.at - a.release.at;
      return (a.due ?? Infinity) - (b.due ?? Infinity) || a.index - b.index;
    });
  return (
    <div>
      <h4>{t.injects}</h4>
      {late.map((actionId) => {
        const step = drill.steps.find((s) => s.expected.some((a) => a.id === actionId))!;
        const action = step.expected.find((a) => a.id === actionId)!;
        return (
          <div key={actionId} className="drill-inject-card due" data-testid="contingency-due">
            <strong>
              {t.contingencyDue(action.description || measureText(action, lists, language))}
            </strong>
            <p>{action.contingency?.inject.text}</p>
            <button
              type="button"
              className="primary"
              onClick={() => dispatch({ type: 'contingency', actionId, now: Date.now() })}
            >
              {t.release}
            </button>
          </div>
        );
      })}
      {order.map(({ step, index, release, due }) => {
        const isDue = !release && due !== null && due <= clock;
        const p = predicted?.steps.find((s) => s.step === step.id)?.releasedAt;
        return (
          <div
            key={step.id}
            className={`drill-inject-card ${release ? 'released' : isDue ? 'due' : ''}`}
            data-testid="console-inject"
            data-step={step.id}
            data-released={release ? 'true' : 'false'}
          >
            <strong>
              {index + 1}. {step.title}
            </strong>{' '}
            <span className="hint">
              {release
                ? t.releasedAt(drillClock(release.at))
                : due !== null
                  ? t.plannedAt(drillClock(due))
                  : step.timing.type === 'when'
                    ? t.conditionOf(timingText(step.timing, drill.steps, lists, language))
                    : label('timing', step.timing.type, language)}
              {p ? ` · ${t.predictedAt(drillClock(p.median))}` : ''}
            </span>
            <p>
              {label('method', step.inject.method, language)}
              {step.inject.from ? ` · ${step.inject.from}` : ''}
              {step.inject.to.length > 0
                ? ` → ${step.inject.to.map((id) => nameOf(lists.agencies, id)).join('、')}`
                : ''}
            </p>
            {step.inject.text && <p>{step.inject.text}</p>}
            {!release && started && (
              <button
                type="button"
                data-testid="console-release"
                onClick={() =>
                  dispatch({ type: 'release', stepId: step.id, now: Date.now(), manual: true })
                }
              >
                {due === null ? t.releaseManual : t.releaseEarly}
              </button>
            )}
          </div>
        );
      })}
    </div>
  );
}

function Actions({
  drill,
  state,
  clock,
  lists,
}: {
  drill: Drill;
  state: ConsoleState;
  clock: number;
  lists: ScenarioLists;
}) {
  const t = useStrings(consoleStrings);
  const language = useLanguage();
  const { dispatch } = useConsole();
  const started = state.status !== 'ready';
  return (
    <div>
      <h4>{t.actions}</h4>
      <table className="drill-table" data-testid="console-actions">
        <tbody>
          {drill.steps.flatMap((step, s) =>
            step.expected.map((action, a) => {
              const records = state.records.filter((record) => record.actionId === action.id);
              const deadline = actionDeadline(drill, state, action.id);
              const late = deadline !== null && records.length === 0 && clock > deadline;
              return (
                <tr
                  key={action.id}
                  data-testid="console-action"
                  data-action={action.id}
                  className={late ? 'drill-bad' : undefined}
                >
                  <td>
                    <strong>
                      {s + 1}.{a + 1}
                    </strong>{' '}
                    {action.description || measureText(action, lists, language)}
                    <div className="hint">
                      {action.agency ? `${nameOf(lists.agencies, action.agency)} · ` : ''}
                      {deadline !== null ? t.deadlineAt(drillClock(deadline)) : ''}
                    </div>
                    {records.map((record) => (
                      <RecordRow key={record.id} id={record.id} at={record.at} note={record.note} />
                    ))}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="primary"
                      data-testid="console-record"
                      disabled={!started}
                      onClick={() =>
                        dispatch({ type: 'record', actionId: action.id, now: Date.now() })
                      }
                    >
                      {t.record}
                    </button>
                    <TypedTime
                      disabled={!started}
                      onTime={(at) =>
                        dispatch({ type: 'record', actionId: action.id, now: Date.now(), at })
                      }
                    />
                  </td>
                </tr>
              );
            }),
          )}
        </tbody>
      </table>
    </div>
  );
}

function RecordRow({ id, at, note }: { id: string; at: number; note: string }) {
  const t = useStrings(consoleStrings);
  const { dispatch } = useConsole();
  const [typed, setTyped] = useState<string | null>(null);
  const text = typed ?? drillClock(at);
  const parsed = parseDrillClock(text);
  return (
    <div className="drill-record-row" data-testid="console-record-row">
      <input
        aria-label={t.recordedAt}
        value={text}
        size={9}
        aria-invalid={parsed === null || undefined}
        data-testid="record-time"
        onChange={(event) => {
          setTyped(event.target.value);
          const seconds = parseDrillClock(event.target.value);
          if (seconds !== null) dispatch({ type: 'editRecord', id, at: seconds });
        }}
        onBlur={() => parsed !== null && setTyped(null)}
      />
      <input
        aria-label={t.note}
        placeholder={t.note}
        value={note}
        data-testid="record-note"
        onChange={(event) => dispatch({ type: 'editRecord', id, note: event.target.value })}
      />
      <button
        type="button"
        aria-label={t.remove}
        title={t.remove}
        onClick={() => dispatch({ type: 'removeRecord', id })}
      >
        ✕
      </button>
      {parsed === null && <span className="field-error">{t.timeInvalid}</span>}
    </div>
  );
}

function TypedTime({ disabled, onTime }: { disabled: boolean; onTime(at: number): void }) {
  const t = useStrings(consoleStrings);
  const [text, setText] = useState('');
  const parsed = text.trim() ? parseDrillClock(text) : null;
  return (
    <form
      className="drill-typed-time"
      onSubmit={(event) => {
        event.preventDefault();
        if (parsed === null) return;
        onTime(parsed);
        setText('');
      }}
    >
      <input
        aria-label={t.typeTime}
        placeholder={t.typeTime}
        value={text}
        size={9}
        disabled={disabled}
        data-testid="console-typed-time"
        aria-invalid={(text.trim() !== '' && parsed === null) || undefined}
        onChange={(event) => setText(event.target.value)}
      />
      <button type="submit" disabled={disabled || parsed === null}>
        {t.add}
      </button>
    </form>
  );
}

function Occurrences({ state }: { state: ConsoleState }) {
  const t = useStrings(consoleStrings);
  const { dispatch } = useConsole();
  return (
    <div>
      <h4>{t.occurrences}</h4>
      {state.occurrences.map((occurrence) => (
        <div key={occurrence.id} className="drill-record-row">
          <span>{drillClock(occurrence.at)}</span>{' '}
          <input
            value={occurrence.text}
            aria-label={t.occurrences}
            onChange={(event) =>
              dispatch({ type: 'editOccurrence', id: occurrence.id, text: event.target.value })
            }
          />
        </div>
      ))}
      <button
        type="button"
        disabled={state.status === 'ready'}
        data-testid="add-occurrence"
        onClick={() => dispatch({ type: 'occurrence', now: Date.now(), text: '' })}
      >
        {t.addOccurrence}
      </button>{' '}
      <span className="hint">{t.occurrencePlaceholder}</span>
    </div>
  );
}

function LogFiles({ drill, state }: { drill: Drill; state: ConsoleState }) {
  const t = useStrings(consoleStrings);
  const language = useLanguage();
  const { dispatch } = useConsole();
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ ok: boolean; lines: string[] } | null>(null);
  // A built-in drill (opened as such or from its file) ships an illustrative record.
  const [example, setExample] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    builtinDrillLog(drill.id).then(
      (text) => live && setExample(text),
      () => live && setExample(null),
    );
    return () => {
      live = false;
    };
  }, [drill.id]);
  const importText = (text: string) => {
    const parsed = parseDrillLogCsv(text, drill, language);
    if (!parsed.ok) {
      setMessage({ ok: false, lines: [t.importErrors, ...parsed.errors.map((e) => e.message)] });
      return;
    }
    dispatch({ type: 'import', imported: fromDrillLog(parsed.log) });
    setMessage({ ok: true, lines: [t.imported(parsed.log.entries.length)] });
  };
  const importFile = async (file: File) => importText(await file.text());
  return (
    <div className="drill-print-toolbar drill-no-print">
      <button type="button" data-testid="console-import" onClick={() => input.current?.click()}>
        {t.importLog}
      </button>
      <input
        ref={input}
        type="file"
        accept=".csv,text/csv"
        hidden
        data-testid="console-import-input"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void importFile(file);
        }}
      />
      {example && (
        <button type="button" data-testid="console-example" onClick={() => importText(example)}>
          {t.exampleLog}
        </button>
      )}
      <button
        type="button"
        data-testid="console-export"
        onClick={() =>
          downloadBlob(
            `${drill.id}-record.csv`,
            new Blob(
              [
                drillLogCsv(
                  toDrillLog(state, drill.id, tabletopNotes(drill, state, language)),
                  language,
                  drill,
                ),
              ],
              {
                type: 'text/csv',
              },
            ),
          )
        }
      >
        {t.exportLog}
      </button>
      {message && (
        <div
          className={message.ok ? 'status status-done' : 'problems'}
          role={message.ok ? 'status' : 'alert'}
          data-testid="console-import-message"
        >
          {message.lines.map((line, i) => (
            <div key={i}>{line}</div>
          ))}
        </div>
      )}
    </div>
  );
}
