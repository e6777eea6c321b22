import ETjanstDomain
import ETjanstResources
import Foundation
import TestSupport
import Testing

@Suite("Demo data")
struct DemoDataTests {
  let demo: Municipality

  init() throws { demo = try Fixtures.demo }

  // MARK: Counts and coverage

  @Test func departmentsAndRoutines() {
    #expect(demo.name == "Övertorneå kommun")
    #expect(demo.departments.count >= 7)
    let withRoutine = demo.departments.filter { $0.fallbackRoutine != nil }
    #expect(withRoutine.count > demo.departments.count / 2, "most departments have a routine")
    #expect(withRoutine.count < demo.departments.count, "at least one has none")
    let reference = DemoData.Reference.day
    let overdue = withRoutine.filter { department in
      let routine = department.fallbackRoutine!
      return routine.lastReviewed.map {
        $0.adding(months: routine.reviewIntervalMonths) < reference
      } ?? true
    }
    #expect(overdue.map(\.id) == [DemoData.Reference.departmentWithOverdueRoutine])
    let untested = withRoutine.filter { $0.fallbackRoutine!.lastTested == nil }
    #expect(untested.map(\.id) == [DemoData.Reference.departmentWithUntestedRoutine])
    #expect(demo.department(DemoData.Reference.departmentWithoutRoutine)?.fallbackRoutine == nil)
  }

