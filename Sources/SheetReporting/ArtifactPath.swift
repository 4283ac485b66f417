/// How reporters spell a file: repo-relative wherever possible, never made absolute.
///
/// - A relative path stays relative (a leading `./` is dropped).
/// - An absolute path under `root` becomes relative to `root`.
/// - An absolute path outside `root` (or any absolute path when `root` is unknown) is
///   printed as given; only SARIF turns it into a `file://` URI.
struct ArtifactPath: Hashable {
    /// The path as printed in text, JSON, GitHub and JUnit output.
    var display: String
    /// Whether `display` is relative (to `root`, or to where sheetlint ran).
    var isRelative: Bool

    init(_ path: String, root: String?) {
        if path.hasPrefix("/") {
            if let root = root.map(Self.trimmingTrailingSlashes) {
                let prefix = root + "/"
                if path.hasPrefix(prefix), path.count > prefix.count {
                    display = Self.droppingDotSlash(String(path.dropFirst(prefix.count)))
                    isRelative = true
                    return
                }
            }
            display = path
            isRelative = false
        } else {
            display = Self.droppingDotSlash(path)
            isRelative = true
        }
    }

    /// SARIF `artifactLocation.uri`: a percent-encoded relative reference for relative
    /// paths, a `file://` URI for absolute ones.
    var uri: String {
        isRelative ? Self.percentEncoded(display) : "file://" + Self.percentEncoded(display)
    }

    /// `file:///abs/root/` for SARIF `originalUriBaseIds`; always ends in `/`.
    static func rootURI(_ root: String) -> String {
        let trimmed = trimmingTrailingSlashes(root)
        return "file://" + percentEncoded(trimmed) + "/"
    }

    /// Percent-encodes every UTF-8 byte except RFC 3986 unreserved characters and `/`.
    ///
    /// Spaces, non-ASCII (Japanese file names) and reserved characters such as `:` `#` `?`
    /// `%` are encoded, so the result is a valid URI reference whose first segment can never
    /// be mistaken for a scheme. GitHub code scanning decodes it back to the file's path.
    static func percentEncoded(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + hexDigits(byte)
            }
        }
        return out
    }

    private static func hexDigits(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }

    private static func trimmingTrailingSlashes(_ path: String) -> String {
        var p = Substring(path)
        while p.count > 1, p.hasSuffix("/") { p = p.dropLast() }
        return p == "/" ? "" : String(p)
    }

    private static func droppingDotSlash(_ path: String) -> String {
        var p = Substring(path)
        while p.hasPrefix("./"), p.count > 2 { p = p.dropFirst(2) }
        return String(p)
    }
}
