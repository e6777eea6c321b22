/// A helper of the end-to-end tests could not do its part (a Python script
/// failed, a line could not be selected); the description says what and shows why.
struct HelperFailed: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
