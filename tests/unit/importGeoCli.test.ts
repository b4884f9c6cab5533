/**
 * `sim import-roads` and `sim import-districts`: each input shape in, a scenario the loader
 * accepts out, with a summary in the planner's language.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/cli.ts';
import { loadScenario } from '../../src/scenarios/load.ts';
import { haversineMetres } from '../../src/lib/geo.ts';

let err: string[];
beforeEach(() => {
  err = [];
  vi.spyOn(console, 'log').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation((...args) => void err.push(args.join(' ')));
});
afterEach(() => vi.restoreAllMocks());

const dir = mkdtempSync(join(tmpdir(), 'drill-geo-'));
const fixture = (name: string) => new URL(`../fixtures/geo/${name}`, import.meta.url).pathname;
const out = (name: string) => join(dir, name);

function written(path: string) {
  const loaded = loadScenario(JSON.parse(readFileSync(path, 'utf8')));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  return loaded.scenario;
}

describe('sim import-roads', () => {
  it('imports an OSM extract with its one-way streets and prints the summary in Chinese', () => {
    const path = out('osm.json');
    const code = main([
      'import-roads',
      fixture('oneway.osm'),
      '--scenario',
      'default-city',
      '--lang',
      'zh',
      '--out',
      path,
    ]);
    expect(code, err.join('\n')).toBe(0);
    const travel = written(path).travel;
    expect(travel.model).toBe('roadGraph');
    if (travel.model !== 'roadGraph') return;
    expect(travel.nodes).toHaveLength(10);
    expect(travel.edges.filter((e) => e.oneWay)).toHaveLength(6);
    const text = err.join('\n');
    expect(text).toContain('OpenStreetMap 均为 WGS-84');
    expect(text).toContain(
      '节点 10 个（6 个形状点已并入路段），路段 11 条，其中单行 6 条（54.5%）',
    );
    expect(text).toContain('secondary@48：2 条，48 km/h');
    expect(text).toContain('警告（2 条）');
    expect(text).toContain('1 处：限速“signals”');
  });

  it('reads a .shp with its .dbf, .prj and .cpg found beside it, and --speed sets a class', () => {
    for (const ext of ['shp', 'shx', 'dbf', 'prj', 'cpg'])
      copyFileSync(fixture(`roads.${ext}`), join(dir, `roads.${ext}`));
    const path = out('shp.json');
    const code = main([
      'import-roads',
      join(dir, 'roads.shp'),
      '--scenario',
      'default-city',
      '--speed',
      'primary=42',
      '--out',
      path,
    ]);
    expect(code, err.join('\n')).toBe(0);
    const travel = written(path).travel;
    if (travel.model !== 'roadGraph') throw new Error(travel.model);
    expect(travel.roadClasses.primary.speedKmh).toBe(42);
    expect(travel.edges[0]).toMatchObject({ roadClass: 'primary', lengthM: 1000, oneWay: true });
    const text = err.join('\n');
    expect(text).toContain('from the .prj');
    expect(text).toContain('attribute text: GBK');
    expect(text).toContain('fields: class = CLASS, one-way = 单行, length = 长度');
    expect(text).toContain('1 × length "0"');
  });

  it('converts BD-09 given by --crs (the name says nothing) and detects it from the name', () => {
    copyFileSync(fixture('roads-bd09.geojson'), join(dir, 'roads.geojson'));
    const path = out('bd.json');
    const args = ['--scenario', 'default-city', '--out', path];
    expect(main(['import-roads', join(dir, 'roads.geojson'), '--crs', 'bd09', ...args])).toBe(0);
    const given = written(path).travel;
    if (given.model !== 'roadGraph') throw new Error(given.model);
    expect(haversineMetres(given.nodes[0], [113.6192856, 34.7478004])).toBeLessThan(1);
    expect(main(['import-roads', fixture('roads-bd09.geojson'), ...args])).toBe(0);
    expect(err.join('\n')).toContain('BD-09 (Baidu) (detected)');
    expect(main(['import-roads', join(dir, 'roads.geojson'), '--crs', 'mars', ...args])).toBe(2);
  });

  it('writes nothing and says why for a broken file', () => {
    const path = out('none.json');
    const code = main([
      'import-roads',
      fixture('roads.dbf'),
      '--scenario',
      'default-city',
      '--lang',
      'zh',
      '--out',
      path,
    ]);
    expect(code).toBe(1);
    expect(existsSync(path)).toBe(false);
    expect(err.join('\n')).toContain('缺少 .shp 文件');
  });
});

describe('sim import-districts', () => {
  it('adds Gauss–Krüger districts from a shapefile; replacing names what still refers to the old', () => {
    const path = out('districts.json');
    const args = [fixture('districts.shp'), '--scenario', 'default-city', '--out', path];
    expect(main(['import-districts', ...args, '--lang', 'zh'])).toBe(1);
    expect(existsSync(path)).toBe(false);
    expect(err.join('\n')).toContain('加 --add 保留情景原有辖区');
    expect(main(['import-districts', ...args, '--add', '--name-field', '名称'])).toBe(0);
    const districts = written(path).districts;
    expect(districts.slice(-2).map((d) => [d.id, d.name])).toEqual([
      ['330106', '西湖区'],
      ['330102', '上城区'],
    ]);
  });
});
