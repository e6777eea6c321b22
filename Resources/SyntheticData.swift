import ETjanstDomain
import Foundation

/// A made-up region of a given size, for the benchmark and for
/// `etjanst demo --scale region`: the fourteen municipalities of Norrbotten in one
/// store, with plausible Swedish and Finnish names, departments, e-services with owners
/// and reviews, staff with grants, checklists and cases, orders in every step, outages
/// and drills. Deterministic: the same size and day give the same data.
public enum Synthetic {
  public struct Size: Sendable {
    public var departments: Int
    public var services: Int
    public var staff: Int
    public var cases: Int
    public var orders: Int
    public var outages: Int
    /// Lines of audit trail written beside the store (`trail(…)`).
    public var trail: Int

    public init(
      departments: Int = 12, services: Int, staff: Int, cases: Int, orders: Int = 0,
      outages: Int = 0, trail: Int = 0
    ) {
      self.departments = departments
      self.services = services
      self.staff = staff
      self.cases = cases
      self.orders = orders
      self.outages = outages
      self.trail = trail
    }

    /// A small municipality.
    public static let municipality = Size(
      departments: 8, services: 100, staff: 400, cases: 2_000, orders: 60, outages: 12,
      trail: 10_000)
    /// All fourteen municipalities of Norrbotten in one store.
    public static let region = Size(
      departments: 100, services: 2_000, staff: 10_000, cases: 50_000, orders: 1_000,
      outages: 200, trail: 1_000_000)
  }

  static let municipalities = [
    "Arjeplog", "Arvidsjaur", "Boden", "Gällivare", "Haparanda", "Jokkmokk", "Kalix", "Kiruna",
    "Luleå", "Pajala", "Piteå", "Älvsbyn", "Överkalix", "Övertorneå",
  ]
  static let departmentKinds = [
    "Kommunledningsförvaltningen", "Socialförvaltningen", "Vård och omsorg",
    "Barn- och utbildningsförvaltningen", "Samhällsbyggnadsförvaltningen", "Kultur och fritid",
    "Teknisk försörjning", "Arbetsmarknad och integration",
  ]
  static let serviceNames = [
    "Ansökan om bygglov", "Anmälan om eldstad", "Ansökan om ekonomiskt bistånd", "Orosanmälan",
    "Ansökan om hemtjänst", "Ansökan om färdtjänst", "Ansökan om plats i förskola",
    "Ansökan om skolskjuts", "Anmälan till kulturskolan", "Ansökan om föreningsbidrag",
    "Felanmälan gata och belysning", "Ansökan om parkeringstillstånd", "Anmälan om avlopp",
    "Ansökan om strandskyddsdispens", "Ansökan om serveringstillstånd", "Ledighet för elev",
    "Ansökan om bostadsanpassning", "Anmälan om flytt av barn", "Beställning av behörighet",
    "Ansökan om tjänstledighet", "Lex Sarah-rapport", "Synpunkter och klagomål",
    "Ansökan om uppehåll i sophämtning", "Anmälan om livsmedelsverksamhet",
    "Ansökan om modersmålsundervisning", "Ansökan om lokalbokning",
  ]
  static let firstNames = [
    "Aino", "Anna", "Anders", "Birgitta", "Britt", "Elin", "Emil", "Erik", "Eva", "Hanna",
    "Helena", "Ida", "Jari", "Johan", "Karin", "Kerstin", "Lars", "Linnea", "Maja", "Marko",
    "Mats", "Mattias", "Mikael", "Mirja", "Nils", "Per", "Sofia", "Tomas", "Tommy", "Ulla",
    "Åsa", "Örjan", "Pekka", "Sanna", "Ville", "Liisa", "Oskar", "Ellen", "Jonas", "Frida",
  ]
  static let lastNames = [
    "Alatalo", "Keränen", "Mäkitalo", "Lahti", "Kallio", "Niemi", "Pekkala", "Sirkka", "Hedman",
    "Isaksson", "Mattsson", "Välitalo", "Mukka", "Niska", "Koivisto", "Hannu", "Lantto",
    "Pekkari", "Kivijärvi", "Öhman", "Åström", "Vaara", "Rova", "Lindqvist", "Lundberg",
    "Nilsson", "Johansson", "Berg", "Öberg", "Sundqvist", "Wikström", "Backman", "Lindbäck",
    "Stenlund", "Mörtberg", "Holmström", "Rantatalo", "Juuso", "Kuoppa", "Vesterlund",
  ]

