import Foundation

/// A cheap look at a file's bytes before any property-list parser sees them, so that
/// what would crash or mislead a parser is refused with a reason instead:
///
/// - nesting deeper than `maximumDepth` (a recursive parser runs out of stack long
///   before it runs out of input: about 9,600 levels crash Foundation's XML scanner);
/// - in XML, bytes that are not characters of the file's encoding, characters XML 1.0
///   does not allow, raw or as `&#…;` references, and anything else the one tokenizer
///   (`XMLReader`, whose scanning mode this is) does not read (plistlib refuses such a
///   file, and a save would write them back);
/// - a single string longer than `maximumStringBytes` (no field is meant to hold
///   megabytes, and every screen would measure it on every frame);
/// - anything that is neither XML nor a binary property list (JSON, the old OpenStep
///   text format, garbage).
///
/// Linear, no recursion: it must never be the thing that crashes. It does not decide what the file means; the decoder and `StoreValidation`
/// do that after it.
public enum PropertyListPreScan {
  public static let maximumDepth = 64
  public static let maximumStringBytes = 1 << 20

  /// Nil when the bytes may be handed to a parser, else why not, in words that never
  /// quote the file (its bytes could be anything).
  public static func problem(in data: Data) -> String? {
    enum Kind {
      case binary(String?)
      case xml
      case neither
    }
    let kind = data.withUnsafeBytes { raw -> Kind in
      let bytes = raw.bindMemory(to: UInt8.self)
      if bytes.starts(with: Array("bplist".utf8)) { return .binary(BinaryScan(bytes).problem()) }
      var start = 0
      if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
      while start < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
      guard start < bytes.count, bytes[start] == UInt8(ascii: "<") || isUTF16(bytes) else {
        return .neither
      }
      return .xml
    }
    if data.isEmpty { return "the file is empty" }
    switch kind {
    case .binary(let problem): return problem
    case .neither: return "neither an XML nor a binary property list"
    case .xml: return xmlProblem(in: data)
    }
  }

  private static func isUTF16(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
  }

  /// The XML half: the one tokenizer in its scanning mode (`XMLReader.scan`), after
  /// the bytes are made UTF-8 if the file declares another encoding.
  private static func xmlProblem(in data: Data) -> String? {
    do {
      let utf8 = try PropertyListEncoding.transcoded(data) ?? data
      try utf8.withUnsafeBytes { raw in
        var reader = XMLReader(bytes: raw.bindMemory(to: UInt8.self))
        try reader.scan(maximumDepth: maximumDepth, maximumText: maximumStringBytes)
      }
      return nil
    } catch let error as PropertyListError {
      return error.description
    } catch {
      return "\(error)"
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
