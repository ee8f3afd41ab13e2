import TUI

/// One input the app received, as a recording keeps it: a key, a click, the
/// mouse wheel, a new terminal size, or a tick of the run timer with the
/// number of simulation steps it took (the one thing wall time decided).
///
/// In the file: `{"key":"s"}`, `{"key":"pagedown"}`, `{"click":[12,5]}`,
/// `{"wheelUp":[12,5]}` (the wheel turned at a cell; `{"scroll":"up"}` in
/// recordings that kept no position), `{"resize":[100,30]}`, `{"tick":4}`.
public enum RecordedInput: Sendable, Equatable {
    case key(Key)
    case click(x: Int, y: Int)
    case scroll(up: Bool)
    case wheel(up: Bool, x: Int, y: Int)
    case resize(Size)
    case tick(steps: Int)

    /// A short name for markers and handouts: "key s", "tick (4 steps)".
    public var label: String {
        switch self {
        case .key(let key): return "key \(Self.keyName(key))"
        case .click(let x, let y): return "click at \(x),\(y)"
        case .scroll(let up): return up ? "wheel up" : "wheel down"
        case .wheel(let up, let x, let y): return (up ? "wheel up" : "wheel down") + " at \(x),\(y)"
        case .resize(let size): return "resize to \(size.width)x\(size.height)"
        case .tick(let steps): return steps == 0 ? "timer" : steps == 1 ? "run (1 step)" : "run (\(steps) steps)"
        }
    }

    static let namedKeys: [(Key, String)] = [
        (.up, "up"), (.down, "down"), (.left, "left"), (.right, "right"), (.enter, "enter"), (.escape, "escape"),
        (.tab, "tab"), (.backTab, "backtab"), (.backspace, "backspace"), (.pageUp, "pageup"), (.pageDown, "pagedown"),
        (.home, "home"), (.end, "end"),
    ]

    /// The key's name in the file: the character itself, or a word ("enter", "f1").
    public static func keyName(_ key: Key) -> String {
        switch key {
        case .character(let c): return String(c)
        case .function(let n): return "f\(n)"
        default: return namedKeys.first { $0.0 == key }?.1 ?? "?"
        }
    }

    /// The key a name stands for; nil for a name no key has.
    public static func key(named name: String) -> Key? {
        if name.count == 1, let c = name.first { return .character(c) }
        if let named = namedKeys.first(where: { $0.1 == name }) { return named.0 }
        if name.hasPrefix("f"), let n = Int(name.dropFirst()), (1...24).contains(n) { return .function(n) }
        return nil
    }
}

extension RecordedInput: Codable {
    private enum CodingKeys: String, CodingKey { case key, click, scroll, wheelUp, wheelDown, resize, tick }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard let field = container.allKeys.first, container.allKeys.count == 1 else {
            throw DecodingError.dataCorrupted(.init(codingPath: container.codingPath,
                                                    debugDescription: "an input has exactly one of key, click, scroll, wheelUp, wheelDown, resize, tick"))
        }
        switch field {
        case .key:
            let name = try container.decode(String.self, forKey: .key)
            guard let key = Self.key(named: name) else {
                throw DecodingError.dataCorruptedError(forKey: .key, in: container, debugDescription: "no key is named '\(name)'")
            }
            self = .key(key)
        case .click:
            let point = try container.decode([Int].self, forKey: .click)
            guard point.count == 2 else {
                throw DecodingError.dataCorruptedError(forKey: .click, in: container, debugDescription: "a click is [x, y]")
            }
            self = .click(x: point[0], y: point[1])
        case .wheelUp, .wheelDown:
            let point = try container.decode([Int].self, forKey: field)
            guard point.count == 2 else {
                throw DecodingError.dataCorruptedError(forKey: field, in: container, debugDescription: "a wheel turn is [x, y]")
            }
            self = .wheel(up: field == .wheelUp, x: point[0], y: point[1])
        case .scroll:
            let direction = try container.decode(String.self, forKey: .scroll)
            guard direction == "up" || direction == "down" else {
                throw DecodingError.dataCorruptedError(forKey: .scroll, in: container, debugDescription: "scroll is \"up\" or \"down\"")
            }
            self = .scroll(up: direction == "up")
        case .resize:
            let size = try container.decode([Int].self, forKey: .resize)
            guard size.count == 2, (1...1_000).contains(size[0]), (1...1_000).contains(size[1]) else {
                throw DecodingError.dataCorruptedError(forKey: .resize, in: container,
                                                       debugDescription: "a size is [width, height], each 1 to 1000")
            }
            self = .resize(Size(width: size[0], height: size[1]))
        case .tick:
            let steps = try container.decode(Int.self, forKey: .tick)
            guard steps >= 0 else {
                throw DecodingError.dataCorruptedError(forKey: .tick, in: container, debugDescription: "a tick takes 0 or more steps")
            }
            self = .tick(steps: steps)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .key(let key): try container.encode(Self.keyName(key), forKey: .key)
        case .click(let x, let y): try container.encode([x, y], forKey: .click)
        case .scroll(let up): try container.encode(up ? "up" : "down", forKey: .scroll)
        case .wheel(let up, let x, let y): try container.encode([x, y], forKey: up ? .wheelUp : .wheelDown)
        case .resize(let size): try container.encode([size.width, size.height], forKey: .resize)
        case .tick(let steps): try container.encode(steps, forKey: .tick)
        }
    }
}
