import Foundation
import SheetReading

/// Refuses an output path that would destroy an input: `--output sheet.md` used to replace
/// the sheet being linted with its own report.
///
/// Paths are compared by what they resolve to (device and inode, links followed), so
/// `./sheet.md`, an absolute path, a hard link or a symbolic link to an input are all caught.
/// An output that does not exist yet cannot be an input. Reusable by any command that
/// writes files (`lint --output`, `--write-baseline`, reports).
public enum OutputSafety {
    /// One error per output that is an input, or that is the same file as an earlier output.
    ///
    /// - Parameters:
    ///   - outputs: the option that names each output (`--output`) and its path.
    ///   - inputs: every file the run reads.
    public static func conflicts(outputs: [(option: String, path: String)], inputs: [String]) -> [LintError] {
        let existing = outputs.compactMap { output in InputFile.identity(of: output.path).map { (output, $0) } }
        guard !existing.isEmpty else { return sameOutputs(outputs) }
        var inputByIdentity: [FileIdentity: String] = [:]
        for input in inputs {
            if let identity = InputFile.identity(of: input), inputByIdentity[identity] == nil { inputByIdentity[identity] = input }
        }
        var errors: [LintError] = []
        for (output, identity) in existing {
            guard let input = inputByIdentity[identity] else { continue }
            errors.append(LintError(
                message: "\(output.option) \(output.path): 入力ファイル（\(input)）と同じファイルです。入力を上書きしないよう、書き込みません",
                messageEn: "\(output.option) \(output.path) is the input file \(input); refusing to overwrite an input"))
        }
        return errors + sameOutputs(outputs)
    }

    /// Two options naming one file: the second write would silently replace the first.
    private static func sameOutputs(_ outputs: [(option: String, path: String)]) -> [LintError] {
        var seen: [String: String] = [:]
        var errors: [LintError] = []
        for output in outputs {
            let key = InputFile.identity(of: output.path).map { "\($0.device):\($0.inode)" } ?? RelativePath.absolute(output.path)
            if let first = seen[key] {
                errors.append(LintError(message: "\(first) と \(output.option) が同じファイル \(output.path) を指しています",
                                        messageEn: "\(first) and \(output.option) name the same file \(output.path)"))
            } else {
                seen[key] = output.option
            }
        }
        return errors
    }

    /// The files a lint run with `options` reads: sheets, the configuration given, the rule
    /// files of `--rules` directories, and `extra` (a baseline).
    public static func inputs(of options: LintOptions, extra: [String?] = []) -> [String] {
        var files = SheetDiscovery.discover(options.paths).files
        files += [options.configPath].compactMap { $0 } + extra.compactMap { $0 }
        for directory in options.rulesDirectories {
            for dir in [directory, (directory as NSString).appendingPathComponent("catalogs")] {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
                files += names.filter { $0.hasSuffix(".yml") || $0.hasSuffix(".yaml") }
                    .map { (dir as NSString).appendingPathComponent($0) }
            }
        }
        return files
    }
}
