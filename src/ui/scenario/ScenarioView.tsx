/**
 * The scenario workspace: the city map on the left, the editors on the right in tabs
 * (overview, partner agencies, units and bases, incident load, rules, raw JSON). Clicking a
 * base on the map opens its units; a district shows its call load. Every change goes through
 * the workspace's `edit` with a label for the undo button; the loader's errors are listed
 * above the editors and shown at their fields.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { AgenciesEditor } from '../editors/AgenciesEditor.tsx';
import { CalibrationPanel } from '../calibrate/CalibrationPanel.tsx';
import { DispatchEditor } from '../editors/DispatchEditor.tsx';
import { DistrictsEditor } from '../editors/DistrictsEditor.tsx';
import { RoadPickContext } from '../editors/roadPick.ts';
import { RoadsEditor } from '../editors/RoadsEditor.tsx';
import { TargetsEditor } from '../editors/TargetsEditor.tsx';
import { ErrorList } from '../editors/ErrorList.tsx';
import { problemsByPath, ProblemsContext } from '../editors/fields.tsx';
import { EventsEditor } from '../editors/EventsEditor.tsx';
import { IncidentsEditor } from '../editors/IncidentsEditor.tsx';
import {
  EDITOR_TABS,
  formatPath,
  parsePath,
  tabOfPath,
  type EditorTab,
  type FocusRequest,
} from '../editors/model.ts';
import { OverviewEditor } from '../editors/OverviewEditor.tsx';
import { RawJsonEditor, useRawDraft } from '../editors/RawJsonEditor.tsx';
import { RulesEditor } from '../editors/RulesEditor.tsx';
import { useScenarioSchema } from '../editors/SchemaForm.tsx';
import { editorStrings } from '../editors/strings.ts';
import { UnitsEditor } from '../editors/UnitsEditor.tsx';
import { useStrings } from '../i18n.ts';
import { CityMap } from '../map/CityMap.tsx';
import type { MapSelection } from '../map/types.ts';
import type { ScenarioInfo } from '../../worker/client.ts';
import { useWorkspace } from '../workspace/WorkspaceContext.tsx';
import { DistrictLoad } from './DistrictLoad.tsx';
import { RoadPickLayer, useRoadPickState } from './RoadPickLayer.tsx';
import '../editors/editors.css';
import './scenario.css';

/** Frames to wait for a field the error list points at to be drawn (tabs, details rows). */
const FOCUS_FRAMES = 20;

