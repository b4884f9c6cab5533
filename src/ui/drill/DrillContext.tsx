/**
 * The drill being edited, shared by the drill view's tabs: the document with its undo history,
 * its autosave (IndexedDB, each edit written as it is made: drillStore.ts), the scenario it plays
 * on (the document of its built-in scenario, or the one embedded in it) and the check of the
 * drill against its schema and scenario (on the page, a moment after each edit: the figures the
 * page aggregates and evaluates need the loaded drill here anyway).
 */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { drillScenarioRef, loadDrillData, type DrillLoadResult } from '../../drills/api.ts';
import { loadScenario } from '../../scenarios/load.ts';
import type { Scenario } from '../../scenarios/schema.ts';
import { builtinScenarioInput } from '../../worker/client.ts';
import { useLanguage } from '../i18n.ts';
import type { ScenarioDoc } from '../workspace/history.ts';
import {
  editDrill,
  isDrillWorkspace,
  openDrill,
  redoDrill,
  undoDrill,
  type DrillDoc,
  type DrillOrigin,
  type DrillWorkspace,
} from './drillHistory.ts';
import { readDrillStore, writeDrillStore } from './drillStore.ts';
import { builtinDrillCatalogue, builtinDrillDoc } from './builtinDrills.ts';
import { newDrillDoc } from './newDrill.ts';
import { DEFAULT_SCENARIO_ID } from '../../scenarios/builtin/catalogue.ts';

const SETTLE_MS = 300;
/** Undo steps saved in IndexedDB (the page keeps DRILL_HISTORY_LIMIT). */
const SAVED_HISTORY = 20;

export type DrillSaveState = 'restoring' | 'saving' | 'saved' | 'failed';

export interface DrillApi {
  workspace: DrillWorkspace | null;
  /** The scenario the drill plays on, as a document (for the map and the lists); null while loading. */
  scenarioDoc: ScenarioDoc | null;
  /** The drill checked against its schema and scenario; null while checking. */
  check: DrillLoadResult | null;
  saveState: DrillSaveState;
  loadError: string | null;
  open(doc: DrillDoc, origin: DrillOrigin): void;
  edit(label: string, change: (draft: DrillDoc) => DrillDoc | void): void;
  undo(): void;
  redo(): void;
}

const DrillContext = createContext<DrillApi | null>(null);

export function useDrill(): DrillApi {
  const api = useContext(DrillContext);
  if (!api) throw new Error('useDrill outside <DrillProvider>');
  return api;
}

/** Built-in scenarios loaded on the page, by id (a drill names one; loading it takes a moment). */
const builtinScenarios = new Map<
  string,
  Promise<{ doc: ScenarioDoc; scenario: Scenario | null }>
>();

export function builtinScenario(id: string) {
  let entry = builtinScenarios.get(id);
  if (!entry) {
    entry = builtinScenarioInput(id).then((input) => {
      const doc = input as ScenarioDoc;
      const loaded = loadScenario(doc, 'en');
      return { doc, scenario: loaded.ok ? loaded.scenario : null };
    });
    entry.catch(() => builtinScenarios.delete(id));
    builtinScenarios.set(id, entry);
  }
  return entry;
}

