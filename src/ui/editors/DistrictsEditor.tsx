/**
 * Districts (辖区) as a table: name, English name, urban or rural (which arrival target applies),
 * call weight and the share of generated calls it gives, the boundary's size. A district can be
 * added (a square amid the bases, to be replaced by an imported boundary) and removed, unless
 * something still names it: then the form says where.
 */
import { useState } from 'react';
import { useStrings } from '../i18n.ts';
import { useWorkspace } from '../workspace/WorkspaceContext.tsx';
import type { ScenarioDoc } from '../workspace/history.ts';
import { NumberField, SelectField, TextField, useProblemsAt } from './fields.tsx';
import {
  callWeightShares,
  districtUses,
  middleOfBases,
  newDistrict,
  weightProblem,
  type DistrictUse,
} from './formModels.ts';
import { formsStrings, type FormsStrings } from './formsStrings.ts';
import { asArray, getIn, setIn, textOf } from './model.ts';

function kindName(doc: ScenarioDoc, id: string | null, t: FormsStrings): string {
  if (id === null) return t.anyKind;
  const kind = asArray(doc.incidentKinds).find((candidate) => textOf(candidate, 'id') === id);
  return textOf(kind, 'name') || id;
}

/** Where a district is used, in words: each run card, the call streams together, the rest. */
function usesInWords(doc: ScenarioDoc, uses: readonly DistrictUse[], t: FormsStrings): string[] {
  const words: string[] = [];
  const streams: string[] = [];
  for (const use of uses) {
    if (use.where === 'runCard') words.push(t.useRunCard(kindName(doc, use.kind, t)));
    else if (use.where === 'stream') streams.push(kindName(doc, use.kind, t));
    else if (use.where === 'listedIncidents') words.push(t.useListed(use.count));
    else words.push(t.useMatrix);
  }
  if (streams.length > 0) words.push(t.useStreams(streams));
  return words;
}

export function DistrictsEditor() {
  const t = useStrings(formsStrings);
  const { workspace, edit } = useWorkspace();
  const doc = workspace!.doc;
  const districts = asArray(doc.districts);
  const shares = callWeightShares(doc);
  // The loader's word on the districts together (every call weight zero).
  const problems = useProblemsAt('districts');
  const [blocked, setBlocked] = useState<{ name: string; uses: string[] } | null>(null);

  const remove = (index: number, id: string, name: string) => {
    const uses = usesInWords(doc, districtUses(doc, id), t);
    if (districts.length <= 1) uses.push(t.lastDistrict);
    if (uses.length > 0) return setBlocked({ name, uses });
    setBlocked(null);
    edit(t.removeDistrictLabel(name), (draft) => {
      draft.districts = asArray(draft.districts).filter((_, i) => i !== index);
    });
  };

  return (
    <div data-testid="editor-districts">
      <p className="hint">{t.districtsIntro}</p>
      {problems.map((problem) => (
        <p key={problem} className="field-error" data-testid="field-error" data-path="districts">
          {problem}
        </p>
      ))}
      {blocked && (
        <div className="editors-blocked" role="alert" data-testid="district-blocked">
          <p>{t.cannotRemove(blocked.name)}</p>
          <ul>
            {blocked.uses.map((use) => (
              <li key={use}>{use}</li>
            ))}
          </ul>
        </div>
      )}
      <table className="editors-table districts-table">
        <thead>
          <tr>
            <th scope="col">{t.districtName}</th>
            <th scope="col">{t.districtNameEn}</th>
            <th scope="col">{t.districtArea}</th>
            <th scope="col" title={t.callWeightHint}>
              {t.callWeight}
            </th>
            <th scope="col">{t.callShare}</th>
            <th scope="col">{t.boundary}</th>
            <th scope="col" aria-label={t.remove} />
          </tr>
        </thead>
        <tbody>
          {districts.map((district, index) => {
            const id = textOf(district, 'id');
            const name = textOf(district, 'name') || id;
            const at = (field: string) => `districts[${index}].${field}`;
            const set = (field: string, label: string, value: unknown) =>
              edit(t.editDistrict(name, label), (draft) =>
                setIn(draft, ['districts', index, field], value),
              );
            const weight = getIn(district, ['callWeight']);
            const polygon = asArray(getIn(district, ['polygon']));
            const parts = asArray(getIn(district, ['polygons']));
            return (
              <tr key={index} data-testid={`district-row-${index}`}>
                <td>
                  <TextField
                    path={at('name')}
                    label={`${t.districtName} · ${name}`}
                    hideLabel
                    value={textOf(district, 'name')}
                    onCommit={(text) => set('name', t.districtName, text)}
                  />
                </td>
                <td>
                  <TextField
                    path={at('nameEn')}
                    label={`${t.districtNameEn} · ${name}`}
                    hideLabel
                    value={textOf(district, 'nameEn')}
                    onCommit={(text) => set('nameEn', t.districtNameEn, text || undefined)}
                  />
                </td>
                <td>
                  <SelectField
                    path={at('area')}
                    label={`${t.districtArea} · ${name}`}
                    hideLabel
                    value={textOf(district, 'area') || 'urban'}
                    choices={['urban', 'rural'].map((value) => ({
                      value,
                      label: t.areaName[value],
                    }))}
                    onCommit={(value) => set('area', t.districtArea, value)}
                  />
                </td>
                <td className="editors-narrow">
                  <NumberField
                    path={at('callWeight')}
                    label={`${t.callWeight} · ${name}`}
                    hideLabel
                    optional
                    placeholder="1"
                    value={typeof weight === 'number' ? weight : undefined}
                    validate={(value) => {
                      const problem = weightProblem(value);
                      return problem ? t[problem] : null;
                    }}
                    onCommit={(value) => set('callWeight', t.callWeight, value)}
                  />
                </td>
                <td data-testid={`district-share-${index}`}>
                  {((shares[id] ?? 0) * 100).toFixed(1)}%
                </td>
                <td className="editors-muted">
                  {parts.length > 0
                    ? t.boundaryParts(parts.length)
                    : t.boundaryPoints(polygon.length)}
                </td>
                <td>
                  <button
                    type="button"
                    data-testid={`district-remove-${index}`}
                    onClick={() => remove(index, id, name)}
                  >
                    {t.remove}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p>
        <button
          type="button"
          data-testid="district-add"
          onClick={() => {
            setBlocked(null);
            const district = newDistrict(doc, middleOfBases(doc), t.newDistrictName);
            edit(t.addDistrictLabel(district.name), (draft) => {
              draft.districts = [...asArray(draft.districts), district];
            });
          }}
        >
          {t.addDistrict}
        </button>{' '}
        <span className="hint">{t.addDistrictHint}</span>
      </p>
    </div>
  );
}