  @Test func services() throws {
    #expect(demo.services.count >= 18)
    #expect(Set(demo.services.map(\.status)) == Set(ServiceStatus.allCases))
    #expect(Set(demo.services.map(\.audience)) == Set(Audience.allCases))
    let elsewhere = demo.services.filter { $0.platform != EService.openEPlatform }
    #expect(elsewhere.map(\.id) == [DemoData.Reference.serviceOnOtherPlatform])
    let orderService = try #require(demo.service(DemoData.Reference.orderService))
    #expect(orderService.name == "Beställning av e-tjänst")
    #expect(orderService.audience == .internal)
    #expect(orderService.address == demo.contacts.orderServiceAddress)
    let reports = demo.services.flatMap(\.reports)
    #expect(reports.contains { $0.isOpen } && reports.contains { !$0.isOpen })
    #expect(Set(reports.map(\.kind)) == Set(ReportKind.allCases))
    let overdue = demo.services.filter { service in
      service.lastReviewed.map {
        $0.adding(months: service.reviewIntervalMonths) < DemoData.Reference.day
      }
        ?? false
    }
    #expect(!overdue.isEmpty)
    #expect(demo.services.contains { $0.automated })
    for service in demo.services {
      #expect(
        service.statusHistory.last?.status == service.status,
        "\(service.id): history ends in its status")
      #expect(
        zip(service.statusHistory, service.statusHistory.dropFirst()).allSatisfy { $0.at < $1.at },
        "\(service.id): history oldest first")
      if service.platform == EService.openEPlatform && service.status != .ordered {
        #expect(
          !service.flowFamilyID.isEmpty && service.address.hasSuffix("/" + service.flowFamilyID))
      }
    }
  }

  @Test func serviceOwnedByRemovedStaff() throws {
    let service = try #require(demo.service(DemoData.Reference.serviceWithRemovedOwner))
    guard case .staff(let owner) = service.roles.serviceOwner else {
      Issue.record("the service owner is not a staff member")
      return
    }
    #expect(owner == DemoData.Reference.removedStaff)
    #expect(demo.staffMember(owner)?.status == .removed)
  }

  @Test func staff() throws {
    #expect(demo.staff.count >= 22)
    #expect(Set(demo.staff.map(\.status)) == Set(StaffStatus.allCases))
    let today = DemoData.Reference.day
    for member in demo.staff {
      let open = demo.cases.filter { $0.officer == member.id && $0.isOpen }
      switch member.status {
      case .onboarding:
        let checklist = try #require(member.onboarding, "\(member.name)")
        #expect(
          checklist.items.contains { $0.isDone } && !checklist.isComplete,
          "\(member.name): partly ticked")
      case .offboarding:
        #expect(member.endDate != nil && member.offboarding != nil, "\(member.name)")
        #expect((1...3).contains(open.count), "\(member.name) has 1–3 open cases")
      case .removed:
        #expect(member.grants.isEmpty && open.isEmpty && !member.canSign, "\(member.name)")
        #expect(member.offboarding?.isComplete == true, "\(member.name)")
      case .active:
        #expect(!member.grants.isEmpty, "\(member.name) can reach an e-service")
      }
    }
    let overdue = demo.staff.filter {
      $0.status == .onboarding && ($0.onboarding.map { $0.due < today } ?? false)
    }
    #expect(overdue.map(\.id) == [DemoData.Reference.overdueOnboarding])
    let leaver = try #require(demo.staffMember(DemoData.Reference.leaverWithExpiringGrant))
    let end = try #require(leaver.endDate)
    #expect(leaver.grants.contains { $0.validTo.map { $0 < end } ?? false })
    #expect(demo.cases.filter { $0.officer == leaver.id && $0.isOpen }.count == 3)
    #expect(
      demo.cases.contains { $0.transferredFrom == DemoData.Reference.leaverWithTransferredCase })
  }

  @Test func casesAndUsers() {
    #expect((22...32).contains(demo.cases.count))
    #expect(demo.cases.contains { $0.status == .closedArchived })
    #expect(demo.cases.contains { $0.transferredFrom != nil })
    #expect(
      demo.users.contains {
        $0.login == DemoData.Reference.coordinatorLogin && $0.role == .eCoordinator
      })
    #expect(
      demo.user(login: DemoData.Reference.managerLogin)?.role
        == .manager(department: DemoData.Reference.managerDepartment))
    #expect(demo.users.filter { $0.role.department != nil }.count >= 3)
  }

  @Test func orders() throws {
    #expect(Set(demo.orders.map(\.step)) == Set(OrderStep.allCases))
    for order in demo.orders {
      #expect(order.stepHistory.last?.step == order.step, "\(order.id)")
      #expect((1...3).contains(order.need.effectScore), "\(order.id)")
      #expect(
        order.step == .needsMapped ? order.orderCaseNumber.isEmpty : !order.orderCaseNumber.isEmpty)
      if !order.orderCaseNumber.isEmpty {
        let orderCase = demo.cases.first { $0.number == order.orderCaseNumber }
        #expect(
          orderCase?.service == DemoData.Reference.orderService,
          "\(order.id): its case is in the order service")
      }
      switch order.step {
      case .firstVersion:
        #expect(order.service.flatMap(demo.service)?.status == .inDevelopment)
      case .review:
        #expect(order.meeting != nil && order.service.flatMap(demo.service)?.status == .inReview)
      case .published:
        #expect(order.agreement != nil && order.service.flatMap(demo.service)?.status == .published)
      case .needsMapped, .ordered:
        break
      }
    }
    let held = try #require(demo.orders[id: DemoData.Reference.orderOnHold]?.hold)
    #expect(held.kind == .onHold && !held.reason.isEmpty)
    #expect(demo.refusedOrders.count == 1)
    #expect(demo.refusedOrders.first?.channel.contains("E-post") == true)
  }

  @Test func outages() throws {
    let past = try #require(demo.outages[id: DemoData.Reference.pastOutage])
    let drill = try #require(demo.outages[id: DemoData.Reference.drill])
    #expect(!past.isDrill && drill.isDrill)
    for outage in [past, drill] {
      #expect(
        !outage.isActive && !outage.notified.isEmpty && !outage.cause.isEmpty
          && !outage.followUp.isEmpty)
      let contact = try #require(outage.contact)
      let minutes = contact.at.timeIntervalSince(outage.start) / 60
      #expect(minutes > 0 && minutes <= Double(demo.settings.outageContactLimitMinutes))
    }
    #expect(past.contact!.at.timeIntervalSince(past.start) == 9 * 60)
    // The drill tested the routines of the departments it notified.
    for notice in drill.notified {
      #expect(demo.department(notice.department)?.fallbackRoutine?.lastTested == Day(drill.start))
    }
  }

  // MARK: Integrity

  @Test func idsAreUnique() {
    func unique<T: Hashable>(_ values: [T], _ what: String) {
      #expect(Set(values).count == values.count, "duplicate \(what)")
    }
    unique(demo.departments.map(\.id), "department ids")
    unique(demo.services.map(\.id), "service ids")
    unique(demo.services.flatMap(\.reports).map(\.id), "report ids")
    unique(demo.staff.map(\.id), "staff ids")
    unique(demo.staff.map(\.login), "staff logins")
    unique(demo.users.map(\.login), "user logins")
    unique(demo.cases.map(\.id), "case ids")
    unique(demo.cases.map(\.number), "case numbers")
    unique(demo.orders.map(\.id), "order ids")
    unique(demo.orders.flatMap(\.comments).map(\.id), "comment ids")
    unique(demo.refusedOrders.map(\.id), "refused order ids")
    unique(demo.outages.map(\.id), "outage ids")
  }

  @Test func everyReferenceResolves() {
    let departments = Set(demo.departments.map(\.id))
    let services = Set(demo.services.map(\.id))
    let staff = Set(demo.staff.map(\.id))
    var dangling: [String] = []
    func check<T>(_ id: EntityID<T>, in known: Set<EntityID<T>>, _ from: String) {
      if !known.contains(id) { dangling.append("\(from) → \(id)") }
    }
    for service in demo.services {
      check(service.department, in: departments, "\(service.id).department")
      let roles = service.roles
      for ref in [
        roles.processOwner, roles.serviceOwner, roles.informationOwner, roles.dataController,
        roles.contactPerson,
      ] {
        if case .staff(let id) = ref { check(id, in: staff, "\(service.id).roles") }
      }
    }
    for member in demo.staff {
      check(member.department, in: departments, "\(member.id).department")
      for grant in member.grants { check(grant.service, in: services, "\(member.id).grants") }
    }
    for item in demo.cases {
      check(item.service, in: services, "\(item.id).service")
      check(item.officer, in: staff, "\(item.id).officer")
      if let from = item.transferredFrom { check(from, in: staff, "\(item.id).transferredFrom") }
    }
    for order in demo.orders {
      check(order.department, in: departments, "\(order.id).department")
      if let service = order.service { check(service, in: services, "\(order.id).service") }
    }
    for refused in demo.refusedOrders {
      check(refused.department, in: departments, "\(refused.id).department")
    }
    for outage in demo.outages {
      if case .services(let ids) = outage.scope {
        for id in ids { check(id, in: services, "\(outage.id).scope") }
      }
      for notice in outage.notified {
        check(notice.department, in: departments, "\(outage.id).notified")
      }
    }
    for user in demo.users {
      if let department = user.role.department {
        check(department, in: departments, "user \(user.login)")
      }
    }
    #expect(dangling.isEmpty, "dangling references: \(dangling)")
  }

  @Test func everyStringIsClean() {
    let texts = TextAudit.strings(in: demo, field: "municipality")
    #expect(texts.count > 500)
    #expect(TextAudit.unclean(in: demo).isEmpty)
    let multiline: Set<String> = ["steps"]
    for (field, text) in texts {
      if multiline.contains(field) {
        #expect(TextCleaning.multiline(text) == text, "\(field): \(text.debugDescription)")
        #expect(text.contains("\n"), "\(field) has several lines")
      } else {
        #expect(TextCleaning.line(text) == text, "\(field): \(text.debugDescription)")
      }
    }
  }

  // MARK: Shifting dates

  @Test(arguments: [0, 1, 45, 100, -30, 400])
  func shiftingMovesDatesByExactlyNDays(days: Int) throws {
    let today = DemoData.Reference.day.adding(days: days)
    let shifted = try DemoData.load(today: today)
    let leaver = DemoData.Reference.leaverWithExpiringGrant
    let end = try #require(demo.staffMember(leaver)?.endDate)
    #expect(end == Day(year: 2026, month: 12, day: 11))
    #expect(shifted.staffMember(leaver)?.endDate == end.adding(days: days))
    #expect(end.days(until: try #require(shifted.staffMember(leaver)?.endDate)) == days)

    // Date-times move by calendar days and keep their wall-clock time across DST.
    let start = try #require(demo.outages[id: DemoData.Reference.pastOutage]?.start)
    let moved = try #require(shifted.outages[id: DemoData.Reference.pastOutage]?.start)
    #expect(Day(start).days(until: Day(moved)) == days)
    let clock: (Date) -> [Int] = { date in
      [Day.calendar.component(.hour, from: date), Day.calendar.component(.minute, from: date)]
    }
    #expect(clock(moved) == clock(start))
    #expect(clock(start) == [8, 47])

    // Nothing else changes.
    #expect(shifted.cases == demo.cases)
    #expect(shifted.services.map(\.name) == demo.services.map(\.name))
    #expect(shifted.contacts == demo.contacts)
  }

  @Test func onlyDatesAreShifted() throws {
    let json: [String: Any] = [
      "day": "2026-11-27", "dateTime": "2026-03-28T23:30:00+01:00", "case": "SOC 2026/0412",
      "almost": "2026-11-27 ", "notADay": "2026-02-30", "list": ["2026-12-31", 7, true],
    ]
    let shifted = try #require(DemoData.shiftDates(in: json, byDays: 1) as? [String: Any])
    #expect(shifted["day"] as? String == "2026-11-28")
    // Across the change to summer time: same wall-clock time, new offset.
    #expect(shifted["dateTime"] as? String == "2026-03-29T23:30:00+02:00")
    #expect(shifted["case"] as? String == "SOC 2026/0412")
    #expect(shifted["almost"] as? String == "2026-11-27 ")
    #expect(shifted["notADay"] as? String == "2026-02-30")
    let list = try #require(shifted["list"] as? [Any])
    #expect(list.first as? String == "2027-01-01")
    #expect(list.count == 3)
  }

  // MARK: Errors

  @Test func missingFileIsAClearError() {
    let url = URL(fileURLWithPath: "/nonexistent/municipality.json")
    let error = #expect(throws: DemoDataError.self) {
      try DemoData.load(from: url, today: DemoData.Reference.day)
    }
    guard case .unreadable(let path, _) = error else {
      Issue.record("expected .unreadable, got \(String(describing: error))")
      return
    }
    #expect(path == url.path)
    #expect(error?.message.sv.contains(url.path) == true)
  }

  @Test func malformedDataNamesTheProblem() {
    let noDay = Data(#"{"municipality": {}}"#.utf8)
    #expect(throws: DemoDataError.self) {
      try DemoData.decode(noDay, today: DemoData.Reference.day)
    }
    let missingField = Data(#"{"referenceDay": "2026-11-27", "municipality": {"name": "X"}}"#.utf8)
    let error = #expect(throws: DemoDataError.self) {
      try DemoData.decode(missingField, today: DemoData.Reference.day)
    }
    guard case .malformed(let detail) = error else {
      Issue.record("expected .malformed, got \(String(describing: error))")
      return
    }
    #expect(detail.contains("contacts"))
  }
}
