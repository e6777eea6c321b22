import ETjanstConsole
import ETjanstDomain
import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Saving runs off the key loop: while another process holds the store's lock the
/// console says whose save it waits for, keys keep working, and Esc stops the wait
/// without losing the form.
@Suite struct LockWaitTests {
  typealias F = CatalogueFixtures

  /// Holds the store's lock on a descriptor of its own, as another process would,
  /// with its holder line written in.
  final class HeldLock {
    let fd: Int32
    init(_ path: String, holder: String) {
      fd = open(path, O_RDWR | O_CREAT, 0o600)
      flock(fd, LOCK_EX)
      ftruncate(fd, 0)
      let bytes = Array(holder.utf8)
      _ = pwrite(fd, bytes, bytes.count, 0)
    }
    func release() { flock(fd, LOCK_UN) }
    deinit {
      flock(fd, LOCK_UN)
      close(fd)
    }
  }

  /// A console whose save of the e-service's category waits for a lock held by
  /// "annan.person 4242".
  func waitingSave(category: String) throws -> (SharedStore, StoreConsole, HeldLock) {
    let store = try SharedStore(F.municipality())
    let c = try store.console(background: true)
    let held = HeldLock(store.path + ".lock", holder: "annan.person 4242")
    c.press(.character("2"), .character("/"))
    c.type("bygglov")
    c.press(.enter, .character("e"))
    c.set("category", to: category)
    c.press(.control("s"))
    return (store, c, held)
  }

  func flash(_ c: StoreConsole) -> String { c.state.flash.map { c.state.t($0.text) } ?? "" }

  @Test("a save waiting for another's lock says whose, keys work, Esc keeps the form")
  func waitingSave() throws {
    let (store, c, held) = try waitingSave(category: "Ny kategori")
    #expect(c.wait { flash(c).contains("annan.person (process 4242)") }, "\(flash(c))")
    #expect(c.program.isBusy)
    // Keys keep working while the save waits.
    let focus = try #require(c.form?.focus)
    c.press(.tab)
    #expect(c.form?.focus == (focus + 1) % (c.form?.fields.count ?? 1))
    // Esc stops waiting; the form stays with what was typed.
    c.press(.escape)
    #expect(c.wait { !c.program.isBusy })
    let form = try #require(c.form)
    #expect(form.fields.first { $0.name == "category" }?.text == "Ny kategori")
    #expect(c.screen.contains("Slutade vänta"), "\(c.screen)")
    #expect(try store.saved().service(F.bygglov)?.category == "Bygga och bo")
    // Saved once the other process lets go.
    c.press(.control("s"))
    #expect(c.wait { flash(c).contains("annan.person") })
    held.release()
    #expect(c.wait { c.form == nil }, "\(c.screen)")
    #expect(try store.saved().service(F.bygglov)?.category == "Ny kategori")
    let line = try String(contentsOfFile: store.path + ".lock", encoding: .utf8)
    #expect(line == "\(Fixtures.coordinator.login) \(getpid())")
  }

  @Test("a save's result reaches its form under a dialog opened while it waited")
  func resultReachesTheFormUnderADialog() throws {
    let (store, c, held) = try waitingSave(category: "Under en dialog")
    #expect(c.wait { flash(c).contains("annan.person") })
    c.press(.control("c"))  // unsaved changes: asks before quitting
    #expect(c.state.overlays.last is QuestionOverlay)
    held.release()
    #expect(c.wait { !c.program.isBusy })
    #expect(try store.saved().service(F.bygglov)?.category == "Under en dialog")
    #expect(!c.state.overlays.contains { $0 is FormOverlay }, "the saved form closed")
    #expect(c.state.overlays.last is QuestionOverlay, "the question stays until answered")
  }
}
