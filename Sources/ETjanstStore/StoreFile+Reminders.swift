import ETjanstDomain
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The mailer failed after it had taken some of a run's mails: `ledger` records those
/// (and no others) as sent; `error` is the mailer's.
public struct RemindersPartlySent: Error {
  public var ledger: ReminderLedger
  public var error: any Error

  public init(ledger: ReminderLedger, error: any Error) {
    self.ledger = ledger
    self.error = error
  }
}

extension StoreFile {
  /// `<store>.reminders`: what `etjanst notify` has mailed (`ReminderLedger`, JSON).
  public var remindersPath: String { filePath + ".reminders" }

  /// Under the store's lock: the newest state and what was mailed before, given to
  /// `body`, which sends and returns the ledger to keep (nil keeps the old one). The
  /// new ledger is written beside the store (a temporary file renamed over it), so
  /// two runs at once never mail the same item twice. When `body` throws
  /// `RemindersPartlySent` (the mailer failed after taking some mails), its ledger is
  /// written and its error thrown; when it throws anything else, nothing is written.
  public func withReminders<T>(
    login: String, _ body: (Municipality, ReminderLedger) throws -> (T, ReminderLedger?)
  ) throws -> T {
    mutex.lock()
    defer { mutex.unlock() }
    let place = try storeFolder()
    let lock = try takeLock(place, holder: ExclusiveLock.holderLine(login: login))
    defer { withExtendedLifetime(lock) {} }
    try tidy(place)
    let (current, _) = try newest()
    let old = try readLedger(place)
    let result: T
    let ledger: ReminderLedger?
    do {
      (result, ledger) = try body(current, old)
    } catch let partly as RemindersPartlySent {
      if partly.ledger != old { try writeLedger(partly.ledger, place) }
      throw partly.error
    }
    if let ledger, ledger != old { try writeLedger(ledger, place) }
    return result
  }

  private func writeLedger(_ ledger: ReminderLedger, _ place: StoreFolder) throws(StoreError) {
    do throws(SystemCallError) {
      let data: Data
      do {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        data = try encoder.encode(ledger)
      } catch {
        throw SystemCallError("encode", EINVAL)
      }
      try replaceBeside(remindersPath, with: data, in: place)
    } catch {
      throw StoreError(path: remindersPath, .cannotWrite(error.detail))
    }
  }

  /// The ledger beside the store; empty when there is none yet. One that cannot be
  /// read is refused rather than replaced, so a run never forgets what was sent.
  private func readLedger(_ place: StoreFolder) throws(StoreError) -> ReminderLedger {
    let data: Data
    do {
      data = try place.openBeside(remindersPath, flags: O_RDONLY).readToEnd()
    } catch {
      if error.code == ENOENT { return ReminderLedger() }
      throw StoreError(path: remindersPath, .cannotRead(error.detail))
    }
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    guard let ledger = try? decoder.decode(ReminderLedger.self, from: data) else {
      throw StoreError(
        path: remindersPath,
        .refused(
          LocalizedText(
            sv: "\(remindersPath) är inte den lista över skickad e-post som etjanst skriver; "
              + "flytta undan den (då skickas allt som är aktuellt på nytt)",
            en: "\(remindersPath) is not the list of mail sent that etjanst writes; move it "
              + "away (everything current is then mailed again)")))
    }
    return ledger
  }
}
