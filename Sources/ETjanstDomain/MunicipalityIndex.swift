import Foundation

/// Lookups by id and the facts that would otherwise scan every row (a person's open
/// cases, who holds access to a service), built on first use and kept until the lists
/// they come from change. At a region's size a scan per row made the overview and the
/// staff list quadratic (10,000 staff × 50,000 cases).
///
/// A reference shared by copies of a `Municipality`: a copy whose lists change gets a
/// new index without the lookups that come from the changed list (see `Municipality`'s
/// `didSet`s, `without`), never a changed one, so a copy never sees another's index. Filled lazily under a lock, since a municipality is
/// `Sendable`.
final class MunicipalityIndex: @unchecked Sendable {
  private let lock = NSLock()
  private var staffByID: [EntityID<StaffMember>: Int]?
  private var servicesByID: [EntityID<EService>: Int]?
  private var departmentsByID: [EntityID<Department>: Int]?
  private var openCasesByOfficer: [EntityID<StaffMember>: [Int]]?
  private var holdersByService: [EntityID<EService>: [Int]]?

  /// The lists the lookups come from.
  enum List { case departments, services, staff, cases }

  /// A new index with what this one has built, less the lookups that come from
  /// `list` (a person's open cases come from the cases, who holds access from the
  /// staff).
  func without(_ list: List) -> MunicipalityIndex {
    lock.lock()
    defer { lock.unlock() }
    let next = MunicipalityIndex()
    if list != .staff {
      next.staffByID = staffByID
      next.holdersByService = holdersByService
    }
    if list != .services { next.servicesByID = servicesByID }
    if list != .departments { next.departmentsByID = departmentsByID }
    if list != .cases { next.openCasesByOfficer = openCasesByOfficer }
    return next
  }

  private func cached<T>(_ slot: ReferenceWritableKeyPath<MunicipalityIndex, T?>, _ build: () -> T)
    -> T
  {
    lock.lock()
    defer { lock.unlock() }
    if let value = self[keyPath: slot] { return value }
    let value = build()
    self[keyPath: slot] = value
    return value
  }

  func staff(_ m: Municipality) -> [EntityID<StaffMember>: Int] {
    cached(\.staffByID) { Self.positions(m.staff) }
  }

  func services(_ m: Municipality) -> [EntityID<EService>: Int] {
    cached(\.servicesByID) { Self.positions(m.services) }
  }

  func departments(_ m: Municipality) -> [EntityID<Department>: Int] {
    cached(\.departmentsByID) { Self.positions(m.departments) }
  }

  /// Positions in `cases` of each officer's open cases.
  func openCases(_ m: Municipality) -> [EntityID<StaffMember>: [Int]] {
    cached(\.openCasesByOfficer) {
      var out: [EntityID<StaffMember>: [Int]] = [:]
      for i in m.cases.indices where m.cases[i].isOpen {
        out[m.cases[i].officer, default: []].append(i)
      }
      return out
    }
  }

  /// Positions in `staff` of everyone holding a grant to each service.
  func holders(_ m: Municipality) -> [EntityID<EService>: [Int]] {
    cached(\.holdersByService) {
      var out: [EntityID<EService>: [Int]] = [:]
      for i in m.staff.indices {
        for g in m.staff[i].grants { out[g.service, default: []].append(i) }
      }
      return out
    }
  }

  /// The first position of each id, as `first(where:)` finds it.
  private static func positions<T: Identifiable>(_ list: [T]) -> [T.ID: Int] {
    var out: [T.ID: Int] = [:]
    out.reserveCapacity(list.count)
    // By index: iterating the elements copied each one (every field retained and
    // released), which was most of rebuilding the index after a change.
    for i in list.indices {
      let id = list[i].id
      if out[id] == nil { out[id] = i }
    }
    return out
  }
}
