import Foundation

/// An opened workspace: its configuration, templates and a renderer, ready for a command to use.
public struct Workspace: Sendable {
    public let configuration: Configuration
    public let templates: TemplateSet
    /// Problems found while opening: in loa.yml, the credentials file and the templates.
    public let diagnostics: [Diagnostic]

    /// The loa.yml a command uses: `--config`, else `$LOA_CONFIG`, else `./loa.yml`.
    public static func configFile(option: String?, environment: [String: String]) -> URL {
        let path = option ?? environment["LOA_CONFIG"].flatMap { $0.isEmpty ? nil : $0 } ?? "loa.yml"
        return URL(fileURLWithPath: path).standardizedFileURL
    }

    /// Opens the workspace of `configFile`; nil when loa.yml cannot be used at all.
    public static func open(
        configFile: URL,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> (Workspace?, [Diagnostic]) {
        let outcome = ConfigurationLoader(environment: environment).load(from: configFile)
        guard let configuration = outcome.configuration else { return (nil, outcome.diagnostics) }
        let templates = TemplateSet(directory: configuration.templatesDirectory)
        let diagnostics = outcome.diagnostics + templates.diagnostics
        return (Workspace(configuration: configuration, templates: templates, diagnostics: diagnostics), diagnostics)
    }

    /// A renderer for this workspace's templates and time zone.
    public func renderer(now: Date = Date()) -> Renderer {
        Renderer(templates: templates, timeZone: configuration.timeZone, now: now)
    }

    /// Reads the queue.
    public func loadQueue() -> Queue {
        Queue.load(configuration)
    }
}
