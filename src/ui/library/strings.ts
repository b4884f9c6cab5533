/** Strings of the scenario library: files, recent files, export and imports. */

const zh = {
  builtinLabel: '内置情景',
  fromFile: '（来自文件）',
  originBuiltin: '内置',
  originFile: (name: string) => `文件 ${name}`,
  unsaved: (edits: number) => `${edits} 处修改未导出`,
  unsavedTitle: '这些修改已自动保存在本浏览器中，但还没有导出为文件',
  noUnsaved: '无未导出的修改',
  openFile: '打开文件…',
  openFileTitle: '打开情景文件（.json），也可以把文件拖到页面上',
  recent: '最近文件',
  recentEmpty: '还没有打开过文件',
  recentOpened: (when: string) => `打开于 ${when}`,
  export: '导出',
  exportTitle: (file: string) => `把当前情景导出为 ${file}`,
  import: '导入',
  importCalls: '来电记录（CSV）…',
  importRoads: '路网（OSM / GeoJSON / Shapefile）…',
  importDistricts: '辖区边界（GeoJSON / Shapefile）…',
  close: '关闭',
  cancel: '取消',
  dropHere: '松开鼠标打开文件',
  dropHint:
    '情景（.json）、来电记录（.csv）、路网（.geojson / .osm / Shapefile 的 .zip）或辖区边界（.geojson / Shapefile 的 .zip）',
  reading: (name: string) => `正在读取 ${name}…`,

  confirmTitle: '当前情景有未导出的修改',
  confirmBody: (edits: number, name: string) =>
    `当前情景“${name}”有 ${edits} 处修改尚未导出为文件。打开另一个情景后，修改后的版本会保留在“最近文件”中，可随时重新打开。`,
  confirmOpen: '打开（修改保留在最近文件）',
  confirmExportThenOpen: '先导出，再打开',
  editedCopy: (name: string, when: string) => `${name}（修改稿 ${when}）`,

  fileErrorTitle: (name: string) => `无法打开 ${name}`,
  fileErrorIntro: '文件有以下问题，当前情景未作任何改动：',
  wholeFile: '整个文件',
  moreProblems: (count: number) => `……另有 ${count} 个问题`,
  notReadable: (reason: string) => `无法读取文件：${reason}`,
  unknownFileType: (name: string) =>
    `不认识 ${name} 的类型：请使用 .json（情景）、.csv（来电记录）、.geojson 或 .osm（路网、辖区）`,

  chooseFile: '选择文件…',
  chooseOtherFile: '换一个文件…',
  fileColumns: (columns: number, rows: number) => `${columns} 列，${rows} 行数据`,

  callsTitle: '导入来电记录（CSV）',
  callsIntro:
    '每行一次来电：接警时间、事件类型，以及经纬度或辖区。导入后作为“列明事件”加入当前情景（可撤销）。',
  callsPreview: '文件前几行',
  callsMapping: '列对应关系',
  columnTime: '时间列',
  columnTimeHint:
    '本地时间，如 2016-12-31 23:57、2016/12/31 23:57:56、12/31/2016 11:57:56 PM、2016年12月31日 23时57分，或距情景开始的秒数',
  timeFormat: '日期顺序（年在最后时）',
  timeFormats: {
    auto: '自动判断',
    ymd: '年/月/日',
    mdy: '月/日/年',
    dmy: '日/月/年',
    undecided: '无法判断，请选择',
  } as Record<string, string>,
  placeByPoint: '坐标点（一列）',
  columnPoint: '坐标点列（(纬度, 经度)、经度,纬度 或 POINT）',
  groupBy: '事件编号列（同一编号的多行并为一起事件）',
  noGroupBy: '（不合并）',
  columnKind: '事件类型列',
  placeBy: '位置',
  placeByLonLat: '经纬度',
  placeByDistrict: '辖区',
  columnLon: '经度列',
  columnLat: '纬度列',
  columnDistrict: '辖区列（辖区 id 或名称）',
  chooseColumn: '（请选择）',
  kindValues: '类型取值对应的事件类型',
  kindValuesHint: (shown: number, total: number) =>
    shown < total ? `只列出最常见的 ${shown} 种取值（共 ${total} 种）` : '',
  kindValue: '文件中的取值',
  kindRows: '行数',
  kindTarget: '情景中的事件类型',
  notImported: '（不导入）',
  tooFewColumns: (columns: string) =>
    `该文件只有一列（${columns}）：来电记录至少需要时间、类型和位置三列。请检查分隔符是否为英文逗号。`,
  noRows: '文件中没有数据行（第一行应为列名）。',
  mapColumn: (what: string) => `请为“${what}”选择一列。`,
  sameColumn: (column: string) => `列“${column}”被选了两次。`,
  callsResult: (good: number, bad: number) =>
    `可导入 ${good} 起来电${bad ? `，${bad} 行有问题（不导入）` : ''}`,
  line: (line: number) => `第 ${line} 行`,
  importCallsButton: (count: number) => `导入 ${count} 起来电`,
  callsLabel: (file: string, count: number) => `导入来电记录 ${file}（${count} 起）`,
  previewColumns: (shown: number, total: number) => `只显示前 ${shown} 列（共 ${total} 列）`,
  tooLarge: (mb: string, limit: number) => `文件大小为 ${mb} MB，最大 ${limit} MB，未读取`,

  roadsTitle: '导入路网（OpenStreetMap / GeoJSON / Shapefile）',
  roadsIntro:
    'OpenStreetMap XML（.osm）中带 highway 标签的道路，或 GeoJSON、Shapefile（同时选中 .shp、.dbf、.prj、.cpg，或选 .zip）中的线要素。单行道保持单行，路段长度沿线量取（或取文件给出的长度），只连接两段同类道路的形状点并入路段；人行道等非机动车道路不导入。',
  classProperty: '道路等级属性',
  noClassProperty: '（无：全部为同一等级）',
  roadSummary: (nodes: string, edges: string, km: string, skipped: number) =>
    `${nodes} 个节点，${edges} 条路段，总长 ${km} 公里${skipped ? `；跳过 ${skipped} 个非道路要素` : ''}`,
  roadClasses: '道路等级对应',
  sourceClass: '文件中的等级',
  noClass: '（未注明）',
  roadCount: '道路数',
  targetClass: '情景中的道路等级',
  newClass: (name: string) => `新等级“${name}”`,
  speed: '车速（公里/小时）',
  speedInvalid: '车速须为正数',
  replacesNetwork: (description: string) => `将替换当前的出行模型（${description}）。`,
  currentGraph: (nodes: number, edges: number) => `路网：${nodes} 个节点，${edges} 条路段`,
  currentModel: (model: string) => `模型：${model}`,
  roadEventsDropped: (count: number) =>
    `${count} 个封路 / 损毁 / 恢复事件引用旧路网的路段编号，将一并删除（撤销可恢复）。`,
  importRoadsButton: '替换路网',
  roadsLabel: (file: string, edges: number) => `导入路网 ${file}（${edges} 条路段）`,

  districtsTitle: '导入辖区边界（GeoJSON / Shapefile）',
  districtsIntro:
    'GeoJSON 或 Shapefile（同时选中 .shp、.dbf、.prj、.cpg，或选 .zip）中的面要素，每个要素一个辖区；只取外边界（内部空洞忽略）。',
  idProperty: '辖区 id 属性',
  autoId: '（自动编号 district-1, district-2…）',
  nameProperty: '名称属性',
  noName: '（无）',
  area: '城区 / 农村',
  urban: '城区',
  rural: '农村',
  mode: '导入方式',
  modeReplace: '替换全部辖区',
  modeAdd: '添加（id 相同的辖区更新边界和名称）',
  districtSummary: (count: number, names: string) => `${count} 个辖区：${names}`,
  districtReferences: (count: number) =>
    `情景中有 ${count} 处引用（派车方案、来电流、列明事件、出行矩阵）指向将被删除的辖区，导入后会在情景检查中列为错误。`,
  importDistrictsButton: (count: number) => `导入 ${count} 个辖区`,
  districtWarnings:
    '以下边界自相交，会按文件原样导入；自相交处的来电可能落入错误的辖区，建议在文件中修正：',
  districtsLabel: (file: string, count: number) => `导入辖区边界 ${file}（${count} 个）`,
  crs: '坐标系',
  crsNames: {
    wgs84: 'WGS-84 / CGCS2000（GPS、天地图、OpenStreetMap）',
    gcj02: 'GCJ-02（高德、腾讯地图）',
    bd09: 'BD-09（百度地图）',
  },
  crsHow: {
    detected: '已自动识别',
    osm: 'OpenStreetMap 数据均为 WGS-84',
    prj: '已据 .prj 文件换算为经纬度',
    assumed: '文件未注明，默认 WGS-84；取自高德或百度地图的数据请改选',
  },
  oneWayProperty: '单行属性',
  lengthProperty: '长度属性（米）',
  speedProperty: '限速属性（km/h）',
  noProperty: '（无）',
  roadDetail: (oneWay: string, share: string, joined: string) =>
    `；其中单行路段 ${oneWay} 条（${share}）；${joined} 个形状点已并入路段`,
  encoding: (name: string) => `（属性文字编码：${name}）`,
  roadWarnings: '以下取值无法识别，已按说明处理：',
  warningCount: (count: number, message: string) =>
    count > 1 ? `${count} 处：${message}` : message,
  problems: '问题',
};

