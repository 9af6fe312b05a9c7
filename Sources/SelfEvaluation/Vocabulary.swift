/// Every Chinese word selfeval reads or writes, in one place. Identifiers stay English;
/// this file is the glossary the code consults. The messages of one scoring rule sit beside
/// that rule instead, in its `Message` enum.
public enum Vocabulary {
    // MARK: - Units
    public static let yuan = "元"
    public static let wanYuan = "万元"
    public static let yiYuan = "亿元"

    // MARK: - Output (owned by the writers)
    /// Messages written into output cells and comments.
    public enum OutputMessage {
        public static let generatedReason = "此原因由 selfeval 根据数据生成,只陈述事实;请单位补充原因分析及改进措施。"
    }

    // MARK: - Template (owned by the template reader)
    /// Title words: a form's title contains this.
    public static let formTitleMarker = "自评表"
    public static let departmentTitle = "部门整体支出绩效目标自评表"
    public static let projectTitle = "项目支出绩效自评表"
    public static let projectMarker = "项目支出"
    /// "(2023年度)" → the year before this word.
    public static let yearSuffix = "年度"
    public static let unitSealLabel = "单位(盖章)"
    public static let unitNameLabels = ["部门(单位)名称", "单位名称", "部门名称", "预算单位", "实施单位"]
    public static let filledOnLabel = "填报日期"
    public static let projectHeaderLabels = ["项目名称", "主管部门", "实施单位", "项目负责人", "联系电话"]
    public static let projectNameLabel = "项目名称"
    public static let supervisorLabel = "主管部门"
    public static let budgetSectionLabels = ["部门(单位)总体资金(万元)", "项目资金(万元)", "总体资金(万元)"]
    public static let weightLabels = ["分值", "权重"]
    public static let scoreLabel = "得分"
    public static let budgetTotalLabel = "年度资金总额"
    public static let budgetPartPrefix = "其中"
    /// Colons that end a label or follow 其中 ("其中:当年财政拨款", "年度资金总额:").
    public static let labelColons: Set<Character> = [":", "："]
    public static let goalsSectionLabel = "年度总体目标"
    public static let goalsExpectedLabel = "预期目标"
    public static let goalsActualLabel = "实际完成情况"
    public static let indicatorSectionLabel = "绩效指标"
    public static let level1Label = "一级指标"
    public static let level2Label = "二级指标"
    public static let level3Label = "三级指标"
    public static let targetLabel = "年度指标值"
    /// The sub-column under 年度指标值 in a two-row header (年度指标值 over 指标性质 / 指标值 / 度量单位).
    public static let targetValueSubLabel = "指标值"
    public static let natureLabels = ["指标性质", "指标方向", "计算符号"]
    public static let totalLabel = "总分"
    public static let conclusionLabels = ["自评结论", "评价结论"]
    /// A project form's 评价结论 is the unit's own narrative: kept as a trailer row, never overwritten.
    public static let narrativeConclusionLabel = "评价结论"
    /// Rows after a project form's indicator table (kept as written, in `Form.trailer`).
    public static let trailerLabels = ["评价结论", "存在问题", "改进措施", "项目负责人", "财务负责人"]
    public static let contactLabel = "联系人"
    public static let notesPrefix = "注"
    /// "(60分)" in a level-1 label.
    public static let pointsSuffix = "分"
    public static let placeholderNamePrefix = "指标"
    public static let ellipses = ["……", "…", "...", "。。。"]
    /// "数量指标" → "数量": the suffix a 二级指标 name may carry.
    public static let indicatorSuffix = "指标"
    public static let level1Names = ["产出指标", "效益指标", "满意度指标"]
    public static let level2Names = ["数量", "质量", "时效", "成本", "经济效益", "社会效益", "生态效益", "可持续影响",
                                     "服务对象满意度", "进度", "可持续效益", "满意度"]
    public static let dateYear = "年"

