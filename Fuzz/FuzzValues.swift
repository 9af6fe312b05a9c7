// libFuzzer harness for the value parser: any text (bytes decoded as UTF-8, invalid bytes
// repaired) must parse to a value or throw a `ValueError`, never crash or hang.
// Built by scripts/fuzz.sh; see Fuzz/README.md.
import Foundation
import SelfEvaluation

/// The libFuzzer entry point.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = ValueParser.parse(text)
    _ = ValueParser.isNotGiven(text)
    _ = ValueParser.unit(text)
    _ = ValueParser.comparator(text)
    // A split target: the first line is the operator cell, the second the unit cell.
    let parts = text.split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
    if parts.count == 3 {
        _ = ValueParser.parse(parts[2], operator: parts[0], unit: parts[1])
    }
    do {
        let number = try ValueParser.number(text, field: nil)
        precondition(number.isFinite, "number() returned a non-finite Decimal")
    } catch {
        precondition(error.offset >= 0 && error.offset <= text.count, "offset outside the text: \(error.offset)")
    }
    do {
        _ = try ValueParser.optionalNumber(text)
    } catch {
        precondition(error.offset >= 0 && error.offset <= text.count, "offset outside the text: \(error.offset)")
    }
    return 0
}
