/**
 * Import of a road network from GeoJSON or OpenStreetMap XML: choose the file, (for GeoJSON) the
 * property holding the road class, then map each class found to one of the scenario's road
 * classes or a new class with its speed. One undoable edit replaces the scenario's travel model
 * with the road graph. The reading is src/scenarios/importGeo.ts.
 */
import { useMemo, useState } from 'react';
import {
  buildRoadGraph,
  defaultRoadSpeed,
  featurePropertyNames,
  guessRoadClassProperty,
  parseGeoJson,
  roadLinesFromGeoJson,
  roadLinesFromOsm,
  sourceClassCounts,
  type GeoJsonFeature,
  type GeoResult,
  type RoadLines,
} from '../../scenarios/importGeo.ts';
import { localeOf, useLanguage, useStrings, type Language } from '../i18n.ts';
import { useWorkspace } from '../workspace/WorkspaceContext.tsx';
import type { ScenarioDoc } from '../workspace/history.ts';
import { ImportDialog, ProblemList } from './FileStep.tsx';
import type { TextFile } from './files.ts';
import { libraryStrings, type LibraryStrings } from './strings.ts';

/** Road events name edges by their index: a new network makes those indices meaningless. */
const ROAD_EVENT_TYPES = new Set(['closeRoad', 'openRoad', 'damageRoad']);

/** Target of a source class: an existing class of the scenario, or a new one with a speed. */
type ClassChoice = { existing: string } | { newSpeed: string };

type RoadClassData = { speedKmh: number; hourFactors?: number[] };

export function RoadImportDialog({
  initialFile,
  onClose,
}: {
  initialFile: TextFile | null;
  onClose: () => void;
}) {
  const t = useStrings(libraryStrings);
  return (
    <ImportDialog
      title={t.roadsTitle}
      intro={t.roadsIntro}
      accept=".geojson,.json,.osm,.xml,application/geo+json,application/json,application/xml"
      testId="road-import"
      initialFile={initialFile}
      onClose={onClose}
      steps={(file, onDone) => <RoadFile file={file} onDone={onDone} />}
    />
  );
}

function isOsmXml(text: string): boolean {
  return text
    .trimStart()
    .replace(/^\uFEFF/, '')
    .startsWith('<');
}

