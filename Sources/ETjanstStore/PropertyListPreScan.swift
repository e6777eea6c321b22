import ETjanstDomain
import Foundation

/// A cheap look at a file's bytes before any property-list parser sees them, so that
/// what would crash or mislead a parser is refused with a reason instead:
///
/// - nesting deeper than `maximumDepth` (a recursive parser runs out of stack long
///   before it runs out of input: about 9,600 levels crash Foundation's XML scanner);
/// - in XML, characters XML 1.0 does not allow, raw or as `&#…;` references (plistlib
///   refuses such a file, and a save would write them back);
/// - a single string longer than `maximumStringBytes` (no field is meant to hold
///   megabytes, and every screen would measure it on every frame);
/// - anything that is neither XML nor a binary property list (JSON, the old OpenStep
///   text format, garbage).
///
/// Hand-written and linear, one pass, no recursion: it must never be the thing that
/// crashes. It does not decide what the file means; the decoder and `StoreValidation`
/// do that after it.
public enum PropertyListPreScan {
  public static let maximumDepth = 64
  public static let maximumStringBytes = StoreLimits.fileTextBytes

  /// Nil when the bytes may be handed to a parser, else why not, in words that never
  /// quote the file (its bytes could be anything).
  public static func problem(in data: Data) -> String? {
    data.withUnsafeBytes { raw -> String? in
      let bytes = raw.bindMemory(to: UInt8.self)
      if bytes.isEmpty { return "the file is empty" }
      if bytes.starts(with: Array("bplist".utf8)) { return BinaryScan(bytes).problem() }
      var start = 0
      if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
      while start < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
      guard start < bytes.count, bytes[start] == UInt8(ascii: "<") else {
        return "neither an XML nor a binary property list"
      }
      var scan = XMLScan(bytes, from: start)
      return scan.problem()
    }
  }

  /// Whether a Unicode scalar value may appear in an XML 1.0 document.
  static func isXMLCharacter(_ value: UInt32) -> Bool {
    switch value {
    case 0x09, 0x0A, 0x0D: return true
    case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
    default: return false
    }
  }

  static func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }
}

/// The XML half: element depth, forbidden characters, text length.
private struct XMLScan {
  let bytes: UnsafeBufferPointer<UInt8>
  var index: Int
  var line = 1

  init(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) {
    self.bytes = bytes
    index = start
  }

  mutating func problem() -> String? {
    var depth = 0
    var textStart = index
    while index < bytes.count {
      let byte = bytes[index]
      if byte == 0x0A { line += 1 }
      if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D {
        return "line \(line): control character \(PropertyListPreScan.hex(UInt32(byte))) "
          + "(XML does not allow it)"
      }
      if byte == UInt8(ascii: "&"), bytes.count > index + 1, bytes[index + 1] == UInt8(ascii: "#") {
        if let problem = characterReference() { return problem }
        continue
      }
      guard byte == UInt8(ascii: "<") else {
        index += 1
        continue
      }
      if index - textStart > PropertyListPreScan.maximumStringBytes {
        return "line \(line): a text of more than \(PropertyListPreScan.maximumStringBytes) bytes"
      }
      let next = index + 1 < bytes.count ? bytes[index + 1] : 0
      if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") {
        // A comment, a declaration or a processing instruction: no depth.
        let end: StaticString = next == UInt8(ascii: "!") && starts("<!--") ? "-->" : ">"
        guard skip(past: end) else { return "line \(line): a declaration that never ends" }
      } else {
        let closing = next == UInt8(ascii: "/")
        guard skip(past: ">") else { return "line \(line): a tag that never ends" }
        let selfClosing = bytes[index - 2] == UInt8(ascii: "/")
        if closing {
          depth -= 1
        } else if !selfClosing {
          depth += 1
          if depth > PropertyListPreScan.maximumDepth {
            return "line \(line): nested more than \(PropertyListPreScan.maximumDepth) levels deep"
          }
        }
      }
      textStart = index
    }
    return nil
  }

  /// Whether the bytes at `index` are `text`. A StaticString, and no array made per
  /// call: this runs for every byte inside a tag.
  private func starts(_ text: StaticString) -> Bool {
    let count = text.utf8CodeUnitCount
    guard index + count <= bytes.count else { return false }
    let pattern = text.utf8Start
    for k in 0..<count where bytes[index + k] != pattern[k] { return false }
    return true
  }

  /// Moves past the next `end`, counting lines; false when the file ends first.
  private mutating func skip(past end: StaticString) -> Bool {
    let first = end.utf8Start[0]
    while index < bytes.count {
      let byte = bytes[index]
      if byte == 0x0A { line += 1 }
      if byte == first, starts(end) {
        index += end.utf8CodeUnitCount
        return true
      }
      index += 1
    }
    return false
  }

  /// `&#27;` or `&#x1B;`: refused when it names a character XML does not allow.
  private mutating func characterReference() -> String? {
    var cursor = index + 2
    var radix: UInt32 = 10
    if cursor < bytes.count,
      bytes[cursor] == UInt8(ascii: "x") || bytes[cursor] == UInt8(ascii: "X")
    {
      radix = 16
      cursor += 1
    }
    var value: UInt32 = 0
    var digits = 0
    while cursor < bytes.count, let digit = Self.digit(bytes[cursor], radix: radix) {
      value = min(value &* radix &+ digit, 0x11_0000)
      digits += 1
      cursor += 1
    }
    index = cursor
    if digits > 0, !PropertyListPreScan.isXMLCharacter(value) {
      return
        "line \(line): a reference to character \(PropertyListPreScan.hex(min(value, 0x10FFFF))) "
        + "(XML does not allow it)"
    }
    return nil
  }

  private static func digit(_ byte: UInt8, radix: UInt32) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16:
      return UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F") where radix == 16:
      return UInt32(byte - UInt8(ascii: "A") + 10)
    default: return nil
    }
  }
}

