/// Every Chinese word selfeval reads or writes, in one place. Identifiers stay English;
/// this file is the glossary the code consults.
public enum Vocabulary {
    // MARK: - Units
    public static let yuan = "元"
    public static let wanYuan = "万元"
    public static let yiYuan = "亿元"

    // MARK: - Template (owned by the template reader)

    // MARK: - Values (owned by the value parser)

    // MARK: - Scoring (owned by the scoring engine)
}
