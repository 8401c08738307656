import SharehouseDB
import Testing

@Suite("Text positions")
struct TextPositionTests {
    /// LF, CRLF and a lone CR each end one line; the column counts code points.
    @Test(arguments: ["\n", "\r\n", "\r"])
    func eachLineEndEndsOneLine(_ lineEnd: String) {
        var position = TextPosition()
        position.advance(past: Array(("ab" + lineEnd + lineEnd + "جد").utf8))
        #expect(position.location == SourceLocation(line: 3, column: 3))
    }

    @Test func aCRLFSplitAcrossTwoReadsIsStillOneLineEnd() {
        var position = TextPosition()
        position.advance(past: UInt8(ascii: "\r"))
        position.advance(past: UInt8(ascii: "\n"))
        position.advance(past: UInt8(ascii: "\n"))
        #expect(position.location == SourceLocation(line: 3, column: 1))
    }

    @Test func aRunOfColumnsEndsAnyCRBeforeIt() {
        var position = TextPosition()
        position.advance(past: UInt8(ascii: "\r"))
        position.advance(columns: 2)
        position.advance(past: UInt8(ascii: "\n"))
        #expect(position.location == SourceLocation(line: 3, column: 1))
    }

    @Test func lineEndsAreFoundAsTheReadersSplitLines() {
        let bytes = Array("a\r\nb\rc\nd\r".utf8)
        #expect(TextPosition.lineEnd(in: bytes, from: 0, atEndOfInput: false)! == (1, 3))
        #expect(TextPosition.lineEnd(in: bytes, from: 3, atEndOfInput: false)! == (4, 5))
        #expect(TextPosition.lineEnd(in: bytes, from: 5, atEndOfInput: false)! == (6, 7))
        #expect(TextPosition.lineEnd(in: bytes, from: 7, atEndOfInput: false) == nil, "a CR last may be half a CRLF")
        #expect(TextPosition.lineEnd(in: bytes, from: 7, atEndOfInput: true)! == (8, 9))
    }

    @Test(arguments: ["\n", "\r\n", "\r"])
    func anSQLByteOffsetIsPlacedAsAFileReaderPlacesIt(_ lineEnd: String) {
        let sql = "SELECT 1;" + lineEnd + "SELECT x;"
        let offset = sql.utf8.count - 2
        #expect(SourceLocation(byteOffset: offset, in: sql.utf8) == SourceLocation(line: 2, column: 8))
    }
}
