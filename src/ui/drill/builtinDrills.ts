/**
 * The built-in drills as the drill library lists them, loaded on demand (their documents are
 * data the page needs only when one is opened).
 */
import type { Language } from '../i18n.ts';
import type { DrillDoc } from './drillHistory.ts';

export interface BuiltinDrillEntry {
  id: string;
  name: string;
}

export async function builtinDrillCatalogue(language: Language): Promise<BuiltinDrillEntry[]> {
  void language;
  return [];
}

export async function builtinDrillDoc(id: string): Promise<DrillDoc> {
  throw new Error(`no built-in drill "${id}"`);
}
