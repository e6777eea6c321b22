import ETjanstDomain
import Foundation

// An entity's columns in `list` and in an import's header row, built from its field
// declarations (`FieldedEntity.storedFields`, `Field.column`): the column's key,
// its heading (the field's label), its cells, the header names an import takes and
// how it reads a cell. What this file knows is how each *type* of value is written
// to a cell (`ExportCell`) and read from one (`ImportCell`).

/// A type of value `list` writes: one cell, or a reference's name and its id (the
/// column's key with "Id").
protocol ExportCell {
  /// The columns' key suffixes: [""], or ["", "Id"] for a name and an id.
  static var suffixes: [String] { get }
  func cells(_ m: Municipality) -> [ExportValue]
}

extension ExportCell {
  static var suffixes: [String] { [""] }
}

/// A type of value an import reads from a cell.
protocol ImportCell {
  /// The value a non-empty cell (or the empty cell of a required column) holds.
  static func parse(_ text: String, _ context: ImportContext) throws -> Self
  /// Whether the column's "…Id" is read as the same column.
  static var readsID: Bool { get }
}

extension ImportCell {
  static var readsID: Bool { false }
}

/// What reading a cell may need besides its text.
struct ImportContext {
  var municipality: Municipality { lookup.m }
  /// The store's lists by what a cell names, each answer computed once.
  var lookup: CaseImport.Lookup
  var delimiter: UnicodeScalar
  /// The field's label, for messages ("unknown audience 'x'").
  var what: LocalizedText
}

/// One column of an entity's table.
struct FieldColumnSpec<Entity>: @unchecked Sendable {
  // @unchecked: key paths inside the closures are immutable values.
  var key: String
  var label: LocalizedText
  var inTable: Bool
  var value: (Entity, Municipality) -> ExportValue
}

/// One column an import reads into an entity.
struct FieldImportSpec<Entity>: @unchecked Sendable {
  var key: String
  var names: [String]
  var read: (inout Entity, String, ImportContext) throws -> Void
}

enum FieldColumns {
  /// The export columns of `fields`, in their order; a nested value's fields take
  /// the place of the nested field.
  static func export<Entity>(_ fields: [AnyField<Entity>]) -> [FieldColumnSpec<Entity>] {
    columns(fields) { field, column in
      func open<F: TypedField<Entity>>(_ typed: F) -> [FieldColumnSpec<Entity>] {
        guard let type = F.Value.self as? any ExportCell.Type else {
          preconditionFailure("list cannot write \(F.Value.self) (\(field.name))")
        }
        return cells(type, typed.field, column)
      }
      return open(field.typed)
    }
  }

  /// What `leaf` makes of each field with a column, a nested value's fields
  /// (the roles) in the place of the nested field.
  private static func columns<Entity, R>(
    _ fields: [AnyField<Entity>], _ leaf: (AnyField<Entity>, FieldColumn) -> [R]
  ) -> [R] {
    fields.flatMap { field -> [R] in
      if let column = field.column { return leaf(field, column) }
      func open<F: TypedField<Entity>>(_ typed: F) -> [R] {
        guard let inner = F.Value.self as? any FieldedEntity.Type else { return [] }
        return columns(nested(inner, typed.field), leaf)
      }
      return open(field.typed)
    }
  }

  private static func cells<V: ExportCell, Entity, Value>(
    _: V.Type, _ field: Field<Entity, Value>, _ column: FieldColumn
  ) -> [FieldColumnSpec<Entity>] {
    let path = field.keyPath as! KeyPath<Entity, V>
    return V.suffixes.enumerated().map { i, suffix in
      FieldColumnSpec(
        key: column.key + suffix,
        label: suffix.isEmpty
          ? field.label : LocalizedText(sv: field.label.sv + " (id)", en: field.label.en + " (id)"),
        inTable: column.inTable && suffix.isEmpty,
        value: { e, m in e[keyPath: path].cells(m)[i] })
    }
  }

  /// The fields of a nested value as fields of the entity holding it.
  private static func nested<Inner: FieldedEntity, Entity, Value>(
    _: Inner.Type, _ outer: Field<Entity, Value>
  ) -> [AnyField<Entity>] {
    let field = outer as! Field<Entity, Inner>
    return Inner.storedFields.map { $0.within(field) }
  }

