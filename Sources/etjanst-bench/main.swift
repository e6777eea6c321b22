import ETjanstConsole
import ETjanstDomain
import ETjanstResources
import ETjanstStore
import Foundation

// Figures, not assertions: how long the store and the console take at the size of
// a municipality and of a whole region. Run with
//   swift run -c release etjanst-bench [municipality|region]
// The targets it is read against are in ARCHITECTURE.md ("Speed").

let scale = CommandLine.arguments.dropFirst().first ?? "region"
let size = scale == "municipality" ? Synthetic.Size.municipality : Synthetic.Size.region
let now = Date()
let coordinator = User(login: SystemIdentity.currentLogin(), name: "Bench", role: .eCoordinator)
let data = Synthetic.municipality(size, coordinator: coordinator, now: now)

func measure(_ label: String, runs: Int = 5, _ body: () throws -> Void) rethrows {
  var times: [Double] = []
  for _ in 0..<runs {
    let start = ContinuousClock.now
    try body()
    let elapsed = ContinuousClock.now - start
    times.append(
      Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
  }
  times.sort()
  let median = times[times.count / 2]
  print(
    label.padding(toLength: 46, withPad: " ", startingAt: 0),
    String(
      format: "median %8.1f ms   (min %.1f, max %.1f, %d runs)", median, times.first!, times.last!,
      runs))
}

print(
  "etjanst-bench, scale \(scale): \(size.services) services, \(size.staff) staff, \(size.cases) cases"
)
let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
  "etjanst-bench-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }
let path = folder.appendingPathComponent("etjanst.plist").path
let file = StoreFile(path: path)
try file.create(data, by: coordinator.login, now: now)
let bytes = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
print(
  "store file".padding(toLength: 46, withPad: " ", startingAt: 0),
  String(format: "%.2f MB (XML)", Double(bytes) / 1e6))

try measure("load (a new console or command)") { _ = try StoreFile(path: path).load() }
try measure("reloadIfChanged, nothing changed", runs: 20) { _ = try file.reloadIfChanged() }

struct Rename: Command {
  var n: Int
  var summary: LocalizedText { LocalizedText(verbatim: "bench \(n)") }
  func apply(to m: inout Municipality, context: CommandContext) throws {
    m.departments[0].name = "Förvaltning \(n)"
  }
}
var n = 0
let actor = Actor(coordinator)
try measure("perform one change (lock, apply, save, audit)", runs: 7) {
  n += 1
  try file.perform(Rename(n: n), actor: actor, now: Date())
}
let other = StoreFile(path: path)
_ = try other.load()
try measure("perform after another process saved", runs: 5) {
  n += 1
  try other.perform(Rename(n: n), actor: actor, now: Date())
  n += 1
  try file.perform(Rename(n: n), actor: actor, now: Date())
}

measure("Findings.all (overview, check, report)") { _ = Findings.all(in: data, at: now) }
for screen in ScreenID.allCases {
  var state = AppState(data: data, user: coordinator, width: 200, height: 50, now: now)
  state.screen = screen
  measure("render \(screen) 200×50", runs: 7) { _ = RootView.render(state) }
}
var state = AppState(data: data, user: coordinator, width: 200, height: 50, now: now)
state.screen = .catalogue
measure("key ↓ + render, catalogue", runs: 7) {
  _ = App.update(&state, .keyPressed(.down))
  _ = RootView.render(state)
}
