/**
 * The trainee's seat (受训席位): a dispatcher's desk. The call queue with ring times and the open
 * incidents on the left; the current call and its steps 接听询问 → 警情研判 → 力量调派 → 联动通知
 * → 跟踪 → 结案 in the middle; the map of the incident and the units that can go on the right;
 * the keys that work now along the bottom. Everything can be done from the keyboard.
 */
import { useEffect, useMemo, useState } from 'react';
import type { TriageJudgement } from '../../training/schema.ts';
import { localeOf, useLanguage, useStrings } from '../i18n.ts';
import { makeClock } from '../replay/format.ts';
import { CallPanel } from './CallPanel.tsx';
import { DispatchPanel } from './DispatchPanel.tsx';
import { seatRecord } from './journal.ts';
import { LinkagePanel, TrackingPanel } from './LinkagePanel.tsx';
import { trainingLongTasks } from './longTasks.ts';
import { SeatMap } from './SeatMap.tsx';
import {
  answerOf,
  blankDraft,
  blankJudgement,
  blankLinkage,
  callsWanting,
  moveCursor,
  moveSlot,
  needsNoDispatch,
  pick,
  SHOWN_CANDIDATES,
  STEPS,
  stepOf,
  takeSuggestion,
  toggleAgency,
  APPROVAL_PATHS,
  type DispatchDraft,
  type LinkageDraft,
} from './seatModel.ts';
import { useShortcuts, type Shortcut } from './shortcuts.ts';
import { trainingStrings, type SeatStep } from './strings.ts';
import type { Finished, SeatController } from './useSeat.ts';

