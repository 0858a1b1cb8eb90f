// Words that decide a status (assessment.md): completion, ongoing work, delay, unpublished
// figures, applications awaiting a decision, granted designations, open-ended effort.
// Each list is data: add a word here and its table test, not a rule elsewhere.

/** A deliverable reported as accomplished (matched inside one sentence of the progress). */
export const COMPLETION_WORDS: readonly string[] = [
  '已完成',
  '已全部完成',
  '全面完成',
  '高质量完成',
  '顺利完成',
  '圆满完成',
  '完成',
  '已建成',
  '建成',
  '已投用',
  '投入使用',
  '已投运',
  '已开通',
  '已开放',
  '已开业',
  '正式开园',
  // a library, museum or venue opened to the public (`新馆已于9月正式开馆`)
  '已开馆',
  '正式开馆',
  // a platform or system in service (`平台已上线运行`)
  '已上线',
  '上线运行',
  '已实施',
  '正式实施',
  '已挂牌',
  '挂牌成立',
  '揭牌成立',
  '已揭牌',
  '已成立',
  '已设立',
  '成立',
  '已印发',
  '印发',
  '已出台',
  '出台',
  '已发布',
  '正式发布',
  '已制定',
  '制定',
  '已建立',
  '建立',
  '已编制',
  '编制完成',
  '已落地',
  '落地',
  '已开工',
  '开工',
  '已竣工',
  '竣工',
  '已完工',
  '完工',
  '成功举办',
  '已举办',
  '举办',
  '已召开',
  '召开',
  '全面运行',
  '已运行',
  '正常运作',
  '实体化运作',
  '成功创建',
  '已命名',
  '命名为',
  '获评',
  '获得',
  '荣获',
  '入选',
  '通过验收',
  '已通过',
  '已获批',
  '获批',
  '全覆盖',
  '实现',
  '摘牌',
  '清零',
  '已全部',
  '均已',
  '认定',
];

/**
 * What a report says when the thing a target's verb asks for has happened, by that verb: a report
 * of a single deliverable often does not name it again (`项目已于5月开工建设` for 启动…迁建工程,
 * `平台已正式上线运行` for 开通…平台). Read only for a target with one deliverable (status.ts).
 */
export const DONE_BY_VERB: ReadonlyArray<{ verbs: readonly string[]; done: readonly string[] }> = [
  {
    verbs: ['建成', '新建', '改建', '扩建', '迁建', '建设', '改造'],
    done: ['建成', '竣工', '完工', '投用', '投入使用', '投运', '交付使用', '开馆', '开园', '上线'],
  },
  {
    verbs: ['开通', '上线', '启用', '投用', '投运'],
    done: ['开通', '上线', '启用', '投用', '投入使用', '投运', '运行'],
  },
  { verbs: ['启动', '开工'], done: ['开工', '启动', '动工', '开建'] },
  { verbs: ['举办', '召开', '承办'], done: ['举办', '召开', '承办'] },
  { verbs: ['成立', '组建', '设立'], done: ['成立', '挂牌', '揭牌', '组建', '设立'] },
  { verbs: ['制定', '出台', '印发', '编制'], done: ['印发', '出台', '制定', '发布', '编制完成', '审议通过'] },
  // a title won (`获评省级美丽乡村示范县`: `已成功获评`)
  { verbs: ['获评', '荣获', '入选'], done: ['获评', '荣获', '入选', '被评为', '被命名', '授牌'] },
  // a designation applied for, granted (`已获省政府批复设立`); an inspection passed is still awaiting
  {
    verbs: ['争创', '创建', '申报', '申创'],
    done: ['获批', '批复设立', '批准设立', '批复同意', '被命名', '命名为', '授牌', '成功创建', '创建成功'],
  },
];
/** A report of something that happened, not a plan: the past marker a done piece must carry. */
export const PAST_MARKERS: readonly string[] = ['已', '成功', '顺利', '正式', '完成'];

/** Work that goes on: part of the task is unfinished. */
export const ONGOING_WORDS: readonly string[] = [
  '推进中',
  '有序推进',
  '正在',
  '正进行',
  '建设中',
  '施工中',
  '仍在',
  '进行中',
  '筹备中',
  '将于',
  '即将',
  '尚未',
  '待上会',
  '初稿',
  '征求意见稿',
  // a draft sent for review (…工作大纲(送审稿)): the document is not final, the work goes on
  '送审稿',
  '基本形成',
  '等待',
  // on schedule for the year, not finished (`完成省下达序时任务`); below it is a delay (`未完成序时`)
  '序时任务',
  '序时目标',
];

