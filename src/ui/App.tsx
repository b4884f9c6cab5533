/**
 * The app's frame: title, the scenario library, undo and redo, the language switch, and the
 * views (scenario, run and results, comparison, replay, drill) as tabs. Each view lives in its own
 * folder; they share the workspace (the scenario being edited) and the navigation context.
 */
import { useContext, useEffect, useMemo, useState } from 'react';
import type { Report } from '../sim/analysis/report.ts';
import { CompareView } from './compare/CompareView.tsx';
import { DrillView } from './drill/DrillView.tsx';
import {
  initialLanguage,
  LanguageContext,
  localeOf,
  rememberLanguage,
  useStrings,
  type Language,
} from './i18n.ts';
import { LibraryBar } from './library/LibraryBar.tsx';
import { ReplayView } from './replay/ReplayView.tsx';
import { CrashNotice } from './results/CrashNotice.tsx';
import { RunView } from './results/RunView.tsx';
import { ScenarioView } from './scenario/ScenarioView.tsx';
import { TrainingView } from './training/TrainingView.tsx';
import { Guide } from './shell/Guide.tsx';
import { ViewBoundary } from './shell/ViewBoundary.tsx';
import {
  NavigationContext,
  VIEWS,
  type LastRun,
  type Navigation,
  type ViewId,
} from './shell/navigation.ts';
import { shellStrings } from './shell/strings.ts';
import { restoreMessage } from './workspace/restoreMessage.ts';
import { useWorkspace, WorkspaceProvider } from './workspace/WorkspaceContext.tsx';

/** The report of the last finished run, for the end-to-end tests (see main.tsx). */
let lastFinishedReport: Report | null = null;
export const lastReport = () => lastFinishedReport;

export function App() {
  const [language, setLanguage] = useState<Language>(initialLanguage);
  useEffect(() => {
    document.documentElement.lang = localeOf(language);
  }, [language]);
  const switchLanguage = () => {
    const next = language === 'zh' ? 'en' : 'zh';
    setLanguage(next);
    rememberLanguage(next);
  };
  return (
    <LanguageContext.Provider value={language}>
      <WorkspaceProvider language={language}>
        <Shell onSwitchLanguage={switchLanguage} />
      </WorkspaceProvider>
    </LanguageContext.Provider>
  );
}

