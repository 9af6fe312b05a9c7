import Foundation
import SelfEvaluation

/// Printing findings to stderr as compilers do: `FILE:ROW:COL: error|warning|note: [code] message`.
enum Diagnostics {
    static func emit(_ diagnostic: Diagnostic) {
        StandardStreams.err(diagnostic.description + "\n")
    }
}
