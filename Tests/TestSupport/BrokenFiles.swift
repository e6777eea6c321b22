import Foundation

/// Files made to break a reader, shared by the store's tests and the end-to-end corpus.
public enum BrokenFiles {
  /// A binary property list: an array holding an array … `depth` levels deep, written
  /// by hand (Foundation's writer would itself recurse that deep).
  public static func deepBinaryList(depth: Int) -> Data {
    var data = Array("bplist00".utf8)
    var offsets: [Int] = []
    for i in 0..<depth {
      offsets.append(data.count)
      data += i == depth - 1 ? [0xA0] : [0xA1, UInt8((i + 1) >> 8), UInt8((i + 1) & 0xFF)]
    }
    let table = data.count
    for offset in offsets { data += [24, 16, 8, 0].map { UInt8((offset >> $0) & 0xFF) } }
    // Trailer: offsets of 4 bytes, references of 2, object count, top object 0, table.
    data += [0, 0, 0, 0, 0, 0, 4, 2]
    for value in [depth, 0, table] {
      data += (0..<8).reversed().map { UInt8((value >> ($0 * 8)) & 0xFF) }
    }
    return Data(data)
  }
}
