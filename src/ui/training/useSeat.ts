/**
 * The page's side of the trainee's seat: opens the session in the worker, sends each action,
 * keeps the journal and autosaves it (IndexedDB) after every step, paces the clock in real-time
 * modes (small advances from a timer: the worker simulates, the page never waits on it) and ends
 * the session with its score sheet.
 */
import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
import { callWorker } from '../../worker/client.ts';
import type {
  SeatAction,
  SeatJournal,
  SeatOpened,
  SeatResult,
  SeatSetup,
  SeatState,
} from '../../worker/trainingApi.ts';
import type { ScoreSheet, SessionFile } from '../../training/api.ts';
import type { Language } from '../i18n.ts';
import { recordLongTasks } from './longTasks.ts';
import { clearStoredTraining, loadStoredTraining, storeTraining } from './sessionStore.ts';

/** A finished session: its file (to export) and its score sheet. */
export interface Finished {
  file: SessionFile;
  text: string;
  sheet: ScoreSheet;
  /** The scenario's start (local date and time), for clock times. */
  start: string;
  /** The journal it was played with (to take the seat again midway), when played here. */
  journal: SeatJournal | null;
}

/** The next exercise of the course, to start from the score sheet. */
export interface NextExercise {
  title: { zh: string; en: string };
  start(): Promise<void>;
}

export interface Seat {
  setup: SeatSetup;
  state: SeatState;
  journal: SeatJournal;
}

/** Simulated seconds per real second of each pace. */
const SPEEDS: Record<string, number> = { '1x': 1, '2x': 2, '5x': 5, '10x': 10 };
/** How often a paced clock moves the simulation on. */
const TICK_MS = 250;

export function useSeat(
  language: Language,
  /** Called when a session left unfinished is resumed (after a reload). */
  onRestored: () => void,
) {
  const [seat, setSeatState] = useState<Seat | null>(null);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [paused, setPaused] = useState(false);
  const [restoredAt, setRestoredAt] = useState<number | null>(null);
  /** The seat as of the last answer from the worker (actions read it between renders). */
  const seatRef = useRef<Seat | null>(null);
  const setSeat = useCallback((next: Seat | null) => {
    seatRef.current = next;
    setSeatState(next);
  }, []);
  const restoredEvent = useEffectEvent(onRestored);
  /** The paced clock (real-time paces), ahead of the run while a decision waits in "clock runs". */
  const [pacedTime, setPacedTime] = useState<number | null>(null);
  const pacedRef = useRef(0);
  /** Actions wait for the one before: the worker applies them in order. */
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  const open = useCallback(
    async (journal: SeatJournal, options: { rebase?: boolean } = {}) => {
      setBusy(true);
      setProblems([]);
      setRefusal(null);
      try {
        const opened = await callWorker<SeatOpened>((worker) =>
          worker.seatOpen(journal, language, options),
        );
        if (!opened.ok) {
          setProblems(opened.problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)));
          return false;
        }
        setSeat({ setup: opened.setup, state: opened.state, journal: opened.journal });
        setRestoredAt(null);
        pacedRef.current = 0;
        setPacedTime(null);
        setPaused(false);
        recordLongTasks(true);
        await storeTraining(opened.journal);
        return true;
      } catch (error) {
        setProblems([error instanceof Error ? error.message : String(error)]);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [language, setSeat],
  );

  // A session left unfinished (a reload, a crash) is resumed from its journal.
  const restored = useRef(false);
  useEffect(() => {
    if (restored.current) return;
    restored.current = true;
    void loadStoredTraining().then(async (stored) => {
      if (!stored || seatRef.current) return;
      if (await open(stored.session as SeatJournal)) {
        setRestoredAt(stored.savedAt);
        restoredEvent();
      }
    });
  }, [open]);

  const act = useCallback(
    (action: SeatAction): Promise<boolean> => {
      const run = queue.current.then(async () => {
        const current = seatRef.current;
        if (!current) return false;
        let result: SeatResult;
        try {
          result = await callWorker<SeatResult>((worker) =>
            worker.seatAct(current.setup.key, action),
          );
        } catch (error) {
          if (seatRef.current === current)
            setRefusal(error instanceof Error ? error.message : String(error));
          return false;
        }
        if (seatRef.current !== current) return false;
        if (!result.ok) {
          setRefusal(result.message);
          setSeat({ ...current, state: result.state });
          return false;
        }
        setRefusal(null);
        setSeat({ ...current, state: result.state, journal: result.journal });
        await storeTraining(result.journal);
        return true;
      });
      queue.current = run.catch(() => false);
      return run;
    },
    [setSeat],
  );

  const finish = useCallback(async () => {
    const current = seatRef.current;
    if (!current) return null;
    setBusy(true);
    // No action after this one: the paced clock's ticks find no seat and stop.
    seatRef.current = null;
    try {
      await queue.current;
      const done = await callWorker((worker) => worker.seatFinish(current.setup.key));
      const result: Finished = { ...done, journal: current.journal };
      setSeat(null);
      recordLongTasks(false);
      await clearStoredTraining();
      return result;
    } catch (error) {
      seatRef.current = current;
      setProblems([error instanceof Error ? error.message : String(error)]);
      return null;
    } finally {
      setBusy(false);
    }
  }, [setSeat]);

  // The paced clock: simulated time moves speed × real time, the run a small advance per tick.
  // A decision stops the clock in "wait" pace; in "clock runs" pace the clock goes on while the
  // run waits for the answer (which acts at the clock's time: the call waited that long). The
  // trainee may pause it.
  const speed = seat ? SPEEDS[seat.journal.exercise.pace.speed] : undefined;
  const blocked =
    !seat ||
    paused ||
    seat.state.stop === 'windowEnd' ||
    (seat.state.openDecision !== null && seat.journal.exercise.pace.whileDeciding === 'wait');
  useEffect(() => {
    if (speed === undefined || blocked) return;
    let last = performance.now();
    let pending = false;
    const timer = setInterval(() => {
      const current = seatRef.current;
      if (!current) return;
      const now = performance.now();
      // The clock starts at the window (the run before it is the built-in dispatcher's).
      const { start, end } = current.setup.window;
      const from = Math.max(pacedRef.current, current.state.time, start);
      const target = Math.min(end, from + ((now - last) / 1000) * speed);
      last = now;
      pacedRef.current = target;
      setPacedTime(target);
      if (pending || current.state.openDecision) return;
      pending = true;
      void act({ type: 'advanceTo', time: target, stopAtCalls: false }).finally(() => {
        pending = false;
      });
    }, TICK_MS);
    return () => clearInterval(timer);
  }, [speed, blocked, act]);
  const clockTime = seat ? Math.max(seat.state.time, pacedTime ?? 0) : 0;

  return {
    seat,
    /** The seat's clock: the run's time, or the paced clock's when it is ahead. */
    clockTime,
    busy,
    problems,
    refusal,
    notice,
    setNotice,
    paused,
    setPaused,
    restoredAt,
    open,
    act,
    finish,
  };
}

export type SeatController = ReturnType<typeof useSeat>;
