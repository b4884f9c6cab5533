/**
 * Edits that cannot change a result, found before the run so that the page can say why: an
 * agency whose units no incident kind needs (its tier or staffing changes nothing, its use stays
 * at 0%), and a rule switched on whose scope holds no incident kind of the scenario (every
 * figure's difference is 0). Read from the scenario as edited (plain JSON, possibly invalid).
 * Pure: tested in Node (tests/unit/scope.test.ts).
 */
import { asArray, getIn, textOf } from './model.ts';

type Doc = Record<string, unknown>;

/** Capabilities some incident kind needs ("any" stands for every capability). */
function neededCapabilities(doc: Doc): Set<string> {
  const needed = new Set<string>();
  for (const kind of asArray(doc.incidentKinds)) {
    for (const need of asArray(getIn(kind, ['needs']))) needed.add(textOf(need, 'capability'));
  }
  return needed;
}

/** Units some run card names, by id. */
function runCardUnits(doc: Doc): Set<string> {
  const named = new Set<string>();
  for (const card of asArray(doc.runCards)) {
    for (const unit of asArray(getIn(card, ['units']))) named.add(String(unit));
  }
  return named;
}

/**
 * Agencies none of whose units has a capability any incident kind needs, nor is named in a run
 * card: no call sends them, whatever their tier, count or crew.
 */
export function agenciesNoKindNeeds(doc: Doc): Set<string> {
  const needed = neededCapabilities(doc);
  const carded = runCardUnits(doc);
  const used = new Set<string>();
  for (const unit of asArray(doc.units)) {
    const capabilities = asArray(getIn(unit, ['capabilities'])).map(String);
    if (
      needed.has('any') ||
      carded.has(textOf(unit, 'id')) ||
      capabilities.some((capability) => needed.has(capability))
    ) {
      used.add(textOf(unit, 'agency'));
    }
  }
  return new Set(
    asArray(doc.agencies)
      .map((agency) => textOf(agency, 'id'))
      .filter((id) => !used.has(id)),
  );
}

/** Rules whose parameters name the incident kinds they act on. */
const KIND_SCOPED_RULES = ['fireRescueApproval'] as const;

/**
 * Rules switched on that act on no incident kind of the scenario: their `kinds` list is empty or
 * names no kind the scenario has.
 */
export function rulesWithoutKinds(doc: Doc): string[] {
  const kinds = new Set(asArray(doc.incidentKinds).map((kind) => textOf(kind, 'id')));
  return KIND_SCOPED_RULES.filter((rule) => {
    if (getIn(doc, ['rules', rule, 'enabled']) !== true) return false;
    const scope = asArray(getIn(doc, ['rules', rule, 'kinds'])).map(String);
    return !scope.some((kind) => kinds.has(kind));
  });
}
