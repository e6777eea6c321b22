import ETjanstDomain

/// One screenful as a grid of cells: what a view draws into and what the terminal
/// layer copies to the screen. Views never see the terminal, and tests compare
/// frames as text.
public struct Frame: Equatable, Sendable {
  public let width: Int
  public let height: Int
  public private(set) var cells: [Cell]
  /// Texts `put` had to cut to fit, where and as given: a test finds words cut where
  /// the text could have wrapped.
  public private(set) var cuts: [Cut] = []
  /// The boxes drawn (`Box.draw`), in order: a test finds a dialog's border.
  public var boxes: [Rect] = []

  /// A text cut by `put`.
  public struct Cut: Equatable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var text: String
  }

  public init(width: Int, height: Int) {
    self.width = max(0, width)
    self.height = max(0, height)
    cells = Array(repeating: Cell(), count: self.width * self.height)
  }

  /// A blank frame `width` by `height` in `reusing`'s memory when it has the room and
  /// no other frame shares it: the run loop draws each frame into the one presented
  /// before the last, so a key allocates no screenful (in the pty a new one at 80×24
  /// took ~20 µs of a press, blanking a reused one ~10 µs).
  public init(width: Int, height: Int, reusing: consuming Frame) {
    var cells = reusing.cells
    var cuts = reusing.cuts
    var boxes = reusing.boxes
    _ = consume reusing
    self.width = max(0, width)
    self.height = max(0, height)
    let count = self.width * self.height
    if cells.count == count {
      cells.withUnsafeMutableBufferPointer { $0.update(repeating: Cell()) }
    } else {
      cells = Array(repeating: Cell(), count: count)
    }
    cuts.removeAll(keepingCapacity: true)
    boxes.removeAll(keepingCapacity: true)
    self.cells = cells
    self.cuts = cuts
    self.boxes = boxes
  }

  public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

  public subscript(x: Int, y: Int) -> Cell {
    get { cells[y * width + x] }
    set { cells[y * width + x] = newValue }
  }

  /// Writes `text` at (x, y), clipped to `maxWidth` columns and to the frame;
  /// returns the columns used. Control characters become U+FFFD, so nothing that
  /// slipped past cleaning can move the cursor.
  @discardableResult
  public mutating func put(
    _ text: String, x: Int, y: Int, style: CellStyle = .plain, maxWidth: Int? = nil
  ) -> Int {
    guard y >= 0, y < height, x < width else { return 0 }
    let limit = min(maxWidth ?? width, width - max(0, x))
    var column = x
    var used = 0
    for character in text {
      let shown: Character =
        character.unicodeScalars.contains { TextCleaning.isUnsafe($0.value) }
        ? "\u{FFFD}" : character
      let w = TextWidth.of(shown)
      if w == 0 { continue }
      if used + w > limit {
        cuts.append(Cut(x: x, y: y, width: limit, text: text))
        break
      }
      if column >= 0 {
        keepWhole(column, y)
        if w == 2 { keepWhole(column + 1, y) }
        self[column, y] = Cell(shown, style: style)
        if w == 2 { self[column + 1, y] = Cell(text: "", style: style) }
      }
      column += w
      used += w
    }
    return used
  }

  /// Before (x, y) is overwritten: a wide character one half of which lies there is
  /// blanked whole, so no half of it is left for the terminal to draw a column off
  /// (a border shifted right, a stray letter beside a dialog).
  private mutating func keepWhole(_ x: Int, _ y: Int) {
    if self[x, y].isEmpty, x > 0 {
      self[x - 1, y] = Cell(ascii: UInt8(ascii: " "), style: self[x - 1, y].style)
    } else if x + 1 < width, self[x + 1, y].isEmpty {
      self[x + 1, y] = Cell(ascii: UInt8(ascii: " "), style: self[x + 1, y].style)
    }
  }

  /// Copies `other` whole with its top left corner at (x, y), clipped to this frame,
  /// and the cuts made drawing it: a part drawn once and shown again. A wide character
  /// half covered at either edge is blanked whole, as `put` does.
  public mutating func copy(_ other: Frame, x: Int, y: Int) {
    let columns = max(0, x)..<min(width, x + other.width)
    guard !columns.isEmpty else { return }
    for row in 0..<other.height where y + row >= 0 && y + row < height {
      keepWhole(columns.lowerBound, y + row)
      keepWhole(columns.upperBound - 1, y + row)
      let from = row * other.width + columns.lowerBound - x
      let to = (y + row) * width + columns.lowerBound
      // Cell by cell through the buffers: `replaceSubrange` took its generic path here.
      other.cells.withUnsafeBufferPointer { source in
        cells.withUnsafeMutableBufferPointer { target in
          for i in 0..<columns.count { target[to + i] = source[from + i] }
        }
      }
    }
    for cut in other.cuts {
      cuts.append(Cut(x: cut.x + x, y: cut.y + y, width: cut.width, text: cut.text))
    }
  }

  /// Sets the style of every cell in `rect`, keeping the text.
  public mutating func paint(_ rect: Rect, style: CellStyle) {
    for y in rect.rows where y >= 0 && y < height {
      for x in rect.columns where x >= 0 && x < width { self[x, y].style = style }
    }
  }

  /// Blanks `rect` with the given style.
  public mutating func clear(_ rect: Rect, style: CellStyle = .plain) {
    let blank = Cell(ascii: UInt8(ascii: " "), style: style)
    for y in rect.rows where y >= 0 && y < height {
      for x in rect.columns where x >= 0 && x < width {
        keepWhole(x, y)
        self[x, y] = blank
      }
    }
  }

  /// Whether row `y` holds the same cells as `other`'s row `row`, over `columns` (both
  /// frames of one width). Here, where `Cell`'s equality is seen, so the comparison is
  /// made for cells and not through the generic path, where each cell's equality is a
  /// call through a witness table (at every frame the terminal compares every row with
  /// the last frame's).
  public func sameRow(_ y: Int, as other: Frame, row: Int, columns: Range<Int>) -> Bool {
    let start = y * width
    let otherStart = row * other.width
    return cells[start + columns.lowerBound..<start + columns.upperBound]
      == other.cells[otherStart + columns.lowerBound..<otherStart + columns.upperBound]
  }

  /// The text of one row, wide characters counted once.
  public func line(_ y: Int) -> String {
    (0..<width).map { self[$0, y].text }.joined()
  }

  /// Every row's text, for tests and goldens.
  public var lines: [String] { (0..<height).map(line) }

  /// Whether any row contains `text`.
  public func contains(_ text: String) -> Bool { lines.contains { $0.contains(text) } }
}

