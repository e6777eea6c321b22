import ETjanstConsole
import ETjanstDomain
import ETjanstResources
import ETjanstStore
import Foundation

// Figures, not assertions: how long the store, the console and the command line take
// on the demo municipality and on a region (Norrbotten's fourteen municipalities, a
// trail of 1,000,000 entries beside the store), and the same pty figures for tig and mc
// in the same run. Build both products in release first, then run:
//   swift build -c release && .build/release/etjanst-bench [municipality|region|all]
// or, for one store's load in stages (time and memory): etjanst-bench load FILE
// or the console's pty figures alone on a store: etjanst-bench console FILE
// or the console in process on a store (findings, screens, keys): etjanst-bench screens FILE
// or a key's time in process on every screen of a store: etjanst-bench keys FILE
// or the console's key against tig's, their presses taken in turn: etjanst-bench pair FILE
// or the imports at 10,000 / 50,000 / 200,000 rows: etjanst-bench imports [ROWS…]
// The targets it is read against are in README.md ("Performance").

let which = CommandLine.arguments.dropFirst().first ?? "all"
let now = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
let login = SystemIdentity.currentLogin()
let coordinator = User(login: login, name: "Bench", role: .eCoordinator)
let binaryFolder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
let etjanst = binaryFolder.appendingPathComponent("etjanst").path
let work = FileManager.default.temporaryDirectory.appendingPathComponent(
  "etjanst-bench-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: work) }

func milliseconds(_ d: Duration) -> Double {
  Double(d.components.attoseconds) / 1e15 + Double(d.components.seconds) * 1000
}

func line(_ label: String, _ value: String) {
  print(label.padding(toLength: 50, withPad: " ", startingAt: 0), value)
}

func measure(_ label: String, runs: Int = 5, _ body: () throws -> Void) rethrows {
  var times: [Double] = []
  for _ in 0..<runs {
    let start = ContinuousClock.now
    try body()
    times.append(milliseconds(ContinuousClock.now - start))
  }
  times.sort()
  line(
    label,
    String(
      format: "median %8.1f ms   (min %.1f, max %.1f, %d runs)", times[times.count / 2],
      times.first!, times.last!, runs))
}

/// Runs a program to its end with output thrown away; returns the wall time.
func timed(_ arguments: [String]) throws -> Double {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = arguments
  process.standardOutput = FileHandle.nullDevice
  process.standardError = FileHandle.nullDevice
  let start = ContinuousClock.now
  try process.run()
  process.waitUntilExit()
  return milliseconds(ContinuousClock.now - start)
}

func measureProcess(_ label: String, runs: Int = 3, _ arguments: [String]) throws {
  var times: [Double] = []
  for _ in 0..<runs { times.append(try timed(arguments)) }
  times.sort()
  line(
    label, String(format: "median %8.1f ms   (min %.1f, %d runs)", times[runs / 2], times[0], runs))
}

struct PtyFigures: Decodable {
  var first: Double?
  var ready: Double?
  var keys: [Double]
  var bytes: [Int]
  var peakMB: Int
  var edit: Double?
}

/// In the catalogue: `e` opens the selected e-service's form, a letter is added to the
/// field it starts in, and Ctrl-S saves it (the edit the pty meter times).
let editKeys = ["ex", "\u{13}"]

/// Runs the pty meter (PtyMeter.swift) with `arguments` in `folder`; what it prints.
func meter(_ arguments: [String], in folder: String? = nil) throws -> Data {
  let script = work.appendingPathComponent("ptymeter.py")
  try ptyMeterScript.write(to: script, atomically: true, encoding: .utf8)
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = ["python3", script.path] + arguments
  // What etjanst's first frame says while a large store is still read, in either
  // language ("Läser in registret (41 MB) …").
  var environment = ProcessInfo.processInfo.environment
  environment["PTYMETER_LOADING"] = "MB) …"
  // What its status line says once an edit is saved ("Sparat: ändrade …").
  environment["PTYMETER_SAVED"] = "Sparat:|Saved:"
  process.environment = environment
  if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
  let pipe = Pipe()
  process.standardOutput = pipe
  try process.run()
  let output = pipe.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return output
}

/// The pty meter on a command: first full frame, then `presses` of ↓ and ↑, `span` of
/// one then `span` of the other (so the highlight moves at every press in a list of
/// more than `span` rows, and the p99 is taken over enough presses).
func pty(
  _ command: [String], prekeys: String = "", presses: Int = 400, span: Int = 40,
  edit: [String] = [],
  in folder: String? = nil
) throws -> PtyFigures {
  let output = try meter(["\(presses)/\(span)", prekeys] + edit + ["--"] + command, in: folder)
  return try JSONDecoder().decode(PtyFigures.self, from: output)
}

struct PairFigures: Decodable {
  var keys: [[Double]]
}

/// The pty meter's pair mode: `a` (with `prekeys` at its first byte) and `b` (in
/// `folder`), each press of ↓ or ↑ sent to one then the other, who goes first
/// alternating, so both meet the same seconds of the machine. The keys' times of each.
func ptyPair(
  _ a: [String], prekeys: String, _ b: [String], in folder: String, presses: Int = 400,
  span: Int = 40
) throws -> (a: [Double], b: [Double]) {
  let output = try meter(
    ["--pair", "\(presses)/\(span)", prekeys, "", folder, "--"] + a + ["--"] + b)
  let keys = try JSONDecoder().decode(PairFigures.self, from: output).keys
  return (keys[0], keys[1])
}

/// A git repository of 300 commits for tig, made once per run.
nonisolated(unsafe) var tigRepository: String?
func tigRepo() throws -> String {
  if let tigRepository { return tigRepository }
  let repo = work.appendingPathComponent("repo").path
  try FileManager.default.createDirectory(atPath: repo, withIntermediateDirectories: true)
  let script = """
    cd "$1" && git init -q && for i in $(seq 1 300); do echo $i > f$((i % 20)); git add -A; \
    git -c user.email=bench@example.se -c user.name=Bench commit -qm "Ändring $i"; done
    """
  _ = try timed(["sh", "-c", script, "sh", repo])
  tigRepository = repo
  return repo
}

/// The key against tig's with the presses taken in turn, for the summary.
nonisolated(unsafe) var paired: (etjanst: [Double], tig: [Double])?

/// How many presses each program gets in the pair: at 400, a p99 is the fourth-slowest
/// press, and which program the host's pauses hit decided it run by run.
let pairPresses = 1_000

/// etjanst on a store's catalogue and tig on 300 commits, pressed in turn (the key's
/// target is read against this: measured minutes apart, two p99s mostly tell the
/// machine's moments apart).
func pairWithTig(_ store: String) throws {
  let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
  guard
    path.split(separator: ":").contains(where: {
      FileManager.default.isExecutableFile(atPath: "\($0)/tig")
    })
  else {
    print("(tig is not installed: no key against tig's)")
    return
  }
  print("\n== the key against tig's, presses taken in turn (the same seconds of the machine)")
  let keys = try ptyPair(
    [etjanst, "--store", store], prekeys: "2", ["tig"], in: try tigRepo(), presses: pairPresses)
  paired = (keys.a, keys.b)
  keyLine("etjanst (catalogue)", keys.a)
  keyLine("tig (300 commits)", keys.b)
  for limit in [2.0, 5.0, 10.0] {
    line(
      "presses over \(Int(limit)) ms, etjanst / tig",
      "\(keys.a.filter { $0 > limit }.count) / \(keys.b.filter { $0 > limit }.count)")
  }
  line("etjanst's p99 against tig's", P99Difference(keys.a, keys.b).verdict)
}

/// etjanst's p99 less tig's, and how far that moves when the pairs of presses are
/// drawn again at random (a bootstrap, the pairs kept together since both met the same
/// seconds): 90 % of 2,000 redraws fall within `low`…`high`. Seeded, so the same
/// presses give the same interval.
struct P99Difference {
  var observed: Double
  var low: Double
  var high: Double

  init(_ a: [Double], _ b: [Double]) {
    observed = a.p99 - b.p99
    // SplitMix64: the standard library has no seeded generator.
    var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> UInt64 {
      seed &+= 0x9E37_79B9_7F4A_7C15
      var z = seed
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    let n = min(a.count, b.count)
    var differences: [Double] = []
    for _ in 0..<2_000 where n > 0 {
      var x: [Double] = []
      var y: [Double] = []
      for _ in 0..<n {
        let i = Int(next() % UInt64(n))
        x.append(a[i])
        y.append(b[i])
      }
      differences.append(x.p99 - y.p99)
    }
    differences.sort()
    low = differences.isEmpty ? observed : differences[differences.count / 20]
    high = differences.isEmpty ? observed : differences[differences.count * 19 / 20]
  }

  /// Slower or faster only when the whole interval is on one side of nought: a
  /// difference the redraws put on both sides is the host's as much as the program's.
  var verdict: String {
    let figures = String(
      format: "%+.2f ms, 90 %% of redraws %+.2f … %+.2f ms", observed, low, high)
    let reading =
      low > 0 ? "slower" : high < 0 ? "faster" : "not told apart from tig's"
    return "\(reading) (\(figures))"
  }
}

/// Each program's pty figures in this run, for the summary that sets them side by side.
nonisolated(unsafe) var measured: [(name: String, figures: PtyFigures)] = []

extension [Double] {
  var median: Double { sorted()[count / 2] }
  var p99: Double { sorted()[Swift.min(count - 1, Int((Double(count) * 0.99).rounded(.up)) - 1)] }
}

extension PtyFigures {
  var keyMedian: Double { keys.median }
  var keyP99: Double { keys.p99 }
}

/// A program's key figures on one line of the report.
func keyLine(_ name: String, _ keys: [Double]) {
  line(
    "\(name): key ↓ median / p99",
    String(format: "%8.2f / %.2f ms  (%d presses)", keys.median, keys.p99, keys.count))
}

func report(_ name: String, _ f: PtyFigures) {
  measured.append((name, f))
  let bytes = f.bytes.sorted()
  line("\(name): first frame", String(format: "%8.1f ms", f.first ?? -1))
  line("\(name): every list ready", String(format: "%8.1f ms", f.ready ?? -1))
  keyLine(name, f.keys)
  line("\(name): bytes per ↓ at 80×24 (median)", "\(bytes[bytes.count / 2])")
  line("\(name): peak resident", "\(f.peakMB) MB")
  if let edit = f.edit {
    line("\(name): an edit saved and shown", String(format: "%8.1f ms", edit))
  }
}

struct Rename: Command {
  var n: Int
  var summary: LocalizedText { LocalizedText(verbatim: "bench \(n)") }
  func apply(to m: inout Municipality, context: CommandContext) throws {
    m.departments[0].name = "Förvaltning \(n)"
  }
}

/// Changes one case of many: the list is copied on write, so a save compares it.
struct RenumberCase: Command {
  var n: Int
  var summary: LocalizedText { LocalizedText(verbatim: "bench \(n), one case") }
  func apply(to m: inout Municipality, context: CommandContext) throws {
    m.cases[m.cases.count / 2].number = "B-\(n)"
  }
}

/// Edits saved through `file`: one department renamed, one case of many changed.
func measureEdits(_ file: StoreFile, _ actor: Actor, _ n: inout Int, runs: Int) throws {
  try measure("an edit saved (lock, apply, save, audit)", runs: runs) {
    n += 1
    try file.perform(Rename(n: n), actor: actor, now: Date())
  }
  try measure("an edit of one case saved", runs: runs) {
    n += 1
    try file.perform(RenumberCase(n: n), actor: actor, now: Date())
  }
}

/// Rebuilds every entity list with equal values in new storage, so a save must compare
/// every entity with what the file holds (the worst case of finding what changed).
struct RenameRebuildingLists: Command {
  var n: Int
  var summary: LocalizedText { LocalizedText(verbatim: "bench \(n), lists rebuilt") }
  func apply(to m: inout Municipality, context: CommandContext) throws {
    m.users = m.users.map { $0 }
    m.departments = m.departments.map { $0 }
    m.services = m.services.map { $0 }
    m.staff = m.staff.map { $0 }
    m.cases = m.cases.map { $0 }
    m.orders = m.orders.map { $0 }
    m.refusedOrders = m.refusedOrders.map { $0 }
    m.outages = m.outages.map { $0 }
    m.departments[0].name = "Förvaltning \(n)"
  }
}

/// The console in this process: the findings, each screen drawn, and a key ↓ handled
/// and drawn.
func inProcess(_ m: Municipality) {
  measure("Findings.all (overview, check, report)") { _ = Findings.all(in: m, at: now) }
  for screen in ScreenID.allCases {
    var state = AppState(data: m, user: coordinator, width: 80, height: 24, now: now)
    state.screen = screen
    measure("render \(screen) 80×24", runs: 7) { _ = RootView.render(state) }
  }
  for screen in ScreenID.allCases {
    var state = AppState(data: m, user: coordinator, width: 80, height: 24, now: now)
    state.screen = screen
    measure("key ↓ + render, \(screen)", runs: 21) {
      _ = App.update(&state, .keyPressed(.down))
      _ = RootView.render(state)
    }
  }
  // Held down past the first page, as the pty meter presses it: the page scrolls and
  // its rows are measured again at every press.
  do {
    var state = AppState(data: m, user: coordinator, width: 80, height: 24, now: now)
    state.screen = .catalogue
    _ = RootView.render(state)
    measure("key ↓ + render, catalogue, scrolling", runs: min(60, max(1, m.services.count - 1))) {
      _ = App.update(&state, .clockTicked(now))
      _ = App.update(&state, .keyPressed(.down))
      _ = RootView.render(state)
    }
  }
  // What the console does when a save (its own or another's) brings new data: the
  // new state taken in and the screen drawn, with one e-service changed.
  for screen in [ScreenID.catalogue, .staff, .overview] {
    var state = AppState(data: m, user: coordinator, width: 80, height: 24, now: now)
    state.screen = screen
    _ = RootView.render(state)
    var n = 0
    measure("data changed + render, \(screen)", runs: 7) {
      var changed = m
      n += 1
      changed.services[0].category = "Kategori \(n)"
      _ = App.update(&state, .storeChangedElsewhere(changed))
      _ = RootView.render(state)
    }
  }
  // Filter as you type on the staff list: each letter narrows the list and redraws it.
  var state = AppState(data: m, user: coordinator, width: 80, height: 24, now: now)
  state.screen = .staff
  _ = RootView.render(state)
  _ = App.update(&state, .keyPressed(.character("/")))
  let letters = Array("annaandersson")
  var typed = 0
  measure("filter as you type, staff (a letter + render)", runs: letters.count) {
    _ = App.update(&state, .keyPressed(.character(letters[typed])))
    typed += 1
    _ = RootView.render(state)
  }
}

func bench(_ scale: String) throws {
  let (m, path) = try benchStore(scale)
  try benchFile(scale, m, path)
}

/// The store a scale is measured on, written into the bench's own folder (a region's
/// lists shuffled, with its trail beside it).
func benchStore(_ scale: String, at given: String? = nil) throws -> (Municipality, String) {
  let data: Municipality
  var trail = 0
  if scale == "municipality" {
    data = try DemoData.load(today: Day(now))
    print(
      "\n== etjanst, the demo municipality (\(data.services.count) e-services, \(data.staff.count) staff, \(data.cases.count) cases)"
    )
  } else {
    let size = Synthetic.Size.region
    data = Synthetic.municipality(size, coordinator: coordinator, now: now)
    trail = size.trail
    print(
      "\n== etjanst, a region: \(data.departments.count) departments, \(data.services.count) e-services, \(data.staff.count) staff, \(data.cases.count) cases, \(data.orders.count) orders, \(data.outages.count) outages, a trail of \(trail) entries"
    )
  }
  var m = data
  m.users.removeAll { $0.login == login }
  m.users.insert(coordinator, at: 0)
  if scale != "municipality" {
    // Each list in an order of its own (the same in every run), so nothing the console
    // sorts comes sorted from the file.
    var random = SplitMix64(seed: 22)
    m.users.shuffle(using: &random)
    m.departments.shuffle(using: &random)
    m.services.shuffle(using: &random)
    m.staff.shuffle(using: &random)
    m.cases.shuffle(using: &random)
    m.orders.shuffle(using: &random)
    m.outages.shuffle(using: &random)
    print("(every list shuffled)")
  }
  let folder = work.appendingPathComponent(scale)
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  let path = given ?? folder.appendingPathComponent("etjanst.plist").path
  let file = StoreFile(path: path)
  try file.create(m, by: login, now: now)
  if trail > 0 {
    try file.appendHistory(
      Synthetic.history(count: trail, logins: m.users.map(\.login), now: now).map {
        AuditEntry(at: $0.at, login: $0.login, sv: $0.sv, en: $0.en)
      })
  }
  let bytes = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
  line("store file", String(format: "%.1f MB (XML)", Double(bytes) / 1e6))
  return (m, path)
}

/// The figures of one scale's store.
func benchFile(_ scale: String, _ m: Municipality, _ path: String) throws {
  let file = StoreFile(path: path)
  let xml = try Data(contentsOf: URL(fileURLWithPath: path))

  // The built binary in a pty first, on the store as it was made, before the
  // measurements below write a gigabyte of saves on a region: the kernel's writing
  // those back ran beside the console and doubled its edit's time (234 against
  // 83-105 ms alone), which is this bench's doing, not the console's.
  sync()
  if FileManager.default.isExecutableFile(atPath: etjanst) {
    // A span of fewer presses than the catalogue has rows, so every press moves the
    // highlight.
    let span = min(40, m.services.count - 3)
    report(
      "etjanst \(scale) (catalogue)",
      try pty(
        [etjanst, "--store", path], prekeys: "2", span: span, edit: editKeys))
    if scale != "municipality" { try pairWithTig(path) }
    try measureProcess(
      "etjanst list services --format csv",
      [etjanst, "list", "services", "--format", "csv", "--store", path])
    try measureProcess("etjanst check", [etjanst, "check", "--store", path])
    try measureProcess("etjanst report", [etjanst, "report", "--store", path])
  } else {
    print(
      "(no \(etjanst): build it with `swift build -c release` for the pty and command-line figures)"
    )
  }

  // The store
  try measure("load: parse + decode (the store's own reader)") {
    _ = try StoreDocument.decode(xml, path: path)
  }
  struct FormerDocument: Decodable {
    var schemaVersion: Int
    var savedAt: Date
    var savedBy: String
    var municipality: Municipality
  }
  try measure("load: Foundation PropertyListDecoder (former)", runs: 3) {
    _ = try PropertyListDecoder().decode(FormerDocument.self, from: xml)
  }
  let document = StoreDocument(municipality: m, savedAt: now, savedBy: login)
  try measure("encode: the store's own writer") { _ = try document.encoded() }
  try measure("encode: Foundation PropertyListEncoder (former)", runs: 3) {
    let encoder = PropertyListEncoder()
    encoder.outputFormat = .xml
    _ = try encoder.encode(m)
  }
  try measure("reloadIfChanged, nothing changed", runs: 20) { _ = try file.reloadIfChanged() }
  var n = 0
  let actor = Actor(coordinator)
  try measureEdits(file, actor, &n, runs: 7)
  try measure("an edit saved, every list rebuilt (each entity compared)", runs: 7) {
    n += 1
    try file.perform(RenameRebuildingLists(n: n), actor: actor, now: Date())
  }
  let other = StoreFile(path: path)
  _ = try other.load()
  try measure("another process saved: re-read and save", runs: 5) {
    n += 1
    try other.perform(Rename(n: n), actor: actor, now: Date())
    n += 1
    try file.perform(Rename(n: n), actor: actor, now: Date())
  }
  measure("another process saved: reload in the console") {
    _ = try? StoreFile(path: path).load()
  }

  // The console, in process
  inProcess(m)

  try measureProcess(
    "python3 plistlib.load of the same file",
    ["python3", "-c", "import plistlib,sys; plistlib.load(open(sys.argv[1],'rb'))", path])
}

/// A generator with a seed, so the shuffled store is the same in every run.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// The pty figures of this run side by side: etjanst's against tig's and mc's.
func summary() {
  guard !measured.isEmpty else { return }
  print("\n== side by side (pty, 80×24)")
  print(
    "program".padding(toLength: 34, withPad: " ", startingAt: 0),
    " first  ready   key median / p99   edit saved+shown")
  for (name, f) in measured {
    print(
      name.padding(toLength: 34, withPad: " ", startingAt: 0),
      String(
        format: "%6.0f %6.0f   %6.2f / %5.2f ms   ", f.first ?? -1, f.ready ?? -1, f.keyMedian,
        f.keyP99) + (f.edit.map { String(format: "%.0f ms", $0) } ?? "-"))
  }
  if let paired {
    let (a, b) = paired
    print(
      String(
        format: "presses in turn: etjanst (region) %.2f / %.2f ms, tig %.2f / %.2f ms: ",
        a.median, a.p99, b.median, b.p99) + P99Difference(a, b).verdict)
  }
}

/// Resident and peak resident memory of this process, in MB (from /proc).
func resident() -> (now: Int, peak: Int) {
  guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else {
    return (0, 0)
  }
  func field(_ name: String) -> Int {
    let line = status.split(separator: "\n").first { $0.hasPrefix(name) } ?? ""
    return
      (Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
      ?? 0) / 1024
  }
  return (field("VmRSS:"), field("VmHWM:"))
}

/// `etjanst-bench load FILE`: one load of a store in stages, with the time and the
/// memory each takes, in a process that does nothing else (so the peak is the load's).
func loadInStages(_ path: String) throws {
  func stage(_ label: String, _ start: ContinuousClock.Instant) {
    let (now, peak) = resident()
    line(
      label,
      String(
        format: "%8.1f ms   resident %4d MB, peak %4d MB",
        milliseconds(ContinuousClock.now - start), now, peak))
  }
  // First, as the console does it: the first thing a new process does.
  var start = ContinuousClock.now
  let cold = try StoreFile(path: path).load()
  stage("StoreFile.load, first in the process", start)
  withExtendedLifetime(cold) {}
  start = ContinuousClock.now
  let data = try Data(contentsOf: URL(fileURLWithPath: path))
  stage("read the file (\(data.count / 1_000_000) MB)", start)
  start = ContinuousClock.now
  _ = PropertyListPreScan.problem(in: data)
  stage("pre-scan", start)
  start = ContinuousClock.now
  let document = try StoreDocument.decode(data, path: path)
  stage("parse + decode", start)
  start = ContinuousClock.now
  _ = StoreValidation.refusal(document.municipality)
  stage("validation", start)
  withExtendedLifetime(data) {}
  start = ContinuousClock.now
  let whole = try StoreFile(path: path).load()
  stage("StoreFile.load (all of it, again)", start)
  withExtendedLifetime((document, whole)) {}
}

// `etjanst-bench store SCALE FILE`: writes the store a scale is measured on (a region's
// lists shuffled, its trail beside it) to FILE, to measure with the modes below.
if which == "store", CommandLine.arguments.count == 4 {
  _ = try benchStore(CommandLine.arguments[2], at: CommandLine.arguments[3])
}
if which == "load", let path = CommandLine.arguments.dropFirst(2).first {
  try loadInStages(path)
}
// `etjanst-bench save FILE`: edits saved on a copy of a store (one department, one case).
if which == "save", let path = CommandLine.arguments.dropFirst(2).first {
  let copy = work.appendingPathComponent("save.plist").path
  try FileManager.default.copyItem(atPath: path, toPath: copy)
  let file = StoreFile(path: copy)
  let m = try file.load()
  let actor = Actor(m.users.first { $0.role == .eCoordinator }!)
  var n = 0
  try measureEdits(file, actor, &n, runs: 15)
}
// `etjanst-bench encode FILE`: what writing a store's bytes takes, in its two parts.
if which == "encode", let path = CommandLine.arguments.dropFirst(2).first {
  let document = try StoreDocument.decode(
    try Data(contentsOf: URL(fileURLWithPath: path)), path: path)
  try measure("encode: the whole document (tree + XML)", runs: 3) {
    _ = try document.encoded()
  }
}
// `etjanst-bench screens FILE`: the console in process on a store (findings, screens, keys).
if which == "screens", let path = CommandLine.arguments.dropFirst(2).first {
  inProcess(try StoreFile(path: path).load())
}
// `etjanst-bench console FILE`: only the pty figures of the built console on a store.
if which == "console", let path = CommandLine.arguments.dropFirst(2).first {
  report(
    "etjanst (catalogue)",
    try pty([etjanst, "--store", path], prekeys: "2", edit: editKeys))
}
// `etjanst-bench pair FILE`: the console on a store and tig, their presses taken in turn.
if which == "pair", let path = CommandLine.arguments.dropFirst(2).first {
  try pairWithTig(path)
}
// `etjanst-bench keys FILE`: what a key costs in process on each screen, as the run loop
// handles it (the clock's tick, the key, the frame), ↓ and ↑ by turns of 40 presses over
// 2,000 presses; in microseconds, so a change to the key path can be read against the
// last (the pty figures add the terminal and the scheduler).
if which == "keys", let path = CommandLine.arguments.dropFirst(2).first {
  let m = try StoreFile(path: path).load()
  for screen in ScreenID.allCases {
    var state = AppState(data: m, user: coordinator, width: 80, height: 24, now: now)
    state.screen = screen
    _ = RootView.render(state)
    var times: [Double] = []
    for n in 0..<2_000 {
      let start = ContinuousClock.now
      _ = App.update(&state, .clockTicked(now))
      _ = App.update(&state, .keyPressed((n / 40) % 2 == 0 ? .down : .up))
      _ = RootView.render(state)
      times.append(milliseconds(ContinuousClock.now - start) * 1000)
    }
    let mean = times.reduce(0, +) / Double(times.count)
    times.sort()
    line(
      "key ↓↑ + render, \(screen)",
      String(format: "mean %6.0f µs   median %6.0f   p99 %6.0f", mean, times[1000], times[1980]))
  }
}
if which == "imports" {
  let sizes = CommandLine.arguments.dropFirst(2).compactMap { Int($0) }
  try benchImports(sizes.isEmpty ? [10_000, 50_000, 200_000] : sizes)
}
if which == "municipality" || which == "all" { try bench("municipality") }
if which == "region" || which == "all" { try bench("region") }
if which == "all" || which == "others" {
  print("\n== tig and mc in the same pty meter")
  report("tig (300 commits)", try pty(["tig"], in: try tigRepo()))
  let files = work.appendingPathComponent("files").path
  try FileManager.default.createDirectory(atPath: files, withIntermediateDirectories: true)
  for i in 1...200 {
    _ = FileManager.default.createFile(atPath: "\(files)/fil-\(i).txt", contents: nil)
  }
  report("mc (200 files)", try pty(["mc", "--nosubshell", files, files], in: files))
}
summary()
