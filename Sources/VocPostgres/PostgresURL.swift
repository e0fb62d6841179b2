import Foundation
import VocCore

/// `postgres://user:password@host:port/database`, as libpq and most tools write it.
struct PostgresURL {
    var host: String
    var port: Int
    var user: String
    var password: String?
    var database: String?

    init(_ text: String) throws(VocError) {
        guard let components = URLComponents(string: text), ["postgres", "postgresql"].contains(components.scheme ?? ""),
              let host = components.host, !host.isEmpty else {
            throw VocError(.invalidConfiguration, "'\(Self.redact(text))' is not a PostgreSQL URL: expected postgres://user:password@host:port/database")
        }
        self.host = host
        port = components.port ?? 5432
        user = components.user?.removingPercentEncoding ?? "postgres"
        password = components.password?.removingPercentEncoding
        let path = components.path.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        database = path.isEmpty ? nil : path
    }

    /// The URL without its password, for messages and logs.
    var redacted: String { "postgres://\(user)@\(host):\(port)/\(database ?? "")" }

    static func redact(_ text: String) -> String {
        guard var components = URLComponents(string: text), components.password != nil else { return text }
        components.password = "***"
        return components.string ?? text
    }

}
