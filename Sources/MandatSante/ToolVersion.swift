/// The version of MandatSanté, printed by `--version` and on every document it produces.
public enum ToolVersion {
    public static let current = "0.2.0"
}
