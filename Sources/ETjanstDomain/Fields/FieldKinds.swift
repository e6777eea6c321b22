import Foundation

// The kinds of field the entities are made of, each with how it reads for people.
// Empty and absent values read as "" so the reader can say "(empty)" in its own way.

extension Field where Value == String {
  /// Text of one line (`cleaning: .multiline` for several).
  public static func text(
    _ name: String, _ label: LocalizedText, _ path: WritableKeyPath<Entity, String>,
    cleaning: TextCleaning.Kind = .line
  )
    -> Field
  {
    var f = Field(name, label, path) { v, _ in LocalizedText(verbatim: v) }
    f.places.cleaning = cleaning
    return f
  }
}

extension Field where Value == Int {
  /// The number kept inside `range` (a `StoredRange`).
  public func ranged(_ range: ClosedRange<Int>) -> Field {
    var f = self
    f.places.range = range
    return f
  }
}

extension Field where Value == Int? {
  /// The number, when there is one, kept inside `range` (a `StoredRange`).
  public func ranged(_ range: ClosedRange<Int>) -> Field {
    var f = self
    f.places.range = range
    return f
  }
}

extension Field where Value == String? {
  public static func text(
    _ name: String, _ label: LocalizedText, _ path: WritableKeyPath<Entity, String?>
  )
    -> Field
  {
    Field(name, label, path) { v, _ in LocalizedText(verbatim: v ?? "") }
  }
}

extension Field where Value == String {
  /// A login the store records for a person (a manager): read as that person's name.
  public static func login(
    _ name: String, _ label: LocalizedText, _ path: WritableKeyPath<Entity, String>
  ) -> Field {
    Field(name, label, path) { v, m in LocalizedText(verbatim: m.displayName(login: v)) }
  }
}

extension Field where Value == String? {
  /// A login the store records for who did something: read as that person's name.
  public static func login(
    _ name: String, _ label: LocalizedText, _ path: WritableKeyPath<Entity, String?>
  ) -> Field {
    Field(name, label, path) { v, m in LocalizedText(verbatim: v.map(m.displayName) ?? "") }
  }
}

extension Field where Value == [String] {
  /// A list of lines (paper forms replaced, say).
  public static func lines(
    _ name: String, _ label: LocalizedText, _ path: WritableKeyPath<Entity, [String]>
  )
    -> Field
  {
    var f = Field(name, label, path) { v, _ in LocalizedText(verbatim: v.joined(separator: "; ")) }
    f.places.cleaning = .line
    return f
  }
}

extension Field where Value == Bool {
  public static func flag(
    _ name: String, _ label: LocalizedText, _ path: WritableKeyPath<Entity, Bool>
  )
    -> Field
  {
    Field(name, label, path) { v, _ in v ? FieldTexts.yes : FieldTexts.no }
  }
}

extension Field where Value == Int {
  public static func number(
    _ name: String, _ label: LocalizedText, _ path: WritableKeyPath<Entity, Int>
  )
    -> Field
  {
    Field(name, label, path) { v, _ in LocalizedText(verbatim: String(v)) }
  }
}

extension Field where Value == Int? {
  public static func number(
    _ name: String, _ label: LocalizedText, _ path: WritableKeyPath<Entity, Int?>
  )
    -> Field
  {
    Field(name, label, path) { v, _ in LocalizedText(verbatim: v.map(String.init) ?? "") }
  }
}

extension Field where Value == Day {
  public static func day(
    _ name: String, _ label: LocalizedText, _ path: WritableKeyPath<Entity, Day>
  )
    -> Field
  {
    Field(name, label, path) { v, _ in LocalizedText(verbatim: v.description) }
  }
}

extension Field where Value == Day? {
  public static func day(
    _ name: String, _ label: LocalizedText, _ path: WritableKeyPath<Entity, Day?>
  )
    -> Field
  {
    Field(name, label, path) { v, _ in LocalizedText(verbatim: v?.description ?? "") }
  }
}

extension Field where Value == Date {
  public static func time(
    _ name: String, _ label: LocalizedText, _ path: WritableKeyPath<Entity, Date>
  )
    -> Field
  {
    Field(name, label, path) { v, _ in LocalizedText(verbatim: FieldTexts.time(v)) }
  }
}

extension Field where Value == Date? {
  public static func time(
    _ name: String, _ label: LocalizedText, _ path: WritableKeyPath<Entity, Date?>
  )
    -> Field
  {
    Field(name, label, path) { v, _ in LocalizedText(verbatim: v.map(FieldTexts.time) ?? "") }
  }
}

extension Field where Value == EntityID<Department> {
  public static func department(
    _ name: String, _ label: LocalizedText, _ path: WritableKeyPath<Entity, EntityID<Department>>
  ) -> Field {
    Field(name, label, path) { v, m in LocalizedText(verbatim: m.departmentName(v)) }
  }
}

extension Field where Value: FieldedEntity {
  /// A value made of fields of its own, merged part by part.
  public static func nested(
    _ name: String, _ label: LocalizedText, _ path: WritableKeyPath<Entity, Value>
  )
    -> Field
  {
    Field(
      name, label, path, describe: { v, m in Value.describe(v, in: m) },
      merge: { b, t, y in threeWay(b, t, y) ?? Value.merge(base: b, theirs: t, yours: y) },
      parts: { old, new, ma, mb in Value.fieldChanges(from: old, to: new, before: ma, after: mb) })
  }
}

