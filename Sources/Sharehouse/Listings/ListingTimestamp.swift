/// The day of a timestamp as a listing writes it: `2024-07-18T08:56:00.000Z` (the Hub),
/// `2024-07-18 08:56:00+00:00` (pandas), `2024-07-18 08:56:00` (DuckDB) or a bare
/// `2024-07-18`. The day is taken as written, in the time zone the text gives (the Hub
/// and the study write UTC), never shifted.
enum ListingTimestamp {
    static let expected = "a date or timestamp such as 2024-07-18 or 2024-07-18T08:56:00Z"

    static func day(_ text: Substring) -> CalendarDate? {
        text.utf8.withContiguousStorageIfAvailable { day($0) } ?? Array(text.utf8).withUnsafeBufferPointer { day($0) }
    }

    /// The day of the timestamp in `bytes`, read in place: this runs on each of a
    /// listing's millions of models.
    static func day(_ bytes: UnsafeBufferPointer<UInt8>) -> CalendarDate? {
        guard bytes.count >= 10, let date = CalendarDate(ascii: bytes.prefix(10)) else { return nil }
        guard bytes.count > 10 else { return date }
        return isValidTime(bytes, from: 10) ? date : nil
    }

    /// True when `bytes[start...]` is a time after a date: `T` or a space, HH:MM, then :SS
    /// and a fraction if given, then a zone if given (Z, or +HH, +HHMM, +HH:MM, or -); each
    /// number in its range (a second of 60 for a leap second).
    private static func isValidTime(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        guard bytes[start] == UInt8(ascii: "T") || bytes[start] == UInt8(ascii: " ") else { return false }
        var time = Cursor(bytes: bytes, index: start + 1)
        guard time.number(atMost: 23), time.take(":"), time.number(atMost: 59) else { return false }
        if time.take(":") {
            guard time.number(atMost: 60) else { return false }
            if time.take(".") {
                guard time.digits(1) else { return false }
                while time.digits(1) {}
            }
        }
        if !time.atEnd {
            if time.take("Z") {
            } else if time.take("+") || time.take("-") {
                guard time.number(atMost: 23) else { return false }
                if time.take(":") {
                    guard time.number(atMost: 59) else { return false }
                } else if !time.atEnd {
                    guard time.number(atMost: 59) else { return false }
                }
            } else {
                return false
            }
        }
        return time.atEnd
    }

    /// A place in a timestamp's bytes, moved past what is expected there.
    private struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var index: Int

        var atEnd: Bool { index == bytes.count }

        /// Moves past `count` digits, if they are there.
        mutating func digits(_ count: Int) -> Bool {
            guard index + count <= bytes.count else { return false }
            for offset in index..<index + count where bytes[offset] < 0x30 || bytes[offset] > 0x39 { return false }
            index += count
            return true
        }

        /// Moves past two digits, if they are there and make at most `maximum`.
        mutating func number(atMost maximum: Int) -> Bool {
            guard digits(2) else { return false }
            return Int(bytes[index - 2] - 0x30) * 10 + Int(bytes[index - 1] - 0x30) <= maximum
        }

        /// Moves past `ascii`, if it is there.
        mutating func take(_ ascii: Unicode.Scalar) -> Bool {
            guard index < bytes.count, bytes[index] == UInt8(ascii: ascii) else { return false }
            index += 1
            return true
        }
    }
}
