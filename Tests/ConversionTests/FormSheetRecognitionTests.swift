import CSV
@testable import Conversion
import Testing

/// Which sheets of a workbook are forms: a title with 自评表 in it, wherever the unit put the
/// year or the 附件 mark around it, or the 一级/二级/三级 header; anything else is not a form.
struct FormSheetRecognitionTests {
    static let cases: [(cells: [[String]], isForm: Bool)] = [
        ([["部门整体支出绩效自评表"]], true),
        ([["部门整体支出绩效自评表(2021年度)"]], true),
        ([["项目支出绩效自评表（2023年）", ""]], true),
        ([["附件3"], ["", "2022年度项目支出绩效自评表"]], true),
        ([["部门整体支出 绩效 自评表"]], true),
        ([["一级指标", "二级指标", "三级指标", "年度指标值"]], true),
        ([["一级 指标", "二级指标", "三级指标"]], true),
        ([["封面"], ["某某单位"]], false),
        ([["一级指标", "二级指标", "指标值"]], false),
        ([["自评"], ["表"]], false),
        ([["说明：本自评表由单位填写后报送财政局"]], false),
        ([], false),
    ]

    @Test(arguments: cases.indices)
    func aSheetIsAFormByItsTitleOrHeader(_ index: Int) {
        let (cells, expected) = Self.cases[index]
        let document = CSVDocument(file: "x.xlsx", rows: cells)
        #expect(FormLoader.isForm(document) == expected, "\(cells)")
    }
}
