public import VocCore

/// Reads a CRM account export (CSV or TSV, any encoding voc reads) into directory accounts.
///
/// Columns are recognized by header in English, Spanish or Portuguese (`lexicons/<lang>/crm-columns.tsv`).
/// Domains may be separated by `;`, `,`, `|` or spaces; free-mail domains are never used as account keys.
/// An export with MRR instead of ARR is annualized (× 12). A status column (`status`, `estado`, `situação`) is read
/// through `lexicons/<lang>/account-status.tsv` (churned, cancelado, inativo…); an unknown status is reported and
/// read as active. A row without an id, with a duplicate id or with an unreadable revenue or date is rejected with its
/// line; the counts always add up.
public struct AccountDirectoryReader: Sendable {
    enum Role: String, CaseIterable, Sendable {
        case accountID = "account-id", name, domains, segment, arr, mrr, renewal, owner, status
    }

    private var headers: [String: (role: Role, language: String)] = [:]
    private let freemail: Set<String>

    public init(lexicons: LexiconDirectory, vocabulary: ColumnVocabulary) throws(VocError) {
        for language in LexiconDirectory.languages {
            let table = try lexicons.table("crm-columns.tsv", language: language)
            for row in table.rows {
                guard row.columns.count == 2, let role = Role(rawValue: row.columns[0]) else {
                    throw table.error("expected role<TAB>header with a role of \(Role.allCases.map(\.rawValue).joined(separator: ", "))", row: row)
                }
                let header = HeaderText.normalize(row.columns[1])
                if headers[header] == nil { headers[header] = (role, language) }
            }
        }
        for language in LexiconDirectory.languages {
            let table = try lexicons.table("account-status.tsv", language: language)
            for row in table.rows {
                guard row.columns.count == 2, let status = AccountStatus(rawValue: row.columns[0]) else {
                    throw table.error("expected status<TAB>value with a status of \(AccountStatus.allCases.map(\.rawValue).joined(separator: ", "))", row: row)
                }
                statuses[HeaderText.normalize(row.columns[1])] = status
            }
        }
        freemail = vocabulary.freemailDomains
        dateOrders = vocabulary.dateOrders
    }

    /// Normalized status value → status.
    private var statuses: [String: AccountStatus] = [:]

    private let dateOrders: [String: DateOrder]

    public func read(path: String) throws(VocError) -> AccountDirectoryImport {
        var result = AccountDirectoryImport(path: path)
        let file = try DelimitedTextFile(path: path, maximumRecordBytes: 1 << 20)
        var reader = file.reader
        var decoder = FieldDecoder(encoding: file.encoding)
        var columns: [Role: Int]?
        var timestamps = TimestampParser(order: .dmy)
        var seen: [String: Int] = [:]
        var domainOwners: [String: String] = [:]
        while let event = try reader.next() {
            let record: CSVRecord
            switch event {
            case .malformed(let malformed):
                result.read += 1
                result.problems.append(.init(line: malformed.line, action: "rejected", message: malformed.reason.summary))
                continue
            case .record:
                record = reader.record
                if record.isBlankLine || record.isAllEmpty { continue }
            }
            decoder.settle(with: record.bytes)
            let fields = (0..<record.count).map { field in record.withField(field) { decoder.string($0) } }
            guard let columnsFound = columns else {
                let found = try header(fields.map { $0 ?? "" }, path: path)
                columns = found.columns
                timestamps = TimestampParser(order: found.language.flatMap { dateOrders[$0] } ?? .mdy)
                continue
            }
            result.read += 1
            let line = record.line
            func value(_ role: Role) -> String? {
                guard let index = columnsFound[role], index < fields.count, let text = fields[index]?.trimmingSpaces, !text.isEmpty else { return nil }
                return text
            }
            func reject(_ message: String) { result.problems.append(.init(line: line, action: "rejected", message: message)) }
            if fields.contains(where: { $0 == nil }) { reject(QuarantineReason.invalidEncoding.summary); continue }
            guard let id = value(.accountID) else { reject("the account id is empty"); continue }
            if let first = seen[id] { reject("account '\(id)' already given on line \(first)"); continue }
            var account = DirectoryAccount(id: id, name: value(.name), owner: value(.owner))
            account.segment = value(.segment).map(Self.segmentLabel)
            if let text = value(.arr) {
                guard let arr = MoneyParser.parse(text) else { reject("ARR '\(text)' is not an amount"); continue }
                account.arr = arr
            } else if let text = value(.mrr) {
                guard let mrr = MoneyParser.parse(text) else { reject("MRR '\(text)' is not an amount"); continue }
                account.arr = mrr * 12
            }
            if let text = value(.renewal) {
                guard let date = timestamps.parse(text) else { reject("renewal date '\(text)' cannot be read"); continue }
                account.renewal = date
            }
            if let text = value(.status) {
                account.status = statuses[HeaderText.normalize(text)]
                if account.status == nil {
                    result.problems.append(.init(line: line, action: "dropped", message: "status '\(text)' is neither active nor churned (account-status.tsv): read as active"))
                }
            }
            for candidate in (value(.domains) ?? "").split(whereSeparator: { ";,| \t".contains($0) }) {
                let domain = Self.bareDomain(String(candidate))
                if freemail.contains(domain) {
                    result.problems.append(.init(line: line, action: "dropped", message: "'\(domain)' is a free-mail domain and never identifies an account"))
                } else if let owner = domainOwners[domain] {
                    result.problems.append(.init(line: line, action: "dropped", message: "domain '\(domain)' already belongs to account '\(owner)'"))
                } else if !domain.contains(".") {
                    result.problems.append(.init(line: line, action: "dropped", message: "'\(domain)' is not a domain"))
                } else {
                    domainOwners[domain] = id
                    account.domains.append(domain)
                }
            }
            seen[id] = line
            result.accounts.append(account)
        }
        if columns == nil { throw VocError(.invalidInput, "the file is empty: expected a header row with an account id column", at: SourcePosition(file: path)) }
        return result
    }

    private func header(_ names: [String], path: String) throws(VocError) -> (columns: [Role: Int], language: String?) {
        var columns: [Role: Int] = [:]
        var language: String?
        for (index, name) in names.enumerated() {
            guard let match = headers[HeaderText.normalize(name)], columns[match.role] == nil else { continue }
            columns[match.role] = index
            if match.role == .accountID || language == nil { language = match.language }
        }
        guard columns[.accountID] != nil else {
            throw VocError(.invalidInput, "no account id column among the headers \(names.map { "'\($0)'" }.joined(separator: ", ")); "
                           + "expected one such as 'account id', 'cuenta' or 'conta' (lexicons/<lang>/crm-columns.tsv)", at: SourcePosition(file: path, line: 1))
        }
        return (columns, language)
    }

    /// `High Touch` → `high-touch`.
    static func segmentLabel(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0 == " " || $0 == "_" }).joined(separator: "-")
    }

    /// `https://www.Acme.com/` or `@acme.com` → `acme.com`.
    static func bareDomain(_ text: String) -> String {
        var domain = Substring(text.lowercased())
        if let scheme = domain.range(of: "://") { domain = domain[scheme.upperBound...] }
        if domain.hasPrefix("@") { domain = domain.dropFirst() }
        if domain.hasPrefix("www.") { domain = domain.dropFirst(4) }
        if let slash = domain.firstIndex(of: "/") { domain = domain[..<slash] }
        return String(domain)
    }
}
