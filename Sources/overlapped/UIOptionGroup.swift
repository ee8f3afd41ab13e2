import AppCore
import ArgumentParser

/// The look-and-feel options every interactive command takes.
struct UIOptionGroup: ParsableArguments {
    @Option(help: "Colour theme: dark or light.")
    var theme: UIOptions.ThemeName?

    @Flag(name: .customLong("no-color"), help: "No colours (also when NO_COLOR is set); states keep their letters.")
    var noColor = false

    @Flag(help: "Only ASCII characters: no box drawing or block glyphs.")
    var ascii = false

    func resolved(environment: [String: String]) -> UIOptions {
        UIOptions.resolve(theme: theme, noColor: noColor, ascii: ascii, environment: environment)
    }
}