type Strings = { [K in keyof typeof zh]: (typeof zh)[K] extends string ? string : (typeof zh)[K] };

const en: Strings = {
  builtinLabel: 'Built-in scenario',
  fromFile: '(from a file)',
  originBuiltin: 'Built-in',
  originFile: (name: string) => `File ${name}`,
  unsaved: (edits: number) => `${edits} edit${edits === 1 ? '' : 's'} not exported`,
  unsavedTitle: 'These edits are autosaved in this browser but not yet exported to a file',
  noUnsaved: 'No edits left to export',
  openFile: 'Open file…',
  openFileTitle: 'Open a scenario file (.json); you can also drop a file on the page',
  recent: 'Recent',
  recentEmpty: 'No files opened yet',
  recentOpened: (when: string) => `opened ${when}`,
  export: 'Export',
  exportTitle: (file: string) => `Export the scenario as ${file}`,
  import: 'Import',
  importCalls: 'Call history (CSV)…',
  importRoads: 'Road network (OSM / GeoJSON / shapefile)…',
  importDistricts: 'District boundaries (GeoJSON / shapefile)…',
  close: 'Close',
  cancel: 'Cancel',
  dropHere: 'Drop to open the file',
  dropHint:
    'A scenario (.json), call history (.csv), road network (.geojson / .osm / a zipped shapefile) or district boundaries (.geojson / a zipped shapefile)',
  reading: (name: string) => `Reading ${name}…`,

  confirmTitle: 'The scenario has edits not exported',
  confirmBody: (edits: number, name: string) =>
    `The scenario “${name}” has ${edits} edit${edits === 1 ? '' : 's'} not exported to a file. When you open another scenario, the edited version is kept under “Recent” and can be reopened at any time.`,
  confirmOpen: 'Open (edits kept under Recent)',
  confirmExportThenOpen: 'Export first, then open',
  editedCopy: (name: string, when: string) => `${name} (edited ${when})`,

  fileErrorTitle: (name: string) => `Cannot open ${name}`,
  fileErrorIntro: 'The file has these problems; the current scenario was not changed:',
  wholeFile: 'whole file',
  moreProblems: (count: number) => `… and ${count} more`,
  notReadable: (reason: string) => `The file cannot be read: ${reason}`,
  unknownFileType: (name: string) =>
    `Unknown kind of file ${name}: use .json (scenario), .csv (call history), .geojson or .osm (roads, districts)`,

  chooseFile: 'Choose a file…',
  chooseOtherFile: 'Choose another file…',
  fileColumns: (columns: number, rows: number) =>
    `${columns} column${columns === 1 ? '' : 's'}, ${rows} data row${rows === 1 ? '' : 's'}`,

  callsTitle: 'Import call history (CSV)',
  callsIntro:
    'One call per row: time, kind of incident, and longitude/latitude or district. The calls are added to the scenario as listed incidents (undoable).',
  callsPreview: 'First rows of the file',
  callsMapping: 'Columns',
  columnTime: 'Time column',
  columnTimeHint:
    'Local time, e.g. 2016-12-31 23:57, 2016/12/31 23:57:56, 12/31/2016 11:57:56 PM, 2016年12月31日 23时57分, or seconds from the scenario start',
  timeFormat: 'Date order (when the year comes last)',
  timeFormats: {
    auto: 'Detect',
    ymd: 'year/month/day',
    mdy: 'month/day/year',
    dmy: 'day/month/year',
    undecided: 'cannot tell, choose one',
  } as Record<string, string>,
  placeByPoint: 'Point (one column)',
  columnPoint: 'Point column ((lat, lon), lon,lat or POINT)',
  groupBy: 'Incident number column (rows with the same number are one incident)',
  noGroupBy: '(no grouping)',
  columnKind: 'Kind column',
  placeBy: 'Place',
  placeByLonLat: 'Longitude, latitude',
  placeByDistrict: 'District',
  columnLon: 'Longitude column',
  columnLat: 'Latitude column',
  columnDistrict: 'District column (district id or name)',
  chooseColumn: '(choose)',
  kindValues: 'Kinds of incident for the values of the kind column',
  kindValuesHint: (shown: number, total: number) =>
    shown < total ? `Only the ${shown} most common values are listed (of ${total})` : '',
  kindValue: 'Value in the file',
  kindRows: 'Rows',
  kindTarget: 'Incident kind in the scenario',
  notImported: '(not imported)',
  tooFewColumns: (columns: string) =>
    `The file has a single column (${columns}): call history needs at least time, kind and place columns. Check that the separator is a comma.`,
  noRows: 'The file has no data rows (the first row must hold the column names).',
  mapColumn: (what: string) => `Choose a column for “${what}”.`,
  sameColumn: (column: string) => `The column “${column}” is chosen twice.`,
  callsResult: (good: number, bad: number) =>
    `${good} call${good === 1 ? '' : 's'} to import${bad ? `; ${bad} row${bad === 1 ? '' : 's'} with problems (left out)` : ''}`,
  line: (line: number) => `Line ${line}`,
  importCallsButton: (count: number) => `Import ${count} call${count === 1 ? '' : 's'}`,
  callsLabel: (file: string, count: number) => `Import call history ${file} (${count} calls)`,
  previewColumns: (shown: number, total: number) =>
    `Only the first ${shown} of ${total} columns are shown`,
  tooLarge: (mb: string, limit: number) =>
    `The file has ${mb} MB; at most ${limit} MB can be imported. It was not read.`,

  roadsTitle: 'Import a road network (OpenStreetMap / GeoJSON / shapefile)',
  roadsIntro:
    'The highway ways of an OpenStreetMap XML file (.osm), or the line features of a GeoJSON file or a shapefile (choose its .shp, .dbf, .prj and .cpg together, or a .zip). One-way streets stay one-way; each edge is measured along its line (or takes the length the file gives); points that only join two like segments are merged into one edge; footways and other roads not for vehicles are left out.',
  classProperty: 'Road class property',
  noClassProperty: '(none: all roads one class)',
  roadSummary: (nodes: string, edges: string, km: string, skipped: number) =>
    `${nodes} nodes, ${edges} edges, ${km} km in all${skipped ? `; ${skipped} features that are not roads left out` : ''}`,
  roadClasses: 'Road classes',
  sourceClass: 'Class in the file',
  noClass: '(none given)',
  roadCount: 'Roads',
  targetClass: 'Road class in the scenario',
  newClass: (name: string) => `New class “${name}”`,
  speed: 'Speed (km/h)',
  speedInvalid: 'The speed must be a positive number',
  replacesNetwork: (description: string) =>
    `This replaces the scenario’s travel model (${description}).`,
  currentGraph: (nodes: number, edges: number) => `road network: ${nodes} nodes, ${edges} edges`,
  currentModel: (model: string) => `model: ${model}`,
  roadEventsDropped: (count: number) =>
    `${count} road closure / damage / reopening event${count === 1 ? '' : 's'} refer to edges of the old network by number and will be removed too (undo brings them back).`,
  importRoadsButton: 'Replace the road network',
  roadsLabel: (file: string, edges: number) => `Import road network ${file} (${edges} edges)`,

  districtsTitle: 'Import district boundaries (GeoJSON / shapefile)',
  districtsIntro:
    'Polygon features of a GeoJSON file or a shapefile (choose its .shp, .dbf, .prj and .cpg together, or a .zip), one district each; only the outer boundary is used (holes are ignored).',
  idProperty: 'District id property',
  autoId: '(numbered district-1, district-2…)',
  nameProperty: 'Name property',
  noName: '(none)',
  area: 'Urban / rural',
  urban: 'Urban',
  rural: 'Rural',
  mode: 'How',
  modeReplace: 'Replace all districts',
  modeAdd: 'Add (districts with the same id get the new boundary and name)',
  districtSummary: (count: number, names: string) =>
    `${count} district${count === 1 ? '' : 's'}: ${names}`,
  districtReferences: (count: number) =>
    `${count} reference${count === 1 ? '' : 's'} in the scenario (run cards, call streams, listed incidents, travel matrix) point to districts that will be removed; the scenario check will list them as errors.`,
  importDistrictsButton: (count: number) => `Import ${count} district${count === 1 ? '' : 's'}`,
  districtWarnings:
    'These boundaries cross themselves and will be imported as drawn; calls near a crossing may land in the wrong district, so fix them in the file:',
  districtsLabel: (file: string, count: number) => `Import district boundaries ${file} (${count})`,
  crs: 'Coordinate system',
  crsNames: {
    wgs84: 'WGS-84 / CGCS2000 (GPS, Tianditu, OpenStreetMap)',
    gcj02: 'GCJ-02 (AMap / Gaode, Tencent)',
    bd09: 'BD-09 (Baidu Maps)',
  },
  crsHow: {
    detected: 'detected',
    osm: 'OpenStreetMap data is always WGS-84',
    prj: 'converted to longitude/latitude by the .prj file',
    assumed: 'the file does not say; WGS-84 assumed — choose another for data from AMap or Baidu',
  },
  oneWayProperty: 'One-way property',
  lengthProperty: 'Length property (m)',
  speedProperty: 'Speed limit property (km/h)',
  noProperty: '(none)',
  roadDetail: (oneWay: string, share: string, joined: string) =>
    `; ${oneWay} of the edges one-way (${share}); ${joined} shape points merged into edges`,
  encoding: (name: string) => ` (attribute text encoding: ${name})`,
  roadWarnings: 'These values were not understood and were handled as said:',
  warningCount: (count: number, message: string) => (count > 1 ? `${count} × ${message}` : message),
  problems: 'Problems',
};

export const libraryStrings = { zh, en };
export type LibraryStrings = Strings;