/// The binary half: walks the object table (every reference checked against the
/// file's bounds) and computes each container's depth without recursion. A cycle
/// of references is refused too: a recursive reader would never come back.
private struct BinaryScan {
  let bytes: UnsafeBufferPointer<UInt8>

  init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  private func integer(at offset: Int, size: Int) -> Int? {
    guard size >= 1, size <= 8, offset >= 0, offset + size <= bytes.count else { return nil }
    var value: UInt64 = 0
    for i in 0..<size { value = value << 8 | UInt64(bytes[offset + i]) }
    return value > UInt64(Int.max) ? nil : Int(value)
  }

  func problem() -> String? {
    let broken = "a binary property list with a broken object table"
    guard bytes.count >= 40 else { return broken }
    let trailer = bytes.count - 32
    guard let offsetSize = integer(at: trailer + 6, size: 1),
      let referenceSize = integer(at: trailer + 7, size: 1),
      let objectCount = integer(at: trailer + 8, size: 8),
      let top = integer(at: trailer + 16, size: 8),
      let tableOffset = integer(at: trailer + 24, size: 8),
      (1...8).contains(offsetSize), (1...8).contains(referenceSize),
      objectCount > 0, top < objectCount, objectCount <= trailer,
      tableOffset <= trailer, objectCount <= (trailer - tableOffset) / offsetSize
    else { return broken }
    func offset(_ object: Int) -> Int? {
      guard let at = integer(at: tableOffset + object * offsetSize, size: offsetSize), at < trailer
      else { return nil }
      return at
    }
    /// The references a container holds, or [] for a scalar; nil when out of bounds.
    func children(_ object: Int) -> (refs: Int, count: Int)? {
      guard let at = offset(object) else { return nil }
      let marker = bytes[at]
      let kind = marker >> 4
      var count = Int(marker & 0x0F)
      var start = at + 1
      if count == 0x0F, [0xA, 0xC, 0xD, 0x5, 0x6, 0x4].contains(kind) {
        guard start < trailer, bytes[start] >> 4 == 0x1 else { return nil }
        let size = 1 << Int(bytes[start] & 0x0F)
        guard let length = integer(at: start + 1, size: size) else { return nil }
        count = length
        start += 1 + size
      }
      switch kind {
      case 0x5, 0x6, 0x4:
        let length = kind == 0x6 ? count.multipliedReportingOverflow(by: 2).partialValue : count
        guard length >= 0, count <= Int.max / 2, length <= trailer - start else { return nil }
        return (start, 0)
      case 0xA, 0xC, 0xD:
        guard count <= Int.max / 2 else { return nil }
        let references = kind == 0xD ? count * 2 : count
        guard references <= (trailer - start) / referenceSize else { return nil }
        return (start, references)
      default:
        return (start, 0)
      }
    }
    /// Bytes of a string object (0 for anything else).
    func stringLength(_ object: Int) -> Int {
      guard let at = offset(object) else { return 0 }
      let kind = bytes[at] >> 4
      guard [0x5, 0x6, 0x4].contains(kind) else { return 0 }
      var count = Int(bytes[at] & 0x0F)
      if count == 0x0F, at + 1 < trailer,
        let length = integer(at: at + 2, size: 1 << Int(bytes[at + 1] & 0x0F))
      {
        count = length
      }
      return kind == 0x6 ? count.multipliedReportingOverflow(by: 2).partialValue : count
    }
    // Heights by an explicit stack: state 0 unseen, 1 on the stack, 2 done; a done
    // object's height is known, so a shared one is walked once.
    let limit = PropertyListPreScan.maximumDepth
    var state = [UInt8](repeating: 0, count: objectCount)
    var height = [Int32](repeating: 0, count: objectCount)
    var stack: [(object: Int, next: Int, tallest: Int32)] = [(top, 0, 0)]
    state[top] = 1
    while let (object, next, tallest) = stack.last {
      guard let (refs, count) = children(object) else { return broken }
      if next == 0, stringLength(object) > PropertyListPreScan.maximumStringBytes {
        return "a text of more than \(PropertyListPreScan.maximumStringBytes) bytes"
      }
      guard next < count else {
        state[object] = 2
        height[object] = tallest + 1
        stack.removeLast()
        if !stack.isEmpty {
          stack[stack.count - 1].tallest = max(stack[stack.count - 1].tallest, tallest + 1)
        }
        continue
      }
      stack[stack.count - 1].next += 1
      guard let child = integer(at: refs + next * referenceSize, size: referenceSize),
        child < objectCount
      else { return broken }
      switch state[child] {
      case 1:
        return "a binary property list that contains itself"
      case 2:
        if stack.count + Int(height[child]) > limit {
          return "nested more than \(limit) levels deep"
        }
        stack[stack.count - 1].tallest = max(tallest, height[child])
      default:
        state[child] = 1
        stack.append((child, 0, 0))
        if stack.count > limit { return "nested more than \(limit) levels deep" }
      }
    }
    return nil
  }
}
