import writeExcelFile from 'write-excel-file/node';
import { writeFileSync } from 'node:fs';
// A dispatch export as Excel writes it: a date-formatted time column (arrives as a Date), a second
// time column left as General (arrives as the serial number), a kind, and coordinates.
const header = ['接警时间', '序列时间', '案件类型', '经度', '纬度', '警情编号'].map((value) => ({
  value,
  fontWeight: 'bold',
}));
const rows = [
  [new Date(Date.UTC(2024, 6, 1, 8, 15, 30)), 45474.34409722222, '火灾', 120.155, 30.274, 'JQ001'],
  [
    new Date(Date.UTC(2024, 6, 1, 9, 2, 0)),
    45474.37638888889,
    '医疗救护',
    120.161,
    30.281,
    'JQ002',
  ],
  [
    new Date(Date.UTC(2024, 6, 1, 9, 3, 10)),
    45474.37719907407,
    '医疗救护',
    120.161,
    30.281,
    'JQ002',
  ],
  [
    new Date(Date.UTC(2024, 6, 1, 23, 59, 59)),
    45474.99998842592,
    '交通事故',
    120.17,
    30.29,
    'JQ003',
  ],
].map(([d, serial, kind, lon, lat, no]) => [
  { value: d, type: Date, format: 'yyyy-mm-dd hh:mm:ss' },
  { value: serial, type: Number },
  { value: kind, type: String },
  { value: lon, type: Number },
  { value: lat, type: Number },
  { value: no, type: String },
]);
const buffer = await writeExcelFile([header, ...rows]).toBuffer();
writeFileSync(process.argv[2], buffer);
