import ETjanstDomain

extension ExportTable {
  /// The audit trail, oldest first: when the change was saved, by whom, what kind,
  /// and old → new per entity and field.
  public static func audit(_ entries: [AuditEntry], _ language: Language) -> ExportTable {
    ExportTable(
      columns: ["at", "login", "name", "kind", "what", "changes"],
      rows: entries.map { entry in
        [
          .time(entry.at), .text(entry.login), .text(entry.name ?? ""), .text(entry.kind ?? ""),
          .text(entry.summary(language)), .text(entry.details(language)),
        ]
      })
  }
}
