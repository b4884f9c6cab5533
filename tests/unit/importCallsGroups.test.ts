/** One row per unit becomes one incident per incident number (--group-by). */
import { describe, expect, it } from 'vitest';
import { importCalls } from '../../src/scenarios/importCalls.ts';

const kinds = new Set(['fire', 'medical']);
const csv = [
  'Incident Number,Received,Type,Location',
  '16000001,12/31/2016 11:57:56 PM,fire,"(37.74, -122.45)"',
  '16000002,12/31/2016 11:58:10 PM,medical,"(37.75, -122.41)"',
  '16000001,12/31/2016 11:56:00 PM,medical,"(37.70, -122.40)"',
  '16000001,12/31/2016 11:59:00 PM,fire,"(37.74, -122.45)"',
  ',12/31/2016 10:00:00 PM,fire,"(37.74, -122.45)"',
  '16000003,nonsense,fire,"(37.74, -122.45)"',
  '16000003,12/31/2016 11:00:00 PM,fire,"(37.74, -122.45)"',
].join('\n');
const mapping = { time: 'Received', kind: 'Type', point: 'Location' };
const at = (h: number, m: number, s = 0) => h * 3600 + m * 60 + s;

describe('grouping rows by incident number', () => {
  it('one incident per number: earliest time, first row’s kind and place; rows counted', () => {
    const result = importCalls(
      csv,
      { ...mapping, groupBy: 'Incident Number' },
      '2016-12-31T00:00',
      kinds,
    );
    expect(result.incidents).toEqual([
      { time: at(23, 56), kind: 'fire', location: [-122.45, 37.74] },
      { time: at(23, 58, 10), kind: 'medical', location: [-122.41, 37.75] },
      { time: at(22, 0), kind: 'fire', location: [-122.45, 37.74] },
      { time: at(23, 0), kind: 'fire', location: [-122.45, 37.74] },
    ]);
    expect(result.groupedRows).toBe(2);
    // A bad row is reported, and its incident still comes from the good rows of its number.
    expect(result.problems.map((p) => p.line)).toEqual([7]);
  });

  it('without grouping each row is an incident', () => {
    const result = importCalls(csv, mapping, '2016-12-31T00:00', kinds);
    expect(result.incidents).toHaveLength(6);
    expect(result.groupedRows).toBe(0);
  });

  it('a group-by column that is missing is named', () => {
    const { problems } = importCalls(
      csv,
      { ...mapping, groupBy: 'Call Number' },
      '2016-12-31T00:00',
      kinds,
    );
    expect(problems[0].message).toContain('no column "Call Number"');
  });
});
