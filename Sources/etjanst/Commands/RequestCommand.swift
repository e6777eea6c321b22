import ArgumentParser
import ETjanstDomain
import ETjanstExport
import ETjanstStore
import Foundation

/// `etjanst request …`: a manager's requests to the e-coordinator (new employee,
/// leaver, access, error), and the e-coordinator's answer (accept, decline). In
/// group mode a manager's request goes to the drop folder beside the store, which the
/// e-coordinator's next command takes in under the lock.
struct RequestCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "request",
    abstract: "Requests from managers to the e-coordinator, and the answers.",
    subcommands: [
      NewEmployee.self, Leaver.self, Access.self, ErrorReport.self, Accept.self, Decline.self,
    ])

  /// Options every request subcommand takes.
  struct Common: ParsableArguments {
    @OptionGroup var languageOption: LanguageOption
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var lockWait: LockWaitOption
  }

  /// Files `draft` as the logged-in manager and says where it went.
  static func file(_ common: Common, _ make: (Municipality) throws -> RequestDraft) throws {
    let language = common.languageOption.language
    let (file, m, user) = try common.storeOptions.load()
    common.lockWait.apply(to: file, language)
    let draft = try make(m)
    let id = EntityID<Request>.make()
    try file.file(draft, actor: Actor(user), now: Date(), id: id)
    let ref = ExportTable.reference(id)
    let label = draft.kind.label(revision: draft.revision)
    Output.print(
      language == .swedish
        ? "Begäran \(ref) är skickad till e-samordnaren (\(label.sv.lowercased()))."
        : "Request \(ref) was sent to the e-coordinator (\(label.en.lowercased())).")
  }

  /// A day given as YYYY-MM-DD.
  static func day(_ text: String, option: String) throws -> Day {
    guard let day = Day(TextCleaning.line(text)) else {
      throw Failure(
        sv: "\(option): '\(text)' är inte ett datum på formen ÅÅÅÅ-MM-DD",
        en: "\(option): '\(text)' is not a date of the form YYYY-MM-DD")
    }
    return day
  }

  struct NewEmployee: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Ask for a new employee's access (guideline 4.1).")
    @Option(name: .long, help: "The new employee's name.") var name: String
    @Option(name: .long, help: "Their platform login, if known.") var login: String?
    @Option(name: .long, help: "The first day (YYYY-MM-DD).") var start: String
    @Option(name: .long, help: "An e-service they need (name, a unique part, or id); repeat.")
    var service: [String] = []
    @Flag(name: .long, help: "They need document signing.") var signing = false
    @OptionGroup var common: Common

    func run() throws {
      try reporting(common.languageOption.language) {
        try RequestCommand.file(common) { m in
          RequestDraft(
            kind: .newEmployee, name: name, login: login ?? "",
            day: try RequestCommand.day(start, option: "--start"),
            services: try service.map {
              try ServiceMatch.find($0, in: m.catalogue, option: "--service").id
            },
            signing: signing)
        }
      }
    }
  }

  struct Leaver: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Tell that someone leaves, so they are taken off the platform (guideline 4.2).")
    @Argument(help: "The leaver's login.", completion: StoreCompletion.logins) var login: String
    @Option(name: .long, help: "Their last day (YYYY-MM-DD).") var lastDay: String
    @OptionGroup var common: Common

    func run() throws {
      try reporting(common.languageOption.language) {
        try RequestCommand.file(common) { _ in
          RequestDraft(
            kind: .leaver, login: login, day: try RequestCommand.day(lastDay, option: "--last-day"))
        }
      }
    }
  }

  struct Access: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Ask to add or end one person's access to one e-service.")
    @Argument(help: "The person's login.", completion: StoreCompletion.logins) var login: String
    @Option(name: .long, help: "Add access to this e-service.") var add: String?
    @Option(name: .long, help: "End access to this e-service.") var end: String?
    @OptionGroup var common: Common

    func validate() throws {
      if (add == nil) == (end == nil) {
        throw ValidationError("give exactly one of --add and --end")
      }
    }

    func run() throws {
      try reporting(common.languageOption.language) {
        try RequestCommand.file(common) { m in
          let service = try ServiceMatch.find(
            add ?? end ?? "", in: m.catalogue, option: add != nil ? "--add" : "--end")
          return RequestDraft(kind: .access, login: login, services: [service.id], ends: end != nil)
        }
      }
    }
  }

  struct ErrorReport: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "error",
      abstract: "Report an error or a need for revision in one of the department's e-services.")
    @Argument(help: "The e-service (name, a unique part, or id).") var service: String
    @Option(name: .long, help: "What is wrong, or what needs revising.") var text: String
    @Flag(name: .long, help: "It is urgent.") var urgent = false
    @Flag(name: .long, help: "It is a need for revision, not an error.") var revision = false
    @OptionGroup var common: Common

    func run() throws {
      try reporting(common.languageOption.language) {
        try RequestCommand.file(common) { m in
          RequestDraft(
            kind: .error,
            services: [try ServiceMatch.find(service, in: m.catalogue, option: "SERVICE").id],
            text: text, urgent: urgent, revision: revision)
        }
      }
    }
  }

  /// The e-coordinator's answer: the request found by its id or the first characters
  /// `list requests` shows.
  static func answer(
    _ common: Common, _ idText: String, _ make: (Request) -> any Command,
    said: (Request, Language) -> String
  ) throws {
    let language = common.languageOption.language
    let (file, _, user) = try common.storeOptions.load()
    common.lockWait.apply(to: file, language)
    // Requests dropped since the load are taken in under the lock first; the id is
    // looked up in the newest state there.
    let newest = try file.takeInRequests(login: user.login, now: Date())
    let request = try newest.request(named: TextCleaning.line(idText))
    try file.perform(make(request), actor: Actor(user), now: Date())
    let after = try file.load()
    Output.print(said(after.request(request.id) ?? request, language))
  }

  struct Accept: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Accept a request: do what it asks (staff record, checklist, access, report).")
    @Argument(help: "The request's id, or its first characters (the list's ref).") var id: String
    @Option(name: .long, help: "A new employee's login, when the request has none.")
    var login: String?
    @OptionGroup var common: Common

    func run() throws {
      try reporting(common.languageOption.language) {
        try RequestCommand.answer(common, id, { AcceptRequest($0.id, login: login) }) {
          r, language in
          language == .swedish
            ? "Begäran \(ExportTable.reference(r.id)) är accepterad (\(r.label.sv.lowercased()))."
            : "Request \(ExportTable.reference(r.id)) was accepted (\(r.label.en.lowercased()))."
        }
      }
    }
  }

  struct Decline: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Decline a request, with a reason.")
    @Argument(help: "The request's id, or its first characters (the list's ref).") var id: String
    @Option(name: .long, help: "Why; the sender reads it.") var reason: String
    @OptionGroup var common: Common

    func run() throws {
      try reporting(common.languageOption.language) {
        try RequestCommand.answer(common, id, { DeclineRequest($0.id, reason: reason) }) {
          r, language in
          language == .swedish
            ? "Begäran \(ExportTable.reference(r.id)) är avböjd."
            : "Request \(ExportTable.reference(r.id)) was declined."
        }
      }
    }
  }
}

/// An e-service named on the command line: its id, its exact name, or a unique part
/// of its name, among `services`.
enum ServiceMatch {
  static func find(_ raw: String, in services: [EService], option: String) throws -> EService {
    let text = TextCleaning.line(raw)
    let matches = services.filter {
      $0.id.rawValue == text || SwedishCollation.contains($0.name, text)
    }
    let exact = matches.filter { $0.id.rawValue == text || $0.name == text }
    guard let found = exact.count == 1 ? exact.first : matches.count == 1 ? matches.first : nil
    else {
      throw matches.isEmpty
        ? Failure(
          sv: "\(option): ingen e-tjänst matchar '\(text)'",
          en: "\(option): no e-service matches '\(text)'")
        : Failure(
          sv: "\(option): '\(text)' matchar \(matches.count) e-tjänster; skriv mer av namnet",
          en: "\(option): '\(text)' matches \(matches.count) e-services; give more of the name")
    }
    return found
  }
}
