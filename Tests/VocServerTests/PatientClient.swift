import HTTPTypes
import HummingbirdTesting
import NIOCore

/// A client of a live test server that waits as long as a busy CI machine needs: HummingbirdTesting's live client
/// gives up after 20 s without a read, and a debug build computing the dashboard while the other test suites run on
/// both cores has been seen to take longer. The limit is only there so a hung server fails the test.
struct PatientClient {
    struct Response {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: ByteBuffer
    }

    private let client: TestClient

    init(port: Int) {
        client = TestClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(300)))
        client.connect()
    }

    func execute(uri: String, method: HTTPRequest.Method, headers: HTTPFields = [:]) async throws -> Response {
        let response = try await client.execute(.init(uri, method: method, headers: headers))
        return Response(status: response.status, headers: response.headers, body: response.body ?? ByteBuffer())
    }

    func execute(uri: String, method: HTTPRequest.Method, headers: HTTPFields = [:], _ check: (Response) throws -> Void) async throws {
        try check(try await execute(uri: uri, method: method, headers: headers))
    }

    func shutdown() async throws { try await client.shutdown() }
}

extension TestClientProtocol {
    /// Runs `body` with a `PatientClient` on this live server's port, and closes it after.
    func patiently(_ body: (PatientClient) async throws -> Void) async throws {
        let client = PatientClient(port: port!)
        do {
            try await body(client)
        } catch {
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
    }
}
