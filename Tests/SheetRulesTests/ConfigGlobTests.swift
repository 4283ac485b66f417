import SheetRules
import XCTest

/// The glob matcher of configuration files: `*` within a segment, `**` across segments,
/// `?` one scalar, anchored at the configuration's directory.
final class ConfigGlobTests: XCTestCase {
    private func check(_ pattern: String, matches: [String], misses: [String],
                       file: StaticString = #filePath, line: UInt = #line) {
        guard let glob = try? Glob(pattern) else { return XCTFail("\(pattern) did not compile", file: file, line: line) }
        for path in matches { XCTAssertTrue(glob.matches(path), "\(pattern) should match \(path)", file: file, line: line) }
        for path in misses { XCTAssertFalse(glob.matches(path), "\(pattern) should not match \(path)", file: file, line: line) }
    }

    func testStarStaysWithinASegment() {
        check("*.md", matches: ["a.md", ".md", "計画.md"], misses: ["sub/a.md", "a.mdx", "a.yml"])
        check("drafts/*", matches: ["drafts/a.md"], misses: ["drafts/x/a.md", "drafts", "other/a.md"])
        check("a*b*c", matches: ["abc", "aXbYc", "abbbc", "acbc"], misses: ["ab", "acb", "a/bc"])
    }

    func testDoubleStarSpansAnyNumberOfSegments() {
        check("**/*.draft.md", matches: ["x.draft.md", "a/x.draft.md", "a/b/c/x.draft.md"], misses: ["x.md", "a/x.draft.mdx"])
        check("drafts/**", matches: ["drafts", "drafts/a.md", "drafts/a/b/c.md"], misses: ["draft/a.md", "x/drafts/a.md"])
        check("a/**/b", matches: ["a/b", "a/x/b", "a/x/y/b"], misses: ["a/x/c", "b"])
        check("**", matches: ["a", "a/b/c"], misses: [])
        check("**/**/x", matches: ["x", "a/x"], misses: ["a/y"])
    }

    func testQuestionMarkIsOneScalar() {
        check("?.md", matches: ["a.md", "計.md"], misses: ["ab.md", ".md", "a/b.md"])
        check("令和?年度/*", matches: ["令和6年度/a.md"], misses: ["令和10年度/a.md"])
    }

    func testPathsAreNormalizedAndAnchored() {
        check("./legacy/*.md", matches: ["legacy/a.md", "./legacy/a.md", "legacy//a.md"], misses: ["x/legacy/a.md"])
        check("legacy/", matches: ["legacy/a.md", "legacy/x/y.md"], misses: ["legacyx/a.md"])
        check("**/*.md", matches: [], misses: ["../a.md", "a/../../b.md"])
    }

    func testEscapedMetacharactersAreLiteral() {
        check(#"a\*.md"#, matches: ["a*.md"], misses: ["ab.md"])
        check(#"x\[1\].md"#, matches: ["x[1].md"], misses: ["x1.md"])
    }

    func testDirectoryPatternsCoverWhatIsBeneath() throws {
        let glob = try Glob("drafts")
        XCTAssertFalse(glob.matches("drafts/a.md"))
        XCTAssertTrue(glob.matchesPathOrAncestor("drafts/a.md"))
        XCTAssertTrue(glob.matchesPathOrAncestor("drafts/x/a.md"))
        XCTAssertFalse(glob.matchesPathOrAncestor("other/drafts/a.md"))
        XCTAssertTrue(try Glob("legacy/*").matchesPathOrAncestor("legacy/2019/a.md"))
    }

    func testUnusablePatternsAreRefused() {
        for bad in ["", "/abs/*.md", "a//b", "a/../b", "./..", "a**", "**b/c", "x[ab].md", "{a,b}.md", #"a\"#] {
            XCTAssertThrowsError(try Glob(bad), bad)
        }
        XCTAssertEqual((try? Glob("a**"))?.pattern, nil)
        do {
            _ = try Glob("a**")
        } catch {
            XCTAssertEqual(error.messageEn, "glob 'a**': ** must be a whole path segment (e.g. a/**/b)")
            XCTAssertTrue(error.message.contains("パス要素全体"))
        }
    }
}
