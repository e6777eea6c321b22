import Foundation
import TestSupport
import Testing

@testable import ETjanstDomain

/// The one set of limits for what the store may hold, as the domain's rule every
/// command goes through.
@Suite struct StoreLimitsTests {
  typealias F = StaffFixtures

  func refusal(_ command: any Command, on m: Municipality) -> RuleViolation? {
    var copy = m
    do {
      try copy.execute(command, context: Fixtures.context(Fixtures.coordinator))
      return nil
    } catch {
      #expect(copy == m, "a refused command must leave the store as it was")
      return error as? RuleViolation
    }
  }

  @Test("a one-line text over its limit is refused, naming the field and the limit")
  func oneLineTextOverItsLimit() throws {
    let m = F.store()
    let long = String(repeating: "å", count: StoreLimits.oneLineText + 1)
    let v = try #require(refusal(AddDepartment(name: long), on: m))
    #expect(v.field == "name")
    #expect(v.message.sv.contains("högst 2 000 tecken"), "\(v.message.sv)")
    #expect(v.message.en.contains("at most 2 000 characters"), "\(v.message.en)")
    #expect(!v.message.sv.contains("\n"))
    let fits = String(repeating: "å", count: StoreLimits.oneLineText)
    #expect(refusal(AddDepartment(name: fits), on: m) == nil)
  }

  @Test("a long text (a routine's steps) over its limit is refused beside its field")
  func longTextOverItsLimit() throws {
    let m = F.store()
    let routine = FallbackRoutine(
      steps: String(repeating: "Ring.\n", count: 200_000), location: "Pärm", responsible: "Kim")
    let v = try #require(
      refusal(SaveFallbackRoutine(department: F.department, routine: routine), on: m))
    #expect(v.field?.hasSuffix("steps") == true, "\(String(describing: v.field))")
    #expect(v.message.en.contains("50 000 characters"), "\(v.message.en)")
    var fits = routine
    fits.steps = String(repeating: "x", count: StoreLimits.longText)
    #expect(refusal(SaveFallbackRoutine(department: F.department, routine: fits), on: m) == nil)
  }

  @Test("every write limit lies inside what the reader takes from the file")
  func writeLimitsInsideTheReaders() {
    // A character is at most 4 bytes of UTF-8, or 5 once the file escapes "&".
    #expect(StoreLimits.longText * 5 < StoreLimits.fileTextBytes)
    #expect(StoreLimits.oneLineText * 5 < StoreLimits.fileTextBytes)
    for limit in Settings.limits {
      #expect(limit.field.places.range != nil, "\(limit.name) has no stored range")
      #expect(limit.stored.contains(limit.allowed.lowerBound), "\(limit.name)")
      #expect(limit.stored.contains(limit.allowed.upperBound), "\(limit.name)")
      #expect(limit.allowed.contains(Settings()[keyPath: limit.path]), "\(limit.name)'s default")
    }
    // Every stored property of Settings is declared once.
    #expect(Set(Settings.limits.map(\.name)).count == Settings.limits.count)
    #expect(
      Settings.limits.count + Settings.textSettings.count
        == Mirror(reflecting: Settings()).children.count)
  }

  @Test("gallring refuses periods outside their range before anything is removed")
  func gallringRefusesOddPeriods() throws {
    for (path, value) in [
      (\Settings.retentionClosedCasesMonths, 0), (\.retentionClosedCasesMonths, -1),
      (\.retentionRemovedStaffMonths, 1_201), (\.retentionTrailYears, 1 << 62),
      (\.retentionTrailYears, 0), (\.retentionTrailYears, 101), (\.retentionTrailYears, Int.min),
    ] as [(WritableKeyPath<Settings, Int>, Int)] {
      var m = F.store()
      m.settings[keyPath: path] = value
      #expect(GallringPlan.refusal(m.settings) != nil, "\(path) = \(value)")
      // The plan and the findings compute nothing from such a period (no trap).
      #expect(GallringPlan.make(m, today: Fixtures.today).isEmpty)
      _ = Findings.all(in: m, at: Fixtures.now)
      let v = refusal(Gallra(today: Fixtures.today), on: m)
      #expect(v != nil, "\(path) = \(value)")
    }
    var sound = F.store()
    sound.settings.retentionTrailYears = 100
    sound.settings.retentionClosedCasesMonths = 1
    #expect(GallringPlan.refusal(sound.settings) == nil)
  }

  @Test("one login parser: a–z 0–9 . - _ after NFC, upper case folded, the rest refused")
  func loginParser() throws {
    #expect(try Login.parse("Anna.Berg") == "anna.berg")
    #expect(try Login.parse(" a_b-c.9 ") == "a_b-c.9")
    // Text that is not ASCII still goes through NFC: the Kelvin sign is a K there.
    #expect(Login.normalized("\u{212A}alle") == "kalle")
    #expect(Login.normalized(String(repeating: "A", count: StoreLimits.loginLength)) != nil)
    for bad in [
      "anna berg", "ａｎｎａ", "jose\u{301}", "josé", "anna\u{200B}", "anna/berg", "",
      String(repeating: "a", count: StoreLimits.loginLength + 1),
    ] {
      #expect(throws: RuleViolation.self, "\(bad)") { try Login.parse(bad) }
    }
    let m = F.store()
    for bad in ["anna berg", "ａｎｎａ", "jose\u{301}"] {
      let v = refusal(
        AddStaffMember(
          name: "Anna", login: bad, department: F.department, manager: "", startDate: Fixtures.today
        ),
        on: m)
      #expect(v?.field == "login", "\(bad)")
      #expect(v?.message.en.contains("only a–z, 0–9") == true, "\(bad)")
      #expect(refusal(AddUser(login: bad, name: "Anna", role: .eCoordinator), on: m) != nil)
    }
  }

  @Test("an import names the line whose text is over its limit")
  func importNamesTheLine() throws {
    let m = F.store()
    let rows = [
      ImportRow(line: 2, command: AddDepartment(name: "Kultur")),
      ImportRow(
        line: 3, command: AddDepartment(name: String(repeating: "x", count: 1_100_000))),
    ]
    let v = try #require(refusal(ImportRows(rows, what: LocalizedText(verbatim: "x")), on: m))
    #expect(v.message.en.contains("line 3: The text is too long"), "\(v.message.en)")
  }
}
