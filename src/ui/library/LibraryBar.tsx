/**
 * The scenario library in the app's header: pick a built-in scenario, open a scenario file (the
 * button or a drop anywhere on the page), reopen a recent file, export the scenario as JSON, and
 * import call history, roads or district boundaries into it. The current scenario's origin and
 * its edits not yet exported are shown below the buttons.
 *
 * Nothing the planner did is lost silently: a file is checked before it replaces anything, and
 * opening another scenario over unexported edits asks first and keeps the edited version under
 * "Recent".
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { decodeText } from '../../scenarios/decode.ts';
import type { ScenarioProblem } from '../../scenarios/load.ts';
import { BUILTIN_CATALOGUE } from '../../scenarios/builtin/catalogue.ts';
import { localeOf, useLanguage, useStrings } from '../i18n.ts';
import { useWorkspace } from '../workspace/WorkspaceContext.tsx';
import type { DocOrigin, EditedCopy, ScenarioDoc } from '../workspace/history.ts';
import { recentFiles, rememberRecentFile, type RecentFile } from '../workspace/persist.ts';
import { CallImportDialog } from './CallImportDialog.tsx';
import { Dialog } from './Dialog.tsx';
import { DistrictImportDialog } from './DistrictImportDialog.tsx';
import { ProblemList } from './FileStep.tsx';
import {
  checkScenarioFile,
  downloadText,
  droppedKind,
  readAsBytes,
  exportFileName,
  scenarioJson,
  type TextFile,
} from './files.ts';
import { MenuButton } from './MenuButton.tsx';
import { zippedMapKind } from './mapFile.ts';
import { RoadImportDialog } from './RoadImportDialog.tsx';
import { libraryStrings } from './strings.ts';
import './library.css';

type ImportKind = 'calls' | 'roads' | 'districts';

export function LibraryBar() {
  const t = useStrings(libraryStrings);
  const language = useLanguage();
  const { workspace, open, openBuiltin, editable } = useWorkspace();
  // A read-only tab (another tab owns the workspace) cannot open or import into it.
  const canChange = workspace !== null && editable;
  const fileInput = useRef<HTMLInputElement>(null);
  /** The document as last exported: edits after it are the ones not yet in a file. */
  const [exportedDoc, setExportedDoc] = useState<ScenarioDoc | null>(null);
  const [pendingOpen, setPendingOpen] = useState<(() => void) | null>(null);
  const [fileErrors, setFileErrors] = useState<{
    name: string;
    errors: ScenarioProblem[];
  } | null>(null);
  const [importing, setImporting] = useState<{ kind: ImportKind; file: TextFile | null } | null>(
    null,
  );
  const [recent, setRecent] = useState<RecentFile[]>([]);
  const [reading, setReading] = useState<string | null>(null);

  const refreshRecent = useCallback(() => {
    recentFiles().then(setRecent, () => setRecent([]));
  }, []);
  useEffect(refreshRecent, [refreshRecent]);

  const doc = workspace?.doc;
  const origin = workspace?.origin;
  const edits = workspace && workspace.doc !== exportedDoc ? workspace.revision : 0;
  const formatTime = (ms: number) =>
    new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'short', timeStyle: 'short' }).format(
      ms,
    );
  const originName = origin ? nameOfOrigin(origin, language, t, formatTime) : '';

  /** Runs `openIt` at once, or after the planner confirms leaving unexported edits. */
  const guardedOpen = (openIt: () => void) => {
    if (edits > 0) setPendingOpen(() => openIt);
    else openIt();
  };

  const keepEditedCopy = async () => {
    if (!doc) return;
    const now = Date.now();
    // Kept by what it is a copy of, so that its name is written in whichever language it is
    // shown in; `name` (in today's language) only keys the entry.
    const of = origin?.kind === 'builtin' ? { builtin: origin.id } : { file: baseName(origin) };
    await rememberRecentFile({
      name: t.editedCopy(originName, formatTime(now)),
      edited: { of, at: now },
      openedAt: now,
      doc,
    }).catch(() => undefined);
    refreshRecent();
  };

  const openFileDoc = (name: string, fileDoc: ScenarioDoc, edited?: EditedCopy) => {
    open(fileDoc, edited ? { kind: 'file', name, edited } : { kind: 'file', name });
    setExportedDoc(null);
    rememberRecentFile({
      name,
      ...(edited ? { edited } : {}),
      openedAt: Date.now(),
      doc: fileDoc,
    }).then(setRecent, () => {});
  };

  const openScenarioFile = async (file: TextFile) => {
    setReading(file.name);
    try {
      const checked = await checkScenarioFile(file, language);
      if (checked.ok) guardedOpen(() => openFileDoc(file.name, checked.doc));
      else setFileErrors({ name: file.name, errors: checked.errors });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      setFileErrors({ name: file.name, errors: [{ path: '', message }] });
    } finally {
      setReading(null);
    }
  };

  const readFile = async (file: File): Promise<TextFile | null> => {
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      if (readAsBytes(file.name)) return { name: file.name, text: '', bytes };
      const decoded = decodeText(bytes, language);
      if (decoded.ok) return { name: file.name, text: decoded.text };
      setFileErrors({ name: file.name, errors: [{ path: '', message: decoded.message }] });
      return null;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      setFileErrors({ name: file.name, errors: [{ path: '', message: t.notReadable(reason) }] });
      return null;
    }
  };

  const dialogOpen = pendingOpen !== null || fileErrors !== null || importing !== null;
  const dragging = useFileDrop(!dialogOpen && canChange, async (dropped) => {
    if (/\.zip$/i.test(dropped.name)) {
      // A zipped shapefile: districts if it holds polygons, else roads (whose dialog also
      // names what is wrong with a zip that is no shapefile).
      const parts = [{ name: dropped.name, bytes: new Uint8Array(await dropped.arrayBuffer()) }];
      const kind = zippedMapKind(parts, language);
      setImporting({ kind, file: { name: dropped.name, text: '', parts } });
      return;
    }
    const file = await readFile(dropped);
    if (!file) return;
    const kind = droppedKind(file);
    if (kind === 'scenario') void openScenarioFile(file);
    else if (kind === 'unknown')
      setFileErrors({
        name: file.name,
        errors: [{ path: '', message: t.unknownFileType(file.name) }],
      });
    else setImporting({ kind, file });
  });

  const exportScenario = () => {
    if (!doc || !origin) return;
    downloadText(exportFileName(doc, originName), scenarioJson(doc));
    setExportedDoc(doc);
  };

  const currentBuiltin = origin?.kind === 'builtin' ? origin.id : '';
  const scenarioName = typeof doc?.name === 'string' && doc.name ? doc.name : originName;

  return (
    <div className="library-bar">
      <div className="library-controls">
        <select
          data-testid="scenario-select"
          aria-label={t.builtinLabel}
          title={originName}
          value={currentBuiltin}
          disabled={!canChange}
          onChange={(event) => {
            const id = event.target.value;
            if (id) guardedOpen(() => void openBuiltin(id).then(() => setExportedDoc(null)));
          }}
        >
          {origin?.kind === 'file' && <option value="">{`— ${t.fromFile}`}</option>}
          {BUILTIN_CATALOGUE.map((scenario) => (
            <option key={scenario.id} value={scenario.id}>
              {scenario.title[language]}
            </option>
          ))}
        </select>
        <button
          type="button"
          data-testid="open-file"
          title={t.openFileTitle}
          disabled={!canChange}
          onClick={() => fileInput.current?.click()}
        >
          {t.openFile}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          data-testid="open-file-input"
          aria-label={t.openFile}
          onChange={async (event) => {
            const chosen = event.target.files?.[0];
            event.target.value = '';
            const file = chosen && (await readFile(chosen));
            if (file) void openScenarioFile(file);
          }}
        />
        <MenuButton
          label={t.recent}
          testId="recent-files"
          disabled={!canChange}
          empty={t.recentEmpty}
          onOpen={refreshRecent}
          items={recent.map((entry) => ({
            key: entry.name,
            label: nameOfOrigin({ kind: 'file', ...entry }, language, t, formatTime),
            detail: t.recentOpened(formatTime(entry.openedAt)),
            testId: 'recent-file',
            onSelect: () => guardedOpen(() => openFileDoc(entry.name, entry.doc, entry.edited)),
          }))}
        />
        <button
          type="button"
          data-testid="export-scenario"
          disabled={!doc}
          title={doc ? t.exportTitle(exportFileName(doc, originName)) : undefined}
          onClick={exportScenario}
        >
          {t.export}
        </button>
        <MenuButton
          label={t.import}
          testId="import-menu"
          disabled={!canChange}
          items={(
            [
              ['calls', t.importCalls],
              ['roads', t.importRoads],
              ['districts', t.importDistricts],
            ] as const
          ).map(([kind, label]) => ({
            key: kind,
            label,
            testId: `import-${kind}`,
            onSelect: () => setImporting({ kind, file: null }),
          }))}
        />
      </div>
      {workspace && (
        <p className="library-status" data-testid="scenario-status">
          <span data-testid="scenario-origin" title={scenarioName}>
            {origin?.kind === 'file' ? t.originFile(originName) : t.originBuiltin}
          </span>
          {' · '}
          {reading ? (
            <span role="status">{t.reading(reading)}</span>
          ) : (
            <span
              data-testid="unsaved-edits"
              data-edits={edits}
              className={edits > 0 ? 'library-unsaved' : undefined}
              title={edits > 0 ? t.unsavedTitle : undefined}
            >
              {edits > 0 ? t.unsaved(edits) : t.noUnsaved}
            </span>
          )}
        </p>
      )}

      {dragging && (
        <div className="library-drop-overlay" data-testid="drop-overlay" aria-hidden="true">
          <div>
            <strong>{t.dropHere}</strong>
            <span>{t.dropHint}</span>
          </div>
        </div>
      )}

      {pendingOpen && (
        <Dialog
          title={t.confirmTitle}
          onClose={() => setPendingOpen(null)}
          testId="confirm-open-dialog"
          role="alertdialog"
        >
          <p>{t.confirmBody(edits, scenarioName)}</p>
          <div className="buttons library-dialog-actions">
            <button type="button" data-testid="confirm-cancel" onClick={() => setPendingOpen(null)}>
              {t.cancel}
            </button>
            <button
              type="button"
              data-testid="confirm-export-open"
              onClick={async () => {
                exportScenario();
                await keepEditedCopy();
                pendingOpen();
                setPendingOpen(null);
              }}
            >
              {t.confirmExportThenOpen}
            </button>
            <button
              type="button"
              className="primary"
              data-testid="confirm-open"
              onClick={async () => {
                await keepEditedCopy();
                pendingOpen();
                setPendingOpen(null);
              }}
            >
              {t.confirmOpen}
            </button>
          </div>
        </Dialog>
      )}

      {fileErrors && (
        <Dialog
          title={t.fileErrorTitle(fileErrors.name)}
          onClose={() => setFileErrors(null)}
          testId="file-error-dialog"
          role="alertdialog"
          wide
        >
          <p>{t.fileErrorIntro}</p>
          <ProblemList problems={fileErrors.errors} testId="file-errors" />
          <div className="buttons library-dialog-actions">
            <button type="button" className="primary" onClick={() => setFileErrors(null)}>
              {t.close}
            </button>
          </div>
        </Dialog>
      )}

      {importing?.kind === 'calls' && (
        <CallImportDialog initialFile={importing.file} onClose={() => setImporting(null)} />
      )}
      {importing?.kind === 'roads' && (
        <RoadImportDialog initialFile={importing.file} onClose={() => setImporting(null)} />
      )}
      {importing?.kind === 'districts' && (
        <DistrictImportDialog initialFile={importing.file} onClose={() => setImporting(null)} />
      )}
    </div>
  );
}

