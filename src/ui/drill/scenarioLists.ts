/**
 * What the drill editor offers from the scenario a drill plays on: its agencies, incident kinds,
 * districts, units and capabilities, with their names in the page's language (English names on
 * the English page, never ids on a Chinese one). Read from
 * the scenario document as it is (a well-formed entry is listed, anything else skipped).
 */
import { incidentKindWords } from '../../sim/analysis/terms.ts';
import { displayName, type Language } from '../i18n.ts';
import type { ScenarioDoc } from '../workspace/history.ts';

export interface Named {
  id: string;
  name: string;
}

export interface ScenarioLists {
  title: string;
  agencies: Named[];
  kinds: Named[];
  districts: Named[];
  units: Array<Named & { agency: string }>;
  capabilities: string[];
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const listOf = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isObject) : []);
const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** An entry's name in the language: in English its `nameEn` where it has one. */
const nameIn = (entry: Json, language: Language) =>
  displayName(
    text(entry.id),
    text(entry.name) || undefined,
    language,
    text(entry.nameEn) || undefined,
  );

function named(list: unknown, language: Language): Named[] {
  return listOf(list)
    .filter((entry) => text(entry.id))
    .map((entry) => ({ id: text(entry.id), name: nameIn(entry, language) }));
}

/** Incident kinds by the words every view gives them (terms.ts: built-in kinds in English too). */
function kindsOf(list: unknown, language: Language): Named[] {
  return listOf(list)
    .filter((entry) => text(entry.id))
    .map((entry) => ({
      id: text(entry.id),
      name: incidentKindWords(
        text(entry.id),
        text(entry.name) || undefined,
        language,
        text(entry.nameEn) || undefined,
      ),
    }));
}

export function scenarioLists(doc: ScenarioDoc | null, language: Language): ScenarioLists {
  if (!doc)
    return { title: '', agencies: [], kinds: [], districts: [], units: [], capabilities: [] };
  const units = listOf(doc.units)
    .filter((unit) => text(unit.id))
    .map((unit) => ({
      id: text(unit.id),
      name: nameIn(unit, language),
      agency: text(unit.agency),
    }));
  const capabilities = new Set<string>();
  for (const unit of listOf(doc.units)) {
    if (Array.isArray(unit.capabilities))
      for (const capability of unit.capabilities)
        if (typeof capability === 'string') capabilities.add(capability);
  }
  const title = text(doc.title) || text(doc.name) || text(doc.id);
  return {
    title: displayName(text(doc.id), title || undefined, language),
    agencies: named(doc.agencies, language),
    kinds: kindsOf(doc.incidentKinds, language),
    districts: named(doc.districts, language),
    units,
    capabilities: [...capabilities].sort(),
  };
}

/** A name by id from a list, else the id itself (a stale reference shows as typed). */
export function nameOf(list: readonly Named[], id: string | undefined | null): string {
  if (!id) return '';
  return list.find((entry) => entry.id === id)?.name ?? id;
}
