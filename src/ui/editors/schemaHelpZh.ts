/**
 * Chinese help text for every field of the scenario format. The schema (src/scenarios/schema.ts)
 * documents each field in English, and the editors show that text as the field's help; this
 * table gives the Chinese for each description, keyed by the English exactly as written, so a
 * planner using the Chinese page reads Chinese help. tests/unit/schemaHelpZh.test.ts fails when a
 * description is added or reworded without its translation here. Terms follow
 * ../shared/glossary.md; field names, ids and seed document numbers (004) are kept as they are.
 */
import type { Language } from '../i18n.ts';

export const schemaHelpZh: Readonly<Record<string, string>> = {
  // scenario
  'Version of this file format.': '本文件格式的版本号。',
  'Identifier of the scenario, unique in the scenario (letters, digits, _ - . :).':
    '情景编号，在情景内唯一（字母、数字及 _ - . :）。',
  'Title.': '标题。',
  'What the scenario models and its sources.': '本情景模拟的内容及其依据资料。',
  'Local date and time at which simulated time 0 starts.': '仿真时间 0 对应的当地日期和时间。',
  'IANA time zone of the local clock.': '当地时钟所用的 IANA 时区。',
  'Length of a run (simulated time).': '一次运行的时长（仿真时间）。',
  'Calls received before this time are simulated but left out of the statistics.':
    '此时刻之前接到的来电照常仿真，但不计入统计。',
  // districts
  'Districts.': '辖区。',
  'Identifier of the district, unique in the scenario (letters, digits, _ - . :).':
    '辖区编号，在情景内唯一（字母、数字及 _ - . :）。',
  'Name shown to people (e.g. 定海区).': '显示的名称（如定海区）。',
  'Name in English, shown on the English page (e.g. Dinghai District); without it the English page shows `name`.':
    '英文名称，英文界面显示（如 Dinghai District）；不填时英文界面显示 `name`（中文名称）。',
  'Urban or rural: decides which arrival target applies (城区 / 农村).':
    '城区或农村：决定适用哪一项到场时限（城区 / 农村）。',
  'Outer boundary as a ring of [longitude, latitude] points (WGS-84). Give this or `polygons`.':
    '外边界：由 [经度, 纬度] 点组成的闭合环（WGS-84）。与 `polygons` 二选一。',
  'A point as [longitude, latitude].': '一个点，格式为 [经度, 纬度]。',
  'Longitude, WGS-84 degrees east.': '经度（WGS-84，东经，单位为度）。',
  'Latitude, WGS-84 degrees north.': '纬度（WGS-84，北纬，单位为度）。',
  'For a district in several parts (islands): the outer boundary of each part. Give this or `polygon`.':
    '辖区由多块组成（如海岛）时，每一块的外边界。与 `polygon` 二选一。',
  'Relative share of generated calls placed in this district (e.g. its population).':
    '随机生成的来电落在本辖区的相对比重（如按人口）。',
  // bases
  'Stations, barracks, depots.': '驻地：消防站、营区、仓库等。',
  'Identifier of the base, unique in the scenario (letters, digits, _ - . :).':
    '驻地编号，在情景内唯一（字母、数字及 _ - . :）。',
  'Name shown to people (e.g. 临城消防站).': '显示的名称（如临城消防站）。',
  // travel
  'How travel times are computed: a road graph, a zone-to-zone matrix, or distance × speed.':
    '行驶时间的计算方式：路网、分区间时间矩阵，或距离 × 车速。',
  'Road nodes as [longitude, latitude]; an edge names a node by its index in this list.':
    '路网节点，格式为 [经度, 纬度]；路段以节点在此列表中的序号引用节点。',
  'Road segments.': '路段。',
  'Index of the start node.': '起点节点的序号。',
  'Index of the end node.': '终点节点的序号。',
  'Length; default: the great-circle distance between the nodes.':
    '长度；默认取两节点间的大圆距离。',
  'Key in roadClasses.': 'roadClasses 中的道路等级键名。',
  'Drivable only from `from` to `to`.': '单行：只能从 `from` 驶向 `to`。',
  'Speed per road class (e.g. expressway, arterial, local), optionally varying by hour.':
    '各道路等级（如高速公路、主干道、支路）的车速，可按小时变化。',
  'Free-flow speed.': '畅行车速。',
  'Multiplier of the speed for each hour of the day 0–23 (local time); 1 = free flow.':
    '一天中 0–23 时（当地时间）每小时的车速倍数；1 = 畅行。',
  'Speed multiplier for units driving to an incident with lights and sirens (returns drive at normal speed).':
    '力量开启警灯警笛赶赴事件现场时的车速倍数（返回驻地时按正常车速）。',
  'Speed multiplier for units driving to an incident of a kind whose response mode is non-emergency (no lights and sirens).':
    '赶赴“非紧急出警”类事件（不开警灯警笛）时的车速倍数。',
  'Fixed time added to every trip that takes any time (getting under way, finding the address, parking): the 0.65 min of the fire-response fit T = 0.65 + 1.7·D min.':
    '每趟行程（行驶时间不为零时）另加的固定耗时（起步、找门牌、停车）：即消防出警拟合式 T = 0.65 + 1.7·D（分钟）中的 0.65 分钟。',
  'Short trips slower than distance ÷ speed, as a vehicle accelerates (the RAND fit’s square-root branch); omit for distance ÷ speed throughout.':
    '短途行程因车辆需加速而慢于“距离 ÷ 车速”（RAND 拟合式的平方根段）；不填则全程按“距离 ÷ 车速”计。',
  'Square-root law: T = 2·√(D/a) up to the distance v²/a, then v/a + D/v (v the speed of the trip).':
    '平方根律：距离不超过 v²/a 时 T = 2·√(D/a)，超过后 T = v/a + D/v（v 为该趟行程的车速）。',
  'Constant acceleration a of a vehicle getting up to speed (Kolesar’s New York fit: about 0.41 m/s²).':
    '车辆起步加速的恒定加速度 a（Kolesar 纽约拟合值约 0.41 米/秒²）。',
  'Coefficient of variation of a lognormal multiplicative noise on every trip (0 = deterministic).':
    '每次行程所乘对数正态随机扰动的变异系数（0 = 无随机扰动）。',
  'District ids, in the order of the matrix rows and columns.':
    '辖区编号，按矩阵行、列的顺序排列。',
  'Travel time from the row zone to the column zone.': '从行所对应分区到列所对应分区的行驶时间。',
  'Straight-line (great-circle) or Manhattan (east–west plus north–south) distance.':
    '距离算法：直线（大圆）距离，或曼哈顿距离（东西向加南北向）。',
  'Speed.': '车速。',
  'Road distance divided by the measured distance.': '道路距离与测得距离之比（绕行系数）。',
  // hospitals
  'Hospitals that medical units carry patients to (an incident kind’s `transport`).':
    '医疗力量送病人前往的医院（见事件类型的 `transport`）。',
  'Identifier of the hospital, unique in the scenario (letters, digits, _ - . :).':
    '医院编号，在情景内唯一（字母、数字及 _ - . :）。',
  'Name shown to people (e.g. 舟山医院).': '显示的名称（如舟山医院）。',
  // agencies
  'Partner agencies (联动单位).': '联动单位。',
  'Identifier of the agency, unique in the scenario (letters, digits, _ - . :).':
    '联动单位编号，在情景内唯一（字母、数字及 _ - . :）。',
  'Name (e.g. 市消防救援支队).': '名称（如市消防救援支队）。',
  'Tier of the partner agency (一级 / 二级 / 三级联动单位).':
    '联动单位的级别（一级 / 二级 / 三级联动单位）。',
  'Kind of force: government, enterprise, social (volunteers) or military (PLA, armed police, militia).':
    '力量性质：政府部门、企业、社会力量（志愿者）或军队（驻军、武警、民兵）。',
  // units
  'Response units.': '出动力量。',
  'Identifier of the unit, unique in the scenario (letters, digits, _ - . :).':
    '力量编号，在情景内唯一（字母、数字及 _ - . :）。',
  'Name (e.g. 临城站水罐车).': '名称（如临城站水罐车）。',
  'Id of the agency the unit belongs to.': '所属联动单位的编号。',
  'Id of the home base.': '所在驻地的编号。',
  'Number of identical units (ids get a suffix #2, #3 …).':
    '相同力量的数量（编号依次加后缀 #2、#3 …）。',
  'Crew size.': '乘员人数。',
  'What the unit can do: fire, rescue, hazmat, medical, police, waterRescue, engineering, crowdControl, militia, expert, utility… (free keys matched against incident needs).':
    '力量具备的能力：fire（灭火）、rescue（救援）、hazmat（危化品处置）、medical（医疗救护）、police（公安）、waterRescue（水上救援）、engineering（工程抢险）、crowdControl（人群管控）、militia（民兵）、expert（专家）、utility（水电气抢修）…（键名可自定，与事件所需力量的能力相匹配）。',
  'Time from notification to leaving the base (出动).': '从接到指令到驶离驻地的时间（出动）。',
  'The value every draw takes.': '每次抽样都取此值。',
  'Smallest value.': '最小值。',
  'Largest value.': '最大值。',
  'Most likely value.': '最可能的值。',
  'Mean value (1/rate).': '均值（1/速率）。',
  'Mean value.': '均值。',
  'Standard deviation.': '标准差。',
  'Median (50th percentile).': '中位数（第 50 百分位数）。',
  '90th percentile; must exceed the median.': '第 90 百分位数；须大于中位数。',
  'Shape parameter k.': '形状参数 k。',
  'Mean value (k × scale).': '均值（k × 尺度参数）。',
  'Number of exponential phases k.': '指数阶段数 k。',
  'Observed values; each draw picks one with equal probability.':
    '观测值；每次抽样等概率取其中之一。',
  'An observed value.': '一个观测值。',
  'Bins of a histogram; a draw picks a bin by weight, then a value uniformly inside it.':
    '直方图的区间；抽样时先按权重选一个区间，再在区间内均匀取值。',
  'Lower edge of the bin.': '区间下限。',
  'Upper edge of the bin.': '区间上限。',
  'Relative frequency.': '相对频数。',
  'When the unit can be dispatched. Default: always, or its tier’s duty hours when the tiers rule is on.':
    '力量可被调度的时间。默认：全天候；分级联动规则开启时按其级别的值守时间。',
  'On-duty windows in local time.': '值班时段（当地时间）。',
  'ISO days of the week (1 = Monday … 7 = Sunday) on which the window starts.':
    '时段从星期几开始（ISO 编号：1 = 星期一 … 7 = 星期日）。',
  'Local clock time HH:MM.': '当地时间，格式 HH:MM。',
  'End of the window; earlier than `from` means the next day.':
    '时段结束时间；早于 `from` 表示次日。',
  // incidentKinds
  'Kinds of incident.': '事件类型。',
  'Identifier of the incident kind, unique in the scenario (letters, digits, _ - . :).':
    '事件类型编号，在情景内唯一（字母、数字及 _ - . :）。',
  'Name (e.g. 危化品泄漏).': '名称（如危化品泄漏）。',
  'Priority in the queue: 1 is served first.': '排队优先级：1 最先调派。',
  'Units the incident needs, by capability.': '事件所需的力量，按能力列出。',
  'Capability needed.': '所需能力。',
  'How many units.': '力量数量。',
  'Time a unit works on scene, from its arrival until it clears.':
    '力量在现场的处置时间，从到场起至撤离。',
  'Share of these calls that can be handed to the 12345 line and use no unit.':
    '此类来电中可转 12345 热线、无需出动力量的比例。',
  'Rule 10: what the forward HQ asks the rear for once units are on scene (e.g. {"sandbags": 2000}).':
    '规则 10：力量到场后，前方指挥部向后方申请的物资（如 {"sandbags": 2000}）。',
  'Rule 9: for a group incident (群体性事件), the number of people taking part (drawn in people, not seconds).':
    '规则 9：群体性事件的参与人数（按人数抽样，而非秒数）。',
  'Severity when called: 4 general (一般), 3 serious (较大), 2 major (重大), 1 catastrophic (特别重大).':
    '接警时的事件等级：4 一般、3 较大、2 重大、1 特别重大。',
  'Rule 12, growth (003, 004): how the incident worsens while under-resourced — a fire spreads, a crowd swells, a flood rises.':
    '规则 12，事态升级（003、004）：力量不足时事态如何恶化——火势蔓延、人群聚集、水位上涨。',
  'How long the incident may stay under-resourced (units missing, or none on scene yet) before it grows, and between steps.':
    '事件处于力量不足状态（缺少力量，或尚无力量到场）多久后升级，也是相邻两步升级之间的间隔。',
  'Successive steps of growth.': '依次升级的各步。',
  'Severity after this step.': '此步升级后的事件等级。',
  'Units the incident needs in addition after this step.': '此步升级后事件另需增加的力量。',
  'How units drive to these incidents: emergency (lights and sirens, the travel model’s emergencySpeedFactor) or non-emergency (its nonEmergencySpeedFactor). A zone-to-zone matrix has one time for both.':
    '力量赶赴此类事件的方式：紧急出警（开警灯警笛，按出行模型的 emergencySpeedFactor）或非紧急出警（按其 nonEmergencySpeedFactor）。分区矩阵模型两者用同一时间。',
  'Call taking and assessment for this kind, instead of the centre’s dispatch.callHandling.':
    '此类事件的接警研判时间，代替指挥中心统一的 dispatch.callHandling。',
  'Time on scene by capability of the unit’s slot (e.g. an engine 11 min, an ambulance 60 min on the same call); a capability not listed works `workTime`.':
    '按力量所承担的能力分别设定的现场处置时间（如同一起警情中消防车 11 分钟、救护车 60 分钟）；未列出的能力按 `workTime` 计。',
  'A probability distribution of a duration (seconds): fixed, uniform, triangular, exponential, lognormal (mean and sd, or median and p90), gamma, Erlang, empirical values or a histogram.':
    '时长（秒）的概率分布：固定值、均匀、三角、指数、对数正态（均值与标准差，或中位数与 90 百分位）、伽马、埃尔朗、经验值或直方图。',
  'Patient transport: after its work on scene, a unit of this capability carries a patient to the nearest hospital (by travel time), hands over, then returns to base (a returning unit may be sent again, as dispatch.redispatchReturning says). Needs `hospitals`.':
    '送医：具备此能力的力量现场处置结束后，将病人送往（按行驶时间）最近的医院，交接完毕后返回驻地（返程中可否改派按 dispatch.redispatchReturning）。需要填写 `hospitals`。',
  'Capability of the units that carry a patient (e.g. medical).':
    '负责送医的力量所具备的能力（如 medical）。',
  'Share of these units’ jobs that end with a patient carried to a hospital.':
    '此类力量出警中需送病人去医院的比例。',
  'Time at the hospital handing the patient over, before the unit is free.':
    '在医院交接病人所用的时间，其后力量才可用。',
  'Whether the unit drives to the hospital with lights and sirens (emergencySpeedFactor) or at normal speed.':
    '送医途中是否开警灯警笛（按 emergencySpeedFactor），否则按正常车速。',
  // arrivals
  'Where calls come from: generated streams and listed incidents.':
    '来电来源：随机生成的来电流和逐条列出的警情。',
  'Randomly generated calls: non-homogeneous Poisson by hour of day and day of week.':
    '随机生成的来电：按一天中的小时和一周中的星期变化的非齐次泊松过程。',
  'Id of the incident kind.': '事件类型编号。',
  'Mean number of calls per day (averaged over the week).': '日均来电数（按一周平均）。',
  'Relative call rate for each hour 0–23 (normalised; default flat).':
    '0–23 时每小时的相对来电强度（自动归一；默认全天均匀）。',
  'Relative call rate for Monday … Sunday (normalised; default flat).':
    '星期一至星期日的相对来电强度（自动归一；默认均匀）。',
  'Relative weight of each district for this kind; default: the districts’ callWeight.':
    '此类事件在各辖区的相对权重；默认取各辖区的 callWeight。',
  'Calls at given times and places (a scripted drill, or imported call history).':
    '在指定时间、地点的来电（演练脚本，或导入的历史警情）。',
  // observed times of imported call history (calibration)
  'What the records of a real call show (imported history): read by calibration, ignored by the simulation.':
    '真实警情记录中的观测值（导入的接处警记录）：供校准使用，仿真不读取。',
  'When the first unit was ordered: call taking and assessment, after the call.':
    '首个力量接到派车指令的时刻，即接警研判用时，自接警起计。',
  'The units that went, each with its times.': '出动的各力量及其各环节时间。',
  'The unit as the records name it: matched to a unit of the scenario by id or name.':
    '记录中的力量名称或编号：按编号或名称对应到情景中的力量。',
  'Agency id of the unit, when the unit itself is not one of the scenario (its nearest base of that agency is taken).':
    '力量所属联动单位编号；力量本身不在情景中时，取该单位距事发地最近的驻地。',
  'What the unit was sent for (a capability): for the on-scene time per kind and capability.':
    '派该力量承担的处置能力：用于按事件类型和能力拟合现场处置时间。',
  'When the unit was ordered (派车), after the call.': '派车时刻，自接警起计。',
  'When it left (出动), after the call.': '出动时刻，自接警起计。',
  'When it arrived (到场), after the call.': '到场时刻，自接警起计。',
  'When it finished on scene (处置完毕 / 返队), after the call.':
    '现场处置完毕（返队）时刻，自接警起计。',
  'Time of the call after the scenario start.': '来电时刻（自情景开始起算）。',
  'More listed calls in columns (the compact form for large call histories): read as if listed in `incidents` after those there, in the same order.':
    '按列存放的更多列明来电（大量历史警情的紧凑形式）：按顺序视同列在 `incidents` 之后。',
  'The incident kind ids the table uses; `kind` holds indexes into it.':
    '表中用到的事件类型 id；`kind` 列存放其序号。',
  'Time of each call after the scenario start.': '每起来电的时刻（自情景开始起算）。',
  'Index into `kinds` of each call’s kind.': '每起来电的事件类型在 `kinds` 中的序号。',
  'Longitude of each call, or null where the call is placed by district.':
    '每起来电的经度；按辖区定位的来电为 null。',
  'Latitude of each call, or null where the call is placed by district.':
    '每起来电的纬度；按辖区定位的来电为 null。',
  'District ids the table uses; `district` holds indexes into it.':
    '表中用到的辖区 id；`district` 列存放其序号。',
  'Index into `districts` of each call’s district, or null.':
    '每起来电的辖区在 `districts` 中的序号，或 null。',
  'What the records show of each call (imported history, for calibration), or null.':
    '每起来电在记录中的实际时间（导入的历史记录，供校准使用），或 null。',
  'District id; used to place the call when no location is given.':
    '辖区编号；未给出位置时据此确定来电地点。',
  // dispatch
  'How the centre handles calls: call taking, what to do when no unit is free, run cards.':
    '联动中心如何处理来电：接警、无空闲力量时怎么办、出动预案。',
  'Call taking and assessment (接警研判): from the call to the dispatch decision.':
    '接警研判：从来电到作出调度决定。',
  'When no capable unit is free: wait in a queue (by priority, then time) or pass to outside help.':
    '没有具备能力的空闲力量时：排队等候（先按优先级，再按时间），或转交外部力量。',
  'With overflow: how long to wait for a local unit before passing the call to outside help.':
    '转交外部力量时：等待本地力量多久后转交。',
  'With overflow: from the hand-off until outside help arrives.':
    '转交外部力量时：从转交到外部力量到场的时间。',
  'With queue: a call still waiting this long is recorded as unanswered and dropped (none by default).':
    '排队时：等候达到此时长的来电记为未响应并放弃（默认不设上限）。',
  'Whether a unit on its way back to base may be sent to a new incident.':
    '返回驻地途中的力量能否被调往新的事件。',
  'Preference lists per district (出动预案).': '各辖区的力量优先顺序（出动预案）。',
  'District id.': '辖区编号。',
  'Incident kind id; omit for every kind.': '事件类型编号；省略则适用于所有类型。',
  'Unit ids in order of preference (出动预案); the nearest capable unit is used after them.':
    '按优先顺序排列的力量编号（出动预案）；这些力量之后再调用最近的具备能力的力量。',
  // targets
  'Arrival targets after the order, by tier (tier 1: 30 min urban; tier 2: 60 min urban; tier 3 has none).':
    '接到指令后的到场时限，按级别设定（一级：城区 30 分钟；二级：城区 60 分钟；三级不设）。',
  'Arrival target in urban districts.': '城区辖区的到场时限。',
  'Arrival target in rural districts (measured; the rule says "as fast as possible").':
    '农村辖区的到场时限（用于统计；规定为“尽快到达”）。',
  // events
  'External events at given times.': '在指定时间发生的外部事件。',
  'Something that happens at a given time: a road closed or reopened, a unit out of or back in service, a season switched, a response level raised, a surge of calls.':
    '在指定时间发生的事：道路封闭或恢复通行、力量停用或恢复、特殊时期切换、应急响应级别提高、来电激增。',
  'When it happens, after the scenario start.': '发生时刻（自情景开始起算）。',
  'Indices of the edges closed.': '封闭路段的序号。',
  'Indices of the edges damaged.': '损毁路段的序号。',
  'Until transport has repaired them and they reopen (rule 11).':
    '交通部门修复并恢复通行所需的时间（规则 11）。',
  'Indices of the edges reopened.': '恢复通行路段的序号。',
  'Unit id (with #n for a copy).': '力量编号（副本加 #n）。',
  'Unit id.': '力量编号。',
  'Flood season (汛期) or forest-fire season (森林防火期).': '汛期或森林防火期。',
  'Switched on (true) or off (false).': '进入（true）或结束（false）。',
  'Response level I–IV as 1–4 (1 is the highest); 0 = none.':
    '应急响应级别，一级至四级记为 1–4（1 最高）；0 = 无。',
  'Multiplier of generated call rates.': '随机生成来电强度的倍数。',
  // rules
  'Coordination rules of the seed documents, each switchable, every effect traced with its cause.':
    '源自依据文件的联动规则，每条可单独开关，每项影响均连同原因记入运行轨迹。',
  // rules.tiers
  'Rule 1, tiers of partner agencies (004): the tier decides duty hours, added mobilisation and the arrival target (see `targets`). Moving an agency to another tier changes all three.':
    '规则 1，联动单位分级（004）：级别决定值守时间、附加出动准备时间和到场时限（见 `targets`）。将联动单位调整到另一级别，三者随之改变。',
  'Switch the rule on.': '开启本规则。',
  'Tier 1 (一级): 24-hour duty, no added mobilisation.':
    '一级联动单位：24 小时值守，无附加出动准备时间。',
  'Duty hours of the tier’s units that give none of their own.':
    '本级别中未自设值守时间的力量所用的值守时间。',
  'Added to each unit’s own mobilisation: e.g. tier 2, the liaison relays the order and staff are called in.':
    '在各力量自身出动准备时间之上附加的时间：如二级联动单位由联络员转达指令、召集人员。',
  'Tier 2 (二级): a liaison reachable 24 h; staff called in, so a longer mobilisation.':
    '二级联动单位：联络员 24 小时可联系；需召集人员，出动准备时间较长。',
  'Tier 3 (三级): office hours only; support and advice, no arrival target.':
    '三级联动单位：仅工作时间值守；提供支持和咨询，不设到场时限。',
  // rules.fireRescueApproval
  'Rule 6, fire rescue dispatches other forces (001): units of other agencies sent to these kinds get their order after approval, and in special seasons after a second approval.':
    '规则 6，消防救援调派其他力量（001）：此类事件中，其他联动单位的力量须报批后才收到指令；特殊时期还须二次审批。',
  'Incident kinds under fire rescue’s joint command (主调主战).':
    '由消防救援统一调度指挥（主调主战）的事件类型。',
  'Agencies fire rescue orders without approval (itself, and usually police and 120).':
    '消防救援无需报批即可调派的联动单位（其自身，通常还有公安和 120）。',
  'The emergency bureau’s approval of the call-up plan (报应急管理部门同意).':
    '应急管理部门审批调派方案所需的时间（报应急管理部门同意）。',
  'In flood or forest-fire season, the bureau must also agree with the unit’s ministry before the order (商行业主管部门同意).':
    '汛期或森林防火期，应急管理部门还须在下达指令前征得该力量行业主管部门同意（商行业主管部门同意）。',
  'Seasons in which the second approval applies.': '需要二次审批的特殊时期。',
  // rules.military
  'Rule 8, military support (000): units of military agencies are requested through the joint office (a delay), or directly when extremely urgent; a raised response level pre-positions them so a later request is answered faster.':
    '规则 8，军地联动（000）：军队单位的力量须经军地联席会议办公室申请（有延时），特别紧急时可直接申请；提高应急响应级别会预置兵力，之后的申请响应更快。',
  'Report form (《军地应对突发事件活动情况报告表》) to the joint office and its coordination, before troops get the request.':
    '向军地联席会议办公室报送《军地应对突发事件活动情况报告表》并由其协调，之后部队才收到请求。',
  'Kinds so urgent that the HQ asks the troops directly and files the report afterwards (特别紧急).':
    '特别紧急的事件类型：指挥部直接向部队提出请求，事后报告备案。',
  'Incidents at this severity or worse (1 = catastrophic) are extremely urgent too; 0 = none.':
    '达到此等级或更严重（1 = 特别重大）的事件也视为特别紧急；0 = 不适用。',
  'A direct request in an extremely urgent case.': '特别紧急情况下直接向部队提出请求所需的时间。',
  'Raising the response level to this level or higher (1 = I, the highest) pre-positions troops (预置兵力).':
    '应急响应级别提高到此级别或更高（1 = 一级，最高）时预置兵力。',
  'Mobilisation of pre-positioned troops, instead of their own.':
    '预置兵力的出动准备时间，取代其自身的出动准备时间。',
  // rules.feedback
  'Rule 13, feedback (004) and the call-backs of rule 14 (003): units report arrival and completion; a late or missing report is a recorded failure; some callers are phoned back and rate the response.':
    '规则 13，反馈（004），以及规则 14 的回访（003）：力量报告到场和处置完毕；反馈超时或未反馈记为一次失误；部分来电人会接到回访并对处置作出评价。',
  'From arrival on scene to the unit’s arrival report reaching the centre.':
    '从到场到该力量的到场反馈送达联动中心的时间。',
  'From clearing the scene to the completion report reaching the centre.':
    '从撤离现场到处置完毕反馈送达联动中心的时间。',
  'A report later than this is late (a recorded failure).':
    '晚于此时限的反馈即为超时（记为一次失误）。',
  'Share of reports never made.': '始终未反馈的比例。',
  'Share of closed incidents whose caller is phoned back (回访).':
    '处置完毕的事件中，对来电人进行回访的比例。',
  'Of those, the share unsatisfied (不满意).': '其中评价为“不满意”的比例。',
  'Of those, the share basically satisfied (基本满意).': '其中评价为“基本满意”的比例。',
  // rules.growth
  'Rule 12, incident growth: incident kinds with `growth` worsen while under-resourced; a higher severity may trigger other rules (e.g. military direct requests).':
    '规则 12，事态升级：设有 `growth` 的事件类型在力量不足时会恶化；等级升高后可能触发其他规则（如直接向部队请求兵力）。',
  // rules.reinforcement
  'Rule 7, cross-region reinforcement (001, 002, 003): when no local capable unit is free, the centre applies to the level above; after approval, units from other districts or cities come.':
    '规则 7，跨区域增援（001、002、003）：本地没有具备能力的空闲力量时，联动中心向上级申请；批准后，其他区县或城市的力量前来增援。',
  'From the application to the level above until its approval (跨区域增援审批).':
    '从向上级申请到获得批准的时间（跨区域增援审批）。',
  'Units the level above can send from other districts or cities.':
    '上级可从其他区县或城市调派的力量。',
  'Identifier of the reinforcement pool, unique in the scenario (letters, digits, _ - . :).':
    '增援编队编号，在情景内唯一（字母、数字及 _ - . :）。',
  'Name (e.g. 省消防救援总队增援编队).': '名称（如省消防救援总队增援编队）。',
  'Id of the agency the units belong to (for tier and sector).':
    '这些力量所属联动单位的编号（决定其级别和性质）。',
  'What the units can do.': '这些力量具备的能力。',
  'Number of units.': '力量数量。',
  'From approval until on scene: mobilisation and the drive from another district or city.':
    '从批准到到场的时间：出动准备及从其他区县或城市赶来的路程。',
  // rules.triage
  'Rule 5, non-emergency triage (004): the share of each kind’s calls set by `nonEmergencyShare` goes to the 12345 line and uses no unit.':
    '规则 5，非紧急警情分流（004）：各类事件中按 `nonEmergencyShare` 所设比例的来电转 12345 热线，不出动力量。',
  // rules.command
  'Rule 2, graded command (004): when a special plan is activated the centre runs the initial response (先期处置) and hands command to the special HQ once it is up.':
    '规则 2，分级指挥（004）：启动专项应急预案时，联动中心负责先期处置，待专项指挥部成立后移交指挥权。',
  'Special emergency plans (专项应急预案) and their HQs (e.g. Zhumadian’s 12).':
    '专项应急预案及其指挥部（如驻马店的 12 个专项指挥部）。',
  'Identifier of the special command HQ, unique in the scenario (letters, digits, _ - . :).':
    '专项指挥部编号，在情景内唯一（字母、数字及 _ - . :）。',
  'Name (e.g. 市防汛抗旱指挥部).': '名称（如市防汛抗旱指挥部）。',
  'Incident kinds the special plan covers.': '专项预案适用的事件类型。',
  'The plan is activated at this severity or worse (3 = serious, 较大).':
    '事件达到此等级或更严重时启动预案（3 = 较大）。',
  'From activation until the HQ is up and takes command.':
    '从启动预案到指挥部成立并接管指挥的时间。',
  // rules.firstReceiver
  'Rule 3, first-receiver responsibility (首接负责制, 004): the first unit on scene acts first and hands over to the responsible agency’s unit when it arrives; both times traced.':
    '规则 3，首接负责制（004）：首先到场的力量先行处置，责任单位的力量到场后再移交；两个时刻均记入运行轨迹。',
  'Per incident kind, the id of the agency responsible for it.':
    '各事件类型对应的责任联动单位编号。',
  'Once the responsible unit is on scene, the time the first receiver needs to hand over and leave.':
    '责任单位的力量到场后，首接力量完成移交并撤离所需的时间。',
  // rules.maritime
  'Rule 4, maritime hand-off (004): sea incidents go to the maritime SAR centre, which commands; land units go only when it asks.':
    '规则 4，海上搜救移交（004）：海上事件移交海上搜救中心，由其指挥；陆上力量仅在其提出请求时出动。',
  'Sea incident kinds (shipwreck, oil spill, fishing accident…).':
    '海上事件类型（船舶遇险、溢油、渔业事故…）。',
  'Capabilities of the maritime SAR centre’s own forces, sent at once.':
    '海上搜救中心自有力量的能力，立即出动。',
  'Until the SAR centre asks the coordination centre for a land unit.':
    '海上搜救中心向联动中心申请陆上力量之前的时间。',
  // rules.traffic
  'Rule 11, traffic support (001): traffic control and emergency lanes speed the units’ way to serious incidents; damaged roads (a damageRoad event) stay closed until repaired.':
    '规则 11，交通保障（001）：交通管制和应急通道使力量更快赶赴较严重的事件；损毁的道路（damageRoad 事件）修复前保持封闭。',
  'Police and transport set traffic control for incidents of this severity or worse.':
    '事件达到此等级或更严重时，公安和交通部门实施交通管制。',
  'From the call until traffic control and emergency lanes are in place.':
    '从来电到交通管制和应急通道就位的时间。',
  'Speed multiplier of units driving to such an incident once control is in place.':
    '管制就位后，力量赶赴此类事件的车速倍数。',
  // rules.rearSupply
  'Rule 10, forward and rear HQ (002): once units are on scene the forward HQ asks the rear for supplies; work cannot finish before they arrive, later still when the rear’s stocks have run out.':
    '规则 10，前方与后方指挥部（002）：力量到场后，前方指挥部向后方申请物资；物资送达前处置无法完成，后方储备耗尽时还会更晚。',
  'What the rear HQ holds at the start, by item (they run out).':
    '后方指挥部开始时的物资储备，按品类列出（会被用完）。',
  'From the forward HQ’s request until the supplies are on scene.':
    '从前方指挥部提出申请到物资送达现场的时间。',
  'When the stock cannot cover a request: the extra time to find supplies elsewhere.':
    '储备不足以满足申请时，另行筹措物资所需的额外时间。',
  // rules.groupIncidents
  'Rule 9, group incidents and neighbour support (003, township plan): graded by participants (under 100 the township with neighbours, 100–500 the county, 500+ the city); a neighbour asked for help answers within 20 minutes, then musters; villages keep ≥ 20 people and towns ≥ 30 militia on standby (checked on the units’ crews).':
    '规则 9，群体性事件与邻近支援（003，乡镇预案）：按参与人数分级（不足 100 人由乡镇会同邻近乡镇处置，100–500 人由县级指挥，500 人以上由市级指挥）；被请求支援的邻近单位在 20 分钟内答复，随后集结出动；各村保持 ≥ 20 人、各镇保持 ≥ 30 名民兵待命（按力量乘员核查）。',
  'From this many participants the county commands (100); below, the township with its neighbours.':
    '参与人数达到此数时由县级指挥（100）；低于此数由乡镇会同邻近乡镇处置。',
  'From this many the city commands (500).': '参与人数达到此数时由市级指挥（500）。',
  'Units added when the county commands.': '县级指挥时增派的力量。',
  'Units added when the city commands (on top of the county’s).':
    '市级指挥时增派的力量（在县级增派之外）。',
  'Capabilities of village and town teams: when sent to another district, they are neighbours asked for help.':
    '村、镇队伍的能力：调往其他辖区时，视为被请求支援的邻近单位。',
  'Time for a neighbour asked for help to answer (the rule: within 20 minutes), before it musters.':
    '被请求支援的邻近单位作出答复的时间（规定为 20 分钟内），之后再集结。',
  // rules.assessment
  'Rule 14, assessment (Fuyang 110, 003): points deducted per unit and period (0.5–1 each), computed from the trace.':
    '规则 14，考核（富阳 110，003）：按力量和考核周期扣分（每次 0.5–1 分），根据运行轨迹计算。',
  'Length of an assessment period in days (a month for the bulletin).':
    '考核周期的天数（月度通报为一个月）。',
  'Deduction per late arrival (tiers 1–2).': '每次到场超时的扣分（一、二级联动单位）。',
  'Deduction per unsatisfied call-back.': '每次回访不满意的扣分。',
  'Deduction per late report.': '每次反馈超时的扣分。',
  'Deduction per missing report.': '每次未反馈的扣分。',
};

/** A field's help text in the page's language: the English of the schema in English, its
 * translation in Chinese (the English only when a translation is missing). */
export function helpText(description: string | undefined, language: Language): string | undefined {
  if (description === undefined || language === 'en') return description;
  return Object.hasOwn(schemaHelpZh, description) ? schemaHelpZh[description] : description;
}
