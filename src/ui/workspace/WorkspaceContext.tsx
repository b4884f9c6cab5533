/**
 * The scenario being edited, shared by every view: the document with its undo history, the
 * result of checking it (in the worker, a moment after each edit), and its autosave.
 * On load the page restores the saved workspace, or opens the default built-in scenario.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { DEFAULT_SCENARIO_ID } from '../../scenarios/builtin/catalogue.ts';
import type { Language } from '../../scenarios/messages.ts';
import { builtinScenarioInput, scenarioInfo, type ScenarioInfo } from '../../worker/client.ts';
import {
  applyEdit,
  openDoc,
  redo as redoEdit,
  undo as undoEdit,
  type DocOrigin,
  type ScenarioDoc,
  type Workspace,
} from './history.ts';
import { loadSavedWorkspace, saveWorkspace } from './persist.ts';

/** Pause after an edit before it is checked and saved: typing stays smooth. */
const SETTLE_MS = 300;

export type SaveState = 'restoring' | 'saved' | 'saving' | 'failed';

export interface WorkspaceApi {
  /** Null until the saved workspace (or the default scenario) is loaded. */
  workspace: Workspace | null;
  /** Problems opening the scenario at start (e.g. the worker failed). */
  loadError: string | null;
  /** The check of the current document; null while it runs. */
  check: ScenarioInfo | null;
  saveState: SaveState;
  open(doc: ScenarioDoc, origin: DocOrigin): void;
  openBuiltin(id: string): Promise<void>;
  /** `change` gets a deep copy of the document to change in place (or returns a new one). */
  edit(label: string, change: (draft: ScenarioDoc) => ScenarioDoc | void): void;
  undo(): void;
  redo(): void;
}

const WorkspaceContext = createContext<WorkspaceApi | null>(null);

export function useWorkspace(): WorkspaceApi {
  const api = useContext(WorkspaceContext);
  if (!api) throw new Error('useWorkspace outside <WorkspaceProvider>');
  return api;
}

export function WorkspaceProvider({
  language,
  children,
}: {
  language: Language;
  children: ReactNode;
}) {
  const [workspace, setWorkspace] = useState<Workspace | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  // Results of checking and saving, with what they were of: a result of an older document or
  // workspace than the current one is stale.
  const [checked, setChecked] = useState<{ doc: ScenarioDoc; info: ScenarioInfo } | null>(null);
  const [saved, setSaved] = useState<{ workspace: Workspace; ok: boolean } | null>(null);

  const openBuiltin = useCallback(async (id: string) => {
    try {
      const doc = (await builtinScenarioInput(id)) as ScenarioDoc;
      setWorkspace(openDoc(doc, { kind: 'builtin', id }));
      setLoadError(null);
    } catch (error) {
      setLoadError(error instanceof Error ? error.message : String(error));
    }
  }, []);

  // Restore the saved workspace, or start on the default scenario.
  useEffect(() => {
    let wanted = true;
    loadSavedWorkspace()
      .catch(() => undefined)
      .then((saved) => {
        if (!wanted) return;
        if (saved) setWorkspace(saved);
        else void openBuiltin(DEFAULT_SCENARIO_ID);
      });
    return () => {
      wanted = false;
    };
  }, [openBuiltin]);

  // Check and save a moment after the last edit.
  const doc = workspace?.doc;
  useEffect(() => {
    if (!doc) return;
    let wanted = true;
    const timer = setTimeout(() => {
      scenarioInfo({ input: doc }, language).then(
        (info) => wanted && setChecked({ doc, info }),
        (error: unknown) =>
          wanted &&
          setChecked({
            doc,
            info: {
              ok: false,
              errors: [
                { path: '', message: error instanceof Error ? error.message : String(error) },
              ],
              warnings: [],
            },
          }),
      );
    }, SETTLE_MS);
    return () => {
      wanted = false;
      clearTimeout(timer);
    };
  }, [doc, language]);

  useEffect(() => {
    if (!workspace) return;
    const timer = setTimeout(() => {
      saveWorkspace(workspace).then(
        () => setSaved({ workspace, ok: true }),
        () => setSaved({ workspace, ok: false }),
      );
    }, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [workspace]);

  const check = checked && checked.doc === doc ? checked.info : null;
  const saveState: SaveState =
    workspace === null
      ? 'restoring'
      : saved?.workspace === workspace
        ? saved.ok
          ? 'saved'
          : 'failed'
        : 'saving';

  const api = useMemo<WorkspaceApi>(
    () => ({
      workspace,
      loadError,
      check,
      saveState,
      open: (doc, origin) => setWorkspace(openDoc(doc, origin)),
      openBuiltin,
      edit: (label, change) =>
        setWorkspace((current) => (current ? applyEdit(current, label, change) : current)),
      undo: () => setWorkspace((current) => (current ? undoEdit(current) : current)),
      redo: () => setWorkspace((current) => (current ? redoEdit(current) : current)),
    }),
    [workspace, loadError, check, saveState, openBuiltin],
  );

  return <WorkspaceContext.Provider value={api}>{children}</WorkspaceContext.Provider>;
}
