/**
 * The drill view (演练): the drill library and undo/redo over the drill being edited, then its
 * sections — plan and script, prediction, print and export, the controller console, evaluation
 * and the year plan. The sections stay mounted when hidden: a running prediction or a drill-day
 * clock carries on while the planner looks elsewhere.
 */
import { useEffect, useRef, useState } from 'react';
import { BUILTIN_CATALOGUE } from '../../scenarios/builtin/catalogue.ts';
import { useLanguage, useStrings } from '../i18n.ts';
import { useNavigation } from '../shell/navigation.ts';
import { useWorkspace } from '../workspace/WorkspaceContext.tsx';
import { builtinDrillCatalogue, builtinDrillDoc, type BuiltinDrillEntry } from './builtinDrills.ts';
import { ConsoleProvider } from './console/ConsoleContext.tsx';
import { ConsoleView } from './console/ConsoleView.tsx';
import { builtinScenario, DrillProvider, useDrill } from './DrillContext.tsx';
import { DrillEditor } from './editor/DrillEditor.tsx';
import { EvaluationProvider } from './evaluate/EvaluationContext.tsx';
import { EvaluateView } from './evaluate/EvaluateView.tsx';
import { checkDrillFile, downloadBlob, drillFileName, drillJson } from './files.ts';
import { newDrillDoc } from './newDrill.ts';
import { PlanView } from './plan/PlanView.tsx';
import { PredictionProvider } from './predict/PredictionContext.tsx';
import { PredictView } from './predict/PredictView.tsx';
import { PrintView } from './forms/PrintView.tsx';
import { drillStrings } from './strings.ts';
import type { DrillProblem } from '../../drills/api.ts';
import './drill.css';

const SECTIONS = ['script', 'predict', 'print', 'console', 'evaluate', 'plan'] as const;
type Section = (typeof SECTIONS)[number];

/** The drill view's body, loaded on the first visit to the view (DrillView.tsx). */
export default function DrillRoot() {
  return (
    <DrillProvider>
      <PredictionProvider>
        <ConsoleProvider>
          <EvaluationProvider>
            <DrillFrame />
          </EvaluationProvider>
        </ConsoleProvider>
      </PredictionProvider>
    </DrillProvider>
  );
}

function DrillFrame() {
  const t = useStrings(drillStrings);
  const { workspace, saveState, undo, redo, loadError } = useDrill();
  const { view } = useNavigation();
  const [section, setSection] = useState<Section>('script');

  // Ctrl+Z / Ctrl+Y undo and redo the drill while this view is shown (not the scenario's).
  useEffect(() => {
    if (view !== 'drill') return;
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) undo();
      else if (key === 'y' || (key === 'z' && event.shiftKey)) redo();
      else return;
      event.preventDefault();
      event.stopImmediatePropagation();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [view, undo, redo]);

  if (loadError && !workspace) return <p className="problems">{loadError}</p>;
  if (!workspace)
    return (
      <p className="placeholder" aria-busy="true" data-testid="drill-loading">
        {t.loading}
      </p>
    );
  const name = String((workspace.doc.header as { name?: unknown } | undefined)?.name ?? '');
  return (
    <div className="drill-view" data-testid="drill-view">
      <div className="drill-bar" data-testid="drill-bar">
        <h2 className="drill-title" data-testid="drill-title">
          {name}
        </h2>
        <DrillLibrary />
        <button
          type="button"
          data-testid="drill-undo"
          disabled={workspace.past.length === 0}
          title={workspace.label ? t.undoWhat(workspace.label) : t.undo}
          onClick={undo}
        >
          {t.undo}
        </button>
        <button
          type="button"
          data-testid="drill-redo"
          disabled={workspace.future.length === 0}
          title={workspace.future[0]?.label ? t.redoWhat(workspace.future[0].label) : t.redo}
          onClick={redo}
        >
          {t.redo}
        </button>
        <span className="drill-save-state" data-testid="drill-save-state" data-state={saveState}>
          {t.saveState[saveState]}
        </span>
      </div>
      <nav className="drill-sections" role="tablist" aria-label={t.sectionsLabel}>
        {SECTIONS.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`drill-tab-${id}`}
            data-testid={`drill-tab-${id}`}
            aria-selected={section === id}
            aria-controls={`drill-section-${id}`}
            onClick={() => setSection(id)}
          >
            {t.sections[id]}
          </button>
        ))}
      </nav>
      {SECTIONS.map((id) => (
        <div
          key={id}
          id={`drill-section-${id}`}
          role="tabpanel"
          aria-labelledby={`drill-tab-${id}`}
          hidden={section !== id}
          className={`drill-section drill-section-${id}`}
        >
          {id === 'script' && <DrillEditor />}
          {id === 'predict' && <PredictView />}
          {id === 'print' && <PrintView active={section === 'print'} />}
          {id === 'console' && <ConsoleView />}
          {id === 'evaluate' && <EvaluateView />}
          {id === 'plan' && <PlanView active={section === 'plan'} />}
        </div>
      ))}
    </div>
  );
}

