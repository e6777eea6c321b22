import ETjanstDomain

/// Puts a backup's state back as the current one. A command like any other, so a
/// restore goes through the domain's check of who may edit, the store's lock, a backup
/// of the state it replaces and the audit trail, and can itself be undone.
struct RestoreBackup: Command {
  let municipality: Municipality
  let backupName: String
  /// A backup is a state the reader has taken (`StoreFile.restore` reads it so).
  var checksStoreLimits: Bool { false }

  var summary: LocalizedText {
    LocalizedText(
      sv: "Återställde säkerhetskopian \(backupName)", en: "Restored the backup \(backupName)")
  }

  func apply(to municipality: inout Municipality, context: CommandContext) throws {
    municipality = self.municipality
  }
}
