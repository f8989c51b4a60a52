import Foundation

/// Where the content bundle shipped inside the binary's resources lives.
public enum ShippedContent {
    /// The folder of the shipped bundle, or nil when the resources are missing.
    public static var directory: URL? {
        Bundle.module.url(forResource: "Content", withExtension: nil)
    }
}
