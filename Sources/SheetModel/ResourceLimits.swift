/// Every bound sheetlint puts on what it reads, in one place. Sheets and the configuration,
/// rules and catalogues found in a repository are untrusted (docs/SECURITY.md): each limit
/// turns an input that would exhaust time or memory into a clear error or finding.
///
/// The values are data, not scattered constants: the reader, the YAML loaders, the regex
/// engine and the run all read them from here, and docs/SECURITY.md lists them with the
/// message each produces. Each has a test at and past the limit (`ResourceLimitTests`).
public enum ResourceLimits {
    /// Largest file read (a sheet, a configuration, a rule file, a catalogue, a baseline),
    /// in bytes: 10 MiB. Past it: a `tooLarge` read error, exit 2.
    public static let maxFileSize = 10 * 1024 * 1024

    /// Most YAML nodes one configuration, rule file or catalogue may produce once aliases
    /// are expanded (every `*alias` counts the nodes it stands for). A real rule file has a
    /// few thousand; an alias bomb of under 1 KB has millions. Past it: an error naming the
    /// file. (A canonical sheet refuses anchors and aliases altogether.)
    public static let maxYAMLNodes = 200_000

    /// Deepest nesting of mappings and sequences in any YAML or JSON read. Real sheets
    /// nest about 10 deep. Past it: a malformed error at the first too-deep line.
    public static let maxNestingDepth = 100

    /// Most steps of ICU's backtracking regex engine one text may cost one pattern.
    /// Counted in engine steps, not wall time, so a run is deterministic; 10 million
    /// steps is about 0.1 s. Real patterns on real cells take a few thousand.
    public static let regexStepsPerText = 10_000_000

    /// Most regex engine steps one rule may spend on one sheet, over all its texts and
    /// patterns (about 2 s). Past either regex limit the rule stops matching on that
    /// sheet and reports one error finding (with the rule's id) naming the rule, its file
    /// and the pattern.
    public static let regexStepsPerRuleAndSheet = 200_000_000

    /// Bytes of backtracking stack one regex match may use.
    public static let regexStackBytes = 8 * 1024 * 1024

    /// Most findings reported for one file (after sorting; a real sheet has tens). Past it
    /// the rest are dropped and one notice on standard error says how many there were.
    public static let maxFindingsPerFile = 10_000
}
