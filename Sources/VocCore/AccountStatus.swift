/// Where an account stands in the CRM on a snapshot's date: a customer, or a customer lost.
public enum AccountStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case active
    case churned
}
