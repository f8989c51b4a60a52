/// What a stored case may hold; anything beyond is refused when saving and reported as changed when read.
enum CaseLimits {
    static let notesBytes = 64 * 1024
    static let textBytes = 64 * 1024
    static let idBytes = 200
    static let answers = 10_000
    static let exports = 1_000
    static let steps = 1_000_000
    /// Dates from 1970 to the year 3000.
    static let latestTime = 32_503_680_000.0
}
