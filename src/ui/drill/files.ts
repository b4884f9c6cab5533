/**
 * Drill files in the page: a file is parsed and checked (schema and scenario, every problem at
 * its path in the page's language) before it replaces the drill being edited; the export is the
 * document as JSON, named by the drill's id.
 */
import { drillScenarioRef, loadDrillData, type DrillProblem } from '../../drills/api.ts';
import { DRILL_LIMITS } from '../../drills/schema.ts';
import { cut, loaderText } from '../../scenarios/messages.ts';
import type { Language } from '../i18n.ts';
import { builtinScenario } from './DrillContext.tsx';
import type { DrillDoc } from './drillHistory.ts';

export type DrillFileCheck = { ok: true; doc: DrillDoc } | { ok: false; errors: DrillProblem[] };

export async function checkDrillFile(text: string, language: Language): Promise<DrillFileCheck> {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > DRILL_LIMITS.fileBytes) {
    return {
      ok: false,
      errors: [{ path: '', message: loaderText.tooLarge[language](bytes, DRILL_LIMITS.fileBytes) }],
    };
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      errors: [
        {
          path: '',
          message: loaderText.notJson[language](
            '',
            loaderText.jsonReason[language](cut(reason, 200)),
          ),
        },
      ],
    };
  }
  const ref = drillScenarioRef(data);
  const scenario = ref ? (await builtinScenario(ref).catch(() => null))?.scenario : undefined;
  const loaded = loadDrillData(data, language, (id) =>
    id === ref ? (scenario ?? undefined) : undefined,
  );
  if (!loaded.ok) return { ok: false, errors: loaded.errors };
  return { ok: true, doc: data as DrillDoc };
}

export function drillFileName(doc: DrillDoc): string {
  const id = typeof doc.id === 'string' && doc.id.trim() ? doc.id.trim() : 'drill';
  return `${id.replace(/[\\/:*?"<>|\s]+/g, '_')}.drill.json`;
}

export function drillJson(doc: DrillDoc): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** Hands a Blob to the browser as a download. */
export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
