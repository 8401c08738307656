/// The day of a timestamp as a listing writes it: `2024-07-18T08:56:00.000Z` (the Hub),
/// `2024-07-18 08:56:00+00:00` (pandas), `2024-07-18 08:56:00` (DuckDB) or a bare
/// `2024-07-18`. The day is taken as written, in the time zone the text gives (the Hub
/// and the study write UTC), never shifted.
enum ListingTimestamp {
    static let expected = "a date or timestamp such as 2024-07-18 or 2024-07-18T08:56:00Z"

    static func day(_ text: Substring) -> CalendarDate? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 10, let date = CalendarDate(text.prefix(10)) else { return nil }
        guard bytes.count > 10 else { return date }
        guard bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " ") else { return nil }
        var index = 11
        func digits(_ count: Int) -> Bool {
            guard index + count <= bytes.count, bytes[index..<index + count].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
                return false
            }
            index += count
            return true
        }
        func byte(_ character: Character) -> Bool {
            guard index < bytes.count, bytes[index] == character.asciiValue else { return false }
            index += 1
            return true
        }
        // HH:MM, then :SS and a fraction if given.
        guard digits(2), byte(":"), digits(2) else { return nil }
        if byte(":") {
            guard digits(2) else { return nil }
            if byte(".") {
                guard digits(1) else { return nil }
                while digits(1) {}
            }
        }
        // A zone: Z, or +HH, +HHMM, +HH:MM (or -).
        if index < bytes.count {
            if byte("Z") {
            } else if byte("+") || byte("-") {
                guard digits(2) else { return nil }
                if byte(":") {
                    guard digits(2) else { return nil }
                } else {
                    _ = digits(2)
                }
            } else {
                return nil
            }
        }
        return index == bytes.count ? date : nil
    }
}
