import Foundation
import Mustache

/// The Mustache templates of a workspace, one per platform and optionally one per platform and category.
///
/// For a channel on platform `p` and an announcement of category `c`, the first that exists is used:
/// `templates/p.c.mustache`, `templates/p.mustache`, `templates/plain.mustache`, then Loa's built-in
/// template for `p`.
public struct TemplateSet: Sendable {
    private var templates: [String: MustacheTemplate]
    private let builtIn: [Platform: MustacheTemplate]
    /// The keys of `templates`, and the platforms of `builtIn`, whose text mentions `channel`: their output may
    /// differ from channel to channel.
    private var channelAware: Set<String> = []
    private var channelAwareBuiltIn: Set<Platform> = []
    /// Problems found while reading the folder.
    public private(set) var diagnostics: [Diagnostic] = []

    /// Only Loa's built-in templates.
    public init() {
        templates = [:]
        var builtIn: [Platform: MustacheTemplate] = [:]
        for platform in Platform.allCases {
            // The built-in templates are tested to parse; a failure here is a bug in Loa itself.
            builtIn[platform] = try? MustacheTemplate(string: BuiltInTemplates.text(for: platform))
            if BuiltInTemplates.text(for: platform).contains("channel") { channelAwareBuiltIn.insert(platform) }
        }
        self.builtIn = builtIn
    }

    /// The templates in `directory`, which need not exist.
    public init(directory: URL) {
        self.init()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        let platforms = Platform.allCases.map(\.rawValue)
        let categories = Category.allCases.map(\.rawValue)
        for name in names.sorted() where name.hasSuffix(".mustache") {
            let file = directory.appendingPathComponent(name)
            let display = DisplayPath.of(file)
            let key = String(name.dropLast(".mustache".count))
            let parts = key.split(separator: ".", maxSplits: 1).map(String.init)
            if !platforms.contains(parts[0]) || (parts.count == 2 && !categories.contains(parts[1])) {
                diagnostics.append(
                    Diagnostic(
                        .warning,
                        area: .configuration,
                        file: display,
                        message: Message.templateNeverUsed(),
                        hint: Message.templateNamesHint([
                            "platforms": platforms.joined(separator: ", "),
                            "categories": categories.joined(separator: ", "),
                        ])
                    )
                )
                continue
            }
            guard let text = try? String(contentsOf: file, encoding: .utf8) else {
                let problem = FileProblem.unreadableText(file.path)
                diagnostics.append(Diagnostic(area: .configuration, file: display, message: problem))
                continue
            }
            do {
                templates[key] = try MustacheTemplate(string: VietnameseText.nfc(text))
                for problem in TemplateTags.problems(in: text, names: Renderer.variableNames) {
                    diagnostics.append(
                        Diagnostic(area: .configuration, file: display, line: problem.line, message: problem.message)
                    )
                }
                if text.contains("channel") { channelAware.insert(key) }
                if !text.contains("CONTENT_TYPE: TEXT") {
                    diagnostics.append(
                        Diagnostic(
                            .warning,
                            area: .configuration,
                            file: display,
                            line: 1,
                            message: Message.templateEscapesHTML(),
                            hint: Message.templateEscapesHTMLHint()
                        )
                    )
                }
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(
                    Diagnostic(
                        area: .configuration,
                        file: display,
                        line: error.context.lineNumber,
                        message: Message.templateSyntaxAt([
                            "problem": Self.describe(error.error), "column": "\(error.context.columnNumber)",
                        ])
                    )
                )
            } catch {
                diagnostics.append(
                    Diagnostic(
                        area: .configuration,
                        file: display,
                        message: Message.templateSyntax(["problem": "\(error)"])
                    )
                )
            }
        }
    }

    /// The template for a platform and category, the name it was found under, and whether it mentions `channel`
    /// (so that its text may differ between channels).
    public func template(
        for platform: Platform,
        category: Category
    ) -> (template: MustacheTemplate, name: String, mentionsChannel: Bool)? {
        for key in ["\(platform.rawValue).\(category.rawValue)", platform.rawValue, Platform.plain.rawValue] {
            if let template = templates[key] { return (template, "\(key).mustache", channelAware.contains(key)) }
        }
        return builtIn[platform].map { ($0, "built-in \(platform.rawValue)", channelAwareBuiltIn.contains(platform)) }
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case MustacheTemplate.Error.sectionCloseNameIncorrect: Message.templateSectionName()
        case MustacheTemplate.Error.unfinishedName: Message.templateUnfinishedTag()
        case MustacheTemplate.Error.expectedSectionEnd: Message.templateSectionEnd()
        default: "\(error)"
        }
    }
}
