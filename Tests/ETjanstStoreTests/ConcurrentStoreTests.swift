import ETjanstDomain
import Foundation
import Testing

@testable import ETjanstStore

/// Two people editing at once lose nothing: every perform re-reads under the lock.
@Suite struct ConcurrentStoreTests {
  @Test func twoInstancesOnTwoThreadsLoseNothing() throws {
    let folder = try TemporaryFolder()
    _ = try makeStore(in: folder)
    // Two instances, so each perform opens its own lock descriptor, as two processes would.
    let instances = [("A", StoreFile(path: folder.store)), ("B", StoreFile(path: folder.store))]
    let failures = Locked<[String]>([])
    let done = DispatchGroup()
    for (prefix, store) in instances {
      done.enter()
      Thread {
        for index in 0..<40 {
          do {
            try store.perform(
              AddDepartment(name: "\(prefix)\(index)"), actor: testActor, now: Date())
          } catch {
            failures.mutate { $0.append("\(prefix)\(index): \(error)") }
          }
        }
        done.leave()
      }.start()
    }
    done.wait()
    #expect(failures.current.isEmpty)
    let names = try StoreFile(path: folder.store).load().departments.map(\.name)
    #expect(names.count == 80)
    #expect(Set(names) == Set((0..<40).flatMap { ["A\($0)", "B\($0)"] }))
    // Each thread's own changes keep their order.
    #expect(names.filter { $0.hasPrefix("A") } == (0..<40).map { "A\($0)" })
    #expect(try instances[0].1.auditEntries().count == 81)
  }

  @Test func staleInstancePicksUpTheOtherChangeFirst() throws {
    let folder = try TemporaryFolder()
    _ = try makeStore(in: folder)
    let first = StoreFile(path: folder.store)
    let second = StoreFile(path: folder.store)
    _ = try first.load()
    _ = try second.load()
    try second.perform(AddDepartment(name: "Från andra"), actor: testActor, now: testDate)
    let change = try first.perform(
      AddDepartment(name: "Från första"), actor: testActor, now: testDate)
    #expect(change.before.departments.map(\.name) == ["Från andra"])
    #expect(change.after.departments.map(\.name) == ["Från andra", "Från första"])
    #expect(try StoreFile(path: folder.store).load() == change.after)
  }

  @Test func reloadIfChangedSeesOnlyOtherSaves() throws {
    let folder = try TemporaryFolder()
    let console = try makeStore(in: folder)
    let script = StoreFile(path: folder.store)
    #expect(try console.reloadIfChanged() == nil)
    try script.perform(AddDepartment(name: "Överförmyndaren"), actor: testActor, now: testDate)
    let reloaded = try #require(try console.reloadIfChanged())
    #expect(reloaded.departments.map(\.name) == ["Överförmyndaren"])
    #expect(try console.reloadIfChanged() == nil)
    // Its own save is not news to it.
    try console.perform(AddDepartment(name: "Kansliet"), actor: testActor, now: testDate)
    #expect(try console.reloadIfChanged() == nil)
    // A fresh instance has read nothing yet, so the file is news to it.
    #expect(try StoreFile(path: folder.store).reloadIfChanged()?.departments.count == 2)
  }

  @Test func symlinkedStoreStaysASymlink() throws {
    let folder = try TemporaryFolder()
    _ = try makeStore(in: folder)
    let link = folder.path + "/link.plist"
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: folder.store)
    try StoreFile(path: link).perform(AddDepartment(name: "IT"), actor: testActor, now: testDate)
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == folder.store)
    #expect(try StoreFile(path: folder.store).load().departments.map(\.name) == ["IT"])
  }
}