/** The work is late, not started or falling. */
export const DELAY_WORDS: readonly string[] = [
  '滞后',
  '未启动',
  '推迟',
  '延期',
  '进度缓慢',
  '未达序时',
  '低于序时',
  // the set phrase of keeping pace denied (`时间过半、任务未过半`, `未能实现时间任务双过半`)
  '任务未过半',
  '未实现时间任务双过半',
  '未能实现时间任务双过半',
  '未实现双过半',
  '未能实现双过半',
  '落后于序时',
  '停滞',
  '未能完成',
  '暂缓',
  '推进缓慢',
  '进展缓慢',
  '进度偏慢',
  '偏慢',
  '进度慢',
  '未开工',
  '未达到序时',
  '未完成序时',
  '落后序时',
  '慢于序时',
  // (some offices write 时序 for 序时)
  '未达时序',
  '未达到时序',
  '低于时序',
  '落后于时序',
  '落后时序',
  '慢于时序',
  // nothing done yet
  '暂无进展',
  '无进展',
  '无新进展',
  '尚未开展',
  '未开展',
  // slow with a degree word between (进展较为缓慢, 推进相对较慢)
  '缓慢',
  '较慢',
  // hard to finish in time (完成有一定困难,但通过努力…)
  '完成有一定困难',
  '完成有困难',
  '完成难度较大',
  '完成难度大',
  '难以完成',
  // an event not held (受疫情影响，活动取消)
  '取消举办',
  '未能举办',
  '暂停举办',
  '停办',
  '活动取消',
  // far from the target (与目标差距较大, 存在较大缺口)
  '差距较大',
  '较大差距',
  '缺口较大',
  '较大缺口',
  // the office's word on how it went (完成情况不够理想, 进展不理想, 效果欠佳)
  '不够理想',
  '不理想',
  '不尽如人意',
  '欠佳',
  // not as planned (未按计划推进, 未能如期开工, 工期延误, 进度受影响, 征收工作受阻)
  '未能实施',
  '无法实施',
  '未按计划',
  '未按期',
  '未能如期',
  '未如期',
  '进展不明显',
  '进度落后',
  '延误',
  '进度受影响',
  '进度受到影响',
  '受阻',
  // work stopped (受资金影响，项目暂停施工)
  '暂停施工',
  '暂停建设',
  '暂停实施',
  '处于停工',
  // not done this year at all: dropped, or moved to next year (该项目已取消, 纳入明年计划，今年不再实施)
  '不再实施',
  '取消实施',
  '停止实施',
  '终止实施',
  // (the work itself may be removing something: 已取消收费站 is done, so the subject is named)
  '项目已取消',
  '活动已取消',
  '纳入明年',
  '列入明年',
  '转入明年',
  '推至明年',
  '顺延至明年',
  '调整至明年',
  '延至明年',
  // a red or yellow light on the task's schedule (红黄绿灯 warnings)
  '亮红灯',
  '亮黄灯',
  '红灯预警',
  '黄灯预警',
  '红灯警示',
  '黄灯警示',
];

/**
 * The work expected to finish only next year (`主体结构已封顶，预计明年6月投用`): this year's target
 * will not be met, whatever the stage reached. Not where the target itself looks past this year.
 */
export const FINISH_NEXT_YEAR =
  /(预计|计划|将于|将在|力争|争取|有望|推迟至|推迟到|延至)[^。；，,]{0,4}(明年|次年|来年|下一年)[^。；，,]{0,10}(完成|建成|完工|竣工|投用|投入使用|投运|运营|开业|开放|交付|通车|开工)/;
/**
 * A target asking for something finished this year (`建成投用…`, `年内完成…`, `新建幼儿园3所`): what
 * FINISH_NEXT_YEAR can miss.
 */
export const FINISH_ASKED = /建成|投用|投入使用|完成|竣工|完工|开工|投运|开业|通车|交付|运营|新建|改建|扩建|迁建/;
/** A target naming a year or more than one (`2025年建成`, `三年行动`, `明年`): its end may lie past this year. */
export const TARGET_PAST_YEAR = /\d{4}年|明年|次年|[两三四五]年|\d年|分年度|分期/;

/**
 * A figure said to fall short of the target (`增长6.1%,低于目标0.9个百分点`, `低于年度目标`): behind,
 * unless the task keeps something under a ceiling, where below the target is the aim (status.ts).
 */
