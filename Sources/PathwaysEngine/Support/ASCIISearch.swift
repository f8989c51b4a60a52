extension String {
    /// Whether the text holds this ASCII character; a byte scan, where `contains("\n")` would go through
    /// Foundation's locale-aware search (a measurable share of loading a bundle).
    func hasASCII(_ c: Unicode.Scalar) -> Bool {
        utf8.contains(UInt8(ascii: c))
    }
}
