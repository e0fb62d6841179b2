/// The e-mail domain rules, in one place: the domain of an address, and the account key it gives a record that
/// names no account (its company domain, never a free-mail one).
public enum EmailDomain {
    /// The lower-cased domain of a plausible address (`Ana@Acme.com.BR` → `acme.com.br`, and `@acme.com`, as the
    /// directory view writes a bare domain); nil without `@` or a dotted domain.
    public static func of(_ email: String) -> String? {
        // On the UTF-8 view, without `Character` search and `hasPrefix`: this runs for every e-mail read.
        let utf8 = email.utf8
        guard let at = utf8.lastIndex(of: UInt8(ascii: "@")) else { return nil }
        let domain = email[utf8.index(after: at)...]
        let dot = UInt8(ascii: ".")
        guard domain.utf8.contains(dot), domain.utf8.first != dot, domain.utf8.last != dot else { return nil }
        return domain.utf8.contains(where: { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") || $0 >= 0x80 }) ? domain.lowercased() : String(domain)
    }

    /// The account key of a record identified only by its respondent's address: the company domain, or nil for an
    /// address at a free-mail provider (`freemail`, lower-cased domains), whose feedback stays unmatched.
    public static func accountKey(forEmail email: String, freemail: Set<String>) -> String? {
        guard let domain = of(email), !freemail.contains(domain) else { return nil }
        return domain
    }
}
