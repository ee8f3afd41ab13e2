import AppCore
import ArgumentParser

/// Themes are named on the command line (`--theme light`).
extension UIOptions.ThemeName: ExpressibleByArgument {}
