import ETjanstDomain

/// Text typed or pasted into a widget (a form's field, the console's editor, a
/// list's filter), taken in one place: cleaned by `TextCleaning`, and bounded, so
/// a paste of a megabyte neither hangs the key loop nor lands in the store.
///
/// A widget edits its text through `TextCursor`, whose position is a UTF-8 offset:
/// finding it, inserting at the end and stepping one character are O(1) on a
/// native string, so a long field costs no more per key than a short one (the
/// position as a count of characters, with the text copied into an array and back
/// on every key, cost a walk of the whole text per key).
public enum TextInput {
  /// The most characters a one-line field (a name, a date, a number) holds: what the
  /// store may hold in one (`StoreLimits`), so a form never takes more than it may save.
  public static let lineLimit = StoreLimits.oneLineText
  /// The most characters a long text (a routine, a need) holds, likewise.
  public static let multilineLimit = StoreLimits.longText
  /// The most characters a list's filter or a choice's filter holds.
  public static let filterLimit = 200

  /// What `key` adds to a text that holds `count` characters of at most `limit`:
  /// a typed character, or a paste, cleaned as a line or as lines
  /// (`TextCleaning.typed`) and cut to the room left; `refused` counts the
  /// characters that did not fit. Nil for other keys.
  public static func insertion(_ key: Key, multiline: Bool, count: Int, limit: Int) -> (
    text: String, refused: Int
  )? {
    let room = max(0, limit - count)
    switch key {
    case .character(let c):
      guard room > 0 else { return ("", 1) }
      return (TextCleaning.typed(String(c), multiline: multiline), 0)
    case .paste(let raw, let dropped):
      let (text, refused) = cleaned(raw, multiline: multiline, room: room)
      return (text, refused + dropped)
    default: return nil
    }
  }

  /// A paste cleaned a piece at a time until the room is full: a megabyte pasted
  /// into a field of a thousand characters is cleaned only as far as it is taken,
  /// and the rest only counted. Pieces end between characters, so a CR LF or a
  /// letter with its accent is never split.
  static func cleaned(_ raw: String, multiline: Bool, room: Int) -> (text: String, refused: Int) {
    var text = ""
    var taken = 0
    var refused = 0
    var rest = Substring(raw)
    while !rest.isEmpty && taken < room {
      let chunk = rest.prefix(4_096)
      rest = rest[chunk.endIndex...]
      let piece = TextCleaning.typed(String(chunk), multiline: multiline)
      let length = piece.count
      if taken + length <= room {
        text += piece
        taken += length
      } else {
        text += piece.prefix(room - taken)
        refused += length - (room - taken)
        taken = room
      }
    }
    return (text, refused + rest.count)
  }

  /// The one-line note for characters a field did not take.
  public static func refusedNote(limit: Int, refused: Int) -> LocalizedText {
    LocalizedText(
      sv: "Fältet rymmer högst \(limit) tecken; \(refused) tecken togs inte emot.",
      en: "The field holds at most \(limit) characters; \(refused) were not taken.")
  }
}

/// A position in a text, kept as a UTF-8 offset (always at a character boundary).
public struct TextCursor: Equatable, Sendable {
  public var offset: Int

  public init(offset: Int = 0) { self.offset = offset }

  /// At the end of `text`.
  public static func end(of text: String) -> TextCursor { TextCursor(offset: text.utf8.count) }

  public func index(in text: String) -> String.Index {
    text.utf8.index(text.utf8.startIndex, offsetBy: min(offset, text.utf8.count))
  }

  /// The text before the cursor.
  public func before(in text: String) -> Substring { text[..<index(in: text)] }

  /// The usual editing keys on one line of `text`; false for a key it does not
  /// take. Inserting is `insert`.
  public mutating func edit(_ key: Key, _ text: inout String) -> Bool {
    let at = index(in: text)
    switch key {
    case .backspace where at > text.startIndex:
      let from = text.index(before: at)
      text.removeSubrange(from..<at)
      offset = text.utf8.distance(from: text.utf8.startIndex, to: from)
    case .delete where at < text.endIndex:
      text.removeSubrange(at..<text.index(after: at))
    case .left:
      if at > text.startIndex { move(to: text.index(before: at), text) }
    case .right:
      if at < text.endIndex { move(to: text.index(after: at), text) }
    case .home, .control("a"): offset = 0
    case .end, .control("e"): offset = text.utf8.count
    case .control("u"):
      text = ""
      offset = 0
    default: return false
    }
    return true
  }

  /// Inserts `piece` at the cursor and moves past it.
  public mutating func insert(_ piece: String, _ text: inout String) {
    text.insert(contentsOf: piece, at: index(in: text))
    offset += piece.utf8.count
  }

  private mutating func move(to index: String.Index, _ text: String) {
    offset = text.utf8.distance(from: text.utf8.startIndex, to: index)
  }
}
