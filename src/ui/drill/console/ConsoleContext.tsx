/**
 * The drill-day record shared by the console, the evaluation and the printouts: the console's
 * state for the drill being edited (by its id), written to IndexedDB on every change — every
 * button and every keystroke — so that a reloaded or crashed tab resumes where it was. The
 * clock is anchored to the wall clock (consoleModel.ts), so it keeps true time across a reload.
 */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import {
  consoleReducer,
  isConsoleState,
  newConsole,
  type ConsoleAction,
  type ConsoleState,
} from '../consoleModel.ts';
import { useDrill } from '../DrillContext.tsx';
import { readDrillStore, writeDrillStore } from '../drillStore.ts';

type ConsoleBook = Record<string, ConsoleState>;

export interface ConsoleApi {
  /** Null until the saved record is read back. */
  state: ConsoleState | null;
  dispatch(action: ConsoleAction): void;
  /** Starts the drill's record afresh (after a confirmation in the view). */
  reset(): void;
  /** Whether the last change reached IndexedDB. */
  saved: boolean;
}

const ConsoleContext = createContext<ConsoleApi | null>(null);

export function useConsole(): ConsoleApi {
  const api = useContext(ConsoleContext);
  if (!api) throw new Error('useConsole outside <ConsoleProvider>');
  return api;
}

export function ConsoleProvider({ children }: { children: ReactNode }) {
  const { workspace } = useDrill();
  const drillId = typeof workspace?.doc.id === 'string' ? workspace.doc.id : '';
  const [book, setBook] = useState<ConsoleBook | null>(null);
  const [saved, setSaved] = useState(true);
  const written = useRef<ConsoleBook | null>(null);

  useEffect(() => {
    void readDrillStore<unknown>('console').then(
      (stored) => {
        const restored: ConsoleBook = {};
        if (stored && typeof stored === 'object')
          for (const [id, state] of Object.entries(stored as Record<string, unknown>))
            if (isConsoleState(state)) restored[id] = state;
        written.current = restored;
        setBook((current) => current ?? restored);
      },
      () => setBook((current) => current ?? {}),
    );
  }, []);

  useEffect(() => {
    if (!book || book === written.current) return;
    setSaved(false);
    writeDrillStore('console', book).then(
      () => {
        written.current = book;
        setSaved(true);
      },
      () => setSaved(false),
    );
  }, [book]);

  const dispatch = useCallback(
    (action: ConsoleAction) =>
      setBook((current) => {
        if (!current || !drillId) return current;
        const state = current[drillId] ?? newConsole(drillId);
        const next = consoleReducer(state, action);
        return next === state && current[drillId] ? current : { ...current, [drillId]: next };
      }),
    [drillId],
  );
  const reset = useCallback(
    () =>
      setBook((current) =>
        current && drillId ? { ...current, [drillId]: newConsole(drillId) } : current,
      ),
    [drillId],
  );

  const state = book && drillId ? (book[drillId] ?? newConsole(drillId)) : null;
  const api = useMemo<ConsoleApi>(
    () => ({ state, dispatch, reset, saved }),
    [state, dispatch, reset, saved],
  );
  return <ConsoleContext.Provider value={api}>{children}</ConsoleContext.Provider>;
}
