import CNcursesw
import Foundation

/// ncursesw decodes input and measures output with the C locale's character set.
/// On a server LANG is often unset, which means ASCII: å ä ö vanish from the
/// screen and typing ä stalls input for good (get_wch waits for a character the
/// locale can never complete). So take the user's locale, and if it is not UTF-8,
/// switch only LC_CTYPE to a UTF-8 one (sorting and numbers stay the user's).
enum UTF8Locale {
  static func ensure() {
    setlocale(LC_ALL, "")
    if isUTF8 { return }
    // C.UTF-8 on glibc; the others for macOS and older systems.
    for name in ["C.UTF-8", "C.utf8", "UTF-8", "en_US.UTF-8"] {
      if setlocale(LC_CTYPE, name) != nil, isUTF8 { return }
    }
  }

  static var isUTF8: Bool {
    guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
    let name = String(cString: codeset).uppercased().replacingOccurrences(of: "-", with: "")
    return name == "UTF8"
  }
}
