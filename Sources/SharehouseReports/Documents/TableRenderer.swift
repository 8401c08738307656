import Sharehouse

/// A plain-text table: a header row and aligned columns, separated by two spaces.
///
/// Widths count what a terminal shows: combining marks (Arabic tashkeel, accents) take
/// no column, East Asian wide characters and emoji take two.
public struct TableRenderer: Sendable {
    /// How a column's cells line up.
    public enum Alignment: Sendable {
        /// Flush left, for words.
        case left
        /// Flush right, for numbers.
        case right
    }

    /// A column: its title and alignment.
    public struct Column: Sendable {
        /// The column's title.
        public var title: String
        /// Left for words, right for numbers.
        public let alignment: Alignment

        /// A column aligned left.
        public static func left(_ title: String) -> Column { Column(title: title, alignment: .left) }
        /// A column aligned right.
        public static func right(_ title: String) -> Column { Column(title: title, alignment: .right) }
    }

    let columns: [Column]
    private(set) var rows: [[String]] = []

    /// A table with `columns` and no rows.
    public init(_ columns: [Column]) {
        self.columns = columns
    }

    /// Adds a row: one text per column.
    public mutating func append(_ row: [String]) {
        precondition(row.count == columns.count, "a row needs one cell per column")
        rows.append(row)
    }

    /// The widest line the table renders, in terminal columns.
    public var width: Int {
        let widths = columnWidths
        return widths.reduce(0, +) + 2 * max(0, widths.count - 1)
    }

    private var columnWidths: [Int] {
        var widths = columns.map { Self.displayWidth($0.title) }
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], Self.displayWidth(cell)) }
        }
        return widths
    }

    /// The table as aligned text: a header line, then a line per row.
    public func render() -> String {
        let widths = columnWidths
        let lines = [columns.map(\.title)] + rows
        return lines.map { cells in
            var line = ""
            for (index, cell) in cells.enumerated() {
                let padding = String(repeating: " ", count: widths[index] - Self.displayWidth(cell))
                let isLast = index == cells.count - 1
                switch columns[index].alignment {
                case .left: line += cell + (isLast ? "" : padding)
                case .right: line += padding + cell
                }
                if !isLast { line += "  " }
            }
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }

    static func displayWidth(_ text: String) -> Int {
        text.reduce(0) { total, character in
            guard let first = character.unicodeScalars.first else { return total }
            switch first.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format, .control: return total
            default: break
            }
            return total + (isWide(first) ? 2 : 1)
        }
    }

    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
            0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1FAFF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