  /// A login from a name: lower case, å ä ö as a a o, other marks dropped.
  static func login(_ first: String, _ last: String, _ n: Int) -> String {
    let folded = "\(first).\(last)".lowercased()
      .folding(options: [.diacriticInsensitive], locale: Locale(identifier: "en"))
    return n == 0 ? folded : "\(folded)\(n)"
  }

  public static func municipality(_ size: Size, coordinator: User, now: Date) -> Municipality {
    var m = Municipality.standing(name: "Norrbottens e-nämnd", firstUser: coordinator)
    let today = Day(now)
    let departmentCount = max(1, size.departments)
    m.departments = (0..<departmentCount).map { i in
      let town = municipalities[i % municipalities.count]
      let kind = departmentKinds[(i / municipalities.count) % departmentKinds.count]
      let round = i / (municipalities.count * departmentKinds.count)
      return Department(
        id: EntityID("dep-\(i)"), name: "\(kind), \(town)\(round == 0 ? "" : " \(round + 1)")",
        fallbackRoutine: i % 9 == 4
          ? nil
          : FallbackRoutine(
            steps: "1. Ta emot ansökningar på pappersblankett ur pärmen.\n2. Ring växeln.",
            location: "Pärm i receptionen, \(town)",
            responsible:
              "\(firstNames[i % firstNames.count]) \(lastNames[(i * 7) % lastNames.count])",
            lastReviewed: today.adding(days: -37 * (i % 13)),
            lastTested: today.adding(days: -200 - i % 90)))
    }
    let departments = m.departments
    func department(_ i: Int) -> EntityID<Department> { departments[i % departmentCount].id }
    // People: a name and a unique login each.
    var seen: [String: Int] = [:]
    let people: [(name: String, login: String)] = (0..<max(1, size.staff)).map { i in
      let first = firstNames[i % firstNames.count]
      let last = lastNames[(i / firstNames.count + i * 3) % lastNames.count]
      let base = login(first, last, 0)
      let n = seen[base, default: 0]
      seen[base] = n + 1
      return ("\(first) \(last)", login(first, last, n))
    }
    // A manager user per department, named as a person of that department.
    m.users += (0..<departmentCount).map { i in
      User(
        login: "chef.\(i)",
        name: "\(firstNames[(i * 5) % firstNames.count]) \(lastNames[(i * 11) % lastNames.count])",
        role: .manager(department: department(i)))
    }
    let statuses = ServiceStatus.allCases
    m.services = (0..<size.services).map { i in
      let dep = i % departmentCount
      let town = municipalities[dep % municipalities.count]
      let started = now.addingTimeInterval(-86_400 * Double(200 + i % 900))
      let status = i % 10 < 7 ? ServiceStatus.published : statuses[i % statuses.count]
      return EService(
        id: EntityID("svc-\(i)"),
        name:
          "\(serviceNames[i % serviceNames.count]) – \(town)\(i < serviceNames.count * municipalities.count ? "" : " (\(i / (serviceNames.count * municipalities.count) + 1))")",
        department: department(dep), audience: i % 5 == 0 ? .internal : .external,
        category: departmentKinds[(dep / municipalities.count) % departmentKinds.count],
        status: status,
        statusHistory: [
          StatusChange(status: .ordered, at: started, by: coordinator.login),
          StatusChange(
            status: status, at: started.addingTimeInterval(86_400 * 40), by: coordinator.login),
        ],
        flowFamilyID: "\(1000 + i)",
        address: "https://e-tjanster.example.se/oversikt/overview/\(1000 + i)",
        roles: ServiceRoles(
          processOwner: .named(
            name: people[(i * 13) % people.count].name,
            email: "\(people[(i * 13) % people.count].login)@example.se"),
          serviceOwner: .staff(EntityID("staff-\((i * 5) % max(1, size.staff))")),
          contactPerson: .staff(EntityID("staff-\((i * 5 + 1) % max(1, size.staff))"))),
        needsELegitimation: i % 3 == 0, needsSigning: i % 4 == 0,
        paperFormsReplaced: i % 2 == 0 ? ["Blankett \(100 + i % 50)"] : [], automated: i % 6 == 0,
        yearlyCaseVolume: 20 + (i * 37) % 900, handlingDaysBefore: 10 + i % 30,
        handlingDaysAfter: 2 + i % 9,
        lastReviewed: today.adding(days: -(i * 7) % 500),
        reports: i % 10 == 0
          ? [
            ServiceReport(
              id: EntityID("rep-\(i)"), kind: i % 20 == 0 ? .revisionNeed : .error,
              reportedOn: today.adding(days: -(i % 30)), reportedBy: people[i % people.count].name,
              text: "Steg 2 visar fel handläggare")
          ]
          : [])
    }
    let serviceCount = max(1, size.services)
    m.staff = (0..<size.staff).map { i in
      let leaving = i % 25 == 0
      let joining = i % 40 == 1
      let start =
        joining ? today.adding(days: 5 - i % 20) : today.adding(days: -300 - (i * 11) % 3000)
      var onboarding = Checklist(steps: ChecklistStep.onboarding, due: start)
      if !joining {
        for k in onboarding.items.indices {
          onboarding.items[k].doneBy = coordinator.login
          onboarding.items[k].doneAt = start.start.addingTimeInterval(3600 * Double(9 + k))
        }
      }
      return StaffMember(
        id: EntityID("staff-\(i)"), name: people[i].name, login: people[i].login,
        department: department(i), manager: "chef.\(i % departmentCount)", startDate: start,
        endDate: leaving ? today.adding(days: 20 - i % 40) : nil,
        status: leaving ? .offboarding : joining ? .onboarding : .active,
        grants: (0..<(1 + i % 4)).map { g in
          AccessGrant(
            service: EntityID("svc-\((i * 3 + g * 7) % serviceCount)"), validFrom: start,
            validTo: leaving ? today.adding(days: 20) : nil)
        },
        canSign: i % 3 != 0, onboarding: onboarding,
        offboarding: leaving
          ? Checklist(steps: ChecklistStep.offboarding, due: today.adding(days: 20 - i % 40)) : nil)
    }
    let staffCount = max(1, size.staff)
    m.cases = (0..<size.cases).map { i in
      let officer = (i * 7) % staffCount
      let grants = m.staff.isEmpty ? [] : m.staff[officer].grants
      let service = grants.isEmpty ? EntityID<EService>("svc-0") : grants[i % grants.count].service
      return Case(
        id: EntityID("case-\(i)"),
        number:
          "\(["SOC", "BUN", "SBF", "VO", "KS", "TF"][i % 6]) \(2020 + i % 7)/\(String(format: "%04d", i % 10_000))",
        service: service, officer: EntityID("staff-\(officer)"),
        status: i % 4 == 0 ? .ongoing : .closedArchived,
        transferredFrom: i % 50 == 0 ? EntityID("staff-\((officer + 1) % staffCount)") : nil,
        // Closed within the last ten months, as this version records it: a store
        // without closing days would have them filled in by its first load, and its
        // first save would write every closed case again.
        closedOn: i % 4 == 0 ? nil : today.adding(days: -(1 + i % 300)))
    }
    m.orders = (0..<size.orders).map { i in
      let step = OrderStep.allCases[i % OrderStep.allCases.count]
      let created = now.addingTimeInterval(-86_400 * Double(10 + i % 400))
      let contact = people[(i * 17) % people.count]
      return ServiceOrder(
        id: EntityID("order-\(i)"),
        title: "E-tjänst för \(serviceNames[(i * 3) % serviceNames.count].lowercased()) \(i)",
        department: department(i), contactPerson: contact.name,
        contactEmail: "\(contact.login)@example.se", audience: i % 4 == 0 ? .internal : .external,
        need: Need(
          beneficiaries: "Invånare i \(municipalities[i % municipalities.count])",
          expectedEffect: "Kortare handläggning", effectScore: 1 + i % 3,
          yearlyCaseVolume: 50 + i % 500, paperFormsReplaced: ["Blankett \(i % 90)"]),
        orderCaseNumber: step == .needsMapped ? "" : "KS 2026/\(String(format: "%04d", i))",
        step: step,
        stepHistory: OrderStep.allCases.filter { $0 <= step }.map { s in
          StepChange(
            step: s, at: created.addingTimeInterval(86_400 * Double(s.rawValue * 6)),
            by: coordinator.login)
        },
        service: step >= .firstVersion ? EntityID("svc-\(i % serviceCount)") : nil,
        meeting: step >= .review
          ? ReviewMeeting(at: created.addingTimeInterval(86_400 * 25), place: "Teams") : nil,
        comments: step >= .review
          ? [
            ReviewComment(
              id: EntityID("com-\(i)"), text: "Förtydliga steg 3", resolution: .adjusted)
          ] : [],
        agreement: step == .published
          ? Agreement(by: contact.name, at: created.addingTimeInterval(86_400 * 30)) : nil,
        hold: i % 37 == 0
          ? OrderHold(
            kind: .onHold, reason: "Väntar på beslut",
            since: created.addingTimeInterval(86_400 * 3), by: coordinator.login) : nil,
        created: created)
    }
    m.outages = (0..<size.outages).map { i in
      let start = now.addingTimeInterval(-86_400 * Double(3 + i * 5) - 3_600 * Double(i % 8))
      let drill = i % 5 == 0
      return Outage(
        id: EntityID("out-\(i)"), start: start,
        scope: i % 3 == 0
          ? .wholePlatform
          : .services((0..<3).map { EntityID("svc-\((i * 11 + $0) % serviceCount)") }),
        observed: drill
          ? "Övning: e-tjänsterna behandlas som otillgängliga."
          : "Inloggningen med BankID svarar inte.",
        declaredBy: coordinator.name, isDrill: drill,
        contact: ContactRecord(
          at: start.addingTimeInterval(600), channel: "Telefon", by: coordinator.name,
          reference: "ENÄ-\(2026 - i / 80)-\(String(format: "%04d", i))"),
        notified: [DepartmentNotice(department: department(i), at: start.addingTimeInterval(900))],
        end: start.addingTimeInterval(3_600 * Double(1 + i % 6)),
        cause: drill ? "" : "Certifikat hos driftleverantören", followUp: "")
    }
    // One outage resolved with departments never told (4.3), as a store's history has.
    if m.outages.count > 1 { m.outages[1].neverTold = m.untoldDepartments(m.outages[1]).map(\.id) }
    return m
  }

  /// `count` changes spread over the years before `now`, oldest first, as
  /// (when, login, Swedish summary, English summary): the history a region's store has
  /// behind it, for the audit trail beside a demo or benchmark store.
  public static func history(count: Int, logins: [String], now: Date)
    -> some Sequence<(at: Date, login: String, sv: String, en: String)>
  {
    let span = 86_400.0 * 365 * 3
    let logins = logins.isEmpty ? ["esamordnare"] : logins
    return (0..<count).lazy.map { i in
      let at = now.addingTimeInterval(-span + span * Double(i) / Double(max(1, count))).rounded()
      let service = serviceNames[i % serviceNames.count]
      return (
        at, logins[i % logins.count], "Ändrade \(service)", "Changed \(service)"
      )
    }
  }
}

extension Date {
  fileprivate func rounded() -> Date {
    Date(timeIntervalSince1970: timeIntervalSince1970.rounded(.down))
  }
}
