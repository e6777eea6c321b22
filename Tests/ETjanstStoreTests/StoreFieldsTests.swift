import ETjanstDomain
import Foundation
import TestSupport
import Testing

@testable import ETjanstStore

/// The store's coding built from the field declarations (StoreFields).
@Suite struct StoreFieldsTests {
  /// Each e-service as Foundation's encoder writes it, and as the store does.
  func trees() throws -> [(EService, PropertyList.Dict, PropertyList.Dict)] {
    try samples().map { ($0.0, $0.1, $0.2) }
  }

  func samples() throws -> [(EService, PropertyList.Dict, PropertyList.Dict, Municipality)] {
    let encoder = PropertyListEncoder()
    encoder.outputFormat = .xml
    return try StoreCodecTests.samples().flatMap { _, m in
      try m.services.prefix(200).map { s in
        guard case .dict(let foundation) = try PropertyList.parse(try encoder.encode(s)),
          case .dict(let ours) = StoreCodec.encode(s)
        else { throw CocoaError(.coderInvalidValue) }
        return (s, foundation, ours, m)
      }
    }
  }

  @Test("every declared e-service field is written under its key as Foundation writes it")
  func everyFieldAsFoundation() throws {
    let trees = try trees()
    for field in EService.storedFields {
      // Somewhere in the samples the field holds a value (an optional is not absent
      // everywhere), so its key is checked against Foundation's tree, not skipped.
      #expect(trees.contains { $0.1[field.key] != nil }, "\(field.key) never set in the samples")
      for (s, foundation, ours) in trees {
        let difference = StoreCodecTests.firstDifference(
          ours[field.key].map { PropertyList.dict(.init([("v", $0)])) } ?? .dict(.init()),
          foundation[field.key].map { PropertyList.dict(.init([("v", $0)])) } ?? .dict(.init()),
          at: "\(s.name).\(field.key)")
        #expect(difference == nil)
      }
    }
    // And the declarations are all there is: every key Foundation writes is declared.
    let declared = Set(EService.storedFields.map(\.key))
    for (s, foundation, ours) in trees {
      #expect(Set(foundation.keys).subtracting(declared).isEmpty, "\(s.name)")
      #expect(ours.keys == EService.storedFields.map(\.key).filter { ours[$0] != nil })
    }
  }

  @Test("every declared e-service field is read back as it was written")
  func everyFieldRoundTrips() throws {
    for (s, _, ours, m) in try samples() {
      let read = try StoreCodec.service(try StoreCodec.In(.dict(ours), path: "s"))
      for field in EService.storedFields {
        #expect(
          field.text(of: read, in: m).sv == field.text(of: s, in: m).sv, "\(s.name).\(field.key)")
      }
      #expect(read == s)
    }
  }

  @Test("a number outside its field's declared range is refused with its key path")
  func declaredRangesValidated() throws {
    var m = try Fixtures.demo
    for field in EService.storedFields {
      guard let range = field.range else { continue }
      m = try Fixtures.demo
      func keyPath<F: TypedField<EService>>(_ f: F) -> AnyKeyPath { f.field.keyPath }
      let path = keyPath(field.typed)
      if let p = path as? WritableKeyPath<EService, Int> {
        m.services[1][keyPath: p] = range.upperBound + 1
      } else if let p = path as? WritableKeyPath<EService, Int?> {
        m.services[1][keyPath: p] = range.upperBound + 1
      } else {
        Issue.record("\(field.key): a range on a value that is not a number")
        continue
      }
      let refusal = try #require(StoreValidation.refusal(m), "\(field.key)")
      #expect(refusal.keyPath == "municipality.services[1].\(field.key)")
    }
  }

  @Test("a file written before a field existed reads it as the field declares")
  func absentKeys() throws {
    let s = try Fixtures.demo.services[0]
    guard case .dict(var dict) = StoreCodec.encode(s) else { return }
    for field in EService.storedFields {
      guard dict[field.key] != nil else { continue }
      var without = dict
      without.entries.removeAll { $0.0 == field.key }
      let read = Result { try StoreCodec.service(try StoreCodec.In(.dict(without), path: "s")) }
      // Either a value the declaration names (or nil for an optional), or refused
      // with the key named: never a crash or a silent default of the reader's own.
      if case .failure(let e as StoreCodec.DecodeFailure) = read {
        #expect(e.keyPath == "s.\(field.key)" && e.detail == "missing")
      }
    }
    dict.entries.removeAll()
    #expect(throws: StoreCodec.DecodeFailure.self) {
      try StoreCodec.service(try StoreCodec.In(.dict(dict), path: "s"))
    }
  }

  /// Each entity of `list` as Foundation's encoder writes it, beside the store's tree.
  func sameAsFoundation<E: StoredEntity & Encodable>(
    _ list: KeyPath<Municipality, [E]>, _ what: String, in samples: [(String, Municipality)]
  ) throws {
    let encoder = PropertyListEncoder()
    encoder.outputFormat = .xml
    var set: Set<String> = []
    for (name, m) in samples {
      for e in m[keyPath: list].prefix(500) {
        let foundation = try PropertyList.parse(try encoder.encode(e))
        let ours = StoreCodec.encode(e)
        #expect(
          StoreCodecTests.firstDifference(ours, foundation, at: "\(name).\(what)") == nil)
        guard case .dict(let d) = ours else { continue }
        // Written in the declared order, an absent optional left out.
        #expect(d.keys == E.storedFields.map(\.key).filter { d[$0] != nil })
        set.formUnion(d.keys)
        #expect(try E.readElement(try StoreCodec.In(ours, path: what)) == e)
      }
    }
    // Every declared key holds a value somewhere in the samples, so none is untested.
    for key in E.storedFields.map(\.key) where !set.contains(key) {
      Issue.record("\(what).\(key) never set in the samples")
    }
  }

  @Test("users and staff are written field by field as Foundation writes them, and read back")
  func peopleAsFoundation() throws {
    var samples = try StoreCodecTests.samples()
    // The values the samples hold nowhere else: a way to quit chosen, a removal's reason.
    samples[0].1.users[0].quitWith = .secondKey
    samples[0].1.staff[0].removalOverride = "Ärendena flyttas av chefen"
    try sameAsFoundation(\.users, "users", in: samples)
    try sameAsFoundation(\.staff, "staff", in: samples)
  }
}
