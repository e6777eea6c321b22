import ArgumentParser
import ETjanstDomain
import ETjanstResources
import ETjanstStore
import Foundation

/// `etjanst demo --output PATH`: a store of realistic demo data, dated from today.
struct WriteDemo: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo", abstract: "Write a demo store (never overwrites a file).")

  @Option(name: .long, help: "Where to write the demo store.")
  var output: String

  func run() throws {
    try reporting {
      let location = StoreLocation.resolve(explicit: output)
      try DemoStore.write(to: location.path, now: Date())
      print(location.path)
    }
  }
}

enum DemoStore {
  /// The demo data with the current login added as its e-coordinator, so whoever
  /// writes a demo can edit it.
  static func make(now: Date) throws -> Municipality {
    var m = try DemoData.load(today: Day(now))
    let login = SystemIdentity.currentLogin()
    m.users.removeAll { $0.login == login }
    m.users.insert(
      User(login: login, name: m.contacts.eCoordinator.name, role: .eCoordinator), at: 0)
    return m
  }

  static func write(to path: String, now: Date) throws {
    do {
      try StoreFile(path: path).create(make(now: now), by: SystemIdentity.currentLogin(), now: now)
    } catch let error as StoreError {
      throw Failure(error)
    }
  }
}