function Shell({ onSwitchLanguage }: { onSwitchLanguage: () => void }) {
  const t = useStrings(shellStrings);
  const language = useContext(LanguageContext);
  const {
    workspace,
    undo,
    redo,
    saveState,
    draftCount,
    editable,
    notice,
    dismissNotice,
    loadError,
  } = useWorkspace();
  const [view, setView] = useState<ViewId>('scenario');
  const [lastRun, setLastRun] = useState<LastRun | null>(null);
  const [replayRequest, setReplayRequest] = useState<Navigation['replayRequest']>(null);
  const [guideOpen, setGuideOpen] = useState(false);

  useEffect(() => {
    document.title = t.appTitle;
  }, [t.appTitle]);
  useEffect(() => {
    lastFinishedReport = lastRun?.report ?? null;
  }, [lastRun]);

  // Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y undo and redo scenario edits, except while typing in a field
  // (where the browser's own undo belongs to the field).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) undo();
      else if (key === 'y' || (key === 'z' && event.shiftKey)) redo();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo]);

  const navigation = useMemo<Navigation>(
    () => ({
      view,
      goTo: setView,
      lastRun,
      setLastRun,
      replayRequest,
      requestReplay: (doc, seed) => {
        setReplayRequest({ doc, seed });
        setView('replay');
      },
    }),
    [view, lastRun, replayRequest],
  );

  const noticeText = notice
    ? [notice.tookOver ? t.takenOverNotice : null, restoreMessage(notice.facts, language)]
        .filter((part) => part !== null)
        .join(language === 'zh' ? '' : ' ')
    : '';
  const undoLabel = workspace?.past.length ? workspace.label : '';
  const redoLabel = workspace?.future[0]?.label ?? '';

  return (
    <NavigationContext.Provider value={navigation}>
      <div className="app">
        <header className="app-header">
          <div className="app-brand">
            <h1 data-testid="app-title">{t.appTitle}</h1>
            <p className="subtitle">{t.appSubtitle}</p>
          </div>
          <LibraryBar />
          <div className="app-tools">
            <button
              type="button"
              data-testid="undo"
              disabled={!editable || !workspace?.past.length}
              title={undoLabel ? t.undoWhat(undoLabel) : t.undo}
              aria-keyshortcuts="Control+Z"
              onClick={undo}
            >
              {t.undo}
            </button>
            <button
              type="button"
              data-testid="redo"
              disabled={!editable || !workspace?.future.length}
              title={redoLabel ? t.redoWhat(redoLabel) : t.redo}
              aria-keyshortcuts="Control+Y"
              onClick={redo}
            >
              {t.redo}
            </button>
            <span
              className="save-state"
              data-testid="save-state"
              data-state={saveState}
              data-drafts={draftCount}
              title={saveState === 'saved' && draftCount > 0 ? t.savedWithDraftsTitle : undefined}
            >
              {saveState === 'saved' && draftCount > 0
                ? t.savedWithDrafts(draftCount)
                : t.saveState[saveState]}
            </span>
            <button
              type="button"
              data-testid="help"
              aria-haspopup="dialog"
              onClick={() => setGuideOpen(true)}
            >
              {t.help}
            </button>
            <button
              type="button"
              className="language"
              data-testid="language-switch"
              aria-label={t.switchLanguageLabel}
              lang={t.otherLanguageTag}
              onClick={onSwitchLanguage}
            >
              {t.switchLanguage}
            </button>
          </div>
        </header>

        <nav className="tabs" role="tablist" aria-label={t.views}>
          {VIEWS.map((id) => (
            <button
              key={id}
              type="button"
              role="tab"
              id={`tab-${id}`}
              data-testid={`tab-${id}`}
              aria-selected={view === id}
              aria-controls={`view-${id}`}
              tabIndex={view === id ? 0 : -1}
              onClick={() => setView(id)}
              onKeyDown={(event) => {
                const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
                if (!step) return;
                const next = VIEWS[(VIEWS.indexOf(id) + step + VIEWS.length) % VIEWS.length];
                setView(next);
                document.getElementById(`tab-${next}`)?.focus();
              }}
            >
              {t.view[id]}
            </button>
          ))}
        </nav>

        <Guide open={guideOpen} onClose={() => setGuideOpen(false)} />
        <CrashNotice />
        {saveState === 'readonly' && (
          <p className="workspace-notice readonly" role="status" data-testid="readonly-notice">
            {t.readOnlyNotice}
          </p>
        )}
        {noticeText && (
          <p className="workspace-notice" role="status" data-testid="restore-notice">
            <span>{noticeText}</span>
            <button type="button" data-testid="dismiss-notice" onClick={dismissNotice}>
              {t.dismissNotice}
            </button>
          </p>
        )}
        {loadError && (
          <p className="problems" role="alert" data-testid="load-error">
            {t.loadFailed(loadError)}
          </p>
        )}
        {workspace === null ? (
          <p className="placeholder" aria-busy="true" data-testid="workspace-loading">
            {t.loading}
          </p>
        ) : (
          VIEWS.map((id) => (
            // Views stay mounted when hidden: a running run or a paused replay keeps its state.
            <main
              key={id}
              id={`view-${id}`}
              role="tabpanel"
              aria-labelledby={`tab-${id}`}
              hidden={view !== id}
              className={`view view-${id}`}
            >
              <ViewBoundary
                resetKey={workspace.doc}
                render={(error, retry) => (
                  <section className="card problems" role="alert" data-testid="view-error">
                    <p>{t.viewFailed(error.message)}</p>
                    <button type="button" onClick={retry}>
                      {t.retry}
                    </button>
                  </section>
                )}
              >
                {id === 'scenario' && <ScenarioView />}
                {id === 'run' && <RunView />}
                {id === 'compare' && <CompareView />}
                {id === 'replay' && <ReplayView />}
                {id === 'drill' && <DrillView />}
                {id === 'training' && <TrainingView />}
              </ViewBoundary>
            </main>
          ))
        )}
      </div>
    </NavigationContext.Provider>
  );
}
