/// The ranges every stored number keeps: wide enough for any value a person could
/// mean, narrow enough that sums over 100,000 records and day arithmetic stay far
/// from overflow. The rules refuse input outside them, and the store refuses a file
/// that holds a value outside them, so no arithmetic on a stored number can trap.
public enum StoredRange {
  public static let months = 0...12_000
  public static let days = 0...3_650_000
  public static let minutes = 0...5_256_000
  public static let volume = 0...1_000_000_000_000
  public static let score = -1_000...1_000
  /// 0001-01-01 to 9999-12-31 UTC, in seconds since 1970: the calendar names every
  /// day in between.
  public static let seconds: ClosedRange<Double> = -62_135_596_800...253_402_300_799
}
