import ETjanstDomain
import ETjanstResources
import ETjanstStore
import Foundation

// `etjanst-bench imports [sizes…]`: the built `etjanst` importing made-up files of
// 10,000, 50,000 and 200,000 rows (`cases import`, `staff import`, `services import`)
// into a small municipality's store, each on a fresh copy, with wall time, peak
// memory and the ratio to the size before: a ratio near the ratio of the sizes is
// linear, one near its square is not.

/// The store every import starts from: a small municipality (400 staff, 100 e-services).
func importBase() throws -> (path: String, m: Municipality) {
  var m = Synthetic.municipality(.municipality, coordinator: coordinator, now: now)
  m.users.removeAll { $0.login == login }
  m.users.insert(coordinator, at: 0)
  let folder = work.appendingPathComponent("imports-base")
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  let path = folder.appendingPathComponent("etjanst.plist").path
  try StoreFile(path: path).create(m, by: login, now: now)
  return (path, m)
}

/// A file of `rows` rows of one import, as a platform or HR would write it.
func importFile(_ kind: String, rows: Int, _ m: Municipality) -> String {
  let departments = m.departments.map(\.name)
  var lines: [String] = []
  lines.reserveCapacity(rows + 1)
  switch kind {
  case "cases":
    lines.append("Ärendenummer;E-tjänst;Handläggare;Status")
    // An open case's officer holds access to its e-service today (`CaseOfficerRule`).
    let today = Day(Date())
    let pairs: [(service: String, login: String)] = m.staff.filter { $0.status != .removed }
      .flatMap { p in
        p.grants.filter { $0.isValid(on: today) }.compactMap { g in
          m.service(g.service).map { ($0.name, p.login) }
        }
      }
    for i in 0..<rows {
      let status = i % 3 == 0 ? "Avslutad" : "Pågående"
      let pair = pairs[(i * 7) % pairs.count]
      lines.append("\(100_000 + i);\(pair.service);\(pair.login);\(status)")
    }
  case "staff":
    lines.append("Förnamn;Efternamn;Användar-ID;Förvaltning;Anställd from")
    for i in 0..<rows {
      lines.append("Anna\(i);Bench;bench.\(i);\(departments[i % departments.count]);2027-01-07")
    }
  default:
    lines.append("namn;förvaltning;status")
    for i in 0..<rows {
      lines.append(
        "Ansökan om bänkprov \(i);\(departments[i % departments.count]);Under utveckling")
    }
  }
  return lines.joined(separator: "\n") + "\n"
}

/// Runs `arguments` under /usr/bin/time: wall seconds, CPU seconds (user and
/// system: on a loaded machine the wall time is mostly waiting) and peak resident MB.
func timedWithMemory(_ arguments: [String]) throws -> (
  seconds: Double, cpu: Double, mb: Double, ok: Bool
) {
  let report = work.appendingPathComponent("time-\(UUID().uuidString)").path
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/time")
  process.arguments = ["-f", "%e %U %S %M", "-o", report] + arguments
  process.standardOutput = FileHandle.nullDevice
  process.standardError = FileHandle.nullDevice
  try process.run()
  process.waitUntilExit()
  let parts = ((try? String(contentsOfFile: report, encoding: .utf8)) ?? "")
    .split(whereSeparator: \.isWhitespace)
  let last = parts.suffix(4).map { Double($0) ?? -1 }
  guard last.count == 4 else { return (-1, -1, -1, false) }
  return (last[0], last[1] + last[2], last[3] / 1024, process.terminationStatus == 0)
}

func benchImports(_ sizes: [Int]) throws {
  guard FileManager.default.isExecutableFile(atPath: etjanst) else {
    print("(no \(etjanst): build it with `swift build -c release --product etjanst`)")
    return
  }
  let base = try importBase()
  print(
    "\n== imports into a small municipality (\(base.m.staff.count) staff, \(base.m.services.count) e-services)"
  )
  for kind in ["cases", "staff", "services"] {
    var before: (rows: Int, cpu: Double)?
    for rows in sizes {
      let folder = work.appendingPathComponent("imports-\(kind)-\(rows)")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      let store = folder.appendingPathComponent("etjanst.plist").path
      try FileManager.default.copyItem(atPath: base.path, toPath: store)
      let csv = folder.appendingPathComponent("\(kind).csv")
      try importFile(kind, rows: rows, base.m).write(to: csv, atomically: true, encoding: .utf8)
      let run = try timedWithMemory([etjanst, kind, "import", csv.path, "--store", store])
      let audit =
        (try? FileManager.default.attributesOfItem(atPath: store + ".audit")[.size])
        as? Int ?? 0
      var ratio = ""
      if let before, before.cpu > 0 {
        ratio = String(
          format: "  ×%.1f CPU for ×%.0f rows", run.cpu / before.cpu,
          Double(rows) / Double(before.rows))
      }
      line(
        "\(kind) import, \(rows) rows",
        String(
          format: "%7.2f s wall %7.2f s CPU  %6.0f MB peak  trail %.1f KB%@%@", run.seconds,
          run.cpu, run.mb,
          Double(audit) / 1024, ratio, run.ok ? "" : "  (FAILED)"))
      before = (rows, run.cpu)
      try? FileManager.default.removeItem(at: folder)
    }
  }
}
