/**
 * The scenario being edited, shared by every view: the document with its undo history, the
 * result of checking it (in the worker, a moment after each edit), and its autosave.
 * On load the page restores the saved workspace (and the fields' uncommitted drafts), or opens
 * the default built-in scenario. Only the tab that owns the workspace (ownership.ts) edits and
 * saves it; another tab of the app shows it read-only and takes over when the owner goes.
 */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { ReactNode } from 'react';
import { DEFAULT_SCENARIO_ID } from '../../scenarios/builtin/catalogue.ts';
import type { Language } from '../../scenarios/messages.ts';
import {
  builtinScenarioInput,
  checkEditedScenario,
  type ScenarioInfo,
} from '../../worker/client.ts';
import { DraftStore, type DraftMap, type DraftStatus } from './drafts.ts';
import {
  applyEdit,
  openDoc,
  redo as redoEdit,
  undo as undoEdit,
  type DocOrigin,
  type ScenarioDoc,
  type Workspace,
} from './history.ts';
import { announceSaved, claimWorkspace, onOwnerSaved, type Role } from './ownership.ts';
import {
  closeSession,
  loadDrafts,
  loadSavedWorkspace,
  openSession,
  saveDrafts,
  saveWorkspace,
  SAVED_HISTORY,
} from './persist.ts';
import type { RestoreFacts } from './restoreMessage.ts';
import { createSaveScheduler, type SaveOutcome } from './saveScheduler.ts';

/** Pause after an edit before it is checked: typing stays smooth. (Saving does not wait.) */
const SETTLE_MS = 300;

export type SaveState = 'restoring' | 'saved' | 'saving' | 'failed' | 'readonly';

/** What the page says once it has restored or taken over the workspace. */
export interface WorkspaceNotice {
  /** This tab was a reader and became the owner when the owning tab went. */
  tookOver: boolean;
  facts: RestoreFacts;
}

export interface WorkspaceApi {
  /** Null until the saved workspace (or the default scenario) is loaded. */
  workspace: Workspace | null;
  /** Problems opening the scenario at start (e.g. the worker failed). */
  loadError: string | null;
  /** The check of the current document; null while it runs. */
  check: ScenarioInfo | null;
  saveState: SaveState;
  /** Uncommitted field drafts (saved, but not yet part of the scenario). */
  draftCount: number;
  /** False in a tab that does not own the workspace: edits are refused. */
  editable: boolean;
  notice: WorkspaceNotice | null;
  dismissNotice(): void;
  open(doc: ScenarioDoc, origin: DocOrigin): void;
  openBuiltin(id: string): Promise<void>;
  /** `change` gets a deep copy of the document to change in place (or returns a new one). */
  edit(label: string, change: (draft: ScenarioDoc) => ScenarioDoc | void): void;
  undo(): void;
  redo(): void;
}

/** The fields' side of drafts: what to show on mounting, and each keystroke's text. */
export interface FieldDraftsApi {
  readOnly: boolean;
  restored(path: string, shown: string): string | null;
  keep(path: string, label: string, text: string, over: string): void;
  drop(path: string): void;
}

const WorkspaceContext = createContext<WorkspaceApi | null>(null);

const noDrafts: FieldDraftsApi = {
  readOnly: false,
  restored: () => null,
  keep: () => undefined,
  drop: () => undefined,
};
const FieldDraftsContext = createContext<FieldDraftsApi>(noDrafts);

export function useWorkspace(): WorkspaceApi {
  const api = useContext(WorkspaceContext);
  if (!api) throw new Error('useWorkspace outside <WorkspaceProvider>');
  return api;
}

export function useFieldDrafts(): FieldDraftsApi {
  return useContext(FieldDraftsContext);
}

/** Time from an edit to its save being complete, ms, for the end-to-end tests (main.tsx). */
const durableAfter: number[] = [];
export const autosaveLatencies = (): readonly number[] => durableAfter;