export function ScenarioView() {
  const t = useStrings(editorStrings);
  const { workspace, check } = useWorkspace();
  const schema = useScenarioSchema();
  const [tab, setTab] = useState<EditorTab>('overview');
  const [selection, setSelection] = useState<MapSelection>(null);
  const [focus, setFocus] = useState<FocusRequest | null>(null);
  const [rawDraft, setRawDraft] = useRawDraft();
  const body = useRef<HTMLDivElement>(null);
  const roadPick = useRoadPickState(workspace?.doc ?? null);

  // The last finished check, so that errors stay at their fields while a new one runs.
  const [shownCheck, setShownCheck] = useState<ScenarioInfo | null>(check);
  if (check !== null && check !== shownCheck) setShownCheck(check);
  const errors = useMemo(
    () => (shownCheck && !shownCheck.ok ? shownCheck.errors : []),
    [shownCheck],
  );
  const problems = useMemo(() => problemsByPath(errors), [errors]);

  const goTo = useCallback((path: string) => {
    setTab(tabOfPath(path));
    // A base chosen on the map could hide the unit in error.
    if (path.startsWith('units')) setSelection(null);
    setFocus({ path });
  }, []);

  // Focus the field the error list pointed at, or its nearest drawn parent.
  useEffect(() => {
    if (!focus) return;
    let frame = 0;
    let handle = 0;
    const attempt = () => {
      const found = findField(body.current, focus.path, frame >= FOCUS_FRAMES);
      if (found) {
        found.scrollIntoView({ block: 'center' });
        found.focus({ preventScroll: true });
        return;
      }
      frame += 1;
      if (frame <= FOCUS_FRAMES) handle = requestAnimationFrame(attempt);
    };
    handle = requestAnimationFrame(attempt);
    return () => cancelAnimationFrame(handle);
  }, [focus]);

  const selectedBase = selection?.kind === 'base' ? selection.id : null;
  const selectBase = useCallback(
    (id: string | null) => setSelection(id ? { kind: 'base', id } : null),
    [],
  );
  const onMapSelect = (next: MapSelection) => {
    // A click that picks a road segment for a form selects nothing else.
    if (roadPick.context.waitingFor !== null) return;
    setSelection(next);
    if (next?.kind === 'base') setTab('units');
  };

  if (!workspace) return null;

  return (
    <ProblemsContext.Provider value={problems}>
      <RoadPickContext.Provider value={roadPick.context}>
        <div className="scenario-layout" data-testid="scenario-view">
          <div className="scenario-map-column">
            <section className="card scenario-map-card">
              <CityMap
                doc={workspace.doc}
                ariaLabel={t.mapLabel}
                selection={selection}
                onSelect={onMapSelect}
                onLocate={roadPick.onLocate}
                overlay={roadPick.overlay}
                height={420}
                testId="scenario-map"
              />
              <RoadPickLayer state={roadPick} />
            </section>
            {selection?.kind === 'district' && (
              <DistrictLoad doc={workspace.doc} districtId={selection.id} />
            )}
          </div>
          <section className="card scenario-editors" aria-label={t.editorsLabel}>
            <ErrorList errors={errors} onGoTo={goTo} />
            <div className="editors-tabs" role="tablist" aria-label={t.editorsLabel}>
              {EDITOR_TABS.map((id) => (
                <button
                  key={id}
                  type="button"
                  role="tab"
                  id={`editor-tab-${id}`}
                  data-testid={`editor-tab-${id}`}
                  aria-selected={tab === id}
                  aria-controls="editor-panel"
                  tabIndex={tab === id ? 0 : -1}
                  onClick={() => setTab(id)}
                  onKeyDown={(event) => {
                    const step =
                      event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
                    if (!step) return;
                    const next =
                      EDITOR_TABS[
                        (EDITOR_TABS.indexOf(id) + step + EDITOR_TABS.length) % EDITOR_TABS.length
                      ];
                    setTab(next);
                    document.getElementById(`editor-tab-${next}`)?.focus();
                  }}
                >
                  {t.tabs[id]}
                  {id === 'raw' && rawDraft && (
                    <span className="editors-dot" aria-label={t.rawUnapplied}>
                      {' '}
                      •
                    </span>
                  )}
                </button>
              ))}
            </div>
            <div
              ref={body}
              id="editor-panel"
              role="tabpanel"
              aria-labelledby={`editor-tab-${tab}`}
              className="editors-body"
            >
              {tab === 'overview' && <OverviewEditor check={check} />}
              {tab === 'agencies' && <AgenciesEditor schema={schema} />}
              {tab === 'units' && (
                <UnitsEditor
                  schema={schema}
                  selectedBase={selectedBase}
                  onSelectBase={selectBase}
                  focus={focus}
                />
              )}
              {tab === 'incidents' && <IncidentsEditor schema={schema} focus={focus} />}
              {tab === 'districts' && <DistrictsEditor />}
              {tab === 'roads' && <RoadsEditor />}
              {tab === 'dispatch' && <DispatchEditor />}
              {tab === 'targets' && <TargetsEditor />}
              {tab === 'events' && <EventsEditor />}
              {tab === 'rules' && <RulesEditor schema={schema} focus={focus} />}
              {tab === 'calibrate' && <CalibrationPanel />}
              {tab === 'raw' && (
                <RawJsonEditor draft={rawDraft} onDraft={setRawDraft} check={check} onGoTo={goTo} />
              )}
            </div>
          </section>
        </div>
      </RoadPickContext.Provider>
    </ProblemsContext.Provider>
  );
}

/**
 * The field drawn for `path`; once `orParent`, the nearest drawn parent (an error inside a
 * distribution shown as JSON is shown on that box).
 */
function findField(root: HTMLElement | null, path: string, orParent: boolean): HTMLElement | null {
  if (!root) return null;
  const segments = parsePath(path);
  for (let length = segments.length; length > 0; length--) {
    const candidate = formatPath(segments.slice(0, length));
    const element = root.querySelector<HTMLElement>(`[data-path="${CSS.escape(candidate)}"]`);
    if (element) {
      return element.matches('input, select, textarea, button')
        ? element
        : (element.querySelector<HTMLElement>('input, select, textarea') ?? element);
    }
    if (!orParent) return null;
  }
  return root.querySelector<HTMLElement>('textarea');
}
