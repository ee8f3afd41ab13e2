/// Text for a terminal that shows ASCII only (`--ascii`): the punctuation
/// and symbols that lesson text and labels use, spelled in ASCII; anything
/// else outside ASCII becomes "?".
public enum ASCIIText {
    public static func of(_ text: String) -> String {
        guard !text.unicodeScalars.allSatisfy(\.isASCII) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.isASCII { out.unicodeScalars.append(scalar); continue }
            out += replacements[scalar] ?? "?"
        }
        return out
    }

    static let replacements: [Unicode.Scalar: String] = [
        "\u{2014}": "--", "\u{2013}": "-", "\u{2012}": "-", "\u{2212}": "-",   // dashes, minus
        "\u{2022}": "*", "\u{00B7}": "|", "\u{2026}": "...",                 // bullet, middle dot, ellipsis
        "\u{2018}": "'", "\u{2019}": "'", "\u{201C}": "\"", "\u{201D}": "\"",
        "\u{2192}": "->", "\u{2190}": "<-", "\u{2191}": "^", "\u{2193}": "v", "\u{21D2}": "=>",
        "\u{00D7}": "x", "\u{00B5}": "u", "\u{03BC}": "u", "\u{2264}": "<=", "\u{2265}": ">=", "\u{2260}": "!=",
        "\u{2248}": "~", "\u{00A0}": " ", "\u{2009}": " ", "\u{202F}": " ",
        "\u{2713}": "ok", "\u{2717}": "x", "\u{2714}": "ok", "\u{2718}": "x", "\u{25B6}": ">",
        "\u{00E9}": "e", "\u{00E8}": "e", "\u{00E0}": "a", "\u{00FC}": "u", "\u{00F6}": "o", "\u{00E4}": "a",
    ]
}