  /// The columns an import reads into `fields`, under the column's key, its
  /// labels in both languages and the declared other names (all lowercase).
  static func imports<Entity>(_ fields: [AnyField<Entity>]) -> [FieldImportSpec<Entity>] {
    columns(fields) { field, column in
      guard column.imported else { return [] }
      func open<F: TypedField<Entity>>(_ typed: F) -> [FieldImportSpec<Entity>] {
        guard let type = F.Value.self as? any ImportCell.Type else {
          preconditionFailure("an import cannot read \(F.Value.self) (\(field.name))")
        }
        return [reader(type, typed.field, column)]
      }
      return open(field.typed)
    }
  }

  private static func reader<V: ImportCell, Entity, Value>(
    _: V.Type, _ field: Field<Entity, Value>, _ column: FieldColumn
  ) -> FieldImportSpec<Entity> {
    let path = field.keyPath as! WritableKeyPath<Entity, V>
    var names = [column.key, field.label.sv, field.label.en] + column.importNames
    // An id column beside it ("departmentId") is read by ImportFile as a second form
    // of the same value, so it is not one of the names (two names of one key in a
    // header are refused).
    if field.key != column.key { names.append(field.key) }
    var unique: [String] = []
    for name in names.map({ $0.lowercased() }) where !unique.contains(name) { unique.append(name) }
    let label = field.label
    return FieldImportSpec(
      key: column.key, names: unique,
      read: { e, text, context in
        var context = context
        context.what = LocalizedText(sv: label.sv.lowercased(), en: label.en.lowercased())
        e[keyPath: path] = try V.parse(text, context)
      })
  }
}

extension FieldColumns {
  /// The header names of `columns` merged into an import's `known` ones: a key both
  /// have (a person's "email") reads under either's names.
  static func known<Entity>(_ known: [String: [String]], _ columns: [FieldImportSpec<Entity>])
    -> [String: [String]]
  {
    known.merging(columns.map { ($0.key, $0.names) }) { a, b in a + b.filter { !a.contains($0) } }
  }

  /// `entity` with the non-empty cells of `columns` read into it.
  static func read<Entity>(
    _ columns: [FieldImportSpec<Entity>], into entity: Entity, _ cell: (String) -> String,
    _ context: ImportContext
  ) throws -> Entity {
    var e = entity
    for column in columns {
      let text = cell(column.key)
      if !text.isEmpty { try column.read(&e, text, context) }
    }
    return e
  }
}

extension ExportTable {
  /// The table with the columns of `fields` added after its own, for `entities`, its
  /// rows in the same order (the columns a person's declared details make).
  func appending<Entity>(_ fields: [AnyField<Entity>], of entities: [Entity], _ m: Municipality)
    -> ExportTable
  {
    let specs = FieldColumns.export(fields)
    var table = self
    table.columns += specs.map(\.key)
    table.rows = zip(rows, entities).map { row, e in row + specs.map { $0.value(e, m) } }
    if var narrow = table.narrow {
      narrow += specs.filter(\.inTable).map(\.key)
      table.narrow = narrow
    }
    for spec in specs { table.labels[spec.key] = spec.label }
    return table
  }
}

/// A column worked out from an entity rather than declared with a field, placed
/// after the column it names (`after` nil: at the end).
struct DerivedColumn<Entity> {
  var key: String
  var after: String?
  var inTable = false
  var value: (Entity) -> ExportValue
}

extension ExportTable {
  /// The columns of `fields` with the derived ones each after the column it names,
  /// for the rows of `entities`; the default table holds the columns marked so.
  static func fielded<Entity>(
    _ entities: [Entity], _ fields: [AnyField<Entity>], _ m: Municipality,
    derived: [DerivedColumn<Entity>]
  ) -> ExportTable {
    typealias Column = (
      key: String, label: LocalizedText?, inTable: Bool, value: (Entity) -> ExportValue
    )
    var columns: [Column] = FieldColumns.export(fields).map { c in
      (c.key, c.label, c.inTable, { c.value($0, m) })
    }
    for d in derived {
      var i = d.after.flatMap { a in columns.firstIndex { $0.key == a }.map { $0 + 1 } }
      // Several after one column keep their order.
      while let j = i, j < columns.count, derived.contains(where: { $0.key == columns[j].key }) {
        i = j + 1
      }
      columns.insert((d.key, nil, d.inTable, d.value), at: i ?? columns.count)
    }
    var labels: [String: LocalizedText] = [:]
    for c in columns { if let l = c.label { labels[c.key] = l } }
    return ExportTable(
      columns: columns.map(\.key),
      rows: entities.map { e in columns.map { $0.value(e) } },
      narrow: columns.filter(\.inTable).map(\.key), labels: labels)
  }
}

