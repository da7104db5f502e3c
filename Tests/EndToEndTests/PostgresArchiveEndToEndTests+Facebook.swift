import Foundation
import Testing

@testable import Loa

extension PostgresArchiveEndToEndTests {
    @Test("on PostgreSQL too: photos kept between runs are attached, and a stopped channel stays stopped")
    func facebookRecords() throws {
        let (database, password) = try PostgresServer.freshDatabase()
        let graph = try FakeGraph(token: FacebookPageTests.token)
        graph.failFeed(FacebookPageTests.rateLimited)
        let other = try FakeGraph(pageID: "200000000000001", token: "other-page-token-4242")
        let workspace = try Self.workspace(
            channels: graph.channel("fb-page") + "\n"
                + other.channel("fb-other").replacingOccurrences(of: "LOA_TEST_FB_TOKEN", with: "OTHER_TOKEN"),
            database: database
        )
        try FacebookPageTests.announceThreePhotos(workspace)
        try FacebookPageTests.announceText(workspace, "khac", body: "Bài trang khác.", extra: "channels: [fb-other]")
        var environment = [
            "LOA_TEST_PG_PASSWORD": password, "LOA_TEST_FB_TOKEN": FacebookPageTests.token, "OTHER_TOKEN": "revoked",
        ]
        let first = try workspace.loa(["run", "--now", Date.vietnam(9)], environment: environment)
        #expect(first.status == 1, "fb-other stopped: \(first.all)")
        #expect(graph.photos.count == 3 && graph.posts.isEmpty)
        let asked = other.requests.count
        #expect(asked == 1, "one refusal stops fb-other")
        let second = try workspace.loa(["run", "--now", Date.vietnam(9, 20)], environment: environment)
        #expect(second.status == 0, "\(second.all)")
        #expect(graph.requests.filter { $0.path.hasSuffix("/photos") }.count == 3, "attached, not uploaded again")
        #expect(graph.posts.first?.attachedMedia == graph.photos.map(\.id))
        #expect(other.requests.count == asked, "the stopped channel is left alone")
        let archive = try PostgresArchive.open(database, password: Secret(password))
        #expect(try archive.read { try $0.stoppedChannels() }.map(\.channel) == ["fb-other"])
        environment["OTHER_TOKEN"] = "other-page-token-4242"
        let mended = try workspace.loa(["run", "--now", Date.vietnam(9, 30)], environment: environment)
        #expect(mended.status == 0, "\(mended.all)")
        #expect(other.posts.count == 2, "both of its posts, the photo post and the other")
        #expect(try archive.read { try $0.stoppedChannels() }.isEmpty)
    }
}
