/// The version of this package, recorded with every migration it applies and printed by
/// `sharehouse --version`.
public enum PackageVersion {
    public static let current = "0.1.0"
}
