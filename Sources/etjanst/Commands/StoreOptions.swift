import ArgumentParser
import ETjanstDomain
import ETjanstStore
import Foundation

/// `--store PATH`, shared by every command.
struct StoreOptions: ParsableArguments {
  @Option(
    name: .long, help: "The store file (else $ETJANST_STORE, else the default file).",
    completion: .file(extensions: ["plist"]))
  var store: String?

  var location: StoreLocation { StoreLocation.resolve(explicit: store) }

  /// The store, loaded, and who is using it: a missing or broken file, or a login
  /// the store does not know, ends the command with one line (DESIGN: others are
  /// refused, on the command line as in the console).
  /// The store as the user may see it (`Visibility.scoped`: a manager's own
  /// department), and the user.
  func load() throws -> (StoreFile, Municipality, User) {
    let (file, whole, user) = try loadWhole()
    return (file, Visibility(user).scoped(whole), user)
  }

  /// The store as the user may see it, and what needs attention in it as they may
  /// see it (judged on the whole store, `Visibility.findings`).
  func loadWithFindings(at now: Date) throws -> (Municipality, [Finding], User) {
    let (_, whole, user) = try loadWhole()
    let visibility = Visibility(user)
    return (visibility.scoped(whole), visibility.findings(in: whole, at: now), user)
  }

  func loadWhole() throws -> (StoreFile, Municipality, User) {
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
  @Option(
    name: .customLong("lang"),
    help: "The language of texts and messages (default: from LANG, else Swedish).")
  var explicit: Language?

  var language: Language { explicit ?? .fromEnvironment() }
}

/// The logged-in user as the store knows them, or a refusal naming the e-coordinator
/// (the command cannot run for this login: exit 2).
func identify(in m: Municipality, login: String = SystemIdentity.currentLogin()) throws -> User {
  guard let user = m.user(login: login) else {
    throw Failure(
      RuleViolation.unknownUser(login, coordinator: m.contacts.eCoordinator).message,
      status: .cannotRun)
  }
  return user
}