extension Field {
  /// A value that may be absent and is made of fields of its own: merged part by
  /// part while it exists in every version, else as a whole.
  public static func nested<Inner: FieldedEntity>(
    _ name: String, _ label: LocalizedText, _ path: WritableKeyPath<Entity, Inner?>
  ) -> Field where Value == Inner? {
    Field(
      name, label, path,
      describe: { v, m in v.map { Inner.describe($0, in: m) } ?? LocalizedText(verbatim: "") },
      merge: { b, t, y in
        if let plain = threeWay(b, t, y) { return plain }
        guard let b, let t, let y else { return nil }
        return Inner.merge(base: b, theirs: t, yours: y)
      },
      parts: { old, new, ma, mb in
        guard let old, let new else {
          return [
            FieldChange(
              name: "", label: LocalizedText(verbatim: ""), old: old, new: new,
              oldText: old.map { Inner.describe($0, in: ma) } ?? LocalizedText(verbatim: ""),
              newText: new.map { Inner.describe($0, in: mb) } ?? LocalizedText(verbatim: ""))
          ]
        }
        return Inner.fieldChanges(from: old, to: new, before: ma, after: mb)
      })
  }

  /// A list of entities with keys (access grants, checklist items, comments): an
  /// element added, changed or removed by you is kept beside what others did to
  /// other elements; both changing the same element's same field is a conflict.
  public static func keyed<Element: FieldedEntity>(
    _ name: String, _ label: LocalizedText, _ path: WritableKeyPath<Entity, [Element]>
  ) -> Field where Value == [Element] {
    Field(
      name, label, path,
      describe: { v, m in
        let parts = v.map { Element.describe($0, in: m) }
        return LocalizedText(
          sv: parts.map(\.sv).joined(separator: "; "), en: parts.map(\.en).joined(separator: "; "))
      },
      merge: { b, t, y in threeWay(b, t, y) ?? KeyedMerge.merge(base: b, theirs: t, yours: y) },
      parts: { old, new, ma, mb in KeyedMerge.changes(from: old, to: new, before: ma, after: mb) })
  }
}

extension FieldedEntity {
  /// The whole entity as one line: its name and its non-empty fields.
  public static func describe(_ e: Self, in m: Municipality) -> LocalizedText {
    describeFields(e, in: m, name: e.readableName(in: m))
  }

  static func describeFields(_ e: Self, in m: Municipality, name: String) -> LocalizedText {
    var sv: [String] = []
    var en: [String] = []
    for f in fields {
      let text = f.text(of: e, in: m)
      guard !text.sv.isEmpty else { continue }
      sv.append("\(f.label.sv): \(text.sv)")
      en.append("\(f.label.en): \(text.en)")
    }
    let prefix = name.isEmpty ? "" : name + " "
    if sv.isEmpty { return LocalizedText(verbatim: name) }
    return LocalizedText(
      sv: prefix + "(" + sv.joined(separator: ", ") + ")",
      en: prefix + "(" + en.joined(separator: ", ") + ")")
  }
}

/// Words the field model uses when it reads values for people.
enum FieldTexts {
  static let yes = LocalizedText(sv: "ja", en: "yes")
  static let no = LocalizedText(sv: "nej", en: "no")

  /// "2026-11-27 10:07", the municipality's local time.
  static func time(_ date: Date) -> String {
    let c = Day.calendar.dateComponents([.hour, .minute], from: date)
    return String(format: "%@ %02d:%02d", Day(date).description, c.hour ?? 0, c.minute ?? 0)
  }
}

extension Field {
  /// The id an entity is told from its siblings by, stored as its first field.
  public static func id<Owner>(
    _ path: WritableKeyPath<Entity, EntityID<Owner>>, name: String = "id"
  ) -> Field where Value == EntityID<Owner> {
    Field(name, LocalizedText(sv: "Id", en: "Id"), path) { v, _ in
      LocalizedText(verbatim: v.rawValue)
    }
  }
}

extension Field where Value == String? {
  /// An e-mail address, or none: one address as `MailAddress` reads it (no spaces or
  /// line breaks, one @ between a name and a domain); empty is none.
  public static func email(
    _ name: String, _ label: LocalizedText, _ path: WritableKeyPath<Entity, String?>
  ) -> Field {
    var f = Field(name, label, path) { v, _ in LocalizedText(verbatim: v ?? "") }
    f.places.cleaning = .line
    f.places.check = { v in
      guard let v, MailAddress.normalized(v) != v else { return nil }
      return LocalizedText(
        sv: "'\(v)' är ingen e-postadress (namn@domän, utan mellanslag)",
        en: "'\(v)' is not an e-mail address (name@domain, no spaces)")
    }
    return f
  }
}

/// The fields every person the store knows has, a user and a staff member alike,
/// declared once for both: each entity's `Fields` names them.
public enum PersonFields {
  /// The person's own e-mail address, read by an import under e-post, e-mail or mail.
  public static func email<Entity>(_ path: WritableKeyPath<Entity, String?>) -> Field<
    Entity, String?
  > {
    Field.email("email", LocalizedText(sv: "E-post", en: "E-mail"), path)
      .column(importNames: ["e-mail", "mail", "epost", "e-postadress"])
  }

  /// The language the person reads (absent: Swedish), read under språk or language.
  public static func language<Entity>(_ path: WritableKeyPath<Entity, Language?>) -> Field<
    Entity, Language?
  > {
    Field("language", LocalizedText(sv: "Språk", en: "Language"), path) { v, _ in
      v?.label ?? LocalizedText(verbatim: "")
    }.column(importNames: ["sprak"])
  }
}