export function SeatPage({
  controller,
  active,
  onFinished,
}: {
  controller: SeatController;
  active: boolean;
  onFinished(finished: Finished): void;
}) {
  const t = useStrings(trainingStrings);
  const { seat } = controller;
  if (!seat) {
    return (
      <section className="card">
        <p className="placeholder" data-testid="seat-empty">
          {controller.busy ? t.starting : t.seatEmpty}
        </p>
        {controller.problems.length > 0 && (
          <ul className="problems" role="alert">
            {controller.problems.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        )}
      </section>
    );
  }
  return <Desk controller={controller} active={active} onFinished={onFinished} />;
}

function Desk({
  controller,
  active,
  onFinished,
}: {
  controller: SeatController;
  active: boolean;
  onFinished(finished: Finished): void;
}) {
  const t = useStrings(trainingStrings);
  const language = useLanguage();
  const locale = localeOf(language);
  const seat = controller.seat!;
  const { setup, state, journal } = seat;
  const exercise = journal.exercise;
  const stepPace = exercise.pace.speed === 'step';
  const record = useMemo(() => seatRecord(journal.actions), [journal.actions]);
  const clock = useMemo(() => makeClock(setup.start, locale), [setup.start, locale]);
  const open = state.openDecision;

  const [selected, setSelected] = useState<number | null>(null);
  const [stepShown, setStepShown] = useState<SeatStep | null>(null);
  const [judgements, setJudgements] = useState<Record<number, TriageJudgement>>({});
  const [draft, setDraft] = useState<DispatchDraft | null>(null);
  const [linkage, setLinkage] = useState<Record<number, LinkageDraft>>({});
  const now = useNow();

  const call = selected === null ? null : (state.calls.find((c) => c.id === selected) ?? null);
  // A decision about an incident whose call rang before the window (a unit come free for it):
  // it has no call on the desk, and in "wait" pace the run stands still until it is answered.
  const orphan =
    open && (open.call === null || !state.calls.some((c) => c.id === open.call)) ? open : null;
  const sentTo12345 = useMemo(
    () => new Set(state.tracking.filter((e) => e.kind === 'sentTo12345').map((e) => e.incident)),
    [state.tracking],
  );
  const naturalStep = orphan ? 'dispatch' : call ? stepOf(call, record, open, sentTo12345) : null;
  const step = orphan ? 'dispatch' : (stepShown ?? naturalStep);

  // Follow the run: a decision opens → go to it (in "wait" pace the run stands still until it
  // is answered); a call rings → take it when the trainee is not in the middle of another.
  // Adjusted while rendering, when what the run shows changes (not in an effect).
  const waitingForDispatch =
    naturalStep === 'dispatch' && !(open && call && open.decision.incident === call.incident);
  const busy =
    call !== null &&
    naturalStep !== null &&
    !['answer', 'tracking', 'close'].includes(naturalStep) &&
    !waitingForDispatch;
  const followKey = `${state.stop}|${state.ringing}|${open?.decision.number ?? ''}|${busy}|${state.calls.length}`;
  const [followed, setFollowed] = useState('');
  if (followKey !== followed) {
    setFollowed(followKey);
    if (open) {
      if (open.call !== null && state.calls.some((c) => c.id === open.call)) setSelected(open.call);
      setStepShown(null);
      setDraft((previous) =>
        previous?.decision === open.decision.number ? previous : blankDraft(open),
      );
    } else if (!busy) {
      const wanting = callsWanting(state, record);
      // A ringing call first; with nothing on the desk (a resumed session), any unfinished one.
      const waiting = wanting.find((c) => !record.pickedUp.has(c.id)) ?? (call ? null : wanting[0]);
      if (waiting && waiting.id !== selected) {
        setSelected(waiting.id);
        setStepShown(null);
      }
    }
  }

  const judgement = call
    ? (judgements[call.id] ?? record.triage.get(call.id) ?? blankJudgement())
    : null;
  const setJudgement = (next: TriageJudgement) =>
    call && setJudgements((previous) => ({ ...previous, [call.id]: next }));
  const linkageDraft = call ? (linkage[call.incident] ?? blankLinkage()) : null;
  const setLinkageDraft = (next: LinkageDraft) =>
    call && setLinkage((previous) => ({ ...previous, [call.incident]: next }));
  const decisionHere =
    orphan ?? (open && call && open.decision.incident === call.incident ? open : null);
  const dispatchDraft =
    decisionHere && draft?.decision === decisionHere.decision.number ? draft : null;

  const act = controller.act;
  const pickUp = () => {
    const target =
      call && !record.pickedUp.has(call.id)
        ? call
        : state.calls.find((c) => !record.pickedUp.has(c.id));
    if (!target) return;
    setSelected(target.id);
    setStepShown(null);
    void act({ type: 'pickUp', call: target.id });
  };
  const confirmTriage = () => {
    if (!call || !judgement || !record.pickedUp.has(call.id)) return;
    setStepShown(null);
    void act({ type: 'triage', call: call.id, judgement });
  };
  const sendOrder = () => {
    if (!decisionHere || !dispatchDraft) return;
    setStepShown(null);
    void act({
      type: 'answer',
      decision: decisionHere.decision.number,
      incident: decisionHere.decision.incident,
      answer: answerOf(dispatchDraft, decisionHere),
      ...(exercise.pace.whileDeciding === 'clockRuns' ? { at: controller.clockTime } : {}),
    });
  };
  const notify = () => {
    if (!call || !linkageDraft) return;
    setStepShown(null);
    void act({
      type: 'linkage',
      incident: call.incident,
      agencies: linkageDraft.agencies,
      approvalPath: linkageDraft.approvalPath,
    });
  };
  const note = (kind: 'callBack' | 'closed') => {
    if (!call || !record.pickedUp.has(call.id)) return;
    if (kind === 'closed') setStepShown(null);
    void act({ type: 'note', note: kind, incident: call.incident });
  };
  const runOn = () => void act({ type: 'step' });
  const finish = () => {
    if (state.stop !== 'windowEnd' && !window.confirm(t.finishConfirm)) return;
    void controller.finish().then((finished) => finished && onFinished(finished));
  };
  const selectCall = (by: number) => {
    if (state.calls.length === 0) return;
    const index = state.calls.findIndex((c) => c.id === selected);
    const next = state.calls[(index + by + state.calls.length) % state.calls.length];
    setSelected(next.id);
    setStepShown(null);
  };
  const moveStep = (by: number) => {
    if (!step) return;
    setStepShown(STEPS[(STEPS.indexOf(step) + by + STEPS.length) % STEPS.length]);
  };

  const shortcuts = useMemo<Shortcut[]>(() => {
    const list: Shortcut[] = [];
    const add = (
      keys: string[],
      label: string,
      action: string,
      run: (event: KeyboardEvent) => void,
      enabled = true,
    ) => list.push({ keys, label, action, run, enabled });
    const k = t.keys;
    const canPickUp = state.calls.some((c) => !record.pickedUp.has(c.id));
    add(['a'], 'A', k.pickUp, pickUp, canPickUp);
    if (step === 'triage' && judgement) {
      const judge = (change: Partial<TriageJudgement>) => setJudgement({ ...judgement, ...change });
      add(['1', '2', '3', '4'], '1–4', k.severity, (e) => judge({ severity: Number(e.key) }));
      add(['k'], 'K', k.kind, () => {
        const ids = setup.kinds.map((kind) => kind.id);
        const index = judgement.kind === null ? -1 : ids.indexOf(judgement.kind);
        judge({ kind: ids[(index + 1) % ids.length] ?? null });
      });
      add(['e'], 'E', k.emergency, () => judge({ channel: 'emergency' }));
      add(['h'], 'H', k.line12345, () => judge({ channel: '12345' }));
      add(['m'], 'M', k.maritime, () => judge({ maritime: !judgement.maritime }));
      add(['p'], 'P', k.plan, () => judge({ specialPlan: !judgement.specialPlan }));
      add(['d'], 'D', k.duplicate, () => {
        const earlier = state.calls.filter((c) => call && c.id < call.id).map((c) => c.id);
        const options = [null, ...earlier];
        const index = options.indexOf(judgement.duplicateOf);
        judge({ duplicateOf: options[(index + 1) % options.length] });
      });
      add(['Enter'], 'Enter', k.confirm, confirmTriage);
    }
    if (step === 'dispatch' && decisionHere && dispatchDraft) {
      const view = decisionHere;
      add(['ArrowUp', 'ArrowDown'], '↑↓', k.candidate, (e) =>
        setDraft(moveCursor(dispatchDraft, view, e.key === 'ArrowUp' ? -1 : 1)),
      );
      add(['ArrowLeft', 'ArrowRight'], '←→', k.slot, (e) =>
        setDraft(moveSlot(dispatchDraft, view, e.key === 'ArrowLeft' ? -1 : 1)),
      );
      add(['Enter'], 'Enter', k.assign, () => {
        const slot = view.decision.slots[dispatchDraft.slotIndex];
        if (!slot) return;
        const shown = slot.candidates.slice(0, SHOWN_CANDIDATES);
        const unit = dispatchDraft.cursor < shown.length ? shown[dispatchDraft.cursor].unit : null;
        setDraft(pick(dispatchDraft, view, unit));
      });
      add(['0'], '0', k.leaveOpen, () => setDraft(pick(dispatchDraft, view, null)));
      add(
        ['s'],
        'S',
        k.suggestion,
        () => setDraft(takeSuggestion(dispatchDraft, view)),
        view.suggestion !== null,
      );
      add(['d'], 'D', k.send, sendOrder);
    }
    if (step === 'linkage' && linkageDraft) {
      const agencies = setup.agencies;
      const count = Math.max(1, agencies.length);
      add(['ArrowUp', 'ArrowDown'], '↑↓', k.agencyMove, (e) =>
        setLinkageDraft({
          ...linkageDraft,
          cursor: (linkageDraft.cursor + (e.key === 'ArrowUp' ? -1 : 1) + count) % count,
        }),
      );
      add(['t'], 'T', k.agency, () => {
        const agency = agencies[linkageDraft.cursor];
        if (agency) setLinkageDraft(toggleAgency(linkageDraft, agency.id));
      });
      add(['o', 'f', 'r', 'u', 'x'], 'O F R U X', k.path, (e) =>
        setLinkageDraft({
          ...linkageDraft,
          approvalPath: APPROVAL_PATHS['ofrux'.indexOf(e.key.toLowerCase())] ?? 'none',
        }),
      );
      add(['Enter'], 'Enter', k.notify, notify);
    }
    if (call && (step === 'tracking' || step === 'close' || step === 'linkage')) {
      add(['b'], 'B', k.callBack, () => note('callBack'), !record.calledBack.has(call.incident));
      add(['c'], 'C', k.close, () => note('closed'), !record.closed.has(call.incident));
    }
    add([',', '.'], ', .', k.incident, (e) => selectCall(e.key === ',' ? -1 : 1));
    add(['[', ']'], '[ ]', k.step, (e) => moveStep(e.key === '[' ? -1 : 1));
    if (stepPace) add(['n'], 'N', k.next, runOn, state.stop !== 'windowEnd');
    else add([' '], k.space, k.pause, () => controller.setPaused(!controller.paused));
    add(['q'], 'Q', k.finish, finish);
    return list;
    // The handlers read the render's state; the list is remade when any of it changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [
    t,
    state,
    record,
    step,
    judgement,
    decisionHere,
    dispatchDraft,
    linkageDraft,
    call,
    controller.paused,
  ]);
  useShortcuts(shortcuts, active && !controller.busy);

  const mapIncident = decisionHere ? decisionHere.decision.incident : (call?.incident ?? null);
  const clockTime = controller.clockTime;
  const left = Math.max(0, setup.window.end - clockTime);
  const timeNow = clock.long(clockTime);
  const longTasks = trainingLongTasks().length;
  return (
    <div
      className="seat"
      data-testid="seat"
      data-stop={state.stop}
      data-time={clockTime}
      data-busy={controller.busy}
    >
      <section className="card seat-bar" aria-label={t.clock}>
        <div className="seat-clock" data-testid="seat-clock" data-time={clockTime}>
          <span className="seat-clock-day">
            {language === 'zh' ? `第 ${timeNow.day} 天` : `Day ${timeNow.day}`}
          </span>
          <strong>{timeNow.text}</strong>
        </div>
        <div className="seat-status" data-testid="seat-status" data-stop={state.stop}>
          <span className={`seat-light seat-light-${state.stop}`} aria-hidden="true" />
          {controller.paused ? t.paused : t.status[state.stop]}
          <span className="hint">
            {' · '}
            {t.speedShort[exercise.pace.speed]}
            {' · '}
            {state.stop === 'windowEnd' ? t.windowOver : t.windowProgress(minutes(left, locale))}
          </span>
        </div>
        <div className="seat-actions">
          {stepPace ? (
            <button
              type="button"
              data-testid="seat-next"
              onClick={runOn}
              disabled={state.stop === 'windowEnd'}
            >
              <kbd>N</kbd> {t.nextStop}
            </button>
          ) : (
            <button
              type="button"
              data-testid="seat-pause"
              onClick={() => controller.setPaused(!controller.paused)}
            >
              {controller.paused ? t.resume : t.pause}
            </button>
          )}
          <button
            type="button"
            className="primary"
            data-testid="seat-finish"
            onClick={finish}
            disabled={controller.busy}
          >
            <kbd>Q</kbd> {controller.busy ? t.finishing : t.finish}
          </button>
        </div>
      </section>
      {controller.notice && (
        <p className="workspace-notice" role="status" data-testid="seat-notice">
          <span>{controller.notice}</span>
          <button type="button" onClick={() => controller.setNotice(null)}>
            OK
          </button>
        </p>
      )}
      {controller.restoredAt !== null && !controller.notice && (
        <p className="hint" role="status" data-testid="seat-restored">
          {t.resumed(new Date(controller.restoredAt).toLocaleTimeString(locale))}
        </p>
      )}
      {controller.refusal && (
        <p className="problems" role="alert" data-testid="seat-refusal">
          {t.refused(controller.refusal)}
        </p>
      )}
      <div className="seat-desk">
        <aside className="card seat-queue" aria-label={t.queue}>
          <h2>{t.queue}</h2>
          <ol className="seat-calls" data-testid="seat-calls">
            {state.calls.length === 0 && <li className="hint">{t.queueEmpty}</li>}
            {state.calls.map((c) => {
              const picked = record.pickedUp.has(c.id);
              const cStep = stepOf(c, record, open, sentTo12345);
              return (
                <li key={c.id}>
                  <button
                    type="button"
                    data-testid="seat-call"
                    data-call={c.id}
                    data-step={cStep}
                    aria-current={c.id === selected}
                    className={`seat-call ${picked ? '' : 'seat-call-ringing'}`}
                    onClick={() => {
                      setSelected(c.id);
                      setStepShown(null);
                    }}
                  >
                    <span className="seat-call-title">
                      {t.callNumber(c.id + 1)} · {clock.short(c.time).text}
                    </span>
                    <span className="seat-call-state">
                      {picked
                        ? t.steps[cStep]
                        : t.ringing(
                            Math.max(
                              0,
                              Math.round((now - (state.ringingSince[c.id] ?? now)) / 1000),
                            ),
                          )}
                    </span>
                  </button>
                </li>
              );
            })}
          </ol>
          {setup.outOfService.length > 0 && (
            <div className="seat-out-of-service" data-testid="seat-out-of-service">
              <h3>{t.outOfServiceHeading}</h3>
              <ul>
                {setup.outOfService.map((id) => (
                  <li key={id}>
                    {setup.units.find((unit) => unit.id === id)?.label[language] ?? ''}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </aside>

        <section className="card seat-work" aria-label={t.currentCall}>
          <ol className="seat-steps" aria-label={t.stepsLabel} data-testid="seat-steps">
            {STEPS.map((id) => (
              <li key={id} aria-current={id === step ? 'step' : undefined}>
                <button
                  type="button"
                  data-testid={`seat-step-${id}`}
                  disabled={!call || orphan !== null}
                  onClick={() => setStepShown(id)}
                >
                  {t.steps[id]}
                </button>
              </li>
            ))}
          </ol>
          {orphan ? (
            <div className="seat-panel" data-testid="seat-panel" data-step="dispatch">
              <p className="hint" data-testid="seat-earlier-incident">
                {t.earlierIncident}
              </p>
              <DispatchPanel
                view={orphan}
                draft={dispatchDraft}
                onDraft={setDraft}
                onSend={sendOrder}
                needsNone={false}
                dispatched={false}
              />
            </div>
          ) : !call ? (
            <p className="placeholder" data-testid="seat-no-call">
              {t.noCurrentCall}
            </p>
          ) : (
            <div className="seat-panel" data-testid="seat-panel" data-step={step}>
              {(step === 'answer' || step === 'triage') && judgement && (
                <CallPanel
                  call={call}
                  pickedUp={record.pickedUp.has(call.id)}
                  judged={record.triage.get(call.id) ?? null}
                  judgement={judgement}
                  kinds={setup.kinds}
                  calls={state.calls}
                  showTriage={step === 'triage'}
                  onJudgement={setJudgement}
                  onPickUp={pickUp}
                  onConfirm={confirmTriage}
                />
              )}
              {step === 'dispatch' && (
                <DispatchPanel
                  view={decisionHere}
                  draft={dispatchDraft}
                  onDraft={setDraft}
                  onSend={sendOrder}
                  needsNone={needsNoDispatch(record.triage.get(call.id))}
                  dispatched={record.answeredIncidents.has(call.incident)}
                />
              )}
              {step === 'linkage' && linkageDraft && (
                <LinkagePanel
                  agencies={setup.agencies}
                  draft={linkageDraft}
                  done={record.linkage.get(call.incident) ?? null}
                  onDraft={setLinkageDraft}
                  onNotify={notify}
                />
              )}
              {(step === 'tracking' || step === 'close') && (
                <TrackingPanel
                  events={state.tracking.filter((e) => e.incident === call.incident)}
                  clock={clock}
                  calledBack={record.calledBack.has(call.incident)}
                  closed={record.closed.has(call.incident)}
                  onCallBack={() => note('callBack')}
                  onClose={() => note('closed')}
                />
              )}
            </div>
          )}
        </section>

        <section className="card seat-map" aria-label={t.mapLabel}>
          <SeatMap
            setup={setup}
            place={mapIncident === null ? null : (state.incidentPlaces[mapIncident] ?? null)}
            view={decisionHere}
            draft={dispatchDraft}
          />
        </section>
      </div>

      <footer className="card seat-keys" aria-label={t.shortcutsLabel} data-testid="seat-keys">
        <strong>{t.shortcutsLabel}</strong>
        {shortcuts.map((s) => (
          <span
            key={s.label + s.action}
            className={s.enabled === false ? 'seat-key-off' : undefined}
          >
            <kbd>{s.label}</kbd> {s.action}
          </span>
        ))}
        <span className="hint seat-longtasks" data-testid="seat-longtasks" data-count={longTasks}>
          {t.longTasks(longTasks)}
        </span>
      </footer>
    </div>
  );
}

/** The wall clock, once a second (ring times). */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function minutes(seconds: number, locale: string): string {
  const m = Math.floor(seconds / 60);
  const s = Math.floor(seconds % 60);
  return locale.startsWith('zh')
    ? `${m} 分 ${String(s).padStart(2, '0')} 秒`
    : `${m} min ${String(s).padStart(2, '0')} s`;
}
