/**
 * The built-in drills (src/drills/builtin) as the drill library lists them, loaded on demand:
 * their documents and illustrative logs are data the page needs only when one is opened.
 */
import type { Language } from '../i18n.ts';
import type { DrillDoc } from './drillHistory.ts';

export interface BuiltinDrillEntry {
  id: string;
  name: string;
}

const builtins = () => import('../../drills/builtin/index.ts');

export async function builtinDrillCatalogue(language: Language): Promise<BuiltinDrillEntry[]> {
  const { BUILTIN_DRILLS } = await builtins();
  return BUILTIN_DRILLS.map((entry) => ({ id: entry.id, name: entry.title[language] }));
}

export async function builtinDrillDoc(id: string): Promise<DrillDoc> {
  const entry = (await builtins()).builtinDrill(id);
  if (!entry) throw new Error(`no built-in drill "${id}"`);
  return structuredClone(entry.drill) as DrillDoc;
}

/** The illustrative record of a live run shipped with a built-in drill (CSV), if it is one. */
export async function builtinDrillLog(id: string): Promise<string | null> {
  return (await builtins()).builtinDrill(id)?.log ?? null;
}
