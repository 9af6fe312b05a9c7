import ArgumentParser
import CMallocTuning
import Foundation
import SelfEvaluation
import XLSXReport

// Exit statuses (README, "Diagnostics and exit status"): 0 done, 1 a form failed, 2 bad usage. ArgumentParser reports usage
// errors as 64 (EX_USAGE); they are mapped to 2 here. Every message goes through
// StandardStreams: a failed write to stdout or stderr is exit status 1, never a trap.

// glibc malloc keeps freed memory and takes blocks below 8 MiB from the heap: each form makes and
// frees the same working set, which was otherwise handed back and faulted in again per workbook.
_ = selfeval_tune_malloc()
StandardStreams.prepare()
if let bad = Arguments.firstNotUTF8() {
    StandardStreams.err(Vocabulary.StreamMessage.argumentNotUTF8(bad) + "\n")
    StandardStreams.exit(2)
}
do {
    var command = try SelfEval.parseAsRoot()
    if command is ConvertCommand || command is BatchCommand || command is TemplateCommand {
        // Checked before anything is written: a bad value is a usage error, not a failed form.
        if let bad = Workbook.environmentSourceDateEpoch, Workbook.sourceDateEpochSeconds(bad) == nil {
            StandardStreams.err(Vocabulary.StreamMessage.badSourceDateEpoch(bad) + "\n")
            StandardStreams.exit(2)
        }
    }
    try command.run()
    StandardStreams.exit(0)
} catch {
    let code = SelfEval.exitCode(for: error)
    let message = ParserText.translate(SelfEval.fullMessage(for: error))
    if code == .success {
        if !message.isEmpty { StandardStreams.out(message + "\n") }
        StandardStreams.exit(0)
    }
    if !message.isEmpty { StandardStreams.err(message + "\n") }
    StandardStreams.exit(code == .validationFailure || code.rawValue == 2 ? 2 : 1)
}
