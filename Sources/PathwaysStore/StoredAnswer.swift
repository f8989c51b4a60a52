import PathwaysEngine

/// An answer as stored inside the encryption: exactly one of the fields is set.
struct StoredAnswer: Codable, Equatable {
    var declined: Bool?
    var option: String?
    var options: [String]?
    var number: Double?
    var date: String?
    var text: String?

    init(_ a: Answer) {
        switch a {
        case .declined: declined = true
        case .value(.option(let o)): option = o
        case .value(.options(let os)): options = os
        case .value(.number(let n)): number = n
        case .value(.date(let d)): date = d.description
        case .value(.text(let t)): text = t
        }
    }

    /// The answer, or nil when the stored shape is not one Pathways writes.
    var answer: Answer? {
        let set = [declined != nil, option != nil, options != nil, number != nil, date != nil, text != nil].filter { $0 }.count
        guard set == 1 else { return nil }
        if let declined { return declined ? .declined : nil }
        if let option { return CaseLimits.isID(option) ? .value(.option(option)) : nil }
        if let options {
            return options.count <= CaseLimits.answers && options.allSatisfy(CaseLimits.isID) ? .value(.options(options)) : nil
        }
        if let number { return number.isFinite ? .value(.number(number)) : nil }
        if let date { return Day(date).map { .value(.date($0)) } }
        if let text { return text.utf8.count <= CaseLimits.textBytes ? .value(.text(text)) : nil }
        return nil
    }
}

extension CaseLimits {
    /// A content id as the store keeps it: not empty, not huge, no control characters.
    static func isID(_ s: String) -> Bool {
        !s.isEmpty && s.utf8.count <= idBytes && s.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7f }
    }
}
