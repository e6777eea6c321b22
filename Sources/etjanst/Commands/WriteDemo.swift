import ArgumentParser
import ETjanstDomain
import ETjanstResources
import ETjanstStore
import Foundation

/// `etjanst demo --output PATH [--scale municipality|region]`: a store of
/// realistic demo data dated from today, or a made-up region to feel the size.
struct WriteDemo: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo", abstract: "Write a demo store (never overwrites a file).",
    discussion: """
      Refuses, changing nothing, when anything is at PATH already, or when PATH is a \
      store's lock, audit trail or backup. To start again from the demo, remove the old \
      store and the files beside it first.
      """)

  @Option(name: .long, help: "Where to write the demo store (a new file).", completion: .file())
  var output: String

  @Option(
    name: .long,
    help:
      "A real town's catalogue, or Norrbotten's fourteen municipalities made up (2,000 e-services, 10,000 staff, 50,000 cases, a trail of 1,000,000 entries)."
  )
  var scale: DemoScale = .municipality

  @OptionGroup var languageOption: LanguageOption

  func run() throws {
    try reporting(languageOption.language) {
      guard output != "-" else {
        throw Failure(
          sv: "--output -: demoregistret skrivs till en fil, inte till standard ut",
          en: "--output -: the demo store is written to a file, not to standard output")
      }
      let location = StoreLocation.resolve(explicit: output)
      try OutputTarget.checkFolder(of: location.path)
      // Like every file named for output, never a store's own file; the store itself
      // is created new (link(2)), so nothing at the path is ever overwritten.
      try OutputFile.check(location.path)
      try DemoStore.write(to: location.path, now: Date(), scale: scale)
      Output.print(location.path)
    }
  }
}

enum DemoScale: String, ExpressibleByArgument, CaseIterable {
  case municipality, region
}

enum DemoStore {
  /// The demo data with the current login added as its e-coordinator, so whoever
  /// writes a demo can edit it.
  static func make(now: Date, scale: DemoScale = .municipality) throws -> Municipality {
    let login = SystemIdentity.currentLogin()
    var m = try DemoData.load(today: Day(now))
    if scale == .region {
      let demo = m
      m = Synthetic.municipality(.region, coordinator: demo.users[0], now: now)
      m.contacts = demo.contacts
    }
    m.users.removeAll { $0.login == login }
    m.users.insert(
      User(login: login, name: m.contacts.eCoordinator.name, role: .eCoordinator), at: 0)
    return m
  }

  static func write(to path: String, now: Date, scale: DemoScale = .municipality) throws {
    do {
      let file = StoreFile(path: path)
      let municipality = try make(now: now, scale: scale)
      try file.create(municipality, by: SystemIdentity.currentLogin(), now: now)
      if scale == .region {
        let size = Synthetic.Size.region.trail
        try file.appendHistory(
          Synthetic.history(count: size, logins: municipality.users.map(\.login), now: now).map {
            AuditEntry(at: $0.at, login: $0.login, sv: $0.sv, en: $0.en)
          })
      }
    } catch let error as StoreError {
      throw Failure(error)
    }
  }
}
