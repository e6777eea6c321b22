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

/// `etjanst keys add LOGIN KEYFILE`, `etjanst keys remove LOGIN [KEYFILE]`,
/// `etjanst keys list`: the SSH key mode's keys, in the authorized_keys of the account
/// that owns the store.
struct Keys: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "SSH key mode: tie people's keys to their logins (authorized_keys, forced command).",
    discussion: """
      Run as the service account that owns the store (mode 600), for example \
      sudo -u etjanst etjanst keys add aino.keranen aino.pub. Each key gets \
      command="etjanst --store STORE --user LOGIN",restrict,pty: its holder gets the \
      console as LOGIN, and no shell, no file copy and no forwarding.
      """,
    subcommands: [Add.self, Remove.self, ListKeys.self])

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
        // The one reader of logins: a key is never tied to one the store could not hold.
        guard let login = Login.normalized(TextCleaning.line(login)) else {
          throw Failure(Login.refusal(field: nil).message)
        }
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

  struct Remove: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "remove", abstract: "Remove the keys tied to a login, or one of them.",
      discussion: """
        Without KEYFILE every key tied to LOGIN goes (a person who left, or a login \
        no longer in the store); with it, only that key. `--all-for LOGIN` says the \
        first in words. Lines that are not etjanst's are left as they are. Says how \
        many keys went; none is an error (exit 1).
        """)

    @Argument(help: "The login whose keys go.")
    var login: String?

    @Option(name: .customLong("all-for"), help: "Every key tied to this login (as LOGIN alone).")
    var allFor: String?

    @Argument(help: "Only this public key file's key (one line, as ssh-keygen writes it).")
    var keyFile: String?

    @OptionGroup var options: KeysOptions

    func validate() throws {
      switch (login, allFor) {
      case (nil, nil): throw ValidationError("Give the LOGIN whose keys go (or --all-for LOGIN).")
      case (.some, .some): throw ValidationError("Give LOGIN or --all-for LOGIN, not both.")
      case (nil, .some) where keyFile != nil:
        throw ValidationError("--all-for removes every key of the login; give no KEYFILE.")
      default: break
      }
    }

    func run() throws {
      let language = options.languageOption.language
      try reporting(language) {
        let login = TextCleaning.line(login ?? allFor ?? "")
        let path = options.path
        // A key file that cannot be read says so itself (exit 2), as `keys add`'s does.
        let key = try keyFile.map { file in
          let text = try InputFile.text(file)
          do throws(AuthorizedKeys.KeyError) {
            return try AuthorizedKeys.publicKey(from: text)
          } catch {
            throw Failure(error.message, status: .problems)
          }
        }
        do throws(AuthorizedKeys.KeyError) {
          let count = try AuthorizedKeys.remove(login: login, key: key, from: path)
          let keys = Noun(sv: "nyckel", "nycklar", en: "key", "keys").count(count)
          print(
            TextCleaning.printable(
              language == .swedish
                ? "Tog bort \(keys.sv) för \(login) ur \(path)"
                : "Removed \(keys.en) for \(login) from \(path)"))
        } catch {
          throw Failure(error.message, status: .problems)
        }
      }
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
        let loaded = Result { try file.load() }
        let m = try? loaded.get()
        let path = options.path
        let text = try AuthorizedKeys.read(path)
        var unsafe = 0
        for line in AuthorizedKeys.parse(text) {
          let words: [String]
          // A login only for a key whose options are exactly etjanst's; any other
          // key is flagged with the reason, and so is a login that is no user.
          switch line.etjanstKey {
          case .success(let key):
            if let warning = Self.loginWarning(key.login, m, language) {
              unsafe += 1
              words = [key.login, warning, line.type, line.shortKey, line.comment]
            } else {
              let name =
                m?.user(login: key.login)?.name
                ?? (language == .swedish ? "(okänd)" : "(unknown)")
              words = [key.login, name, line.type, line.shortKey, line.comment]
            }
          case .failure(let flaw):
            unsafe += 1
            let warning =
              (language == .swedish ? "VARNING: " : "WARNING: ") + flaw.message(language)
            words = ["-", warning, line.type, line.shortKey, line.comment]
          }
          Output.print(TextCleaning.printable(words.joined(separator: "  ")))
        }
        // The logins could not be checked: say why, as every command does (exit 2).
        if case .failure(let error) = loaded { throw Failure(error) }
        if unsafe > 0 { throw ExitCode(ExitStatus.problems.rawValue) }
      }
    }

    /// The warning for a key tied to `login` whose login is no user of the store, or a
    /// removed member of staff; nil when the login is fine or the store unread.
    static func loginWarning(_ login: String, _ m: Municipality?, _ language: Language) -> String? {
      guard let m, let warning = AuthorizedKeys.loginWarning(login, in: m) else { return nil }
      return warning.message(language)
    }
  }
}