function DrillLibrary() {
  const t = useStrings(drillStrings);
  const language = useLanguage();
  const { open, workspace } = useDrill();
  const scenarioWorkspace = useWorkspace().workspace;
  const [builtins, setBuiltins] = useState<BuiltinDrillEntry[]>([]);
  const [problems, setProblems] = useState<{ name: string; errors: DrillProblem[] } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    void builtinDrillCatalogue(language).then(setBuiltins, () => setBuiltins([]));
  }, [language]);
  const today = new Date().toISOString().slice(0, 10);

  const newFromCurrent = () => {
    if (!scenarioWorkspace) return;
    const { origin, doc, revision } = scenarioWorkspace;
    // An unchanged built-in is named by its id; anything else travels inside the drill.
    const scenario = origin.kind === 'builtin' && revision === 0 ? origin.id : doc;
    open(newDrillDoc(scenario, doc, language, today), { kind: 'new' });
  };
  const newFromBuiltin = async (id: string) => {
    const { doc } = await builtinScenario(id);
    open(newDrillDoc(id, doc, language, today), { kind: 'new' });
  };
  const openBuiltinDrill = async (id: string) => {
    open(await builtinDrillDoc(id), { kind: 'builtin', id });
  };
  const openFile = async (file: File) => {
    const checked = await checkDrillFile(await file.text(), language);
    if (!checked.ok) {
      setProblems({ name: file.name, errors: checked.errors });
      return;
    }
    setProblems(null);
    open(checked.doc, { kind: 'file', name: file.name });
  };

  return (
    <div className="drill-library">
      <select
        aria-label={t.library}
        data-testid="drill-library"
        value=""
        onChange={(event) => {
          const [kind, id] = event.target.value.split(':');
          event.target.value = '';
          if (kind === 'drill') void openBuiltinDrill(id);
          else if (kind === 'scenario') void newFromBuiltin(id);
          else if (kind === 'current') newFromCurrent();
          else if (kind === 'file') fileInput.current?.click();
          else if (kind === 'export' && workspace)
            downloadBlob(
              drillFileName(workspace.doc),
              new Blob([drillJson(workspace.doc)], { type: 'application/json' }),
            );
        }}
      >
        <option value="">{t.library}…</option>
        <optgroup label={t.builtinDrills}>
          {builtins.length === 0 && <option disabled>{t.noBuiltinDrills}</option>}
          {builtins.map((entry) => (
            <option key={entry.id} value={`drill:${entry.id}`}>
              {entry.name}
            </option>
          ))}
        </optgroup>
        <optgroup label={t.newFromBuiltin}>
          {BUILTIN_CATALOGUE.map((entry) => (
            <option key={entry.id} value={`scenario:${entry.id}`}>
              {entry.title[language]}
            </option>
          ))}
        </optgroup>
        <option value="current:">{t.newFromScenario}</option>
        <option value="file:">{t.openFile}</option>
        <option value="export:">{t.exportFile}</option>
      </select>
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="drill-file-input"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void openFile(file);
        }}
      />
      {problems && (
        <div className="problems" role="alert" data-testid="drill-file-errors">
          <p>{t.fileErrors(problems.name)}</p>
          <ul>
            {problems.errors.map((error, index) => (
              <li key={index}>
                {error.path ? `${error.path}：` : ''}
                {error.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
