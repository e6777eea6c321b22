import Foundation

/// A 64-bit checksum of a file's bytes, to tell whether the file still holds the bytes
/// a load read before a save copies runs of it into the next version.
///
/// Not cryptographic: it catches another program (or a person) changing the file
/// without the lock, not forgery (whoever can write the store can write anything into
/// it). Hand-written for speed: it runs over a region's whole file (39 MB) at every
/// load and at every save that copies, and four independent multiply-xor lanes over
/// 8-byte words keep up with memory; Swift's `Hasher` (SipHash) is several times
/// slower, and Foundation has no CRC. Each lane's step is a bijection of its state
/// for a given word, so a change to any one word always changes the sum.
struct Checksum: Equatable, Sendable {
  private var a: UInt64 = 0x243F_6A88_85A3_08D3
  private var b: UInt64 = 0x1319_8A2E_0370_7344
  private var c: UInt64 = 0xA409_3822_299F_31D0
  private var d: UInt64 = 0x082E_FA98_EC4E_6C89
  /// Bytes of a block not yet 32 long, carried to the next `add`.
  private var carry: [UInt8] = []
  private var count: UInt64 = 0

  static let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15

  static func of(_ bytes: some ContiguousBytes) -> UInt64 {
    var sum = Checksum()
    bytes.withUnsafeBytes { sum.add($0) }
    return sum.value
  }

  mutating func add(_ bytes: UnsafeRawBufferPointer) {
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
    count &+= UInt64(bytes.count)
    var offset = 0
    if !carry.isEmpty {
      let take = min(32 - carry.count, bytes.count)
      carry.append(contentsOf: UnsafeRawBufferPointer(start: base, count: take))
      offset = take
      guard carry.count == 32 else { return }
      carry.withUnsafeBytes { mix($0.baseAddress!) }
      carry.removeAll(keepingCapacity: true)
    }
    while bytes.count - offset >= 32 {
      mix(base + offset)
      offset += 32
    }
    if offset < bytes.count {
      carry.append(
        contentsOf: UnsafeRawBufferPointer(start: base + offset, count: bytes.count - offset))
    }
  }

  private mutating func mix(_ p: UnsafeRawPointer) {
    func step(_ lane: inout UInt64, _ word: UInt64) {
      lane = (lane ^ word) &* Self.multiplier
      lane ^= lane >> 29
    }
    step(&a, p.loadUnaligned(fromByteOffset: 0, as: UInt64.self))
    step(&b, p.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
    step(&c, p.loadUnaligned(fromByteOffset: 16, as: UInt64.self))
    step(&d, p.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
  }

  /// The sum of everything added (the bytes left over padded with zeros, and the
  /// length mixed in, so trailing zero bytes count).
  var value: UInt64 {
    var copy = self
    if !copy.carry.isEmpty {
      let padded = copy.carry + [UInt8](repeating: 0, count: 32 - copy.carry.count)
      padded.withUnsafeBytes { copy.mix($0.baseAddress!) }
    }
    var h = copy.count &* Self.multiplier
    for lane in [copy.a, copy.b, copy.c, copy.d] {
      h = (h ^ lane) &* Self.multiplier
      h ^= h >> 31
    }
    return h
  }
}