function RoadFile({ file, onDone }: { file: TextFile; onDone: () => void }) {
  const t = useStrings(libraryStrings);
  const language = useLanguage();
  const osm = isOsmXml(file.text);
  const features = useMemo(
    () => (osm ? null : parseGeoJson(file.text, language)),
    [osm, file.text, language],
  );
  const propertyNames = features?.ok ? featurePropertyNames(features.value) : [];
  const [classProperty, setClassProperty] = useState(() => guessRoadClassProperty(propertyNames));

  const lines = useMemo<GeoResult<RoadLines>>(() => {
    if (osm) return roadLinesFromOsm(file.text, language);
    if (!features!.ok) return features as Extract<GeoResult<GeoJsonFeature[]>, { ok: false }>;
    return roadLinesFromGeoJson(features!.value, classProperty, language);
  }, [osm, file.text, features, classProperty, language]);

  return (
    <>
      {!osm && features?.ok && (
        <label className="library-inline-field">
          {t.classProperty}
          <select
            data-testid="road-class-property"
            value={classProperty ?? ''}
            onChange={(event) => setClassProperty(event.target.value || undefined)}
          >
            <option value="">{t.noClassProperty}</option>
            {propertyNames.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
      )}
      {lines.ok ? (
        <RoadClassMapping
          key={classProperty ?? ''}
          fileName={file.name}
          roads={lines.value}
          onDone={onDone}
        />
      ) : (
        <ProblemList problems={lines.errors} testId="road-import-problems" />
      )}
    </>
  );
}

function RoadClassMapping({
  fileName,
  roads,
  onDone,
}: {
  fileName: string;
  roads: RoadLines;
  onDone: () => void;
}) {
  const t = useStrings(libraryStrings);
  const language = useLanguage();
  const { workspace, edit } = useWorkspace();
  const doc = workspace!.doc;
  const travel = (doc.travel ?? {}) as Record<string, unknown>;
  const existing = existingRoadClasses(travel);
  const counts = useMemo(() => sourceClassCounts(roads.lines), [roads]);
  const [choices, setChoices] = useState<Record<string, ClassChoice>>(() =>
    Object.fromEntries(
      counts.map(([source]) => [
        source,
        Object.hasOwn(existing, source)
          ? { existing: source }
          : { newSpeed: String(defaultRoadSpeed(source)) },
      ]),
    ),
  );

  const speedProblem = Object.values(choices).some(
    (choice) => 'newSpeed' in choice && !(Number(choice.newSpeed) > 0),
  );
  const built = useMemo(
    () => (speedProblem ? null : buildGraph(roads, choices, existing, language)),
    // `existing` comes from the document, which does not change while the dialog is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [roads, choices, speedProblem, language],
  );
  const roadEvents = Array.isArray(doc.events)
    ? doc.events.filter((event) => ROAD_EVENT_TYPES.has((event as { type?: string })?.type ?? ''))
        .length
    : 0;
  const format = (value: number, digits = 0) =>
    value.toLocaleString(localeOf(language), {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });

  const replace = () => {
    if (!built?.ok) return;
    const { graph } = built.value;
    edit(t.roadsLabel(fileName, graph.edges.length), (draft) => replaceRoads(draft, graph));
    onDone();
  };

  return (
    <>
      {built?.ok && (
        <p className="library-result" role="status" data-testid="road-import-summary">
          {t.roadSummary(
            format(built.value.graph.nodes.length),
            format(built.value.graph.edges.length),
            format(built.value.totalLengthM / 1000, 1),
            roads.skipped,
          )}
        </p>
      )}
      <h3 className="library-step">{t.roadClasses}</h3>
      <table className="library-table library-mapping-table" data-testid="road-class-mapping">
        <thead>
          <tr>
            <th scope="col">{t.sourceClass}</th>
            <th scope="col">{t.roadCount}</th>
            <th scope="col">{t.targetClass}</th>
            <th scope="col">{t.speed}</th>
          </tr>
        </thead>
        <tbody>
          {counts.map(([source, count]) => {
            const choice = choices[source];
            const label = source || t.noClass;
            const setChoice = (next: ClassChoice) => setChoices({ ...choices, [source]: next });
            return (
              <tr key={source} data-testid={`road-class-${source || 'none'}`}>
                <th scope="row">{label}</th>
                <td className="library-number">{format(count)}</td>
                <td>
                  <select
                    aria-label={`${t.targetClass}: ${label}`}
                    value={'existing' in choice ? choice.existing : ''}
                    onChange={(event) =>
                      setChoice(
                        event.target.value
                          ? { existing: event.target.value }
                          : { newSpeed: String(defaultRoadSpeed(source)) },
                      )
                    }
                  >
                    <option value="">{t.newClass(newClassName(source))}</option>
                    {Object.entries(existing).map(([name, roadClass]) => (
                      <option key={name} value={name}>
                        {`${name} (${format(roadClass.speedKmh)} km/h)`}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  {'newSpeed' in choice ? (
                    <input
                      type="number"
                      min="1"
                      step="any"
                      inputMode="decimal"
                      aria-label={`${t.speed}: ${label}`}
                      aria-invalid={!(Number(choice.newSpeed) > 0)}
                      value={choice.newSpeed}
                      onChange={(event) => setChoice({ newSpeed: event.target.value })}
                    />
                  ) : (
                    <span className="library-number">
                      {format(existing[choice.existing]?.speedKmh ?? 0)}
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {speedProblem && (
        <p className="field-error" role="alert">
          {t.speedInvalid}
        </p>
      )}
      {built && !built.ok && <ProblemList problems={built.errors} testId="road-import-problems" />}
      <p className="hint" data-testid="road-import-replaces">
        {t.replacesNetwork(describeTravel(travel, t))}{' '}
        {roadEvents > 0 && t.roadEventsDropped(roadEvents)}
      </p>
      <div className="buttons library-dialog-actions">
        <button
          type="button"
          className="primary"
          data-testid="road-import-confirm"
          disabled={!built?.ok}
          onClick={replace}
        >
          {t.importRoadsButton}
        </button>
      </div>
    </>
  );
}

function existingRoadClasses(travel: Record<string, unknown>): Record<string, RoadClassData> {
  if (travel.model !== 'roadGraph' || typeof travel.roadClasses !== 'object') return {};
  return Object.fromEntries(
    Object.entries(travel.roadClasses as Record<string, RoadClassData>).filter(
      ([, roadClass]) => typeof roadClass?.speedKmh === 'number',
    ),
  );
}

/** Name of the class made for a source class: the source's own name ('road' if it has none). */
function newClassName(source: string): string {
  return source || 'road';
}

function buildGraph(
  roads: RoadLines,
  choices: Record<string, ClassChoice>,
  existing: Record<string, RoadClassData>,
  language: Language,
) {
  const classes: Record<string, RoadClassData> = { ...existing };
  const targetOf = (source: string) => {
    const choice = choices[source];
    return 'existing' in choice ? choice.existing : newClassName(source);
  };
  for (const [source, choice] of Object.entries(choices)) {
    // A new class takes the source's name, replacing an existing class of that name if any.
    if ('newSpeed' in choice) classes[newClassName(source)] = { speedKmh: Number(choice.newSpeed) };
  }
  return buildRoadGraph(roads.lines, targetOf, classes, language);
}

function describeTravel(travel: Record<string, unknown>, t: LibraryStrings): string {
  if (travel.model === 'roadGraph') {
    const count = (value: unknown) => (Array.isArray(value) ? value.length : 0);
    return t.currentGraph(count(travel.nodes), count(travel.edges));
  }
  return t.currentModel(String(travel.model ?? '—'));
}

function replaceRoads(
  draft: ScenarioDoc,
  graph: { nodes: unknown[]; edges: unknown[]; roadClasses: Record<string, unknown> },
): void {
  const old = (draft.travel ?? {}) as Record<string, unknown>;
  // Settings that are not about the roads themselves carry over from the old model.
  const kept = Object.fromEntries(
    ['emergencySpeedFactor', 'noiseCv']
      .filter((key) => old[key] !== undefined)
      .map((key) => [key, old[key]]),
  );
  draft.travel = { model: 'roadGraph', ...graph, ...kept };
  if (Array.isArray(draft.events)) {
    draft.events = draft.events.filter(
      (event) => !ROAD_EVENT_TYPES.has((event as { type?: string })?.type ?? ''),
    );
  }
}
