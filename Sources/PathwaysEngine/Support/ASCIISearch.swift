extension String {
    /// Whether the text holds this ASCII character; a byte scan, where `contains("\n")` would go through
    /// Foundation's locale-aware search (a measurable share of loading a bundle).
    func hasASCII(_ c: Unicode.Scalar) -> Bool {
        let byte = UInt8(ascii: c)
        // Native strings are contiguous UTF-8: search the bytes directly.
        return utf8.withContiguousStorageIfAvailable { $0.contains(byte) } ?? utf8.contains(byte)
    }
}
