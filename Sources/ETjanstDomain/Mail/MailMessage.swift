import Foundation

/// An e-mail address as `etjanst notify` accepts one from the store or the settings:
/// `local@domain`, the local part of ASCII letters, digits and `. _ % + -`, the domain
/// of dot-separated labels of letters, digits and hyphens. Anything else — a space, a
/// quote, an angle bracket, a line break — is no address, so nothing from the store
/// can end a header or add one.
public enum MailAddress {
  /// The address `text` is (spaces around it aside), or nil.
  public static func normalized(_ text: String) -> String? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard trimmed.utf8.count <= 254, let at = trimmed.lastIndex(of: "@") else { return nil }
    let local = trimmed[..<at]
    let domain = String(trimmed[trimmed.index(after: at)...])
    guard !local.isEmpty, local.utf8.count <= 64, isDomain(domain),
      local.utf8.allSatisfy({ isAlphanumeric($0) || "._%+-".utf8.contains($0) }),
      !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..")
    else { return nil }
    return trimmed
  }

  /// Whether `text` is a mail domain: labels of ASCII letters, digits and hyphens,
  /// none empty or longer than 63, at least two of them.
  public static func isDomain(_ text: String) -> Bool {
    let labels = text.split(separator: ".", omittingEmptySubsequences: false)
    guard labels.count >= 2, text.utf8.count <= 253 else { return false }
    return labels.allSatisfy { label in
      !label.isEmpty && label.utf8.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
        && label.utf8.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "-") }
    }
  }

  private static func isAlphanumeric(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
      || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
      || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
  }
}

/// One mail as `sendmail -t` reads it: headers naming its sender and one recipient,
/// then plain UTF-8 text. Every header value from the store is an RFC 2047 encoded
/// word (base64), so no name or subject can break a header line; each address is one
/// `MailAddress` accepts, the Message-ID's host a domain `MailAddress.isDomain` accepts.
public struct MailMessage: Sendable, Equatable {
  public var fromName: String
  public var fromAddress: String
  public var toName: String
  public var toAddress: String
  public var subject: String
  public var body: String
  public var date: Date
  /// The Message-ID without its angle brackets ("…@host").
  public var messageID: String

  public init(
    fromName: String, fromAddress: String, toName: String, toAddress: String,
    subject: String, body: String, date: Date, messageID: String
  ) {
    self.fromName = fromName
    self.fromAddress = fromAddress
    self.toName = toName
    self.toAddress = toAddress
    self.subject = subject
    self.body = body
    self.date = date
    self.messageID = messageID
  }

  /// The message's bytes: headers, a blank line, the body with LF line ends and no
  /// line over 998 bytes.
  public func rendered() -> String {
    var lines: [String] = []
    lines.append("From: " + Self.mailbox(fromName, fromAddress))
    lines.append("To: " + Self.mailbox(toName, toAddress))
    lines.append("Subject: " + Self.encodedWords(Self.oneLine(subject)))
    lines.append("Date: " + Self.dateFormatter.string(from: date))
    lines.append(
      "Message-ID: <\(Self.isMessageID(messageID) ? messageID : "invalid@invalid.invalid")>")
    lines.append("MIME-Version: 1.0")
    lines.append("Content-Type: text/plain; charset=utf-8")
    lines.append("Content-Transfer-Encoding: 8bit")
    lines.append("Auto-Submitted: auto-generated")
    lines.append("")
    let text = TextCleaning.printable(body, keepingLineBreaks: true)
    for line in (text.hasSuffix("\n") ? String(text.dropLast()) : text).split(
      separator: "\n", omittingEmptySubsequences: false)
    {
      lines.append(contentsOf: Self.wrapped(String(line), maxBytes: 900))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// "=?utf-8?B?…?= <a@b.se>": a name as encoded words and an address `MailAddress`
  /// accepts (else an invalid one, which the mailer refuses).
  static func mailbox(_ name: String, _ address: String) -> String {
    let name = oneLine(name)
    let address = MailAddress.normalized(address) ?? "invalid@invalid.invalid"
    return name.isEmpty ? address : encodedWords(name) + " <\(address)>"
  }

  /// Whether `id` is "local@host" with a local part of letters, digits and `.-_` and a
  /// host `MailAddress.isDomain` accepts.
  static func isMessageID(_ id: String) -> Bool {
    guard let at = id.lastIndex(of: "@") else { return false }
    let local = id[..<at]
    return !local.isEmpty && local.utf8.count <= 128
      && local.unicodeScalars.allSatisfy {
        ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
          || ".-_".unicodeScalars.contains($0)
      } && MailAddress.isDomain(String(id[id.index(after: at)...]))
  }

  /// A header value on one line: every control character (a line break among them)
  /// becomes a space.
  static func oneLine(_ text: String) -> String {
    String(
      String.UnicodeScalarView(
        TextCleaning.printable(text).unicodeScalars.map { $0 == "\u{FFFD}" ? " " : $0 }))
  }

  /// `text` as RFC 2047 encoded words (`=?utf-8?B?…?=`), each at most 64 characters,
  /// split only between characters and folded onto continuation lines.
  static func encodedWords(_ text: String) -> String {
    var words: [String] = []
    var chunk = Data()
    for character in text {
      let bytes = Data(String(character).utf8)
      // 39 bytes are 52 in base64; with "=?utf-8?B?" and "?=" a word is at most 64
      // characters, and its line with "Subject: " within 78.
      if chunk.count + bytes.count > 39, !chunk.isEmpty {
        words.append("=?utf-8?B?\(chunk.base64EncodedString())?=")
        chunk.removeAll()
      }
      chunk.append(bytes)
    }
    if !chunk.isEmpty || words.isEmpty {
      words.append("=?utf-8?B?\(chunk.base64EncodedString())?=")
    }
    return words.joined(separator: "\n ")
  }

  /// A body line cut into pieces of at most `maxBytes` UTF-8 bytes, between
  /// characters (RFC 5322 allows 998).
  static func wrapped(_ line: String, maxBytes: Int) -> [String] {
    guard line.utf8.count > maxBytes else { return [line] }
    var out: [String] = []
    var current = ""
    for character in line {
      if current.utf8.count + character.utf8.count > maxBytes {
        out.append(current)
        current = ""
      }
      current.append(character)
    }
    out.append(current)
    return out
  }

  /// "Mon, 07 Dec 2026 07:30:00 +0100": RFC 5322's date, in the municipality's zone.
  private static let dateFormatter: DateFormatter = {
    let f = DateFormatter()
    f.locale = Locale(identifier: "en_US_POSIX")
    f.calendar = Calendar(identifier: .gregorian)
    f.timeZone = LocalTime.zone
    f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
    return f
  }()
}