    /// Messages about a rules file (`--rules FILE.json`); keys are named as the file spells them.
    public enum RulesFileMessage {
        public static func unknownKey(_ key: String) -> String { "未知的键“\(key)”(可用的键见 README 的规则文件说明)" }
        public static func unknownBase(_ name: String) -> String { "“base”的值“\(name)”不是内置规则集(legacy 或 2020)" }
        public static let nameEmpty = "“name”为空"
        public static func nameTooLong(_ length: Int, _ limit: Int) -> String {
            "“name”长 \(length) 个 UTF-16 单位,超过上限 \(limit)(写入工作簿自定义属性“规则”的 Excel 上限)"
        }
        public static func nameCharacter(_ scalar: String) -> String { "“name”含有控制字符或非字符 \(scalar)" }
        public static let tiers = "“tiers”须满足 0 < partial < achieved ≤ 1"
        public static let gradeBands = "“gradeBands”须满足 100 ≥ excellent > good > fair ≥ 0"
        public static let executionRateWeight = "“executionRateWeight”须在 0 到 100 之间"
        public static let decimals = "“decimals”须为 0、1 或 2"
        public static func overAchievementThreshold(_ limit: some CustomStringConvertible) -> String {
            "“overAchievementThreshold”须在 1 到 \(limit) 之间"
        }
        public static func unreadable(_ reason: String) -> String { "无法读取规则文件: \(reason)" }
        public static func notRules(_ reason: String) -> String { "不是规则文件: \(reason)" }
        public static func missingKey(_ key: String) -> String { "缺少键“\(key)”" }
        public static func wrongType(_ key: String, _ detail: String) -> String { "“\(key)”的类型不对: \(detail)" }
        public static func notJSON(_ detail: String) -> String { "不是有效的 JSON: \(detail)" }
    }

    /// Messages of the template reader.
    public enum TemplateMessage {
        public static let notAForm = "这不是绩效自评表:找不到标题“…自评表”,也找不到含“一级指标”“二级指标”“三级指标”的指标表头"
        public static let missingYear = "找不到年度(如“(2023年度)”)"
        public static let missingUnit = "找不到单位名称(“部门(单位)名称”或“单位(盖章):”)"
        public static let noIndicators = "指标表中没有任何指标"
        public static func xmlInvalidCharacter(_ names: String) -> String {
            "单元格含有 XML 不允许的控制字符或非字符(\(names)),写入 XLSX 时替换为“\u{FFFD}”(U+FFFD)"
        }
        public static func unknownLevel2(_ name: String) -> String { "二级指标“\(name)”不是常见名称(数量、质量、时效、成本、经济效益、社会效益、生态效益、可持续影响、服务对象满意度),照原样保留" }
        public static func unknownLevel1(_ name: String) -> String { "一级指标“\(name)”不是常见名称(产出指标、效益指标、满意度指标),照原样保留" }
        public static func unrecognisedCell(_ text: String) -> String { "这个单元格不属于模板的任何位置,已原样保留在输出中:“\(text)”" }
        public static func rowRealigned(_ shift: Int) -> String {
            shift > 0 ? "这一行整体左移了\(shift)列(转换文档时丢失了合并单元格),已按分值、得分和指标名称所在列重新对齐,请核对"
                : "这一行的指标名称不在所属列(转换文档时丢失了合并单元格),已按指标名称重新对齐,请核对"
        }
        public static let indicatorWithoutLevel = "这一行指标没有一级或二级指标(上方也没有可沿用的合并单元格)"
    }

    // MARK: - Values (owned by the value parser)