export const SHORT_OF_TARGET_WORDS: readonly string[] = [
  '低于目标',
  '低于年度目标',
  '低于全年目标',
  '低于预期目标',
  '低于预期',
  '未达目标',
  '未达到目标',
  // an office's verdict on the period (工作评价: 未达预期)
  '未达预期',
  '未达到预期',
  '未达到年度目标',
  '未达年度目标',
  '比目标低',
];

/** The result depends on figures or rankings not yet published. */
export const PENDING_PATTERNS: readonly RegExp[] = [
  /年度数据/,
  /(数据|排名|结果|名单|考评|评估|评价)[^。；]{0,20}(将|预计|待|尚未|未)[^。；]{0,20}(公布|发布|揭晓|出炉)/,
  /(待|尚未|未)[^。；，]{0,8}(公布|发布)[^。；]{0,6}(数据|排名|结果|名单)/,
  // figures counted once a year, not yet available (按年度统计, 年底核算, 数据待统计局反馈, 暂无数据)
  /按年度?(统计|核算)|年度(指标|统计)(?!局)/,
  /(年底|年终|年末|次年|明年)[^。；，]{0,8}(统计|核算|公布|发布|考核|反馈|出来)/,
  /(数据|结果|名单)[^。；，]{0,3}(待|尚未|未)[^。；，]{0,8}(反馈|出来|公布|发布|统计|核算)/,
  /(暂无|尚无)(统计)?数据/,
  // the figure awaits its count (`待统计`, `待核算`), not a body named so (待统计局…)
  /待(统计|核算|汇总)(?!局)/,
  // an evaluation, check or count not yet held: its result is awaited, the work is not late
  /(评价|考核|评估|评选|测评|考评|普查|验收|申报)(工作)?[^。；，]{0,4}(尚未|暂未|未)(开展|启动|开始|进行)/,
  // an application round the higher authority has paused (省高能级战略平台申报工作已暂停)
  /申报(工作)?[^。；，]{0,2}暂停/,
  /(机构调整|职能调整|机构改革)/,
  // not started because a higher authority has not opened it yet
  /待[^。；，,]{0,6}(国家|省|市|上级)[^。；，,]{0,6}(统一)?(部署|安排|通知|下达|出台)/,
  // to start once the higher authority has done its part (待省卫健委完成系统软件调试后启动筛查)
  /待(国家|省|市|上级)[^。；]{0,30}后[^。；，,]{0,4}(启动|开展|实施|开始)/,
  // the higher authority has not yet handed the office its share of the task (未分解任务到本县)
  /未(分解|下达|分配)[^。；，,]{0,12}(任务|指标)|(任务|指标)(尚|暂)?未(分解|下达|分配)/,
];

/**
 * A forecast that the target will be met, with no figure (`预计基本完成`, `预计可完成年度目标`): the
 * result awaits the year's figures. A date it is expected by (`预计年底完成`) is not one.
 */
export const FORECAST_MET = /(预计|有望)(可|能|将|能够|可以)?(基本|全面|超额|全部)?(完成|实现|达到|达标)/;
/** Words of a forecast (`预计全年增长6%`, `据统计部门预测`, `有望超额完成`): what follows is not yet a result. */
export const FORECAST_WORD = /预计|预测|预估|有望/;

/**
 * Characters of which every match of a pending pattern holds at least one (数据 据, 公布 布, 统计 统,
 * 核算 核, 指标 指, 反馈 馈, 出来 出, 出炉 炉, 揭晓 晓, 调整 调, 改革 革, 暂停 停, 待, 未): a text without any is
 * not scanned with the patterns. A new pattern must add its own mark here if it has none of these.
 */
export const PENDING_MARKS = '据布晓炉统核指馈出调革待未停';

/** A designation or award the target applies for. */
export const APPLICATION_WORDS: readonly string[] = ['争创', '创建', '申报', '参评', '争取', '通过验收', '创成'];

/** The application, inspection or evaluation is done; the decision is awaited. */
export const AWAITING_DECISION_PATTERNS: readonly RegExp[] = [
  /推荐[^。；，]{0,12}参评/,
  /(完成|通过)[^。；，]{0,10}(实地验收|验收工作|考评|评价验收|现场验收|初审|评审|评定)/,
  /已(申报|上报|报送)/,
  // the application handed in (`已提交创建申请`)
  /已(提交|递交)[^。；，]{0,8}(申请|申报材料|创建材料)/,
  /(结果|命名)[^。；]{0,10}(尚未|未|待)/,
  /(等待|待)[^。；，]{0,6}(命名|公布|公示|批复|授牌|发文)/,
  /(等待|待)[^。；，]{0,8}(审核|审批|审定|核定|认定|复审|复核|评审|技术评估)/,
];

