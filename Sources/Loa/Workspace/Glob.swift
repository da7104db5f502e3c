import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Shell-style patterns (`zalo-*`, `fb-?`) for naming channels.
public enum Glob {
    /// Whether `name` matches `pattern`, as the shell matches a file name.
    public static func matches(_ pattern: String, _ name: String) -> Bool {
        fnmatch(pattern, name, 0) == 0
    }
}