/// One column of the screen: a grapheme (empty for the second column of a wide
/// character) and how it looks.
///
/// Plain data, written by hand rather than holding a `String`: the grapheme's UTF-8 is
/// kept in two words (at most 15 bytes, its length in the last byte), so a frame of
/// 1,920 cells is made, copied, compared and freed as memory. With a `String` per cell
/// each of those touched every cell's reference count, at every key. A grapheme of
/// more than 15 bytes (a long emoji sequence, many combining marks) keeps the scalars
/// that fit: its first character, which is what a terminal shows in one cell.
public struct Cell: Equatable, Sendable {
  private var low: UInt64 = 0
  private var high: UInt64 = 0
  public var style: CellStyle

  public init(text: String = " ", style: CellStyle = .plain) {
    self.style = style
    store(text.unicodeScalars)
  }

  public init(_ character: Character, style: CellStyle = .plain) {
    self.style = style
    let utf8 = character.utf8
    if utf8.count == 1, let byte = utf8.first {
      self = Cell(ascii: byte, style: style)
    } else {
      store(character.unicodeScalars)
    }
  }

  /// A cell of one ASCII character (a blank, most often), made without encoding.
  public init(ascii byte: UInt8, style: CellStyle = .plain) {
    self.style = style
    low = UInt64(byte)
    high = 1 << 56
  }

  /// The grapheme.
  public var text: String {
    get {
      let count = utf8Count
      guard count > 0 else { return "" }
      return String(unsafeUninitializedCapacity: count) { buffer in
        for i in 0..<count { buffer[i] = byte(i) }
        return count
      }
    }
    set {
      low = 0
      high = 0
      store(newValue.unicodeScalars)
    }
  }

