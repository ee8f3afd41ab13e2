extension String {
    /// "UTF-8" and "utf8" name the same character set.
    func replacingUTF8Dash() -> String { filter { $0 != "-" } }
}