// MARK: - The types of value

extension String: ExportCell, ImportCell {
  func cells(_ m: Municipality) -> [ExportValue] { [.text(self)] }
  static func parse(_ text: String, _ context: ImportContext) throws -> String { text }
}

extension Int: ExportCell, ImportCell {
  func cells(_ m: Municipality) -> [ExportValue] { [.number(self)] }
  static func parse(_ text: String, _ context: ImportContext) throws -> Int {
    guard let n = try ImportValue.count(text) else {
      throw BadCell("'\(text)' är inget antal", "'\(text)' is not a number")
    }
    return n
  }
}

extension Bool: ExportCell, ImportCell {
  func cells(_ m: Municipality) -> [ExportValue] { [.bool(self)] }
  static func parse(_ text: String, _ context: ImportContext) throws -> Bool {
    try ImportValue.bool(text)
  }
}

extension Day: ExportCell, ImportCell {
  func cells(_ m: Municipality) -> [ExportValue] { [.day(self)] }
  static func parse(_ text: String, _ context: ImportContext) throws -> Day {
    guard let day = try ImportValue.day(text) else {
      throw BadCell("datum saknas (ÅÅÅÅ-MM-DD)", "a date is missing (YYYY-MM-DD)")
    }
    return day
  }
}

/// A list: its elements' cells as lists (a list of departments: their names, and
/// their ids in the "…Id" column).
extension Array: ExportCell where Element: ExportCell {
  static var suffixes: [String] { Element.suffixes }
  func cells(_ m: Municipality) -> [ExportValue] {
    let each = map { $0.cells(m) }
    return Element.suffixes.indices.map { i in .list(each.map { $0[i].text }) }
  }
}

extension Array: ImportCell where Element == String {
  static func parse(_ text: String, _ context: ImportContext) throws -> [String] {
    ImportValue.list(text, fileDelimiter: context.delimiter)
  }
}

extension Optional: ExportCell where Wrapped: ExportCell {
  static var suffixes: [String] { Wrapped.suffixes }
  func cells(_ m: Municipality) -> [ExportValue] {
    self?.cells(m) ?? Wrapped.suffixes.map { _ in .none }
  }
}

extension Optional: ImportCell where Wrapped: ImportCell {
  static var readsID: Bool { Wrapped.readsID }
  static func parse(_ text: String, _ context: ImportContext) throws -> Wrapped? {
    text.isEmpty ? nil : try Wrapped.parse(text, context)
  }
}

/// An id: a department's is written as its name and its id, and read by either;
/// any other as itself.
extension EntityID: ExportCell, ImportCell {
  static var suffixes: [String] { Owner.self == Department.self ? ["", "Id"] : [""] }
  static var readsID: Bool { Owner.self == Department.self }
  func cells(_ m: Municipality) -> [ExportValue] {
    guard let department = self as? EntityID<Department> else { return [.text(rawValue)] }
    return [.text(m.departmentName(department)), .text(rawValue)]
  }
  static func parse(_ text: String, _ context: ImportContext) throws -> EntityID {
    guard Owner.self == Department.self else { return EntityID(text) }
    return EntityID(try context.lookup.department(text).rawValue)
  }
}

extension PersonRef: ExportCell, ImportCell {
  static var suffixes: [String] { ["", "Id"] }
  func cells(_ m: Municipality) -> [ExportValue] {
    if case .staff(let id) = self { return [.text(m.personName(self)), .text(id.rawValue)] }
    return [.text(m.personName(self)), .none]
  }
  static func parse(_ text: String, _ context: ImportContext) throws -> PersonRef {
    ServiceImport.person(text, context.lookup) ?? .named(name: text, email: "")
  }
}

/// A choice written as its stable key (its label in the text table) and read by
/// its key or its label in either language.
protocol LabelledChoice: ExportCell, ImportCell, RawRepresentable<String>, CaseIterable {
  var label: LocalizedText { get }
}

extension LabelledChoice {
  func cells(_ m: Municipality) -> [ExportValue] { [.label(rawValue, label)] }
  static func parse(_ text: String, _ context: ImportContext) throws -> Self {
    guard
      let value = try ImportValue.choice(
        text, Array(allCases), key: \.rawValue, label: \.label, what: context.what)
    else { throw BadCell("\(context.what.sv) saknas", "the \(context.what.en) is missing") }
    return value
  }
}

extension Audience: LabelledChoice {}
extension Language: LabelledChoice {}
extension ServiceStatus: LabelledChoice {}
