/// Near-miss suggestions for names the user typed (rule ids, keys): the closest allowed
/// name within an edit distance of 2, for "did you mean".
public enum Spelling {
    /// The allowed name closest to `name` (at most two edits away); nil when none is near.
    public static func closest(_ name: String, in allowed: [String]) -> String? {
        YAMLValue.closest(name, in: allowed)
    }
}
