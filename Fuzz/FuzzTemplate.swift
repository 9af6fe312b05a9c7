// libFuzzer harness for the whole reading path: bytes → CSVReader → TemplateReader →
// Scorer.score → ScoreReport JSON. Every error must be thrown as a value, never a crash.
// Built by scripts/fuzz.sh; see Fuzz/README.md.
import CSV
import SelfEvaluation

/// The libFuzzer entry point.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = [UInt8](UnsafeBufferPointer(start: data, count: size))
    let document: CSVDocument
    do {
        document = try CSVReader().read(bytes: bytes, file: "fuzz.csv")
    } catch {
        return 0
    }
    for template in [nil, TemplateKind.department, TemplateKind.project] as [TemplateKind?] {
        let form: Form
        do {
            form = try TemplateReader(template: template).read(document).form
        } catch {
            precondition(error.diagnostic.severity == .error, "a thrown diagnostic is not an error")
            continue
        }
        for rules in [nil, RuleSet.legacy, RuleSet.v2020] as [RuleSet?] {
            do {
                let scored = try Scorer.score(form, rules: rules)
                _ = try? ScoreReport(scored).jsonData()
            } catch {
                precondition(error.diagnostic.severity == .error, "a thrown diagnostic is not an error")
            }
        }
    }
    return 0
}
