/// Facts about the app shown on screen.
public enum AppInfo {
    public static let version = "0.1.0"
}
