import FuzzSupport
import Sharehouse

// CSV and TSV bytes through the whole import path: each input is read as a .csv file and
// as a .tsv file, with the snapshot's metadata given as options (ImportHarness).
let csv = ImportHarness(fileName: "fuzz.csv", format: .csv, optionsMetadata: true,
                        seed: Array("entity,period,value\nCN,2025-08,17.1\nUS,2025-08,15.8\n".utf8))
let tsv = ImportHarness(fileName: "fuzz.tsv", format: .tsv, optionsMetadata: true,
                        seed: Array("entity\tperiod\tvalue\nCN\t2025-08\t17.1\nUS\t2025-08\t15.8\n".utf8))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = inputBytes(data, size)
    csv.run(bytes)
    tsv.run(bytes)
    return 0
}

@main
struct CSVImportFuzzer {
    static func main() { runFuzzer(fuzzOneInput) }
}
