public import VocCore

/// Which columns hold which roles, and why each was chosen.
public struct ColumnMapping: Sendable {
    public struct Assignment: Sendable, Hashable {
        public var role: ColumnRole
        public var columns: [Int]
        public var names: [String]
        /// `header matched 'likely to recommend' (en)`, `--nps-column`, `mapping file`...
        public var reason: String
    }

    /// A column whose header fits a role but whose answers do not, and why.
    public struct Rejection: Sendable, Hashable {
        public var role: ColumnRole
        public var column: Int
        public var name: String
        public var reason: String
    }

    /// A row of a rating matrix under a satisfaction or effort question, read as an aspect rating of the response.
    public struct AspectColumn: Sendable, Hashable {
        public var column: Int
        public var question: String
        public var aspect: String
        public var kind: AspectRating.Kind
        public var scale: RatingScale
        public var fit: ScoreFit
    }

    public private(set) var assignments: [Assignment] = []
    /// The aspect-rating columns (`ColumnMapper.aspects`), in column order.
    public internal(set) var aspects: [AspectColumn] = []
    /// The language whose header phrases matched most columns: used for ambiguous slash dates.
    public internal(set) var headerLanguage: String?
    /// How the answers of each score column voc chose fit its role (nil for columns given by the user).
    public internal(set) var fits: [ColumnRole: ScoreFit] = [:]
    public internal(set) var rejections: [Rejection] = []
    /// The value profile of every column (empty when the mapping was made from headers alone).
    public internal(set) var profiles: [ColumnProfile] = []
    /// A Promoter/Passive/Detractor column beside the 0-10 NPS column, and how often the two agree in the profiled
    /// records (the category a score falls in against the category written).
    public internal(set) var npsCategoryColumn: Int?
    public internal(set) var npsCrossCheck: (agreeing: Int, compared: Int)?

    mutating func reject(_ role: ColumnRole, _ column: SurveyColumn, _ reason: String) {
        rejections.append(Rejection(role: role, column: column.index, name: column.name, reason: reason))
    }

    /// Score roles that a header offered but no column's answers fit: voc leaves the role out of this file instead
    /// of quarantining every record, and says so (`voc ingest` on stderr, `voc inspect`).
    public var droppedRoles: [(role: ColumnRole, rejections: [Rejection])] {
        ColumnRole.allCases.filter(\.isScore).compactMap { role in
            // A yes/no recommend question rejected as NPS but kept as would-recommend, or a matrix row rejected as
            // CSAT but kept as an aspect rating, is not a dropped role.
            let kept = Set(aspects.map(\.column) + columns(for: .recommend))
            let rejected = rejections.filter { $0.role == role && !kept.contains($0.column) }
            return column(for: role) == nil && !rejected.isEmpty ? (role, rejected) : nil
        }
    }

    mutating func assign(_ role: ColumnRole, columns: [SurveyColumn], reason: String) {
        assignments.removeAll { $0.role == role }
        assignments.append(Assignment(role: role, columns: columns.map(\.index), names: columns.map(\.name), reason: reason))
        assignments.sort { $0.role < $1.role }
    }

    public func columns(for role: ColumnRole) -> [Int] {
        assignments.first { $0.role == role }?.columns ?? []
    }

    public func column(for role: ColumnRole) -> Int? { columns(for: role).first }

    /// Whether some column holds an answer or a comment (NPS, would-recommend, CSAT, CES, an aspect rating, comment):
    /// without one, a record says nothing.
    public var hasFeedback: Bool {
        !aspects.isEmpty || [ColumnRole.nps, .recommend, .csat, .ces, .comment].contains { !columns(for: $0).isEmpty }
    }

    /// Whether some column places a record in time or with an account (timestamp, account id or name, e-mail):
    /// feedback without either cannot feed any account's signals or history.
    public var placesFeedback: Bool {
        [ColumnRole.timestamp, .accountID, .accountName, .email].contains { !columns(for: $0).isEmpty }
    }
}
