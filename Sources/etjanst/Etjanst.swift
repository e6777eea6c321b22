import ArgumentParser

/// `etjanst`: with no subcommand it opens the console; the subcommands serve
/// scripts, cron and spreadsheets. Every write goes through the same domain rules
/// and store lock as the console.
@main
struct Etjanst: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "etjanst",
    abstract:
      "The e-coordinator's console for the municipality's e-services (Riktlinjer för e-tjänster).",
    discussion: """
      Opens the console when no subcommand is given. The store is --store PATH, else \
      $ETJANST_STORE, else $XDG_DATA_HOME/etjanst/etjanst.plist (~/.local/share/...).
      """,
    subcommands: [
      OpenConsole.self, WriteDemo.self, List.self, Report.self, Check.self, Cases.self,
      Restore.self, Routines.self,
    ],
    defaultSubcommand: OpenConsole.self
  )
}
