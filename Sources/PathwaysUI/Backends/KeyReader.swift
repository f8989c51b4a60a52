import CursesShim

/// Reads keys from curses and turns them into events. A sequence the terminal description does not know
/// (a wrong TERM, an odd terminal) reaches the program as ESC and its bytes: it is read whole and dropped,
/// so it is never taken as Esc and its letters and digits are never taken as keys.
struct KeyReader {
    /// Waits up to `timeout` ms for a key; nil when none came or the key means nothing here.
    mutating func next(timeout: Int32) -> Event? {
        var value: UInt32 = 0
        let kind = pw_read_key(timeout, &value)
        guard Int(kind) == PW_CHAR, value == 27 else { return Self.translate(kind, value) }
        // Curses waited for a known sequence already; what follows at once belongs to an unknown one.
        var following: [UInt32] = []
        while following.count < EscapeSequence.longest {
            var v: UInt32 = 0
            let k = pw_read_key(0, &v)
            guard Int(k) == PW_CHAR else { break }
            following.append(v)
            if EscapeSequence.isComplete(following) { break }
        }
        return EscapeSequence.key(after: following).map { .key($0) }
    }

    static let keyCodes: [(Int32, Key)] = [
        (pw_key_code("up"), .up), (pw_key_code("down"), .down), (pw_key_code("left"), .left),
        (pw_key_code("right"), .right), (pw_key_code("backspace"), .backspace), (pw_key_code("enter"), .enter),
        (pw_key_code("ppage"), .pageUp), (pw_key_code("npage"), .pageDown), (pw_key_code("home"), .home),
        (pw_key_code("end"), .end), (pw_key_code("dc"), .delete), (pw_key_code("btab"), .up),
    ]

    static func translate(_ kind: Int32, _ value: UInt32) -> Event? {
        switch Int(kind) {
        case PW_CHAR:
            return ControlKeys.key(value).map { .key($0) }
        case PW_KEYCODE:
            let code = Int32(bitPattern: value)
            if code == pw_key_code("resize") { return .resize(width: Int(pw_cols()), height: Int(pw_rows())) }
            let f0 = pw_key_code("f0")
            if code > f0 && code <= f0 + 24 { return .key(.function(Int(code - f0))) }
            return keyCodes.first { $0.0 == code }.map { .key($0.1) }
        default:
            return nil
        }
    }
}

/// A character from the terminal in raw mode, as a key.
enum ControlKeys {
    static func key(_ value: UInt32) -> Key? {
        switch value {
        case 10, 13: return .enter
        case 8, 127: return .backspace
        case 27: return .escape
        case 9: return .tab
        // Ctrl + a letter; Ctrl-C arrives here (raw mode) and means quit, Ctrl-Z means nothing.
        case 1...26: return Unicode.Scalar(value + 96).map { .control(Character($0)) }
        // Ctrl-@, Ctrl-\\ (no backtracer from the keyboard), Ctrl-], Ctrl-^, Ctrl-_ and other controls: nothing.
        case 0, 28...31, 0x80..<0xa0: return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .char(Character(scalar))
        }
    }
}

/// What follows an ESC that curses did not recognise.
enum EscapeSequence {
    /// Longer than any real key sequence: a paste of junk is dropped in pieces of this size.
    static let longest = 32

    /// True when the bytes after ESC form a whole sequence: CSI (`[` … a final byte from `@` to `~`),
    /// SS3 (`O` and one byte), or ESC and one character (Alt and a key).
    static func isComplete(_ bytes: [UInt32]) -> Bool {
        guard let first = bytes.first else { return false }
        switch first {
        case 0x5b:  // "["
            guard bytes.count >= 2, let last = bytes.last else { return false }
            return (0x40...0x7e).contains(last) && !(bytes.count == 2 && last == 0x5b)
        case 0x4f:  // "O"
            return bytes.count >= 2
        default:
            return true
        }
    }

    /// A lone ESC is Escape; ESC with anything after it is a key this terminal description does not name,
    /// and means nothing.
    static func key(after bytes: [UInt32]) -> Key? {
        bytes.isEmpty ? .escape : nil
    }
}
