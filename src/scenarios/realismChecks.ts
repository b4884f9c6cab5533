/**
 * The loader's cross-checks of the realism settings a planner fits to real records (issue 14):
 * hospitals and the incident kinds' transport, on-scene times by capability. Errors stop the
 * run; warnings say a setting will never take effect.
 */
import { districtRings, pointInPolygon } from '../lib/geo.ts';
import { cut, loaderText, type Language } from './messages.ts';
import type { Scenario } from './schema.ts';

interface Problem {
  path: string;
  message: string;
}

const text = {
  transportNeedsHospital: {
    en: () => 'patient transport needs at least one hospital in `hospitals`',
    zh: () => '送医需要在 `hospitals` 中至少列出一家医院',
  },
  neverNeeded: {
    en: (capability: string) =>
      `this kind never needs the capability "${cut(capability)}": the setting is never used`,
    zh: (capability: string) => `此类事件从不需要能力“${cut(capability)}”：该设置不会生效`,
  },
  hospitalOutside: {
    en: () => 'the hospital lies outside every district',
    zh: () => '该医院不在任何辖区内',
  },
};

export function realismChecks(
  scenario: Scenario,
  language: Language,
): { errors: Problem[]; warnings: Problem[] } {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const hospitals = scenario.hospitals ?? [];
  const ids = new Set<string>();
  hospitals.forEach((hospital, i) => {
    if (ids.has(hospital.id))
      errors.push({
        path: `hospitals[${i}].id`,
        message: loaderText.duplicateId[language]('hospital', hospital.id),
      });
    ids.add(hospital.id);
    const inside = scenario.districts.some((d) =>
      districtRings(d).some((ring) => pointInPolygon(hospital.location, ring)),
    );
    if (!inside)
      warnings.push({
        path: `hospitals[${i}].location`,
        message: text.hospitalOutside[language](),
      });
  });
  const unitCapabilities = new Set(scenario.units.flatMap((u) => u.capabilities));
  scenario.incidentKinds.forEach((kind, i) => {
    const needed = new Set([
      ...kind.needs.map((need) => need.capability),
      ...(kind.growth?.steps ?? []).flatMap((step) => step.addNeeds.map((n) => n.capability)),
    ]);
    for (const capability of Object.keys(kind.workTimeByCapability ?? {})) {
      if (!needed.has(capability))
        warnings.push({
          path: `incidentKinds[${i}].workTimeByCapability.${capability}`,
          message: text.neverNeeded[language](capability),
        });
    }
    const transport = kind.transport;
    if (!transport) return;
    const path = `incidentKinds[${i}].transport`;
    if (hospitals.length === 0)
      errors.push({ path, message: text.transportNeedsHospital[language]() });
    if (!needed.has(transport.capability))
      warnings.push({
        path: `${path}.capability`,
        message: text.neverNeeded[language](transport.capability),
      });
    else if (!unitCapabilities.has(transport.capability))
      warnings.push({
        path: `${path}.capability`,
        message: loaderText.noCapableUnit[language](transport.capability),
      });
  });
  return { errors, warnings };
}
