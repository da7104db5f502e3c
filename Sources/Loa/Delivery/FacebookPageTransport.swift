import Foundation

/// Posts straight to a Facebook Page through the Graph API.
///
/// A text or link post is one `POST /{page_id}/feed` (`message`, `link`, `fields=id,permalink_url`, so that the
/// post's id and address come back in the same answer). A photo post uploads each photo unpublished
/// (`POST /{page_id}/photos`, multipart `source`, `published=false`: invisible until attached), then makes one
/// feed post attaching them (`attached_media[i]={"media_fbid":"…"}`). The photos' ids are kept in the archive
/// (``UploadedMedia``), so a retry, in this run or a later one, attaches them instead of uploading again. The Page
/// token goes in `Authorization: Bearer`, never in an address.
struct FacebookPageTransport: DirectTransport {
    let channel: Channel

    var graph: GraphAPI { GraphAPI(channel: channel) }

    var destination: String { "Facebook Page \(channel.pageID ?? "")" }

    private var pageID: String { channel.pageID ?? "" }

    private func endpoint(_ path: String, query: [URLQueryItem] = []) -> URL { graph.endpoint(path, query: query) }

    private func request(
        _ method: HTTPRequest.Method,
        _ url: URL,
        contentType: String? = nil,
        body: Data = Data()
    ) -> HTTPRequest {
        graph.request(method, url, contentType: contentType, body: body)
    }

    /// Unpublished photos are invisible until a post attaches them: they are kept between runs.
    var keepsMediaBetweenRuns: Bool { true }

    func publish(_ post: DirectPost, media: inout [UploadedMedia], client: DirectClient) -> DirectStep {
        var photos: [Photo] = []
        for image in post.images {
            switch image {
            case .web(let address):
                photos.append(Photo(image: image, fingerprint: address, file: nil))
            case .file(let path, let file):
                do {
                    let read = try ImageFile.read(path: path, file: file)
                    photos.append(Photo(image: image, fingerprint: "\(path) \(read.sha256)", file: read))
                } catch {
                    let reason = Message.outboxCannotReadImage(["image": path, "problem": ErrorWords.describe(error)])
                    return DirectStep(
                        outcome: .notSent(reason: reason, notBefore: nil),
                        url: endpoint("\(pageID)/photos"),
                        response: HTTPResponse(
                            status: 0,
                            error: TransportError(.other, reason, requestMayHaveLeft: false)
                        )
                    )
                }
            }
        }
        // Photos uploaded by earlier tries are used while they are the same images in the same places: a photo
        // replaced in the queue since is uploaded anew, with those after it.
        let kept = zip(media, photos).prefix { $0.0.image == $0.1.fingerprint }.count
        media = Array(media.prefix(kept))
        let step = attachAndPost(post, photos: photos, media: &media, client: client)
        // Facebook forgets unpublished photos after a while: a post refused for an invalid parameter while it
        // attached photos of an earlier try gets them uploaded once more, and is made once more. The refusal
        // meant nothing was published, so this cannot post twice.
        guard kept > 0, case .refused(let reason) = step.outcome, GraphAnswer(step.response).code == 100 else {
            return step
        }
        media = []
        var again = attachAndPost(post, photos: photos, media: &media, client: client)
        if case .refused(let second) = again.outcome {
            again.outcome = .refused(reason: second + " (after uploading the photos again, since: \(reason))")
        }
        return again
    }

    /// One image of a post: what it is, its fingerprint for ``UploadedMedia``, and its bytes for a file.
    private struct Photo {
        var image: AnnouncementImage
        var fingerprint: String
        var file: ImageFile?
    }

