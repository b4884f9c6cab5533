/**
 * What a step does in the simulation (its command), chosen from lists, never typed as ids: an
 * incident of a kind, placed by clicking the map, with severity and people; a road section
 * closed, damaged or reopened (click a road node: the sections that meet there); a unit out of
 * or back in service; a season; a response level; a call surge.
 */
import { useMemo } from 'react';
import type { DrillCommand } from '../../../drills/schema.ts';
import { useLanguage, useStrings } from '../../i18n.ts';
import { CityMap, MapMarker } from '../../map/CityMap.tsx';
import { mapGeometry } from '../../map/geometry.ts';
import type { ScenarioDoc } from '../../workspace/history.ts';
import { useDrill } from '../DrillContext.tsx';
import { setValueAt, valueAt } from '../drillHistory.ts';
import { label, responseLevelLabel, severityLabel } from '../labels.ts';
import type { ScenarioLists } from '../scenarioLists.ts';
import { drillStrings } from '../strings.ts';
import { CheckField, NumberField, SelectField } from './DrillFields.tsx';

const COMMAND_TYPES = [
  'none',
  'call',
  'closeRoad',
  'damageRoad',
  'openRoad',
  'unitOutOfService',
  'unitInService',
  'season',
  'responseLevel',
  'callRateFactor',
] as const;

/** A command of a type, filled with the first sensible values of the scenario. */
function freshCommand(type: string, lists: ScenarioLists): DrillCommand | undefined {
  switch (type) {
    case 'call':
      return {
        type: 'call',
        kind: lists.kinds[0]?.id ?? '',
        ...(lists.districts[0] ? { district: lists.districts[0].id } : {}),
      };
    case 'closeRoad':
    case 'openRoad':
      return { type, edges: [] } as unknown as DrillCommand;
    case 'damageRoad':
      return { type, edges: [], repairSeconds: 3600 } as unknown as DrillCommand;
    case 'unitOutOfService':
    case 'unitInService':
      return { type, unit: lists.units[0]?.id ?? '' };
    case 'season':
      return { type, season: 'flood', active: true };
    case 'responseLevel':
      return { type, level: 4 };
    case 'callRateFactor':
      return { type, factor: 2 };
    default:
      return undefined;
  }
}