/** A built-in's title in a language. */
function builtinTitle(id: string, language: ReturnType<typeof useLanguage>): string {
  const entry = BUILTIN_CATALOGUE.find((scenario) => scenario.id === id);
  return entry ? entry.title[language] : id;
}

/** The file an origin is (a copy of): its own name, or that of the file it was copied from. */
function baseName(origin: DocOrigin | undefined): string {
  if (!origin || origin.kind === 'builtin') return '';
  const of = origin.edited?.of;
  return of && 'file' in of ? of.file : origin.name;
}

/**
 * An origin's name in the page's language: a built-in's title, a file's name, an edited copy as
 * "<what it copies> (edited <when>)" written now, whatever language it was kept in.
 */
function nameOfOrigin(
  origin: DocOrigin,
  language: ReturnType<typeof useLanguage>,
  t: { editedCopy: (name: string, when: string) => string },
  formatTime: (ms: number) => string,
): string {
  if (origin.kind === 'builtin') return builtinTitle(origin.id, language);
  if (!origin.edited) return origin.name;
  const { of, at } = origin.edited;
  const copied = 'builtin' in of ? builtinTitle(of.builtin, language) : of.file;
  return t.editedCopy(copied, formatTime(at));
}

/**
 * Files dragged over the page: true while a drag with files is over it (for the overlay);
 * `onDrop` gets the first file dropped. Drops are refused while `enabled` is false (a dialog is
 * open), but still kept from making the browser navigate to the file.
 */
function useFileDrop(enabled: boolean, onDrop: (file: File) => void): boolean {
  const [dragging, setDragging] = useState(false);
  const handler = useRef(onDrop);
  useEffect(() => {
    handler.current = onDrop;
  });
  useEffect(() => {
    // dragenter and dragleave fire for every element crossed: count them to know when it left.
    let depth = 0;
    const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
    const onEnter = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth++;
      if (enabled) setDragging(true);
    };
    const onOver = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = enabled ? 'copy' : 'none';
    };
    const onLeave = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onDropEvent = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      const file = event.dataTransfer?.files[0];
      if (enabled && file) handler.current(file);
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDropEvent);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDropEvent);
    };
  }, [enabled]);
  return dragging;
}
