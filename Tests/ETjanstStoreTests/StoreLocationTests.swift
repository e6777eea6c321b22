import Foundation
import Testing

@testable import ETjanstStore

@Suite struct StoreLocationTests {
  let environment = [
    "HOME": "/home/asa", "ETJANST_STORE": "/srv/etjanst/kommun.plist", "XDG_DATA_HOME": "/data/asa",
  ]

  @Test func explicitPathWins() {
    let location = StoreLocation.resolve(explicit: "/tmp/a.plist", environment: environment)
    #expect(location == StoreLocation(path: "/tmp/a.plist", source: .option))
  }

  @Test func thenTheEnvironmentVariable() {
    let location = StoreLocation.resolve(explicit: nil, environment: environment)
    #expect(location == StoreLocation(path: "/srv/etjanst/kommun.plist", source: .environment))
  }

  @Test func thenXDGDataHome() {
    var environment = environment
    environment["ETJANST_STORE"] = ""
    let location = StoreLocation.resolve(explicit: "", environment: environment)
    #expect(
      location == StoreLocation(path: "/data/asa/etjanst/etjanst.plist", source: .xdgDataHome))
  }

  @Test func thenHomeAndARelativeXDGIsIgnored() {
    let location = StoreLocation.resolve(
      explicit: nil, environment: ["HOME": "/home/asa", "XDG_DATA_HOME": "data"])
    #expect(
      location == StoreLocation(path: "/home/asa/.local/share/etjanst/etjanst.plist", source: .home)
    )
  }

  @Test func tildeAndRelativePathsBecomeAbsolute() {
    #expect(
      StoreLocation.resolve(explicit: "~/k.plist", environment: environment).path
        == "/home/asa/k.plist")
    let relative = StoreLocation.resolve(explicit: "k.plist", environment: environment).path
    #expect(relative == FileManager.default.currentDirectoryPath + "/k.plist")
  }
}

@Suite struct SystemIdentityTests {
  @Test func loginComesFromTheOperatingSystem() throws {
    let result = try run(["id", "-un"])
    #expect(result.status == 0)
    #expect(
      SystemIdentity.currentLogin() == result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    )
  }
}