/** The application succeeded. */
export const GRANTED_WORDS: readonly string[] = [
  '成功创建',
  '已命名',
  '并命名',
  '命名为',
  '获评',
  '获批',
  '授予',
  '被评为',
  '荣获',
  '完成省级',
  '创建成功',
  '已获',
  '成功获得',
  '成功入选',
];

/** Verbs of open-ended effort: a clause led by them is not a deliverable. */
export const EFFORT_VERBS: readonly string[] = [
  '持续',
  '深化',
  '加大',
  '强化',
  '擦亮',
  '营造',
  '加快',
  '推进',
  '推动',
  '支持',
  '优化',
  '完善',
  '提升',
  '提高',
  '坚持',
  '贯彻',
  '落实',
  '做好',
  '做强',
  '做大',
  '发挥',
  '促进',
  '鼓励',
  '引导',
  '加强',
  '巩固',
  '扩大',
  '稳步',
  '着力',
  '大力',
  '积极',
  '全力',
  '聚焦',
  '围绕',
  '立足',
  '把握',
  '依托',
  '彰显',
  '凸显',
  '保障',
  '严守',
  '增强',
  '联动',
  '融入',
  '塑造',
  '夯实',
  '健全',
  '统筹',
  '精准',
  '滚动',
  '差异化',
  '主动',
  '充分',
  '准确',
  '遵循',
  '以',
  '更好',
  '改善',
  '守牢',
  '织密',
  '筑牢',
  '用好',
  '保持',
  '培育',
  '构建',
  '攻坚',
  '科学',
  '精益求精',
  '适度',
  '高水平',
  '高质量',
  '贯通',
  '调整',
  '试点',
  '实行',
  '常态化',
  '严格',
  '规范',
  '标准化',
  '落细',
];

/** Heads of open-ended goals (打造…品牌, 构建…格局): a clause ending in them is effort, not a deliverable. */
export const ABSTRACT_GOALS: readonly string[] = [
  '品牌',
  '高地',
  '先行区',
  '增长极',
  '标杆',
  '生态圈',
  '格局',
  '体系',
  '氛围',
  '环境',
  '机制',
  '模式',
  '能力',
  '水平',
  '能级',
  '魅力',
  '风采',
  '印记',
  '合力',
  '共同体',
  '底线',
  '地位',
  '首位度',
  '辨识度',
  '城市',
  '之城',
  '名片',
  '优势',
  '风险',
  '意识',
  '安全',
  '权益',
  '成型',
  '互利共赢',
  '局面',
  '效能',
  '活力',
  '韧性',
  '形象',
  '服务',
  '作用',
  '能力',
  '大会战',
  '号角',
  '成果',
  '新形态',
  '融合发展',
  '发展',
  '健康',
  '规模',
  '核心区',
  '集聚区',
  '功能',
  '保障',
  '覆盖',
];

/**
 * Target wording that can be checked without a number, and the progress wording that meets it.
 * `rate`: met only for the period so far until a whole-year report; `holds`: a state to keep all
 * year (no accident, a fall), met so far until the report reaching December.
 */
