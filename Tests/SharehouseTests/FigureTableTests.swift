import Testing

@testable import Sharehouse

@Suite("FigureTable")
struct FigureTableTests {
    func value(_ number: Double) -> PublishedValue { PublishedValue(value: number, decimals: 1) }

    @Test func looksUpCodesWhateverOrderTheyCameIn() {
        var table = FigureTable()
        for (code, number) in [("US", 15.8), ("CN", 17.1), ("ZA", 0.4), ("AE", 1.0), ("DE", 3.2)] {
            table.append(code, value(number))
        }
        table.finish()
        #expect(table.codes == ["AE", "CN", "DE", "US", "ZA"])
        #expect(table["CN"]?.value == 17.1)
        #expect(table["ZA"]?.value == 0.4)
        #expect(table["AE"]?.value == 1.0)
        #expect(table["FR"] == nil)
        #expect(table["A"] == nil)
        #expect(table["ZZ"] == nil)
        #expect(FigureTable()["CN"] == nil)
    }

    @Test func ranksTiesTogetherAndSkipsTheNextRank() {
        let table = FigureTable([("US", value(10)), ("CN", value(20)), ("DE", value(10)), ("FR", value(5)), ("AE", value(20))])
        let ranking = table.ranking().map { (table.codes[$0.index], $0.rank) }
        #expect(ranking.map(\.0) == ["AE", "CN", "DE", "US", "FR"])
        #expect(ranking.map(\.1) == [1, 1, 3, 3, 5])
        #expect(table.ranks() == [1, 1, 3, 5, 3])  // aligned with codes AE, CN, DE, FR, US
    }

    @Test func topIsTheStartOfTheRanking() {
        let numbers: [Double] = [5, 20, 10, 20, 1, 10, 7, 20, 3, 10]
        let codes = ["JP", "CN", "US", "AE", "ZA", "DE", "FR", "BR", "IN", "GB"]
        let table = FigureTable(zip(codes, numbers).map { ($0, value($1)) })
        let ranking = table.ranking().map(\.index)
        for n in 0...12 {
            #expect(table.top(n) == Array(ranking.prefix(n)), "top \(n)")
        }
        #expect(table.top(3).map { table.codes[$0] } == ["AE", "BR", "CN"])
    }

    @Test func filtersKeepCodeOrderAndSums() {
        let table = FigureTable([("CN", value(17.1)), ("US", value(15.8)), ("DE", PublishedValue(value: 3.25, decimals: 2))])
        #expect(table.decimals == 2)
        #expect(abs(table.total - 36.15) < 1e-9)
        let some = table.filter(["US", "DE", "XX"])
        #expect(some.codes == ["DE", "US"])
        #expect(some["US"]?.value == 15.8)
    }
}
