import ArgumentParser
import ETjanstDomain
import ETjanstStore
import Foundation

/// Where `--user` is decided: the key mode's conditions (`KeyMode.check`) on the
/// facts of this process, or one line saying which one failed.
enum KeyModeGate {
  static func login(_ login: String, _ file: StoreFile) throws -> String {
    let facts = KeyMode.facts(store: file, authorizedKeys: KeyMode.defaultAuthorizedKeys)
    let requested = ProcessInfo.processInfo.environment["SSH_ORIGINAL_COMMAND"]
    do {
      return try KeyMode.check(
        login: TextCleaning.line(login), originalCommand: requested, facts)
    } catch {
      throw Failure(error.message, status: .cannotRun)
    }
  }
}

/// What both `keys` commands take: the file, the store and the language.
struct KeysOptions: ParsableArguments {
  @Option(
    name: .customLong("authorized-keys"),
    help: "The file (default ~/.ssh/authorized_keys of this account).")
  var authorizedKeys: String?

  @OptionGroup var storeOptions: StoreOptions
  @OptionGroup var languageOption: LanguageOption

  var path: String { authorizedKeys ?? KeyMode.defaultAuthorizedKeys }
}

/// `etjanst keys add LOGIN KEYFILE`, `etjanst keys list`: the SSH key mode's keys, in
/// the authorized_keys of the account that owns the store.
struct Keys: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "SSH key mode: tie people's keys to their logins (authorized_keys, forced command).",
    discussion: """
      Run as the service account that owns the store (mode 600), for example \
      sudo -u etjanst etjanst keys add aino.keranen aino.pub. Each key gets \
      command="etjanst --store STORE --user LOGIN",restrict,pty: its holder gets the \
      console as LOGIN, and no shell, no file copy and no forwarding.
      """,
    subcommands: [Add.self, ListKeys.self])

  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "add", abstract: "Add a person's public key, tied to their login.")

    @Argument(
      help: "The login in the store the key opens the console as.",
      completion: StoreCompletion.logins)
    var login: String

    @Argument(
      help: "The public key file (one line, as ssh-keygen writes it; - for standard input).",
      completion: .file())
    var keyFile: String

    @OptionGroup var options: KeysOptions

    func run() throws {
      let language = options.languageOption.language
      try reporting(language) {
        let file = StoreFile(location: options.storeOptions.location)
        let m: Municipality
        do { m = try file.load() } catch { throw Failure(error) }
        let login = TextCleaning.line(login)
        guard m.user(login: login) != nil else {
          throw Failure(
            sv:
              "\(login) finns inte bland registrets användare; lägg till användaren under Inställningar först",
            en: "\(login) is not one of the store's users; add the user under Settings first")
        }
        try Self.requireOwnedPrivateStore(file)
        let text = try CommandInput.text(keyFile)
        let path = options.path
        do throws(AuthorizedKeys.KeyError) {
          let key = try AuthorizedKeys.publicKey(from: text)
          let command = ForcedCommand.make(
            program: Self.programPath, store: file.resolvedPath, login: login)
          try AuthorizedKeys.add(key, login: login, command: command, to: path)
          Output.print(
            TextCleaning.printable(
              language == .swedish
                ? "Lade till nyckeln (\(key.type) \(key.shortKey)) för \(login) i \(path)"
                : "Added the key (\(key.type) \(key.shortKey)) for \(login) to \(path)"))
        } catch {
          throw Failure(error.message, status: .problems)
        }
      }
    }

    /// The key mode needs the store owned by this account and readable by it alone;
    /// said here, when the key is added, rather than at each refused login.
    static func requireOwnedPrivateStore(_ file: StoreFile) throws {
      var info = stat()
      guard stat(file.resolvedPath, &info) == 0 else {
        throw Failure(StoreError(path: file.path, .notFound))
      }
      guard info.st_uid == geteuid() else {
        throw Failure(
          sv:
            "kör etjanst keys som kontot som äger registret (till exempel sudo -u KONTO etjanst keys …)",
          en:
            "run etjanst keys as the account that owns the store (for example sudo -u ACCOUNT etjanst keys …)"
        )
      }
      guard info.st_mode & 0o077 == 0 else {
        throw Failure(
          sv: "registret kan läsas av andra än sitt konto; chmod 600 \(file.path) först",
          en: "others than its account can read the store; chmod 600 \(file.path) first")
      }
    }

    /// This program, as the forced command starts it.
    static var programPath: String {
      (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
        ?? CommandLine.arguments[0]
    }
  }

  struct ListKeys: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list", abstract: "The keys in authorized_keys and the logins they open.",
      discussion: """
        A key is taken for a login only when its options are exactly what keys add \
        writes; any other key is flagged with the reason, and the exit status is 1.
        """)

    @OptionGroup var options: KeysOptions

    func run() throws {
      let language = options.languageOption.language
      try reporting(language) {
        let file = StoreFile(location: options.storeOptions.location)
        let m = try? file.load()
        let path = options.path
        let text = try AuthorizedKeys.read(path)
        var unsafe = 0
        for line in AuthorizedKeys.parse(text) {
          let words: [String]
          // A login only for a key whose options are exactly etjanst's; any other
          // key is flagged with the reason.
          switch line.etjanstKey {
          case .success(let key):
            let name =
              m?.user(login: key.login)?.name ?? (language == .swedish ? "(okänd)" : "(unknown)")
            words = [key.login, name, line.type, line.shortKey, line.comment]
          case .failure(let flaw):
            unsafe += 1
            let warning =
              (language == .swedish ? "VARNING: " : "WARNING: ") + flaw.message(language)
            words = ["-", warning, line.type, line.shortKey, line.comment]
          }
          Output.print(TextCleaning.printable(words.joined(separator: "  ")))
        }
        if unsafe > 0 { throw ExitCode(ExitStatus.problems.rawValue) }
      }
    }
  }
}