export const CHECKABLE_GOALS: readonly {
  target: RegExp;
  met: RegExp;
  missed: RegExp;
  rate?: true;
  holds?: true;
}[] = [
  {
    // (`事故起数和死亡人数实现双下降`: both fall)
    target: /持续下降|逐年下降|稳中有降|双下降/,
    met: /同比(分别)?下降|持续下降|下降[\d.]+%/,
    missed: /同比(分别)?(上升|增长)/,
    holds: true,
  },
  {
    // (`确保不发生规模性返贫`, `坚决遏制重特大安全生产事故发生`)
    target: /不发生|遏制[^，。；]*事故/,
    met: /未发生|零事故|零发生/,
    missed: /(?<![未不无])发生[^，。；]{0,6}(较大|重大)[^，。；]*事故/,
    holds: true,
  },
  {
    target: /清零/,
    // (`零就业家庭保持动态清零`, `实现动态清零`)
    met: /(全部|已|实现|保持|持续)[^，。；]{0,4}清零|底数为0|完成[^，。；]{0,6}清零/,
    missed: /未清零|未能清零|未实现清零/,
  },
  // coverage of every place or body (`实现行政村5G网络全覆盖`): reached once the report says it is
  // (`已实现全覆盖`, `覆盖率100%`), not while it is planned (`力争年底前实现全覆盖`)
  {
    target: /全覆盖/,
    met: /已(经)?(全面)?实现[^，。；]{0,24}全覆盖|实现了[^，。；]{0,24}全覆盖|已(全部)?全覆盖|覆盖率(已)?(达到?|为)?100%/,
    // (`尚未实现全覆盖` mid-year is work still going on; only a failure is missed)
    missed: /未能(实现)?全覆盖|无法(实现)?全覆盖/,
  },
  // a growth to outpace a wider area's (`增速高于全省平均`): the report compares with the same area
  ...['全国', '全省', '全市', '全区', '全州'].map((area) => ({
    target: new RegExp(`(高于|快于|超过|领先于?)${area}`),
    met: new RegExp(`(高于|快于|超过|领先于?)${area}`),
    missed: new RegExp(`(?<!不|未|没有)(低于|慢于|落后于?)${area}`),
    // a rate compared for part of the year can still fall behind before the year ends
    rate: true as const,
  })),
];

/**
 * A completion rate of the whole task, as a report writes it when nothing names a part of the
 * task before it (`完成率104%`, `当前进度88%`, `完成年度任务的42.56%`). Group 1 is the figure.
 */
export const TASK_RATE_PATTERNS: readonly RegExp[] = [
  /^(?:已|总体|整体|累计|目前|当前|项目|工程|总)?(?:任务)?(?:完成率|完工率|竣工率|建成率|完成进度|形象进度|工程进度|项目进度|总体进度|当前进度|进度)[:：]?(?:为|达到?|已达|约|完成)?(\d+(?:\.\d+)?)%/,
  // a share of the whole work (`已完成总工程量的60%`, `完成工作量的80%`)
  // (the whole named as its subject: `本项目已完成总工程量的85%`, `工程已完成工程总量的40%`)
  /^(?:(?:本|该)?(?:项目|工程)(?:整体|总体)?)?(?:已|累计|目前|共)?完成(?:了)?(?:总)?(?:工程量|工作量|建设量|建设任务|工程总量)的?(\d+(?:\.\d+)?)%/,
  // the target's own figure may be restated before 的 (`完成全年目标任务1200人的114%`, `年度目标(50场)的180%`)
  /^(?:已|累计|目前|共)?(?:超额)?完成(?:年度|全年|本年度)?(?:目标)?(?:任务|计划|目标)(?:量)?(?:[（(][^（）()]{1,12}[）)]|\d+(?:\.\d+)?[万亿]?[\u4e00-\u9fff]{0,2})?的(\d+(?:\.\d+)?)%/,
  // without 的 only after 任务/计划: `完成年度目标10.5%的增速` restates the target's own figure
  /^(?:已|累计|目前|共)?完成(?:年度|全年|本年度)?(?:目标)?(?:任务|计划)(?:量)?(\d+(?:\.\d+)?)%(?!的)/,
  // the task before its verb: `年度任务完成40%`, `全年目标任务完成率为40%`
  /^(?:年度|全年|本年度)(?:目标)?(?:任务|计划)完成(?:率)?(?:为|达到?)?(\d+(?:\.\d+)?)%/,
  // a share of the year's task: `占年度任务的40%`, `占计划的64%`
  /^占(?:年度|全年|本年度|年)?(?:目标)?(?:任务|计划)(?:[（(][^（）()]{1,12}[）)]|\d+(?:\.\d+)?[万亿]?[\u4e00-\u9fff]{0,2}的)?的?(\d+(?:\.\d+)?)%/,
  // reaching a share of the year's plan: `达到年计划的50%`, `达到治理计划的57%`
  /^(?:已|累计|目前)?达到?(?:年度|全年|本年度|年)?[\u4e00-\u9fff]{0,4}?(?:目标)?(?:任务|计划)的(\d+(?:\.\d+)?)%/,
  // a share of a target revised during the year, the one still to meet: `占调整后目标的88%`
  /^(?:占|完成)调整后的?(?:年度|全年)?(?:目标|任务|计划)(?:任务)?的?(\d+(?:\.\d+)?)%/,
  // the rate before its verb: `100%完成`, `已100%完成`
  /^(?:已|目前|当前)?(\d+(?:\.\d+)?)%(?:完成|完工)$/,
  // a clause of only the verb and the rate (`已进场施工，完成60%`): of the whole task, since it
  // names nothing smaller; not `完成60%的…`, nor a rate after what it measures (`场外工程完成70%`)
  // (or with the whole as its subject: `项目已完成60%`, not `主体工程已完成60%`)
  /^(?:(?:本|该)?(?:项目|工程)(?:整体|总体)?)?(?:已|累计|目前|共|总体|整体)?完成(?:了)?(\d+(?:\.\d+)?)%(?:左右)?[。；;!！]?$/,
];

