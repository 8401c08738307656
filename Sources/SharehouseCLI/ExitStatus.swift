import Foundation
import SharehouseDB

/// The exit statuses the README lists, from the `sysexits.h` family.
struct ExitStatus: Error {
    let code: Int32

    static let failure = ExitStatus(code: 1)
    static let badInput = ExitStatus(code: 65)
    static let missingInput = ExitStatus(code: 66)
    static let refused = ExitStatus(code: 77)

    init(code: Int32) { self.code = code }

    init(_ category: ErrorCategory) {
        switch category {
        case .badInput: self = .badInput
        case .missingInput: self = .missingInput
        case .refused: self = .refused
        case .failure: self = .failure
        }
    }
}
