import Foundation

/// The one reader of a login (the operating system's user name a person signs in
/// with), for the forms, the imports, the command line's options, key mode and the
/// store's validation: after NFC, ASCII letters, digits, `.`, `-` and `_`, at most
/// `StoreLimits.loginLength` of them; upper case is folded to lower, as the system's
/// user names are. Anything else — a space, a full-width or accented letter, a
/// decomposed one — is refused, so one person is never two logins that look alike.
public enum Login {
  /// The login `text` names, folded to lower case, or nil when it is not one.
  public static func normalized(_ text: String) -> String? {
    // ASCII is its own NFC: Foundation's mapping (through NSString) was most of the
    // store's validation on a region, one login per staff member and user.
    let nfc =
      text.utf8.allSatisfy { $0 < 0x80 } ? text : text.precomposedStringWithCanonicalMapping
    guard !nfc.isEmpty, nfc.utf8.count <= StoreLimits.loginLength else { return nil }
    var out = [UInt8]()
    out.reserveCapacity(nfc.utf8.count)
    for byte in nfc.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
        UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"):
        out.append(byte)
      case UInt8(ascii: "A")...UInt8(ascii: "Z"): out.append(byte + 32)
      default: return nil
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Whether a login read from the store is one (upper case as older versions kept
  /// it is taken: it is folded wherever logins are matched).
  public static func isValid(_ stored: String) -> Bool { normalized(stored) != nil }

  /// The login `text` names (spaces around it aside), or a refusal for `field`.
  public static func parse(_ text: String, field: String = "login") throws(RuleViolation)
    -> String
  {
    let trimmed = text.trimmingCharacters(in: CharacterSet(charactersIn: " \t"))
    if trimmed.isEmpty {
      throw RuleViolation.required(field, LocalizedText(sv: "Inloggning", en: "Login"))
    }
    guard let login = normalized(trimmed) else { throw refusal(field: field) }
    return login
  }

  public static func refusal(field: String? = "login") -> RuleViolation {
    RuleViolation(
      field: field,
      LocalizedText(
        sv: "Inloggningen är datorns användarnamn: bara a–z, 0–9, punkt, bindestreck och "
          + "understreck, högst \(StoreLimits.loginLength) tecken.",
        en: "The login is the computer's user name: only a–z, 0–9, dot, hyphen and "
          + "underscore, at most \(StoreLimits.loginLength) characters."))
  }
}
