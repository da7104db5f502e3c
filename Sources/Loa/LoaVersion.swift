/// Loa's version, sent as `User-Agent: loa/<version>` and shown by `loa --version`.
public enum LoaVersion {
    public static let current = "0.1.0"
}
