import ArgumentParser
import ETjanstDomain
import ETjanstStore
import Foundation

/// `etjanst gallra [--dry-run]`: gallring by the periods in the store's settings.
struct GallraCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "gallra",
    abstract:
      "Gallring: remove what is past the retention periods in the settings (try --dry-run).",
    discussion: """
      Removed staff go a set number of months after their end date (anonymised instead \
      while a kept case names them), closed cases a set number of months after they \
      closed, trail entries after a set number of years; the backups made before the \
      gallring are deleted, since they hold what it removed. The periods are set in the \
      console's settings (key i).
      """)

  @Flag(name: .customLong("dry-run"), help: "List what would go; change nothing.")
  var dryRun = false

  @OptionGroup var storeOptions: StoreOptions
  @OptionGroup var languageOption: LanguageOption
  @OptionGroup var lockWait: LockWaitOption

  func run() throws {
    let language = languageOption.language
    try reporting(language) {
      let (file, _, user) = try storeOptions.load()
      lockWait.apply(to: file, language)
      let now = Date()
      let report: GallringReport
      do {
        report =
          dryRun
          ? try file.gallringPreview(today: Day(now))
          : try file.gallra(actor: Actor(user), now: now)
      } catch {
        throw Failure(error)
      }
      // Quiet when nothing was removed, so cron mails only when gallring did something.
      if !dryRun && report.plan.isEmpty && report.trailEntries == 0 { return }
      for line in report.lines { Output.print(TextCleaning.printable(line(language))) }
      let cutoff = Day(report.plan.trailCutoff).description
      let trail =
        dryRun
        ? LocalizedText(
          sv: "loggposter sparade före \(cutoff): \(report.trailEntries) tas bort",
          en: "trail entries saved before \(cutoff): \(report.trailEntries) would go")
        : LocalizedText(
          sv: "loggposter sparade före \(cutoff): \(report.trailEntries) borttagna",
          en: "trail entries saved before \(cutoff): \(report.trailEntries) removed")
      Output.print(trail(language))
      if dryRun {
        if !report.plan.isEmpty {
          Output.print(
            LocalizedText(
              sv:
                "säkerhetskopior som tas bort, eftersom de innehåller det som gallras: \(report.backups)",
              en: "backups that would go, as they hold what is removed: \(report.backups)")(
                language))
        }
        if report.plan.isEmpty && report.trailEntries == 0 {
          Output.print(LocalizedText(sv: "inget att gallra", en: "nothing to remove")(language))
        }
      } else if !report.plan.isEmpty {
        Output.print(
          LocalizedText(
            sv: "säkerhetskopior: \(report.backups) borttagna",
            en: "backups: \(report.backups) removed")(
              language))
        if report.backupsLeft > 0 {
          let reason = report.backupsLeftReason ?? ""
          throw Failure(
            sv: "gallringen är gjord, men \(report.backupsLeft) äldre säkerhetskopior kunde "
              + "inte tas bort (\(reason)) och innehåller fortfarande det som gallrades",
            en: "gallring is done, but \(report.backupsLeft) older backups could not be "
              + "deleted (\(reason)) and still hold what it removed")
        }
      }
      // Copies made for off-host backup hold what gallring removes, and it cannot
      // reach them (nor the backup tool's archive): the operator is told where.
      if !report.plan.isEmpty || report.trailEntries > 0 {
        let made = LocalTime.text(now)
        for folder in file.offsiteFolders() {
          Output.print(
            LocalizedText(
              sv:
                "kopior för säkerhetskopiering utanför servern i \(folder) (etjanst backup --to) nås inte av gallringen: ta bort dem som gjordes före \(made), också i säkerhetskopieringens arkiv",
              en:
                "off-host copies in \(folder) (etjanst backup --to) are not reached by gallring: remove those made before \(made), in the backup tool's archive too"
            )(language))
        }
      }
    }
  }
}
