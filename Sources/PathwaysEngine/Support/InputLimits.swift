/// How much of anything read from disk the tools accept. Files are possibly hostile; these bounds keep a
/// mistaken or malicious file from using unbounded memory, time or stack, and each is reported where it is hit.
public enum InputLimits {
    /// The largest content file, answers file or translations CSV, in bytes (16 MB: the shipped content's
    /// largest file is under 40 KB, a 10,000-question flow under 2 MB).
    public static let fileBytes = 16 << 20
    /// How deeply lists and mappings may nest in one YAML file (content needs about 6).
    public static let nestingDepth = 64
    /// Diagnostics shown per file; the rest are counted ("and N more").
    public static let diagnosticsPerFile = 50

    /// "16 MB", for messages.
    public static func describe(bytes: Int) -> String {
        if bytes >= 10 << 30 { return "\(bytes >> 30) GB" }
        return bytes >= 1 << 20 ? "\(bytes >> 20) MB" : bytes >= 1 << 10 ? "\(bytes >> 10) KB" : "\(bytes) bytes"
    }
}
