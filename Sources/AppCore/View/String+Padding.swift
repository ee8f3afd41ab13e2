import TUI

extension String {
    func padding(to width: Int) -> String {
        let w = CharacterWidth.of(self)
        return w >= width ? self : self + String(repeating: " ", count: width - w)
    }
}
