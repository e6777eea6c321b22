import ArgumentParser
import ETjanstDomain
import ETjanstStore
import Foundation

/// `--store PATH`, shared by every command.
struct StoreOptions: ParsableArguments {
  @Option(name: .long, help: "The store file (else $ETJANST_STORE, else the default file).")
  var store: String?

  var location: StoreLocation { StoreLocation.resolve(explicit: store) }

  /// The store, loaded, and who is using it: a missing or broken file, or a login
  /// the store does not know, ends the command with one line (DESIGN: others are
  /// refused, on the command line as in the console).
  func load() throws -> (StoreFile, Municipality, User) {
    let file = StoreFile(location: location)
    let m: Municipality
    do {
      m = try file.load()
    } catch {
      throw Failure(error)
    }
    return (file, m, try identify(in: m))
  }
}

/// `--lang sv|en`, shared by every command that speaks: else an English LANG means
/// English, and Swedish otherwise.
struct LanguageOption: ParsableArguments {
  @Option(name: .customLong("lang"), help: "sv or en (default: from LANG, else sv).")
  var explicit: Language?

  var language: Language { explicit ?? .fromEnvironment() }
}

/// One clear line on stderr and a non-zero exit: how every command fails.
struct Failure: Error, CustomStringConvertible {
  let message: String
  /// Further lines under the message (each bad row of an import), each its own line.
  var details: [String] = []
  let code: Int32

  init(_ message: String, details: [String] = [], code: Int32 = 1) {
    self.message = message
    self.details = details
    self.code = code
  }

  init(_ error: any Error, code: Int32 = 1) {
    if let violation = error as? RuleViolation {
      self.init(violation.message.en, code: code)
    } else {
      self.init(String(describing: error), code: code)
    }
  }

  var description: String { message }
}

extension ParsableCommand {
  /// Runs `body`; a `Failure` (or any error) prints `etjanst: message` on stderr
  /// and exits non-zero, never a stack of Swift error text.
  func reporting(_ body: () throws -> Void) throws {
    do {
      try body()
    } catch let failure as Failure {
      Output.error(failure.message, details: failure.details)
      throw ExitCode(failure.code)
    } catch let exit as ExitCode {
      throw exit
    } catch {
      Output.error(Failure(error).message)
      throw ExitCode.failure
    }
  }
}

/// The logged-in user as the store knows them, or a refusal naming the e-coordinator
/// in the user's language.
func identify(in m: Municipality, language: Language = .fromEnvironment()) throws -> User {
  let login = SystemIdentity.currentLogin()
  guard let user = m.user(login: login) else {
    throw Failure(
      RuleViolation.unknownUser(login, coordinator: m.contacts.eCoordinator).message(language))
  }
  return user
}
