import ETjanstDomain

extension SplicedXML {
  /// The length of the longest text between two tags in the bytes this save encodes,
  /// counted as `PropertyListPreScan` counts it. The runs copied from the old file
  /// begin and end with a tag and passed the reader's limit when it was read, so
  /// only the encoded bytes need looking at.
  func longestText() -> Int {
    bytes.withUnsafeBufferPointer { bytes in
      var longest = 0
      var start = 0
      for i in 0..<bytes.count {
        switch bytes[i] {
        case UInt8(ascii: "<"): longest = max(longest, i - start)
        case UInt8(ascii: ">"): start = i + 1
        default: continue
        }
      }
      return max(longest, bytes.count - start)
    }
  }

  /// Why the reader would refuse these bytes, or nil: the last check before a save,
  /// so that no path (a text the domain's limits let through, one read from the file
  /// that re-encodes longer, as a raw ">" does) writes a store that cannot be read.
  func refusal() -> String? {
    let longest = longestText()
    guard longest > StoreLimits.fileTextBytes else { return nil }
    return "a text of \(longest) bytes, over the \(StoreLimits.fileTextBytes) bytes "
      + "the reader takes; nothing was saved"
  }
}