export function CommandEditor({
  path,
  lists,
  scenarioDoc,
}: {
  /** Path of the command (`steps[2].command`, `steps[2].expected[0].contingency.command`). */
  path: string;
  lists: ScenarioLists;
  scenarioDoc: ScenarioDoc | null;
}) {
  const t = useStrings(drillStrings);
  const language = useLanguage();
  const { workspace, edit } = useDrill();
  const command = valueAt(workspace?.doc, path) as DrillCommand | undefined;
  const type = command?.type ?? 'none';
  const typeOptions = COMMAND_TYPES.map((value) => ({
    value,
    label: label('command', value, language),
  }));
  const setType = (next: string) =>
    edit(`${t.command}：${label('command', next, language)}`, (draft) =>
      setValueAt(draft, path, freshCommand(next, lists)),
    );

  return (
    <fieldset className="drill-command" data-testid="command-editor">
      <legend>{t.command}</legend>
      <div className="drill-field">
        <label htmlFor={`${path}-type`}>{t.commandType}</label>
        <select
          id={`${path}-type`}
          value={type}
          data-testid="command-type"
          onChange={(event) => setType(event.target.value)}
        >
          {typeOptions.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      {command?.type === 'call' && (
        <CallFields path={path} lists={lists} scenarioDoc={scenarioDoc} />
      )}
      {(command?.type === 'closeRoad' ||
        command?.type === 'openRoad' ||
        command?.type === 'damageRoad') && (
        <RoadFields path={path} scenarioDoc={scenarioDoc} damage={command.type === 'damageRoad'} />
      )}
      {(command?.type === 'unitOutOfService' || command?.type === 'unitInService') && (
        <SelectField
          path={`${path}.unit`}
          label={t.unit}
          options={lists.units.map((unit) => ({ value: unit.id, label: unit.name }))}
        />
      )}
      {command?.type === 'season' && (
        <div className="drill-grid">
          <SelectField
            path={`${path}.season`}
            label={t.season}
            options={['flood', 'forestFire'].map((value) => ({
              value,
              label: label('season', value, language),
            }))}
          />
          <CheckField path={`${path}.active`} label={t.seasonActive} />
        </div>
      )}
      {command?.type === 'responseLevel' && (
        <SelectField
          path={`${path}.level`}
          label={t.level}
          asNumber
          options={[1, 2, 3, 4, 0].map((level) => ({
            value: String(level),
            label: responseLevelLabel(level, language),
          }))}
        />
      )}
      {command?.type === 'callRateFactor' && (
        <NumberField path={`${path}.factor`} label={t.factor} unit="×" min={0} />
      )}
    </fieldset>
  );
}

function CallFields({
  path,
  lists,
  scenarioDoc,
}: {
  path: string;
  lists: ScenarioLists;
  scenarioDoc: ScenarioDoc | null;
}) {
  const t = useStrings(drillStrings);
  const language = useLanguage();
  const { workspace, edit } = useDrill();
  const location = valueAt(workspace?.doc, `${path}.location`) as [number, number] | undefined;
  const place = (lonLat: [number, number], district: string | null) =>
    edit(t.location, (draft) => {
      setValueAt(draft, `${path}.location`, [
        Number(lonLat[0].toFixed(5)),
        Number(lonLat[1].toFixed(5)),
      ]);
      if (district) setValueAt(draft, `${path}.district`, district);
    });
  return (
    <>
      <div className="drill-grid">
        <SelectField
          path={`${path}.kind`}
          label={t.incidentKind}
          testId="call-kind"
          options={lists.kinds.map((kind) => ({ value: kind.id, label: kind.name }))}
        />
        <SelectField
          path={`${path}.severity`}
          label={t.severity}
          asNumber
          optional
          emptyLabel={t.none}
          options={[1, 2, 3, 4].map((severity) => ({
            value: String(severity),
            label: severityLabel(severity, language),
          }))}
        />
        <NumberField
          path={`${path}.participants`}
          label={t.participantsCount}
          unit={t.people}
          optional
          min={0}
        />
        <SelectField
          path={`${path}.district`}
          label={t.district}
          optional
          options={lists.districts.map((district) => ({
            value: district.id,
            label: district.name,
          }))}
        />
      </div>
      <p className="drill-location" data-testid="call-location">
        {t.location}：
        {location ? t.locationAt(location[0].toFixed(4), location[1].toFixed(4)) : t.noLocation}{' '}
        {location && (
          <button
            type="button"
            onClick={() =>
              edit(t.clearLocation, (draft) => setValueAt(draft, `${path}.location`, undefined))
            }
          >
            {t.clearLocation}
          </button>
        )}
      </p>
      {scenarioDoc && (
        <>
          <p className="hint">{t.placeOnMap}</p>
          <CityMap
            doc={scenarioDoc}
            ariaLabel={t.mapLabel}
            height={300}
            testId="drill-map"
            onLocate={(lonLat, selection) =>
              place(lonLat, selection?.kind === 'district' ? selection.id : null)
            }
            overlay={(project) =>
              location ? (
                <MapMarker at={project(location)} className="drill-incident-marker">
                  <circle r={7} />
                  <path d="M-4,-4L4,4M-4,4L4,-4" />
                </MapMarker>
              ) : null
            }
          />
        </>
      )}
    </>
  );
}

function RoadFields({
  path,
  scenarioDoc,
  damage,
}: {
  path: string;
  scenarioDoc: ScenarioDoc | null;
  damage: boolean;
}) {
  const t = useStrings(drillStrings);
  const language = useLanguage();
  const { workspace, edit } = useDrill();
  const edges = (valueAt(workspace?.doc, `${path}.edges`) as number[] | undefined) ?? [];
  const geometry = useMemo(
    () => (scenarioDoc ? mapGeometry(scenarioDoc, language) : null),
    [scenarioDoc, language],
  );
  const roads = geometry?.roads ?? null;
  const pickNode = (node: number) => {
    if (!roads) return;
    const touching = roads.edges.flatMap((edge, index) =>
      edge.from === node || edge.to === node ? [index] : [],
    );
    edit(t.roads, (draft) => {
      const next = new Set(edges);
      const allIn = touching.every((index) => next.has(index));
      for (const index of touching) {
        if (allIn) next.delete(index);
        else next.add(index);
      }
      setValueAt(
        draft,
        `${path}.edges`,
        [...next].sort((a, b) => a - b),
      );
    });
  };
  return (
    <>
      <p className="drill-location" data-testid="road-edges">
        {t.edgesPicked(edges.length)}{' '}
        {edges.length > 0 && (
          <button
            type="button"
            onClick={() => edit(t.clearRoads, (draft) => setValueAt(draft, `${path}.edges`, []))}
          >
            {t.clearRoads}
          </button>
        )}
      </p>
      {damage && (
        <NumberField
          path={`${path}.repairSeconds`}
          label={t.repair}
          unit={t.minutes}
          scale={60}
          min={1}
        />
      )}
      {scenarioDoc && roads && (
        <>
          <p className="hint">{t.roadHint}</p>
          <CityMap
            doc={scenarioDoc}
            ariaLabel={t.roadHint}
            height={300}
            testId="drill-road-map"
            onSelect={(selection) => {
              if (selection?.kind === 'roadNode') pickNode(selection.index);
            }}
            overlay={(project) => (
              <g className="drill-picked-roads">
                {edges.map((index) => {
                  const edge = roads.edges[index];
                  if (!edge) return null;
                  const a = project(roads.nodes[edge.from]);
                  const b = project(roads.nodes[edge.to]);
                  return <line key={index} x1={a[0]} y1={a[1]} x2={b[0]} y2={b[1]} />;
                })}
              </g>
            )}
          />
        </>
      )}
    </>
  );
}