    /// Uploads the photos not in `media` yet, then makes the feed post attaching them all.
    private func attachAndPost(_ post: DirectPost, photos: [Photo], media: inout [UploadedMedia], client: DirectClient)
        -> DirectStep
    {
        for photo in photos.dropFirst(media.count) {
            let upload = uploadPhoto(photo, client: client)
            guard case .published(let id, _) = upload.outcome else {
                // An unpublished photo is invisible, so an upload whose answer was lost is simply made again.
                if case .unknown(let reason) = upload.outcome {
                    return DirectStep(
                        outcome: .notSent(
                            reason: Message.facebookUploading(["photo": photo.image.written, "reason": reason]),
                            notBefore: nil
                        ),
                        url: upload.url,
                        response: upload.response
                    )
                }
                return upload
            }
            media.append(UploadedMedia(image: photo.fingerprint, id: id))
        }
        var form = FormBody()
        form.add("message", post.text)
        if let link = post.link { form.add("link", link.absoluteString) }
        for (index, photo) in media.enumerated() {
            form.add("attached_media[\(index)]", "{\"media_fbid\":\(JSONText.string(photo.id))}")
        }
        form.add("fields", "id,permalink_url")
        let url = endpoint("\(pageID)/feed")
        let response = client.send(
            request(.post, url, contentType: "application/x-www-form-urlencoded", body: form.data)
        )
        let answer = GraphAnswer(response)
        var outcome = answer.classify(publishing: true, now: Date())
        if case .published = outcome {
            guard let id = answer.object?["id"] as? String, !id.isEmpty else {
                outcome = .unknown(reason: Message.facebookNoPostID(["status": "\(response.status)"]))
                return DirectStep(outcome: outcome, url: url, response: response)
            }
            outcome = .published(id: id, url: answer.object?["permalink_url"] as? String)
        }
        return DirectStep(outcome: outcome, url: url, response: response)
    }

    /// Uploads one photo unpublished; its outcome is `published` with the photo's id when it worked.
    private func uploadPhoto(_ photo: Photo, client: DirectClient) -> DirectStep {
        let url = endpoint("\(pageID)/photos")
        var form = MultipartBody()
        form.add("published", "false")
        if let file = photo.file {
            form.addFile("source", name: file.name, contentType: file.type.contentType, data: file.data)
        } else if case .web(let address) = photo.image {
            form.add("url", address)
        }
        let response = client.send(request(.post, url, contentType: form.contentType, body: form.data))
        let answer = GraphAnswer(response)
        var outcome = answer.classify(publishing: true, now: Date())
        if case .published = outcome {
            outcome =
                (answer.object?["id"] as? String).map { .published(id: $0, url: nil) }
                ?? .notSent(reason: Message.facebookPhotoNoID(["photo": photo.image.written]), notBefore: nil)
        } else if case .refused(let reason) = outcome {
            outcome = .refused(reason: Message.facebookPhotoRefused(["photo": photo.image.written, "reason": reason]))
        }
        return DirectStep(outcome: outcome, url: url, response: response)
    }

    func find(_ post: DirectPost, since: Date, client: DirectClient) -> (look: DirectLook, step: DirectStep?) {
        let url = endpoint(
            "\(pageID)/published_posts",
            query: [
                URLQueryItem(name: "fields", value: "id,message,created_time,permalink_url"),
                URLQueryItem(name: "since", value: String(Int(since.timeIntervalSince1970))),
                URLQueryItem(name: "limit", value: "100"),
            ]
        )
        let response = client.send(request(.get, url))
        let answer = GraphAnswer(response)
        let outcome = answer.classify(publishing: false, now: Date())
        guard case .published = outcome, let posts = answer.object?["data"] as? [[String: Any]] else {
            let reason: String
            switch outcome {
            case .notSent(let text, _), .credentials(let text), .refused(let text), .unknown(let text): reason = text
            case .published: reason = Message.facebookListNoData()
            }
            return (.failed(reason), DirectStep(outcome: outcome, url: url, response: response))
        }
        let wanted = Self.comparable(post.text)
        let match = posts.first { ($0["message"] as? String).map(Self.comparable) == wanted }
        let look: DirectLook =
            match.flatMap { found in
                (found["id"] as? String).map { DirectLook.found(id: $0, url: found["permalink_url"] as? String) }
            } ?? .absent
        return (look, DirectStep(outcome: outcome, url: url, response: response))
    }

    /// A text as compared with a post's: NFC, line ends as `\n`, without the spaces Facebook trims at its ends.
    static func comparable(_ text: String) -> String {
        VietnameseText.nfc(text.replacingOccurrences(of: "\r\n", with: "\n"))
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