/**
 * A cell or sentence that says only that the work is accomplished (`已完成`, `完工,投入使用`):
 * about the whole task, since it names nothing smaller.
 */
export const WHOLE_DONE_WORDS: readonly string[] = [
  '已完成',
  // clipped by a narrow cell (`已完`)
  '已完',
  '完成',
  '超额完成',
  '已销号',
  '销号',
  '已全部完成',
  '全部完成',
  '全面完成',
  '已建成',
  '建成',
  '已完工',
  '完工',
  '已竣工',
  '竣工',
  '已投用',
  '投用',
  '投入使用',
  '已投入使用',
  '已落实',
  '已实施',
  '已办结',
  '已达标',
  '已交付',
  '交付使用',
  '已交付使用',
  // in service: built and running (`已建成投用`, `建成并投入运营`, `已挂牌运行`)
  '建成投用',
  '建成投运',
  '已投运',
  '投运',
  '投入运营',
  '投入运行',
  '正式运营',
  '正式运行',
  '挂牌运行',
  '挂牌成立',
  '已挂牌',
  // accepted as finished (`项目已通过竣工验收`)
  '通过竣工验收',
  '竣工验收',
];

/** Who or what a done statement may name before its verb when it means the whole task (`项目已完成`). */
export const WHOLE_DONE_SUBJECTS: readonly string[] = [
  '项目',
  '该项目',
  '本项目',
  '该项工作',
  '本项工作',
  '此项工作',
  '该项',
  '本项',
  '此项',
  '各项',
  '全部',
  // the task itself (`任务已完成`, `该任务已按时完成`)
  '任务',
  '该任务',
  '此任务',
];
/**
 * A date clause a done statement may open with (`截至目前，已完成`, `截至6月底，项目已完工`): the
 * words, and dates written `截至[YYYY年]M月[底|末|D日]`.
 */
export const DONE_AS_OF_WORDS: readonly string[] = [
  '截至目前',
  '截止目前',
  '截至当前',
  '截至本月',
  '截至今日',
  '目前',
  '当前',
  '今年以来',
  '年初以来',
];
export const DONE_AS_OF_DATE = '(?:截至|截止|至)(?:\\d{4}年)?\\d{1,2}月(?:底|末|份|\\d{1,2}日)?';
/** Adverbs a done statement may carry (`提前完成`, `均已建成`). */
export const WHOLE_DONE_ADVERBS: readonly string[] = [
  '已经',
  '已',
  '均已',
  '已提前',
  '提前',
  '顺利',
  '已全面',
  // done as planned (`按计划圆满完成`, `如期完成`)
  '圆满',
  '按计划',
  '按计划圆满',
  '已按计划',
  '按时',
  '按期',
  '如期',
];
/** What a done statement may say was done when it means the whole task (`完成年度目标任务`, `完成该项任务`). */
export const WHOLE_DONE_OBJECTS: readonly string[] = [
  '并销号',
  '建设',
  '验收',
  // handed over once built (`竣工交付`)
  '交付',
  '交付使用',
  // a problem put right and struck off (`已全部完成整改并销号`)
  '整改',
  '整改并销号',
  '年度目标任务',
  '全年目标任务',
  '年度任务',
  '全年任务',
  '年度目标',
  '全年目标',
  '目标任务',
  '该项任务',
  '此项任务',
  '任务',
];

/**
 * Preparatory steps (a plan drafted, a tender published, a site chosen): a report of such steps
 * next to `已完成` says a step of the month is done, not the task.
 */
export const PREPARATORY_WORDS: readonly string[] = [
  '方案',
  '采购',
  '招标',
  '公告',
  '选址',
  '立项',
  '前期',
  '申请',
  '意向',
  '摸排',
  '摸底',
  '调研',
  '部署',
];
