/**
 * Writes tests/e2e/fixtures/calibration-history.json: Lincheng with two days of synthetic call
 * history (observed times per unit) and guessed parameters, for the CLI and e2e tests of
 * calibration. Run: npx tsx tests/makeCalibrationFixture.ts
 */
import { writeFileSync } from 'node:fs';
import { historyOf, perturbedWithHistory, truthScenario } from './calibrationHistory.ts';

const truth = truthScenario(2);
const scenario = perturbedWithHistory(truth, historyOf(truth, 5));
const file = {
  ...scenario,
  id: 'lincheng-history',
  name: '临城（含两天接处警记录）',
  description:
    'Lincheng with two days of call history and the times observed per unit, for calibration.\n\n临城示例城市，附两天接处警记录及各力量的派车、出动、到场、处置完毕时间，用于校准。',
};
writeFileSync(
  new URL('./e2e/fixtures/calibration-history.json', import.meta.url),
  JSON.stringify(file),
);
