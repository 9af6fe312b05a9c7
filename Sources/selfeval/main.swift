import ArgumentParser
import Foundation

// Exit statuses (cli.md): 0 done, 1 a form failed, 2 bad usage. ArgumentParser reports usage
// errors as 64 (EX_USAGE); they are mapped to 2 here.
MallocTuning.apply()
do {
    var command = try SelfEval.parseAsRoot()
    try command.run()
} catch {
    let code = SelfEval.exitCode(for: error)
    if code == .validationFailure {
        FileHandle.standardError.write(Data((SelfEval.fullMessage(for: error) + "\n").utf8))
        exit(2)
    }
    SelfEval.exit(withError: error)
}
