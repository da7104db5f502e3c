import CLoaSystem
import Foundation

/// Whether some bytes hold others, by the C library's `memmem`.
///
/// The generic collection search (`Data.range(of:)`, `String.contains`) was the slowest part of masking an answer
/// and of the Markdown rules' triggers; `memmem` is a few instructions a byte. `SupportTests` checks it against
/// the plain search.
enum ByteSearch {
    static func contains(_ haystack: some ContiguousBytes, _ needle: some ContiguousBytes) -> Bool {
        haystack.withUnsafeBytes { buffer in
            needle.withUnsafeBytes { wanted in
                // An empty needle is found everywhere; memmem needs a place to look.
                guard !wanted.isEmpty else { return true }
                guard wanted.count <= buffer.count, let base = buffer.baseAddress, let pattern = wanted.baseAddress
                else { return false }
                return loa_contains_bytes(base, buffer.count, pattern, wanted.count) != 0
            }
        }
    }

    /// Whether `needle` occurs in `text`, compared as UTF-8 bytes.
    static func contains(_ text: String, _ needle: String) -> Bool {
        var text = text
        var needle = needle
        return text.withUTF8 { haystack in
            needle.withUTF8 { contains(UnsafeRawBufferPointer(haystack), UnsafeRawBufferPointer($0)) }
        }
    }
}
