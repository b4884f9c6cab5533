/**
 * `sim calibrate --scenario S [--replications R] [--json] --out FITTED.json`: fits the scenario
 * to the observed times of its listed incidents (imported call history) and prints observed
 * against simulated response before and after the fit; writes the fitted scenario.
 */
import { writeFileSync } from 'node:fs';
import { calibrate } from '../calibrate/calibrate.ts';
import { applyFit } from '../calibrate/calibrate.ts';
import { calibrationText, fitLines, names, rowCells } from '../calibrate/words.ts';
import type { Language } from '../scenarios/messages.ts';
import type { Scenario } from '../scenarios/schema.ts';

export interface CalibrateCommand {
  replications: number;
  json: boolean;
  out?: string;
}

/** Pads to a display width (a Chinese character counts two columns). */
function pad(text: string, width: number): string {
  const shown = [...text].reduce((w, ch) => w + (/[\u2E80-\uFFEF]/.test(ch) ? 2 : 1), 0);
  return text + ' '.repeat(Math.max(1, width - shown));
}

/** Runs the calibration and prints it; returns the exit code. */
export function commandCalibrate(
  scenario: Scenario,
  options: CalibrateCommand,
  language: Language,
): number {
  const t = calibrationText[language];
  if (!scenario.arrivals.incidents.some((i) => i.observed)) {
    console.error(t.noObserved);
    return 1;
  }
  const result = calibrate(scenario, { replications: options.replications });
  const fitted = applyFit(scenario, result.fit);
  if (options.out) writeFileSync(options.out, JSON.stringify(fitted, null, 1));
  if (options.json) {
    const { trips, ...rest } = result;
    console.log(JSON.stringify({ ...rest, trips: trips.length }, null, 1));
  } else {
    const lines = [t.title, t.counts(result.counts), t.method, ''];
    let section = '';
    for (const line of fitLines(scenario, result.fit, language)) {
      if (line.section !== section) lines.push((section = line.section));
      const n = line.n === undefined ? '' : `  (${t.sample(line.n)})`;
      lines.push(`  ${pad(line.what, 28)}${line.before} → ${line.after}${n}`);
    }
    if (result.fit.travel)
      lines.push(`  ${t.tripsUsed(result.fit.travel.used, result.fit.travel.observed)}`);
    lines.push('', t.response(result.replications), `  ${t.medianP90}`);
    const name = names(scenario, language);
    const row = (label: string, r: (typeof result.comparison)['overall']) =>
      `  ${pad(label, 24)}${rowCells(r, language)
        .map((c) => pad(c, 24))
        .join('')}${t.n(r.observed.n)}`;
    lines.push(
      `  ${pad('', 24)}${t.columns
        .slice(1)
        .map((c) => pad(c, 24))
        .join('')}`,
    );
    lines.push(row(t.overall, result.comparison.overall));
    lines.push(t.byDistrict);
    for (const r of result.comparison.byDistrict) lines.push(row(name.district(r.key), r));
    lines.push(t.byKind);
    for (const r of result.comparison.byKind) lines.push(row(name.kind(r.key), r));
    console.log(lines.join('\n'));
  }
  if (options.out) console.error(t.wrote(options.out));
  return 0;
}
