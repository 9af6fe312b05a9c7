import Testing
@testable import Conversion

/// A workbook sheet is a form by its title: "…自评表", also followed by a bracketed year as the 湖南
/// 零陵疾控 form prints it ("部门整体支出绩效自评表(2021年度)"), so that its .xlsx is read (and refused
/// at its missing header) exactly as its .csv is.
struct RealFormsWorkbookTitleTests {
    @Test(arguments: [
        ("部门整体支出绩效自评表", true), ("部门整体支出绩效自评表(2021年度)", true), ("项目支出绩效自评表（2023年度）", true),
        ("项目支出绩效自评表(2021年度)说明", false), ("自评表填报说明", false), ("部门整体支出绩效自评表(这是一段很长的说明文字不是年度)", false),
        ("绩效目标表", false),
    ])
    func aTitleWithABracketedYearIsAForm(_ text: String, _ isTitle: Bool) {
        #expect(FormLoader.isTitle(text) == isTitle)
    }
}