  /// The second column of a wide character.
  public var isEmpty: Bool { utf8Count == 0 }

  /// The length of the grapheme in UTF-8.
  public var utf8Count: Int { Int(high >> 56) }

  /// The byte, when the cell holds one ASCII character.
  public var ascii: UInt8? { utf8Count == 1 ? byte(0) : nil }

  private func byte(_ i: Int) -> UInt8 {
    UInt8(truncatingIfNeeded: i < 8 ? low >> (8 * i) : high >> (8 * (i - 8)))
  }

  private mutating func store<Scalars: Sequence<Unicode.Scalar>>(_ scalars: Scalars) {
    var count = 0
    for scalar in scalars {
      let bytes = scalar.utf8
      guard count + bytes.count <= 15 else { break }
      for byte in bytes {
        if count < 8 {
          low |= UInt64(byte) << (8 * count)
        } else {
          high |= UInt64(byte) << (8 * (count - 8))
        }
        count += 1
      }
    }
    high |= UInt64(count) << 56
  }
}

/// How a cell looks: attributes that work on every terminal, plus optional colours
/// (dropped under NO_COLOR by the theme, never by the views).
public struct CellStyle: Hashable, Sendable {
  public var attributes: Attributes
  public var foreground: PaletteColor?
  public var background: PaletteColor?

  public init(
    _ attributes: Attributes = [], foreground: PaletteColor? = nil, background: PaletteColor? = nil
  ) {
    self.attributes = attributes
    self.foreground = foreground
    self.background = background
  }

  public static let plain = CellStyle()
}

public struct Attributes: OptionSet, Hashable, Sendable {
  public let rawValue: UInt8
  public init(rawValue: UInt8) { self.rawValue = rawValue }
  public static let bold = Attributes(rawValue: 1)
  public static let reverse = Attributes(rawValue: 2)
  public static let underline = Attributes(rawValue: 4)
  public static let dim = Attributes(rawValue: 8)
}

/// The eight colours every colour terminal has.
public enum PaletteColor: Int, Hashable, Sendable, CaseIterable {
  case black, red, green, yellow, blue, magenta, cyan, white
}

/// A rectangle of cells.
public struct Rect: Equatable, Sendable {
  public var x: Int
  public var y: Int
  public var width: Int
  public var height: Int

  public init(x: Int, y: Int, width: Int, height: Int) {
    self.x = x
    self.y = y
    self.width = max(0, width)
    self.height = max(0, height)
  }

  public var rows: Range<Int> { y..<(y + height) }
  public var columns: Range<Int> { x..<(x + width) }
  public var maxY: Int { y + height }
  public var maxX: Int { x + width }

  public func inset(by n: Int) -> Rect {
    Rect(x: x + n, y: y + n, width: width - 2 * n, height: height - 2 * n)
  }

  /// A rectangle of the given size centred in this one.
  public func centered(width w: Int, height h: Int) -> Rect {
    let w = min(w, width)
    let h = min(h, height)
    return Rect(x: x + (width - w) / 2, y: y + (height - h) / 2, width: w, height: h)
  }

  /// The top `n` rows, and the rest.
  public func splitTop(_ n: Int) -> (Rect, Rect) {
    let n = min(max(0, n), height)
    return (
      Rect(x: x, y: y, width: width, height: n),
      Rect(x: x, y: y + n, width: width, height: height - n)
    )
  }

  /// The bottom `n` rows, and the rest above.
  public func splitBottom(_ n: Int) -> (rest: Rect, bottom: Rect) {
    let n = min(max(0, n), height)
    return (
      Rect(x: x, y: y, width: width, height: height - n),
      Rect(x: x, y: maxY - n, width: width, height: n)
    )
  }

  /// The left `n` columns, and the rest.
  public func splitLeft(_ n: Int) -> (Rect, Rect) {
    let n = min(max(0, n), width)
    return (
      Rect(x: x, y: y, width: n, height: height),
      Rect(x: x + n, y: y, width: width - n, height: height)
    )
  }
}
