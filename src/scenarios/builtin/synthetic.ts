/**
 * The built-ins that are not real cities: the generated default and benchmark cities and the
 * reference queue. Light enough for the worker to carry them from the start.
 */
import { generateCity, type CityOptions } from '../generate.ts';
import type { ScenarioInput } from '../schema.ts';
import { queueScenarioInput } from '../theory.ts';

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

export const SYNTHETIC_MAKERS = {
  'default-city': () => generateCity(DEFAULT_CITY_OPTIONS),
  'benchmark-city': () => generateCity(BENCHMARK_CITY_OPTIONS),
  'mmc-3-queue': () =>
    queueScenarioInput({
      servers: 3,
      arrivalRatePerMinute: 1.5,
      serviceRatePerMinute: 1,
      whenNoUnit: 'queue',
      durationMinutes: 7 * 1440,
    }),
} satisfies Record<string, () => ScenarioInput>;
