import ArgumentParser
import ETjanstDomain
import ETjanstExport
import ETjanstStore
import Foundation

/// How every command ends, as grep and diff do: 0 clean, 1 problems found (in the
/// store, in a file to import, or a change a rule refused), 2 cannot run (bad usage,
/// a store or file that cannot be read, a login the store does not know).
enum ExitStatus: Int32 {
  case clean = 0
  case problems = 1
  case cannotRun = 2

  var exitCode: ExitCode { ExitCode(rawValue) }
}

/// One clear line on stderr, in the user's language, and the exit status: how every
/// command fails.
struct Failure: Error, CustomStringConvertible {
  let message: LocalizedText
  /// Lines under the message (each bad row of an import); each is its own line, so
  /// a line break inside a value can never split one.
  var details: [LocalizedText] = []
  let status: ExitStatus

  init(_ message: LocalizedText, details: [LocalizedText] = [], status: ExitStatus = .cannotRun) {
    self.message = message
    self.details = details
    self.status = status
  }

  /// An import file's bad rows: its name and the headline, then one line a row;
  /// nothing was imported, so it is a problem found.
  init(file: String, _ error: CaseImportError) {
    self.init(
      LocalizedText(
        sv: "\(file): \(error.headline(.swedish))", en: "\(file): \(error.headline(.english))"),
      details: error.problems.indices.map { i in
        LocalizedText(sv: error.lines(.swedish)[i], en: error.lines(.english)[i])
      }, status: .problems)
  }

  init(sv: String, en: String, status: ExitStatus = .cannotRun) {
    self.init(LocalizedText(sv: sv, en: en), status: status)
  }

  /// A rule's refusal is a problem found (1); a store that cannot be read or
  /// written, or anything unforeseen, means the command could not run (2). The
  /// store's own errors are one line naming the file already.
  init(_ error: any Error) {
    switch error {
    case let failure as Failure: self = failure
    case let violation as RuleViolation: self.init(violation.message, status: .problems)
    case is LockWaitCancelled: self = LockWait.failure()
    case let error as any ExplainedError: self.init(error.message, status: .cannotRun)
    default: self.init(LocalizedText(verbatim: String(describing: error)), status: .cannotRun)
    }
  }

  var description: String { message.en }
}

extension ParsableCommand {
  /// Runs `body`; a `Failure` (or any error) prints `etjanst: message` on stderr in
  /// `language`, through the printable guard, and exits with its status, never a
  /// stack of Swift error text.
  func reporting(_ language: Language, _ body: () throws -> Void) throws {
    do {
      try body()
    } catch let exit as ExitCode {
      throw exit
    } catch {
      let failure = Failure(error)
      Output.error(failure.message(language), details: failure.details.map { $0(language) })
      throw failure.status.exitCode
    }
  }
}