    /// Words and symbols `ValueParser` reads (after full-width folding, see `foldedSymbols`).
    public enum ValueWords {
        /// Whole cells meaning "not given", besides runs of `placeholderCharacters`.
        public static let notGivenWords: Set<String> = ["无", "暂无", "不适用", "一", "一一"]
        /// Characters which, alone or repeated ("—", "——", "/", "……"), mean "not given".
        public static let placeholderCharacters: Set<Character> = [
            "—", "―", "─", "–", "‐", "-", "－", "﹣", "/", "／", "*", "＊", "…",
        ]
        /// Punctuation stripped from the end of a value ("15万元。").
        public static let trailingPunctuation: Set<Character> = ["。", ";", "；", ",", "，", ".", "．", "、"]
        /// Full-width and variant symbols folded to one form before parsing (one character each;
        /// full-width digits ０-９ are folded by code point).
        public static let foldedSymbols: [Character: Character] = [
            "．": ".", "％": "%", "＋": "+", "－": "-", "﹣": "-", "，": ",", "＞": ">", "＜": "<",
            "＝": "=", "﹦": "=", "≧": "≥", "⩾": "≥", "≦": "≤", "⩽": "≤", "／": "/", "：": ":",
            "　": " ",
        ]
        /// ValueComparator symbols written before a number (after folding); longest first.
        public static let comparatorSymbols: [(symbol: String, comparator: ValueComparator)] = [
            (">=", .atLeast), ("<=", .atMost), ("≥", .atLeast), ("≤", .atMost),
            (">", .greaterThan), ("<", .lessThan), ("=", .equal),
        ]
        /// ValueComparator words written directly before a number ("不低于95%"); the longest match wins.
        public static let comparatorPrefixWords: [String: ValueComparator] = [
            "大于等于": .atLeast, "大于或等于": .atLeast, "高于或等于": .atLeast, "不低于": .atLeast,
            "不少于": .atLeast, "不小于": .atLeast, "至少": .atLeast, "最少": .atLeast,
            "高于": .greaterThan, "大于": .greaterThan, "超过": .greaterThan, "多于": .greaterThan,
            "小于等于": .atMost, "小于或等于": .atMost, "低于或等于": .atMost, "不高于": .atMost,
            "不超过": .atMost, "不大于": .atMost, "不多于": .atMost, "至多": .atMost, "最多": .atMost,
            "低于": .lessThan, "小于": .lessThan, "少于": .lessThan,
            "等于": .equal,
        ]
        /// Weak words before a number ("达95%以上", "控制在100万元以内"): used only when neither a
        /// symbol, a prefix word nor a suffix word decides.
        public static let weakComparatorPrefixWords: [String: ValueComparator] = [
            "达到": .atLeast, "达": .atLeast, "控制在": .atMost,
        ]
        /// ValueComparator words written after the number and its unit ("10家以上").
        public static let comparatorSuffixWords: [String: ValueComparator] = [
            "以上": .atLeast, "及以上": .atLeast, "或以上": .atLeast,
            "以内": .atMost, "之内": .atMost, "以下": .atMost, "及以下": .atMost, "或以下": .atMost,
        ]
        /// Percent units.
        public static let percentUnits: [String] = ["%", "百分比"]
        /// Money units, converted into each other.
        public static let moneyUnits: [(unit: String, scale: MoneyScale)] = [
            (Vocabulary.yiYuan, .hundredMillionYuan), (Vocabulary.wanYuan, .tenThousandYuan), (Vocabulary.yuan, .yuan),
        ]
        /// Units of more than one character, matched before the one-character fallback.
        public static let knownUnits: [String] = [
            "个百分点", "百分点", "人次", "户次", "场次", "台套", "台次", "车次", "架次", "批次", "班次", "课时",
            "个月", "小时", "分钟", "工作日", "个工作日", "平方米", "平方公里", "立方米", "公里", "千米", "公顷",
            "千元", "万人次", "万人", "万户", "万册", "万亩", "万吨", "千瓦", "千克", "公斤", "微克", "毫克", "毫升",
        ]
        /// A magnitude written before a one-character unit ("2.5万人"): kept together as the unit.
        public static let magnitudeCharacters: Set<Character> = ["万", "千", "百", "亿"]
        /// Characters that never start a one-character unit (they start words like 以上, 完成, 左右).
        public static let nonUnitCharacters: Set<Character> = [
            "以", "及", "或", "之", "完", "全", "已", "的", "和", "与", "至", "到", "左", "右", "为", "内",
            "前", "后", "并", "且", "等", "达", "月", "日", "号", "底", "末", "是", "否",
        ]
        /// Separators of a compound unit ("元/人", "元每人").
        public static let perUnitSeparators: Set<Character> = ["/", "每"]
        /// A plus-minus band ("±10%"): not a single quantity.
        public static let bandMarks: Set<Character> = ["±"]
        /// Date marks.
        public static let yearMark: Character = "年"
        public static let monthMark: Character = "月"
        public static let dayMarks: Set<Character> = ["日", "号"]
        /// "12月底", "12月末": the last day of the month.
        public static let monthEndMarks: Set<Character> = ["底", "末"]
        /// Words for the end of the year (month 12, day 31).
        public static let yearEndWords: [String] = ["年底", "年末", "年内", "全年", "年度内"]
        /// Words allowed before a date ("于12月底前").
        public static let timeLeadWords: [String] = ["于", "在"]
        /// Words allowed after a date or an on-time word ("前", "全部完成", "拨付到位").
        public static let timeTailWords: [String] = [
            "之前", "以前", "前", "之内", "以内", "内", "全部", "全面", "完成", "完工", "结束", "到位",
            "拨付", "发放", "兑付", "支付", "办结", "实施", "交付", "验收",
        ]
        /// Words meaning "on time" without a date ("按时完成", "及时").
        public static let onTimeWords: [String] = [
            "按时", "及时", "按期", "如期", "准时", "规定时间内", "计划时间内", "计划完成时间内", "时限内",
        ]
        /// A character right before an on-time word that turns it round ("不及时", "未按时").
        public static let onTimeNegations: Set<Character> = ["不", "未", "没", "非"]
        /// Grade words; longest first so 不合格 is not read as 合格.
        public static let gradeWords: [(word: String, grade: Grade)] = [
            ("不合格", .fail), ("不及格", .fail), ("优秀", .excellent), ("良好", .good), ("合格", .pass),
            ("及格", .pass), ("中等", .pass), ("优", .excellent), ("良", .good), ("中", .pass), ("差", .fail),
        ]
        /// Quotation marks around a grade inside a sentence ("评定等级为“优秀”").
        public static let quotePairs: [(open: Character, close: Character)] = [
            ("“", "”"), ("\"", "\""), ("「", "」"), ("『", "』"), ("‘", "’"), ("'", "'"), ("《", "》"),
        ]
        /// Words after which an unquoted grade word counts ("评定等级为优秀").
        public static let gradeIntroducers: [String] = ["等级", "等次", "评为", "评定为", "评价为", "结论为"]
        /// Linking words between an introducer and the grade ("为", "是", ":").
        public static let gradeLinkWords: [String] = ["为", "是", ":", "分别为"]
        /// Suffixes a strict number may carry ("10分", "100%", "702.71万元"); the number is kept as written.
        public static let numberSuffixes: [String] = ["%", "百分比", "分", "元", "万元", "亿元", "万"]
    }