export function WorkspaceProvider({
  language,
  children,
}: {
  language: Language;
  children: ReactNode;
}) {
  const [workspace, setWorkspace] = useState<Workspace | null>(null);
  const [role, setRole] = useState<Role | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [notice, setNotice] = useState<WorkspaceNotice | null>(null);
  // Results of checking and saving, with what they were of: a result of an older document or
  // workspace than the current one is stale.
  const [checked, setChecked] = useState<{ doc: ScenarioDoc; info: ScenarioInfo } | null>(null);
  const [saved, setSaved] = useState<{ workspace: Workspace; ok: boolean } | null>(null);
  const [drafts] = useState(() => new DraftStore(saveDrafts));
  const [draftsState, setDraftsState] = useState<DraftStatus>({
    count: 0,
    pending: false,
    ok: true,
  });
  useEffect(() => drafts.subscribe(setDraftsState), [drafts]);
  const editedAt = useRef<number | null>(null);
  const owner = role === 'owner';

  const openBuiltin = useCallback(async (id: string) => {
    try {
      const doc = (await builtinScenarioInput(id)) as ScenarioDoc;
      setWorkspace(openDoc(doc, { kind: 'builtin', id }));
      setLoadError(null);
    } catch (error) {
      setLoadError(error instanceof Error ? error.message : String(error));
    }
  }, []);

  const workspaceSaver = useMemo(
    () =>
      createSaveScheduler<Workspace>(saveWorkspace, (outcome: SaveOutcome<Workspace>) => {
        if (outcome.ok) {
          durableAfter.push(outcome.at - outcome.since);
          announceSaved();
        }
        setSaved({ workspace: outcome.value, ok: outcome.ok });
      }),
    [],
  );
  // Restore what was saved, as the owner or as a reader; a reader that becomes the owner (the
  // owning tab closed) reads the owner's last save first.
  useEffect(() => {
    let live = true;
    const restore = async (asOwner: boolean, tookOver: boolean) => {
      const session = asOwner ? await openSession().catch(() => ({ endedCleanly: true })) : null;
      const saved = await loadSavedWorkspace().catch(() => undefined);
      const savedDrafts: DraftMap = asOwner ? await loadDrafts().catch(() => ({})) : {};
      if (!live) return;
      if (saved) {
        setWorkspace(saved.workspace);
        // What was read back is on disk already: no need to write it again.
        setSaved({ workspace: saved.workspace, ok: true });
      } else if (!tookOver) void openBuiltin(DEFAULT_SCENARIO_ID);
      if (!asOwner) return;
      drafts.restore(savedDrafts);
      setRole('owner');
      const facts: RestoreFacts = {
        endedCleanly: session?.endedCleanly ?? true,
        savedAt: saved?.savedAt ?? null,
        revision: saved?.workspace.revision ?? 0,
        lastEdit: saved?.workspace.label ?? '',
        undoSteps: Math.min(saved?.workspace.past.length ?? 0, SAVED_HISTORY),
        draftLabels: Object.values(savedDrafts).map((draft) => draft.label),
      };
      setNotice({ tookOver, facts });
    };
    let wasReader = false;
    const stopClaim = claimWorkspace((next) => {
      if (next === 'reader') {
        wasReader = true;
        setRole('reader');
        void restore(false, false);
      } else void restore(true, wasReader);
    });
    return () => {
      live = false;
      stopClaim();
    };
  }, [openBuiltin, drafts]);

  // A reader follows the owner's saves.
  useEffect(() => {
    if (role !== 'reader') return;
    return onOwnerSaved(() => {
      void loadSavedWorkspace().then((saved) => {
        if (saved) {
          setWorkspace(saved.workspace);
          setSaved({ workspace: saved.workspace, ok: true });
        }
      });
    });
  }, [role]);

  // Check a moment after the last edit.
  const doc = workspace?.doc;
  useEffect(() => {
    if (!doc) return;
    let wanted = true;
    const timer = setTimeout(() => {
      checkEditedScenario(doc, language).then(
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

  // Save each new workspace at once (write-through), in the owning tab only.
  useEffect(() => {
    if (!owner || !workspace || saved?.workspace === workspace) return;
    workspaceSaver.request(workspace, editedAt.current ?? undefined);
    editedAt.current = null;
  }, [owner, workspace, saved, workspaceSaver]);

  // Leaving: everything is written through already; say that this session ended cleanly.
  // Hidden (a tab switched away, a phone's app switcher): make sure the drafts are written.
  useEffect(() => {
    if (!owner) return;
    const onPageHide = () => void closeSession().catch(() => undefined);
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.persisted) void openSession().catch(() => undefined);
    };
    const onHidden = () => {
      if (document.visibilityState === 'hidden') drafts.flush();
    };
    window.addEventListener('pagehide', onPageHide);
    window.addEventListener('pageshow', onPageShow);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.removeEventListener('pagehide', onPageHide);
      window.removeEventListener('pageshow', onPageShow);
      document.removeEventListener('visibilitychange', onHidden);
    };
  }, [owner, drafts]);

  const check = checked && checked.doc === doc ? checked.info : null;
  const saveState: SaveState =
    workspace === null || role === null
      ? 'restoring'
      : !owner
        ? 'readonly'
        : (saved?.workspace === workspace && !saved.ok) || !draftsState.ok
          ? 'failed'
          : saved?.workspace === workspace && !draftsState.pending
            ? 'saved'
            : 'saving';

  const fieldDrafts = useMemo<FieldDraftsApi>(
    () => ({
      readOnly: !owner,
      restored: (path, shown) => drafts.shownIn(path, shown),
      keep: (path, label, text, over) => {
        if (owner) drafts.keep(path, { label, text, over });
      },
      drop: (path) => {
        if (owner) drafts.drop(path);
      },
    }),
    [owner, drafts],
  );

  const api = useMemo<WorkspaceApi>(() => {
    // Edits in a tab that does not own the workspace are refused: they could not be saved.
    const change = (step: (current: Workspace) => Workspace) => {
      if (!owner) return;
      setWorkspace((current) => {
        if (!current) return current;
        const next = step(current);
        if (next !== current) editedAt.current ??= performance.now();
        return next;
      });
    };
    return {
      workspace,
      loadError,
      check,
      saveState,
      draftCount: draftsState.count,
      editable: owner,
      notice,
      dismissNotice: () => setNotice(null),
      open: (doc, origin) => change(() => openDoc(doc, origin)),
      openBuiltin: async (id) => {
        if (owner) await openBuiltin(id);
      },
      edit: (label, edit) => change((current) => applyEdit(current, label, edit)),
      undo: () => change(undoEdit),
      redo: () => change(redoEdit),
    };
  }, [workspace, loadError, check, saveState, draftsState.count, owner, notice, openBuiltin]);

  return (
    <WorkspaceContext.Provider value={api}>
      <FieldDraftsContext.Provider value={fieldDrafts}>{children}</FieldDraftsContext.Provider>
    </WorkspaceContext.Provider>
  );
}