export function DrillProvider({ children }: { children: ReactNode }) {
  const language = useLanguage();
  const [workspace, setWorkspace] = useState<DrillWorkspace | null>(null);
  const [saved, setSaved] = useState<{ workspace: DrillWorkspace; ok: boolean } | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [scenario, setScenario] = useState<{
    ref: string;
    doc: ScenarioDoc;
    loaded: Scenario | null;
  } | null>(null);
  const [checked, setChecked] = useState<{ doc: DrillDoc; result: DrillLoadResult } | null>(null);

  // Restore the saved drill, or open the default built-in one.
  useEffect(() => {
    let live = true;
    void (async () => {
      const stored = await readDrillStore<unknown>('workspace').catch(() => undefined);
      if (!live) return;
      if (isDrillWorkspace(stored)) {
        setWorkspace(stored);
        setSaved({ workspace: stored, ok: true });
        return;
      }
      // The first built-in drill; without any, a new drill on the default scenario.
      try {
        const [first] = await builtinDrillCatalogue(language);
        if (first) {
          const doc = await builtinDrillDoc(first.id);
          if (live) setWorkspace(openDrill(doc, { kind: 'builtin', id: first.id }));
          return;
        }
        const { doc: scenarioDoc } = await builtinScenario(DEFAULT_SCENARIO_ID);
        const today = new Date().toISOString().slice(0, 10);
        const doc = newDrillDoc(DEFAULT_SCENARIO_ID, scenarioDoc, language, today);
        if (live) setWorkspace(openDrill(doc, { kind: 'new' }));
      } catch (error) {
        if (live) setLoadError(error instanceof Error ? error.message : String(error));
      }
    })();
    return () => {
      live = false;
    };
    // Restored once, in the language of the moment.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Save each new workspace at once.
  useEffect(() => {
    if (!workspace || saved?.workspace === workspace) return;
    const written = workspace;
    // Undo steps kept across a reload, as for scenarios: each is a whole drill (with its
    // scenario, when it carries one), and every keystroke rewrites what is saved.
    const kept = {
      ...written,
      past: written.past.slice(-SAVED_HISTORY),
      future: written.future.slice(0, SAVED_HISTORY),
    };
    writeDrillStore('workspace', kept).then(
      () => setSaved({ workspace: written, ok: true }),
      () => setSaved({ workspace: written, ok: false }),
    );
  }, [workspace, saved]);

  // The scenario the drill names: a built-in loaded once, or the document embedded in it.
  const doc = workspace?.doc;
  const ref = doc ? drillScenarioRef(doc) : null;
  const embedded = doc && typeof doc.scenario === 'object' ? (doc.scenario as ScenarioDoc) : null;
  useEffect(() => {
    if (!ref) return;
    let live = true;
    builtinScenario(ref).then(
      ({ doc: scenarioDoc, scenario: loaded }) =>
        live && setScenario({ ref, doc: scenarioDoc, loaded }),
      (error: unknown) =>
        live && setLoadError(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      live = false;
    };
  }, [ref]);
  const scenarioDoc = ref ? (scenario?.ref === ref ? scenario.doc : null) : embedded;
  const builtinLoaded = ref && scenario?.ref === ref ? scenario.loaded : null;

  // Check a moment after the last edit (once its built-in scenario is there).
  useEffect(() => {
    if (!doc || (ref && !builtinLoaded)) return;
    const timer = setTimeout(() => {
      const result = loadDrillData(doc, language, (id) =>
        id === ref ? (builtinLoaded ?? undefined) : undefined,
      );
      setChecked({ doc, result });
    }, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [doc, ref, builtinLoaded, language]);

  const change = useCallback((step: (current: DrillWorkspace) => DrillWorkspace) => {
    setWorkspace((current) => (current ? step(current) : current));
  }, []);

  const check = checked && checked.doc === doc ? checked.result : null;
  const saveState: DrillSaveState =
    workspace === null
      ? 'restoring'
      : saved?.workspace === workspace
        ? saved.ok
          ? 'saved'
          : 'failed'
        : 'saving';

  const api = useMemo<DrillApi>(
    () => ({
      workspace,
      scenarioDoc,
      check,
      saveState,
      loadError,
      open: (next, origin) => change(() => openDrill(next, origin)),
      edit: (label, edit) => change((current) => editDrill(current, label, edit, Date.now())),
      undo: () => change(undoDrill),
      redo: () => change(redoDrill),
    }),
    [workspace, scenarioDoc, check, saveState, loadError, change],
  );
  return <DrillContext.Provider value={api}>{children}</DrillContext.Provider>;
}