    /// Messages of the value parser.
    public enum ValueMessage {
        /// The default name of the cell in messages.
        public static let defaultField = "数值"
        /// "分值不是数字:空白".
        public static func empty(field: String) -> String { "\(field)不是数字:空白" }
        /// "分值不是数字:第2个字符“四”".
        public static func badCharacter(field: String, position: Int, character: Character) -> String {
            "\(field)不是数字:第\(position)个字符“\(character)”"
        }
        /// "分值不是数字:第2个字符处缺少数字".
        public static func missingDigits(field: String, position: Int) -> String {
            "\(field)不是数字:第\(position)个字符处缺少数字"
        }
        /// "分值不是数字:第2个字符“,”处千位分隔符不对".
        public static func badThousands(field: String, position: Int) -> String {
            "\(field)不是数字:第\(position)个字符处千位分隔符不对"
        }
        /// "分值不是数字:数字太长".
        public static func tooLong(field: String) -> String { "\(field)不是数字:数字太长" }
    }

    // MARK: - Scoring (owned by the scoring engine)
    /// Words and fixed texts the scoring engine reads or writes.
    public enum ScoringWords {
        /// Negations, read first in an actual text: any of them makes the tier 未达成.
        public static let negationWords: [String] = [
            "未完成", "未达到", "未达成", "未实现", "未按时", "未按期", "未能", "尚未", "没有", "滞后", "延期",
            "延迟", "推迟", "不合格", "不达标", "未达标", "未到位", "未落实", "未开展", "未启动",
            "不及时", "未及时", "不按时", "不按期", "未如期", "逾期", "超期", "没能",
        ]
        /// Phrases where a negation reports a good result ("未发生安全事故"); removed before reading.
        public static let benignNegationPhrases: [String] = ["未发生", "没有发生", "未出现", "没有出现"]
        /// Partial achievement, read second: 部分达成.
        public static let partialWords: [String] = [
            "部分", "基本完成", "基本达到", "基本达成", "基本实现", "基本满足", "基本按时", "大部分", "初步", "大体",
        ]
        /// Achievement, read last: 达成.
        public static let achievementWords: [String] = [
            "完成", "达到", "达成", "实现", "优秀", "按时", "按期", "如期", "及时", "圆满", "全部", "已", "合规",
            "达标", "顺利", "超额", "落实", "到位",
        ]
        /// Direction words of a project form's 指标性质/指标方向 column.
        public static let positiveDirectionWords: [String] = ["正向"]
        public static let negativeDirectionWords: [String] = ["反向", "负向", "逆向"]
        /// The second-level name whose bare amounts are held under their target.
        public static let costLevel2 = "成本"
        /// The marker of a year in a text ("2022年").
        public static let yearMark: Character = "年"
        /// Rule-set markers in the form's notes (after folding: % and - in ASCII).
        public static let legacyTierMarkers: [String] = ["80-50%", "80%-50%"]
        public static let v2020TierMarkers: [String] = ["80-60%", "80%-60%"]
        /// Dashes and tildes folded to "-" when reading the notes.
        public static let noteDashes: Set<Character> = ["—", "–", "－", "~", "～", "〜", "至"]
        /// Grade labels (自评等级).
        public static let gradeExcellent = "优"
        public static let gradeGood = "良"
        public static let gradeFair = "中"
        public static let gradePoor = "差"
        /// 自评等级“优”.
        public static func conclusion(_ grade: String) -> String { "自评等级“\(grade)”" }
        /// Tier names, as the rules word them.
        public static let tierAchieved = "达成年度指标"
        public static let tierPartial = "部分达成年度指标并具有一定效果"
        public static let tierNotAchieved = "未达成年度指标且效果较差"
        /// Kinds and directions, for the summary and the 评分明细 sheet.
        public static let kindQuantitative = "定量"
        public static let kindQualitative = "定性"
        public static let kindNotScored = "不计分"
        public static let directionPositive = "正向"
        public static let directionNegative = "反向"
        public static let directionEqual = "等于"
        /// Field names used in messages.
        public static let goalsField = "预期目标"
        public static let achievementsField = "实际完成情况"
        public static let initialField = "年初预算数"
        public static let adjustedField = "全年预算数"
        public static let executedField = "全年执行数"
        public static let weightField = "分值"
        public static let scoreField = "得分"
        public static let executionRateName = "预算执行率"
        /// Formula templates (audit trail and 评分明细).
        public static let formulaPositive = "分值 × min(B/A, 1)"
        public static let formulaNegativeRatio = "分值 × min(A/B, 1)"
        public static let formulaNegativeLinear = "分值 × max(1 − (B − A)/A, 0)"
        public static let formulaEqualZero = "B = 0 得满分, B > 0 得0分"
        public static let formulaTargetZero = "A = 0: B ≥ 0 得满分"
        public static let formulaExecution = "分值 × min(全年执行数/全年预算数, 1)"
        public static let formulaTotal = "预算执行率得分 + 各指标得分"
        public static let formulaQualitative = "按档次区间取分"
        /// Summary headings.
        public static let summaryRules = "评分规则"
        public static let summaryBudget = "预算执行"
        public static let summaryIndicators = "绩效指标"
        public static let summaryTotal = "总分"
        public static let summaryWarnings = "提示"
        public static let summaryNeedsReview = "需人工复核"
        public static let summaryTarget = "指标值"
        public static let summaryActual = "完成值"
        public static let summaryWeight = "分值"
        public static let summaryScore = "得分"
        public static let summaryReason = "原因"
        public static let summaryGenerated = "(程序生成)"
        public static let summaryNotScored = "不计分"
        public static let summaryRulesFromNotes = "据表注判定"
        public static let summaryRulesDefault = "表注未说明,用默认"
        public static let summaryRulesGiven = "指定"
        public static let summaryFromParts = "按各行之和"
        public static let summaryNone = "无"
        public static let summaryUnit = "单位"
        public static let summaryYear = "年度"
        public static let summaryFilledOn = "填报日期"
        public static let summaryRatio = "完成率"
        public static let summaryOverAchieved = "超额完成"
        public static let summaryRate = "执行率"
        public static let summaryYes = "是"
        public static let summaryNo = "否"
        public static let summaryChanged = "程序改动"
        public static func summaryNoteRow(_ row: Int) -> String { "第\(row)行" }
    }

    /// Messages of the scoring engine (warnings, comments, generated reasons).
    public enum ScoringMessage {
        public static func scoreRounded(printed: String, rounded: String) -> String {
            "表中得分\(printed)按规则保留小数后为\(rounded)。"
        }
        public static let reasonGenerated = "得分低于分值而未填写原因分析:已按事实生成说明,请单位补充原因及改进措施。"
    }
}
