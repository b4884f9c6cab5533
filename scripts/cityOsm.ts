/**
 * A city-sized OpenStreetMap extract, generated deterministically, for measuring the road
 * import: a grid of streets around 30.25°N 120.15°E with a shape point bent into every block
 * (so that contraction has work), a primary road every 10th street (maxspeed 60, some in mph),
 * one-way streets both ways round (every 3rd: oneway=yes, every 7th: oneway=-1), a motorway
 * edge and a few values a real extract has that are not speeds.
 *   npx tsx scripts/cityOsm.ts OUT.osm [STREETS]   (default 250 streets each way: 187,000 nodes)
 */
import { writeFileSync } from 'node:fs';

export function cityOsm(streets = 250): string {
  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<osm version="0.6" generator="cityOsm">',
  ];
  const step = 0.002; // ≈ 200 m
  const lon0 = 120.15 - (streets * step) / 2;
  const lat0 = 30.25 - (streets * step) / 2;
  const junction = (row: number, column: number) => 1 + row * streets + column;
  const shapeBase = 1 + streets * streets;
  // Shape points: east–west blocks first, then north–south blocks.
  const eastWest = (row: number, column: number) => shapeBase + row * (streets - 1) + column;
  const northSouth = (column: number, row: number) =>
    shapeBase + streets * (streets - 1) + column * (streets - 1) + row;
  const node = (id: number, lon: number, lat: number) =>
    parts.push(`  <node id="${id}" lat="${lat.toFixed(7)}" lon="${lon.toFixed(7)}"/>`);
  for (let row = 0; row < streets; row++)
    for (let column = 0; column < streets; column++)
      node(junction(row, column), lon0 + column * step, lat0 + row * step);
  for (let row = 0; row < streets; row++)
    for (let column = 0; column < streets - 1; column++)
      node(eastWest(row, column), lon0 + (column + 0.5) * step, lat0 + row * step + step * 0.08);
  for (let column = 0; column < streets; column++)
    for (let row = 0; row < streets - 1; row++)
      node(northSouth(column, row), lon0 + column * step + step * 0.08, lat0 + (row + 0.5) * step);
  let wayId = 1;
  const way = (refs: number[], index: number, major: string) => {
    const tags: string[] = [];
    const primary = index % 10 === 0;
    tags.push(`<tag k="highway" v="${primary ? major : 'residential'}"/>`);
    if (primary) tags.push(`<tag k="maxspeed" v="${index % 20 === 0 ? '40 mph' : '60'}"/>`);
    else if (index % 11 === 0) tags.push('<tag k="maxspeed" v="CN:urban"/>');
    if (index % 7 === 0) tags.push('<tag k="oneway" v="-1"/>');
    else if (index % 3 === 0) tags.push('<tag k="oneway" v="yes"/>');
    parts.push(`  <way id="${wayId++}">`);
    parts.push(refs.map((ref) => `<nd ref="${ref}"/>`).join(''));
    parts.push(`  ${tags.join('')}</way>`);
  };
  for (let row = 0; row < streets; row++) {
    const refs: number[] = [];
    for (let column = 0; column < streets; column++) {
      refs.push(junction(row, column));
      if (column < streets - 1) refs.push(eastWest(row, column));
    }
    way(refs, row, 'primary');
  }
  for (let column = 0; column < streets; column++) {
    const refs: number[] = [];
    for (let row = 0; row < streets; row++) {
      refs.push(junction(row, column));
      if (row < streets - 1) refs.push(northSouth(column, row));
    }
    way(refs, column, 'secondary');
  }
  parts.push('</osm>');
  return parts.join('\n');
}

if (process.argv[1]?.endsWith('cityOsm.ts')) {
  const [out, streets] = process.argv.slice(2);
  if (!out) {
    console.error('usage: npx tsx scripts/cityOsm.ts OUT.osm [STREETS]');
    process.exit(2);
  }
  writeFileSync(out, cityOsm(streets ? Number(streets) : undefined));
}
