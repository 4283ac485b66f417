/// An expression that is plain text (`取組み`, `～`) or one class of plain characters
/// (`[（）]`): its matches are found by comparing UTF-16 units, leftmost first and without
/// overlap, exactly as ICU finds them, at a fraction of the cost of an engine call. Half the
/// variants of the built-in notation groups are of this form.
///
/// Only what cannot mean anything else is recognised: characters outside ASCII that are not
/// white space (or inside a class), ASCII letters and digits, and ASCII punctuation that is
/// never syntax (`~ ! " % ' , - / : ; < = > @ _` and, inside a class, `( )`). Anything else
/// (escapes, any metacharacter, flags, ranges, negation) leaves the expression to the
/// engine. `RequiredLiteralsTests` compares both on every built-in pattern and text.
struct LiteralPattern: Sendable, Equatable {
    enum Form: Sendable, Equatable {
        /// The units of the text.
        case text([UInt16])
        /// Any one of these units.
        case anyOf([UInt16])
    }

    let form: Form

    init?(_ source: String) {
        let scalars = Array(source.unicodeScalars)
        if scalars.count >= 3, scalars.first == "[", scalars.last == "]" {
            let inner = scalars[1..<(scalars.count - 1)]
            guard inner.allSatisfy({ Self.isPlain($0, inClass: true) }) else { return nil }
            form = .anyOf(inner.map { UInt16($0.value) })
        } else {
            guard !scalars.isEmpty, scalars.allSatisfy({ Self.isPlain($0, inClass: false) }) else { return nil }
            form = .text(scalars.map { UInt16($0.value) })
        }
    }

    /// A character that stands for itself in an ICU expression (without flags), in the BMP.
    private static func isPlain(_ s: Unicode.Scalar, inClass: Bool) -> Bool {
        switch s.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        case 0x7E, 0x21, 0x22, 0x25, 0x27, 0x2C, 0x2D, 0x2F, 0x3A, 0x3B, 0x3C, 0x3D, 0x3E, 0x40, 0x5F:
            // `-` ranges and `:` names inside a class.
            return !(inClass && (s == "-" || s == ":"))
        case 0x28, 0x29: return inClass
        case 0..<0x80: return false
        case 0xD800...0xDFFF, 0x10000...: return false
        default: return !s.properties.isWhitespace && !s.properties.isDefaultIgnorableCodePoint
        }
    }

    /// Up to `limit` matches in `units`, leftmost first, each resuming where the last ended.
    func ranges(in units: [UInt16], upTo limit: Int) -> [Range<Int>] {
        var found: [Range<Int>] = []
        switch form {
        case .anyOf(let set):
            for (i, u) in units.enumerated() where set.contains(u) {
                guard found.count < limit else { break }
                found.append(i..<(i + 1))
            }
        case .text(let needle):
            guard let first = needle.first, units.count >= needle.count else { return [] }
            var i = 0
            let last = units.count - needle.count
            while i <= last, found.count < limit {
                if units[i] == first, units[i..<(i + needle.count)].elementsEqual(needle) {
                    found.append(i..<(i + needle.count))
                    i += needle.count
                } else {
                    i += 1
                }
            }
        }
        return found
    }
}
