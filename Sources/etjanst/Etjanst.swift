import ArgumentParser
import CBuildInfo
import ETjanstCurses
import ETjanstDomain
import Foundation

/// `etjanst`: with no subcommand it opens the console; the subcommands serve
/// scripts, cron and spreadsheets. Every write goes through the same domain rules
/// and store lock as the console.
@main
struct Etjanst: ParsableCommand {
  /// The program's version, printed by `etjanst --version`.
  static let version = "1.0.0"

  static let configuration = CommandConfiguration(
    commandName: "etjanst",
    abstract:
      "The e-coordinator's console for the municipality's e-services and their guideline.",
    discussion: """
      Opens the console when no subcommand is given. The store is --store PATH, else \
      $ETJANST_STORE, else $XDG_DATA_HOME/etjanst/etjanst.plist (~/.local/share/...).

      Exit status, for every command: 0 clean, 1 problems found (check's findings, rows \
      of an import, a change a rule refused), 2 cannot run (bad usage, a store or file \
      that cannot be read, a login the store does not know).
      """,
    version: versionLine,
    subcommands: [
      Init.self, WriteDemo.self, List.self, Report.self, Check.self, Departments.self, Users.self,
      Services.self, Staff.self, Cases.self,
      Restore.self, BackupCommand.self, Routines.self, Extract.self, GallraCommand.self, Keys.self,
      Share.self, RequestCommand.self, Notify.self,
    ]
  )

  @OptionGroup var storeOptions: StoreOptions

  @Flag(name: .long, help: "Open a throw-away copy of the demo data; the store is not touched.")
  var demo = false

  @Flag(name: .customLong("read-only"), help: "Open without the editing keys.")
  var readOnly = false

  @OptionGroup var languageOption: LanguageOption

  @Option(
    name: .customLong("user"),
    help: ArgumentHelp(
      "SSH key mode only: the login a key's forced command opens the console as.",
      discussion:
        "Honoured only when sshd started the program from such a key, as the account that owns the store; see etjanst keys."
    ))
  var keyUser: String?

  func run() throws {
    try reporting(languageOption.language) {
      try ConsoleLauncher(
        storeOptions: storeOptions, demo: demo, readOnly: readOnly,
        language: languageOption.language, keyUser: keyUser
      ).run()
    }
  }

  /// Whether the arguments give `--user` (before a `--`, after which nothing is an
  /// option). The parser takes no dash-led word as an option's value, so a `--user`
  /// here is the option.
  static func userOption(in arguments: [String]) -> Bool {
    arguments.prefix { $0 != "--" }.contains { $0 == "--user" || $0.hasPrefix("--user=") }
  }

  static let userRefusedForCommands = LocalizedText(
    sv: "--user gäller bara konsolen i SSH-nyckelläget (en nyckels tvingade kommando); "
      + "inget annat kommando tar det",
    en: "--user is only for the console in the SSH key mode (a key's forced command); "
      + "no other command takes it")

  /// "etjanst 1.0.0 (commit abc1234)": the commit the build passed in
  /// (scripts/commit-flags), else "unknown commit".
  static var versionLine: String {
    let commit = String(cString: etjanst_build_commit())
    return "etjanst \(version) (\(commit.isEmpty ? "unknown commit" : "commit " + commit))"
  }

  /// As `ParsableCommand.main`, but bad usage exits 2 (swift-argument-parser's
  /// default is 64), so every command's status reads as grep's and diff's; an unknown
  /// command name is said with the nearest ones; and every command ends with
  /// `Output.finish`, so output that could not be written fails it.
  static func main() {
    // Before anything reads the locale or could crash: the crash handlers over
    // Swift's backtracer, and the environment's locale variables and TERM made
    // safe (said in one line), since a client over SSH sets them.
    let arguments = Array(CommandLine.arguments.dropFirst())
    FatalSignals.install(.swedish)
    if let repaired = SafeEnvironment.repair() {
      Output.error(repaired(UsageErrorText.language(arguments)))
    }
    let language = UsageErrorText.language(arguments)
    FatalSignals.install(language)
    // A shell asking for completions (---completion) is answered and nothing else.
    if let missing = LocalTime.missingZone, arguments.first != "---completion" {
      Output.error(missing(language))
    }
    if let unknown = UnknownCommand.find(arguments, root: self) {
      Output.error(unknown.message(language))
      Foundation.exit(ExitStatus.cannotRun.rawValue)
    }
    do {
      var command = try parseAsRoot()
      if !(command is Etjanst), userOption(in: Array(CommandLine.arguments.dropFirst())) {
        // swift-argument-parser takes the root's options after a subcommand too, and
        // then drops them: `--user` is refused, never silently ignored.
        let language = UsageErrorText.language(Array(CommandLine.arguments.dropFirst()))
        Output.error(userRefusedForCommands(language))
        Foundation.exit(ExitStatus.cannotRun.rawValue)
      }
      try command.run()
    } catch {
      let code = exitCode(for: error)
      if code == .validationFailure {
        // In Swedish, the common usage errors as one Swedish line and where help is;
        // otherwise (and in English) the library's own text with its usage.
        let full = fullMessage(for: error)
        var text = full
        if language == .swedish, let swedish = UsageErrorText.swedish(message(for: error)) {
          text = "etjanst: " + swedish + (UsageErrorText.helpHint(full).map { "\n" + $0 } ?? "")
        }
        // The message quotes the arguments as typed: through the printable guard.
        let message = TextCleaning.printable(text, keepingLineBreaks: true)
        FileHandle.standardError.write(Data((message + "\n").utf8))
        Foundation.exit(ExitStatus.cannotRun.rawValue)
      }
      if code == .success {
        // Help, the version, a completion script: on standard output, checked.
        let text = fullMessage(for: error)
        if !text.isEmpty { Output.print(text) }
      }
      Output.finish(language)
      exit(withError: code == .success ? nil : error)
    }
    Output.finish(language)
  }
}
