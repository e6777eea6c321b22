import ETjanstDomain

extension ExportTable {
  /// The audit trail, oldest first: when the change was saved, by whom, what kind,
  /// and old → new per entity and field. The kind is its word in the table and its
  /// stable name (`GrantAccess`) in CSV and JSON, as every choice is.
  public static func audit(_ entries: [AuditEntry], _ language: Language) -> ExportTable {
    ExportTable(
      columns: ["at", "login", "name", "kind", "what", "changes"],
      rows: entries.map { entry in
        [
          .time(entry.at), .text(entry.login), .text(entry.name ?? ""),
          entry.kind.map { .label($0, ChangeKind.label($0)) } ?? .text(""),
          .text(entry.summary(language)), .text(entry.details(language)),
        ]
      })
  }
}
