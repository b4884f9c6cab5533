/**
 * The built-in scenarios, so that the app and the CLI work with no input.
 */
import { loadScenario } from '../load.ts';
import { generateCity, type CityOptions } from '../generate.ts';
import {
  huzhouFlood,
  jinhuaHazmatDrill,
  townshipGroupIncident,
  weihaiForestFire,
  zhoushanIslands,
} from '../cities/index.ts';
import type { Scenario, ScenarioInput } from '../schema.ts';
import { queueScenarioInput } from '../theory.ts';

export interface BuiltinScenario {
  id: string;
  /** Title in English and Chinese. */
  title: { en: string; zh: string };
  /** The scenario, generated on first use. */
  readonly input: ScenarioInput;
}

/** A built-in whose scenario is made only when first asked for (the cities take time to build). */
function builtin(
  id: string,
  title: BuiltinScenario['title'],
  make: () => ScenarioInput,
): BuiltinScenario {
  let made: ScenarioInput | undefined;
  return {
    id,
    title,
    get input() {
      return (made ??= make());
    },
  };
}

export const DEFAULT_SCENARIO_ID = 'default-city';

/** A small city of about 600,000 residents for a week: the scenario the app opens with. */
export const DEFAULT_CITY_OPTIONS: CityOptions = {
  id: 'default-city',
  name: '临城（示例城市）',
  city: { en: 'Lincheng', zh: '临城' },
  centre: [120.1, 30.2],
  widthKm: 30,
  heightKm: 25,
  urban: [
    { id: 'lincheng', name: '临城区', population: 230_000 },
    { id: 'donghu', name: '东湖区', population: 170_000 },
  ],
  rural: [
    { id: 'xishan', name: '西山区', population: 60_000 },
    { id: 'baisha', name: '白沙镇', population: 50_000 },
    { id: 'beiling', name: '北岭乡', population: 35_000 },
    { id: 'nantang', name: '南塘镇', population: 55_000 },
  ],
  roadNodes: 500,
  fleet: 1,
  durationDays: 7,
  warmupDays: 1,
};

/** The same generator at city scale, for one simulated year: the benchmark. */
export const BENCHMARK_CITY_OPTIONS: CityOptions = {
  id: 'benchmark-city',
  name: '基准城市（一年，城市规模）',
  city: { en: 'Jiangcheng', zh: '江城' },
  centre: [120.1, 30.2],
  widthKm: 50,
  heightKm: 40,
  urban: [
    { id: 'jiangcheng', name: '江城区', population: 520_000 },
    { id: 'donghu', name: '东湖区', population: 410_000 },
    { id: 'jiangbei', name: '江北区', population: 380_000 },
    { id: 'chengnan', name: '城南区', population: 340_000 },
  ],
  rural: [
    { id: 'xishan', name: '西山区', population: 150_000 },
    { id: 'baisha', name: '白沙镇', population: 90_000 },
    { id: 'beiling', name: '北岭乡', population: 45_000 },
    { id: 'qingshi', name: '青石镇', population: 70_000 },
    { id: 'meixi', name: '梅溪镇', population: 85_000 },
    { id: 'nantang', name: '南塘镇', population: 95_000 },
    { id: 'shuangxi', name: '双溪乡', population: 50_000 },
    { id: 'taoyuan', name: '桃源镇', population: 75_000 },
  ],
  roadNodes: 2_400,
  fleet: 2,
  durationDays: 365,
  warmupDays: 0,
};

export const builtinScenarios: BuiltinScenario[] = [
  builtin('default-city', { en: 'Lincheng (illustrative city)', zh: '临城（示例城市）' }, () =>
    generateCity(DEFAULT_CITY_OPTIONS),
  ),
  builtin(
    'benchmark-city',
    { en: 'Benchmark city (one year, city scale)', zh: '基准城市（一年，城市规模）' },
    () => generateCity(BENCHMARK_CITY_OPTIONS),
  ),
  builtin('mmc-3-queue', { en: 'Reference queue M/M/3', zh: '参考排队模型 M/M/3' }, () =>
    queueScenarioInput({
      servers: 3,
      arrivalRatePerMinute: 1.5,
      serviceRatePerMinute: 1,
      whenNoUnit: 'queue',
      durationMinutes: 7 * 1440,
    }),
  ),
  builtin(
    'huzhou-flood',
    {
      en: 'Huzhou: typhoon flood, military–civil coordination',
      zh: '湖州：台风暴雨洪涝（军地联动）',
    },
    huzhouFlood,
  ),
  builtin(
    'zhoushan-islands',
    { en: 'Zhoushan: island city, tiered partner agencies', zh: '舟山：海岛城市分级社会应急联动' },
    zhoushanIslands,
  ),
  builtin(
    'jinhua-hazmat-drill',
    { en: 'Jinhua: one-hour hazmat leak drill', zh: '金华：危化品泄漏处置演练（一小时）' },
    jinhuaHazmatDrill,
  ),
  builtin(
    'township-group-incident',
    { en: 'Pujiang county: township group incident', zh: '浦江县：乡镇群体性事件应急处置联动' },
    townshipGroupIncident,
  ),
  builtin(
    'weihai-forest-fire',
    { en: 'Weihai: forest-fire season, joint dispatch', zh: '威海：森林防火期联调联战（清明）' },
    weihaiForestFire,
  ),
];

/** A built-in scenario, checked; throws if the id is unknown or the scenario is invalid. */
export function builtinScenario(id: string = DEFAULT_SCENARIO_ID): Scenario {
  const entry = builtinScenarios.find((s) => s.id === id);
  if (!entry) throw new Error(`no built-in scenario "${id}"`);
  const result = loadScenario(entry.input);
  if (!result.ok)
    throw new Error(`built-in scenario "${id}" is invalid: ${JSON.stringify(result.errors)}`);
  return result.scenario;
}
