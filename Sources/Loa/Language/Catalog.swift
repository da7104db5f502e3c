// Loa's own words in English and Vietnamese: the one file a translator edits.
//
// Each message has `en` and `vi` (and `enOther`, English for counts other than one). `{name}` is a placeholder
// filled by Loa; keep the same names in both languages, in any order. Statuses use the words of the reports
// (Chờ xác nhận, Đã đăng, Lỡ giờ đăng …). Tests check that every message has both languages, that their
// placeholders match, and that the Vietnamese is NFC.

/// A sentence, label or help text of Loa's own; its words are in ``entry``.
public enum Message: String, CaseIterable, Sendable {
    // Statuses, as `loa status`, the operator commands and the reports say them.
    case statusPending, statusSending, statusSent, statusRetrying, statusFailed, statusMissed, statusExpired
    case statusCancelled, statusHeld, statusAwaitingConfirmation, statusUnconfirmed
    // What a run did, at the head of each line of `loa run`.
    case eventWaiting, eventUnrenderable, eventWouldSend, eventCaughtUp, eventReminder, eventStopped
    // The run's summary.
    case summaryQueueFiles, summaryRead, summaryNothingDue, summaryRejected, summarySent, summaryWritten
    case summaryWouldSend, summaryRetrying, summaryWaiting, summaryFailed, summaryMissed, summaryExpired
    case summaryHeld, summaryCaughtUp, summaryUnrenderable, summaryReminder, summaryStopped
    // Details of a run's events.
    case outboxPostIt, outboxText, outboxPhotos, reminderWaiting, waitQuietHours, noteExpired, noteMissed
    case noteMissedAfterRetry
    // Counted nouns.
    case countError, countWarning, countDay
    // `loa` and the options many commands share.
    case loaAbstract, loaDiscussion, optionConfig, optionNow, optionJSON, argumentAnnouncement
    // loa run
    case runAbstract, runDiscussion, runDryRun, runVerbose, runCatchUp, runLocked
    // loa status
    case statusAbstract, statusDiscussion, statusOnly, statusNoArchive, statusColumns, statusInterrupted
    case statusStopped, statusStoppedChanged
    // loa check
    case checkAbstract, checkDiscussion, checkSummary, checkOnline
    // loa init
    case initAbstract, initDiscussion, initDirectory, initWrote, initKept, initNext, initCannotWrite
    // loa preview
    case previewAbstract, previewAnnouncement, previewChannel, previewCharacters, previewCut, previewNoSuchChannel
    case previewNoAnnouncement, previewDidYouMean, previewScheduled, draftNote, previewNotScheduled
    case previewHashtagsDropped
    // loa agenda
    case agendaAbstract, agendaDiscussion, agendaDays, agendaNothing, agendaDraft, agendaWaiting
    // Operator commands: retry, cancel, confirm
    case operatorChannel, operatorChanged, operatorNote, operatorLeft, operatorNothing
    case verbRetry, verbCancelled, verbUndone, verbConfirmed
    case retryAbstract, retryDiscussion, cancelAbstract
    case confirmAbstract, confirmDiscussion, confirmChannel, confirmURL, confirmNote, confirmAt, confirmForce
    case confirmUndo, confirmUndoAlone, confirmNotAddress, confirmEmptyNote
    case refusalAlready, refusalNotAwaiting, refusalNotWritten, refusalWriteFailed, refusalWriteRetrying
    case refusalNotConfirmed, refusalForceHint
    // The other commands' help.
    case channelAbstract, channelRenameAbstract, channelRenameDiscussion, channelRenameOld, channelRenameNew
    case channelResumeAbstract, channelResumeDiscussion, channelResumeChannel, channelResumed, channelNotStopped
    case engagementAbstract, engagementRefreshAbstract, engagementRefreshDiscussion, engagementRecordAbstract
    case engagementRecordDiscussion, engagementRecordChannel, engagementRecordFigures, engagementRecordNewMetric
    case exportAbstract, exportDiscussion, exportFormat, exportFrom, exportTo, exportMonth, exportQuarter
    case exportYear, exportPeriod, exportUnit, exportCategory, exportOutput, exportForce
    case exportByUnit, exportByUnitDiscussion
    case importAbstract, importDiscussion, importFiles
    case sinkAbstract, sinkDiscussion, sinkPort, sinkSecret, sinkLog, sinkImages, sinkIdleTimeout
    // notify: the one message a run sends to the people's channel.
    case notifyTitle, notifyWritten, notifyReminder, notifyFailed, notifyMissed, notifyExpired, notifyHeld
    case notifyUnrenderable, notifyRejected, notifySeeStatus, notifyUnconfirmed, notifyStopped
    // Refusals and warnings of retry, cancel and confirm.
    case refusalExpired, refusalDelivered, refusalSentAlready, warningRunWorking, refusalFuturePost, refusalSending
    case refusalConfirmedAlready, refusalBridgePosted, refusalNoAddress, refusalWebhookChannel, refusalBridgeUndo
    // loa engagement
    case engagementSummary, engagementReadAgain, engagementUnusable, engagementRecorded
    // loa export
    case exportWrote, exportNoArchive, exportSeveralPeriods, exportPeriodAndDays, exportByUnitJSONL
    case exportXLSXNeedsOutput, exportNotADay, exportNotAPeriod, exportPeriodMonth, exportPeriodQuarter
    case exportPeriodYear, exportAnd
    // loa import
    case importNeedFiles, importMissing, importUnreadable, importNothingImported, importLine, importNew
    case importUpdated, importUnchanged, importOwn
    // loa sink
    case sinkListening, sinkVerifying, sinkNotVerifying, sinkReceived, sinkBadPort, sinkBadIdleTimeout
    case sinkBadSecret
    // "Did you mean" and the names of what was not found.
    case suggestionDidYouMean, suggestionNoSuch, suggestionNoSuchKnown, suggestionSeeCheck, kindChannel, kindMetric
    case placeInConfig
    // Figures typed or read: loa engagement.
    case metricLowercase, metricSynonym, metricAddNew, ledgerNoDelivery, ledgerNotPosted
    case figuresNotJSON, figuresEmptyAnswer, figuresNone, figuresNegative, figuresNotWhole, figuresTooLarge
    case figuresMalformed, figuresBadValue, figuresNotGiven
    // loa check's diagnostics: the YAML of loa.yml and the front matter.
    case diagHint, diagYAMLSyntax, diagFromLine, diagHashComment, diagColonQuotes, diagAppearsTwice, diagFirstOnLine
    case diagKeepOne, diagExpectedMapping, diagKeyPlainText, diagUnknownKey, diagKnownKeys, diagExpectedSingle
    case diagEmpty, diagNotWholeNumber, diagUpTo, diagExpectedList, diagFoundValue, diagFoundMapping, diagFoundList
    case diagFoundAlias
    // loa check's diagnostics: dates and times.
    case dateUnrecognised, dateOnly, dateOutOfRange, dateYearOutOfRange, dateSkippedTime
    case dateDay, dateMonth, dateHour, dateMinute, dateOffset
    // loa check's diagnostics: queue files.
    case diagMissing, diagMissingOneOf, diagMissingUnit, diagNotAfterPublish, diagNoSuchChannel, diagNoChannels
    case diagChannelsKnown, diagChannelsEmpty, diagNotOneOf, diagNotOneOfOr, diagNotWebAddress, diagNotVariant
    case diagExpectedOneOf, diagNoOpeningFence, diagNoOpeningFenceHint, diagNoClosingFence, diagFrontMatterEmpty
    case diagBodyEmpty, diagNotUTF8, diagNotUTF8Hint, diagIDTaken, diagIDCase, diagIDTakenHint
    // loa check's diagnostics: loa.yml.
    case diagNoChannelsDefined, diagNotTimeZone, diagWebhookNeedsURL, diagWebhookNeedsSecret, diagWebhookSecretHint
    case diagNoSuchFile, diagNoSuchFileHint, diagConfigEmpty, diagNotALanguage, diagNotifyNotAChannel
    case diagDidYouMeanHint, diagChannelsNone, diagChannelCase, diagOnLine, diagRenameOne, diagIDRule
    case diagBadChannelID, diagForExample, diagNotAWindow, diagLongerThanZero, diagIgnoredFacebookPage
    case diagIgnoredOutbox, diagNotADuration, diagDurationRange, diagBadID, diagFileNameID, diagFileNameIDHint
    case diagNoLetters, diagControlCharacter, diagControlCharacterHint, diagCannotRead, diagNotMarkdownHint
    case diagTooLarge, diagTooLargeHint, imageMissing, imageOutside, imageOutsideHint, imageEmpty, imageNotImage
    case imageNotImageHint, imageChannel, imageChannels, imageChannelsMore, imageTooMany, imageTooManyHint
    case imageTooLarge, imageTooLargeHint, imageRecommended, imageRecommendedHint
}

extension Message {
    /// The message's words in each language.
    public var entry: Entry {
        switch self {
        case .statusPending: Entry(en: "pending", vi: "Chờ đăng")
        case .statusSending: Entry(en: "sending", vi: "Đang gửi")
        case .statusSent: Entry(en: "sent", vi: "Đã đăng")
        case .statusRetrying: Entry(en: "retrying", vi: "Đang thử lại")
        case .statusFailed: Entry(en: "failed", vi: "Thất bại")
        case .statusMissed: Entry(en: "missed", vi: "Lỡ giờ đăng")
        case .statusExpired: Entry(en: "expired", vi: "Hết hạn")
        case .statusCancelled: Entry(en: "cancelled", vi: "Đã hủy")
        case .statusHeld: Entry(en: "held", vi: "Tạm giữ")
        case .statusAwaitingConfirmation: Entry(en: "awaiting confirmation", vi: "Chờ xác nhận")
        case .statusUnconfirmed: Entry(en: "unconfirmed", vi: "Chưa rõ đã đăng")

        case .eventWaiting: Entry(en: "waiting", vi: "Đang đợi")
        case .eventUnrenderable: Entry(en: "unrenderable", vi: "Không dựng được")
        case .eventWouldSend: Entry(en: "would send", vi: "Sẽ gửi")
        case .eventCaughtUp: Entry(en: "caught up", vi: "Gửi bù")
        case .eventReminder: Entry(en: "reminder", vi: "Nhắc lại")
        case .eventStopped: Entry(en: "stopped", vi: "Dừng kênh")

        case .summaryQueueFiles: Entry(en: "{n} queue file", enOther: "{n} queue files", vi: "{n} tệp hàng đợi")
        case .summaryRead: Entry(en: "{files}, {read} read: ", vi: "{files}, đọc được {read}: ")
        case .summaryNothingDue: Entry(en: "nothing due", vi: "chưa có gì đến hạn")
        case .summaryRejected:
            Entry(en: "; queue files rejected (see above)", vi: "; có tệp hàng đợi bị từ chối (xem ở trên)")
        case .summarySent: Entry(en: "{n} sent", vi: "{n} đã đăng")
        case .summaryWritten: Entry(en: "{n} written to the outbox", vi: "{n} đã ghi ra outbox")
        case .summaryWouldSend: Entry(en: "{n} would be sent", vi: "{n} sẽ gửi")
        case .summaryRetrying: Entry(en: "{n} to retry", vi: "{n} chờ thử lại")
        case .summaryWaiting: Entry(en: "{n} waiting", vi: "{n} đang đợi")
        case .summaryFailed: Entry(en: "{n} failed", vi: "{n} thất bại")
        case .summaryStopped:
            Entry(en: "{n} channel stopped", enOther: "{n} channels stopped", vi: "{n} kênh bị dừng")
        case .summaryMissed: Entry(en: "{n} missed", vi: "{n} lỡ giờ đăng")
        case .summaryExpired: Entry(en: "{n} expired", vi: "{n} hết hạn")
        case .summaryHeld: Entry(en: "{n} held", vi: "{n} tạm giữ")
        case .summaryCaughtUp: Entry(en: "{n} caught up", vi: "{n} gửi bù")
        case .summaryUnrenderable: Entry(en: "{n} cannot be rendered", vi: "{n} không dựng được")
        case .summaryReminder: Entry(en: "{n} still to post by hand", vi: "{n} vẫn chờ đăng tay")

        case .outboxPostIt:
            Entry(
                en: "post it by hand from {folder} ({contents}), then run `loa confirm {id} --channel {channel} "
                    + "--url <address of the post>` (or `--note <where it was posted>` for a post with no address)",
                vi: "hãy đăng tay từ {folder} ({contents}), rồi chạy `loa confirm {id} --channel {channel} "
                    + "--url <địa chỉ bài đăng>` (hoặc `--note <nơi đã đăng>` với bài không có địa chỉ)"
            )
        case .outboxText: Entry(en: "text.txt", vi: "text.txt")
        case .outboxPhotos:
            Entry(en: "text.txt and {n} photo", enOther: "text.txt and {n} photos", vi: "text.txt và {n} ảnh")
        case .reminderWaiting:
            Entry(en: "written {when}, still not confirmed", vi: "ghi ra lúc {when}, vẫn chưa xác nhận")
        case .waitQuietHours:
            Entry(
                en: "waiting for the channel's quiet hours ({hours}) to end",
                vi: "đợi hết giờ yên lặng của kênh ({hours})"
            )
        case .noteExpired:
            Entry(en: "not sent before it expired on {when}", vi: "chưa gửi được trước khi hết hạn lúc {when}")
        case .noteMissed:
            Entry(en: "not sent within {window} of {when}", vi: "không gửi được trong vòng {window} kể từ {when}")
        case .noteMissedAfterRetry:
            Entry(
                en: "not sent within {window} of the retry asked for on {when}",
                vi: "không gửi được trong vòng {window} kể từ lần thử lại yêu cầu lúc {when}"
            )

        case .countError: Entry(en: "{n} error", enOther: "{n} errors", vi: "{n} lỗi")
        case .countWarning: Entry(en: "{n} warning", enOther: "{n} warnings", vi: "{n} cảnh báo")
        case .countDay: Entry(en: "{n} day", enOther: "{n} days", vi: "{n} ngày")

        case .loaAbstract:
            Entry(
                en: "Schedules, delivers and archives announcements on social channels.",
                vi: "Lên lịch, đăng và lưu trữ thông báo trên các kênh mạng xã hội."
            )
        case .loaDiscussion:
            Entry(
                en: """
                    A workspace holds loa.yml, queue/ (one Markdown file per announcement) and templates/.
                    Start with `loa init`, then `loa check` and `loa preview ID`; cron runs `loa run` every minute and
                    `loa engagement` hourly; `loa export` makes the monthly, quarterly and yearly reports.
                    Loa speaks English or Vietnamese: `language: vi` in loa.yml, or LOA_LANG=vi (which wins).

                    Exit codes: 0 success (retries still owed count as success); 1 a delivery failed for good or became
                    unconfirmed, a channel stopped for its token, or a queue file was rejected; 2 bad usage or
                    configuration.
                    """,
                vi: """
                    Một không gian làm việc gồm loa.yml, queue/ (mỗi thông báo một tệp Markdown) và templates/.
                    Bắt đầu bằng `loa init`, rồi `loa check` và `loa preview ID`; cron chạy `loa run` mỗi phút và
                    `loa engagement` mỗi giờ; `loa export` lập báo cáo tháng, quý, năm.
                    Loa nói tiếng Việt hoặc tiếng Anh: `language: vi` trong loa.yml, hoặc LOA_LANG=vi (ưu tiên hơn).

                    Mã thoát: 0 thành công (còn lượt thử lại vẫn tính là thành công); 1 có bài gửi thất bại hẳn hoặc
                    chưa rõ đã đăng, một kênh bị dừng vì token, hoặc tệp hàng đợi bị từ chối; 2 dùng sai lệnh hoặc cấu
                    hình sai.
                    """
            )
        case .optionConfig:
            Entry(
                en: "The workspace's loa.yml (default: $LOA_CONFIG, else ./loa.yml).",
                vi: "Tệp loa.yml của không gian làm việc (mặc định: $LOA_CONFIG, nếu không thì ./loa.yml)."
            )
        case .optionNow:
            Entry(
                en: "Act as if it were this time (ISO 8601, or yyyy-MM-dd HH:mm local), for tests and backfills.",
                vi:
                    "Làm như thể bây giờ là thời điểm này (ISO 8601, hoặc yyyy-MM-dd HH:mm giờ địa phương), để thử và chạy bù."
            )
        case .optionJSON: Entry(en: "Print them as a JSON array.", vi: "In ra dạng mảng JSON.")
        case .argumentAnnouncement: Entry(en: "The announcement's id.", vi: "Mã (id) của thông báo.")

        case .runAbstract:
            Entry(
                en: "Deliver what is due and retry what is owed; the job cron runs every minute.",
                vi: "Đăng các bài đến hạn và thử lại các bài còn nợ; việc cron chạy mỗi phút."
            )
        case .runDiscussion:
            Entry(
                en: """
                    When standard output is not a terminal, prints nothing unless something needs a person (a post \
                    was written to the outbox to post by hand, still waits there `remind_after` after it was written \
                    and then once a day, failed for good, was missed or expired, is unconfirmed (a direct post whose \
                    answer was lost and that Loa could not find on the platform), cannot be rendered, a direct channel \
                    stopped for its token, or a queue file was rejected), so cron mails only those. With `notify:` in loa.yml, the same list goes once to \
                    that channel. A run that finds another holding the lock exits 0 at once.
                    Exit codes: 0 success, retries still owed included; 1 a delivery failed for good or became \
                    unconfirmed, a channel stopped for its token, or a queue file was rejected; 2 bad usage or \
                    configuration.
                    """,
                vi: """
                    Khi đầu ra không phải màn hình, không in gì trừ khi có việc cần người làm (một bài đã ghi ra \
                    outbox để đăng tay, vẫn chờ ở đó sau `remind_after` rồi mỗi ngày một lần, thất bại hẳn, lỡ giờ \
                    đăng hoặc hết hạn, chưa rõ đã đăng (bài đăng thẳng lên nền tảng bị mất câu trả lời và Loa không tìm \
                    thấy trên nền tảng), không dựng được, một kênh đăng trực tiếp bị dừng vì token, hoặc một tệp hàng \
                    đợi bị từ chối), nên cron chỉ gửi thư về \
                    những việc đó. Có `notify:` trong loa.yml thì danh sách ấy được gửi một lần tới kênh đó. Lần chạy \
                    gặp lần khác đang giữ khóa thì thoát ngay với mã 0.
                    Mã thoát: 0 thành công, kể cả còn lượt thử lại; 1 có bài gửi thất bại hẳn hoặc chưa rõ đã đăng, \
                    một kênh bị dừng vì token, hoặc tệp hàng đợi bị từ chối; 2 dùng sai lệnh hoặc cấu hình sai.
                    """
            )
        case .runDryRun:
            Entry(
                en: "Show what would go where, and change nothing.",
                vi: "Cho xem bài nào sẽ đi đâu, không thay đổi gì."
            )
        case .runVerbose:
            Entry(
                en: "Print every decision, also when not on a terminal.",
                vi: "In mọi quyết định, kể cả khi không chạy trên màn hình."
            )
        case .runCatchUp:
            Entry(
                en: "Also send the posts a new archive held because they were more than `catch_up` past their time.",
                vi: "Gửi cả những bài mà kho lưu trữ mới tạm giữ vì đã quá giờ hơn `catch_up`."
            )
        case .runLocked:
            Entry(
                en: "another loa run is working ({path} is locked); nothing to do",
                vi: "một lần chạy loa khác đang làm việc ({path} đang bị khóa); không có gì để làm"
            )

        case .statusAbstract:
            Entry(
                en:
                    "Show each announcement × channel: pending, sent, retrying, failed, missed, expired, cancelled, held.",
                vi:
                    "Cho xem từng thông báo × kênh: chờ đăng, đã đăng, đang thử lại, thất bại, lỡ giờ đăng, hết hạn, đã hủy, tạm giữ."
            )
        case .statusDiscussion:
            Entry(
                en: """
                    IMAGES lists the photos of each announcement as its queue file now names them; the last column says why \
                    a delivery is where it is, in words a person can act on. Direct channels stopped for their token \
                    follow the table (on standard error with --json), with when, why and what to do.
                    """,
                vi: """
                    Cột ẢNH liệt kê ảnh của từng thông báo theo tệp hàng đợi hiện nay; cột cuối nói vì sao bài \
                    đang ở trạng thái đó, bằng lời để người đọc biết phải làm gì. Các kênh đăng trực tiếp bị dừng vì \
                    token được liệt kê sau bảng (ra luồng lỗi khi dùng --json), kèm thời điểm, lý do và cách xử lý.
                    """
            )
        case .statusOnly: Entry(en: "Only this announcement.", vi: "Chỉ thông báo này.")
        case .statusNoArchive:
            Entry(
                en: "No archive yet at {path}: run `loa run` first.",
                vi: "Chưa có kho lưu trữ ở {path}: hãy chạy `loa run` trước."
            )
        case .statusColumns:
            Entry(
                en: "ANNOUNCEMENT|REV|CHANNEL|STATUS|TRIES|WHEN|IMAGES|NOTE",
                vi: "THÔNG BÁO|BẢN|KÊNH|TRẠNG THÁI|LẦN GỬI|THỜI ĐIỂM|ẢNH|GHI CHÚ"
            )
        case .statusInterrupted: Entry(en: "{tries} (+{n} interrupted)", vi: "{tries} (+{n} bị ngắt)")
        case .statusStopped:
            Entry(
                en: "channel {channel} stopped on {when}, at {id}: {reason}; {hint}",
                vi: "kênh {channel} bị dừng lúc {when}, ở bài {id}: {reason}; {hint}"
            )
        case .statusStoppedChanged:
            Entry(
                en:
                    "channel {channel} stopped on {when} ({reason}); its credentials changed since: the next run posts again",
                vi: "kênh {channel} bị dừng lúc {when} ({reason}); thông tin đăng nhập đã đổi: lần chạy tới sẽ đăng lại"
            )

        case .checkAbstract:
            Entry(
                en: "Validate loa.yml, credentials, templates and every queue file.",
                vi: "Kiểm tra loa.yml, credentials, templates và mọi tệp hàng đợi."
            )
        case .checkDiscussion:
            Entry(
                en: """
                    Lists every problem as file:line: severity: field: message. Each announcement is also rendered for \
                    each of its channels, so a text too long for a channel is found before it is due.
                    With --online, also asks each direct channel's platform, without posting: for facebook-page channels \
                    the Graph API, whether the token works, is a Page token for its Page and can read the Page's posts; \
                    for telegram channels, whether the bot's token works (getMe) and the bot may post in the chat \
                    (getChatMember); for zalo-bot channels, whether the bot's token works (getMe).
                    Exit codes: 0 clean (warnings allowed); 1 a queue file has errors; 2 the configuration has errors \
                    (with --online: also a token that does not work).
                    """,
                vi: """
                    Liệt kê mọi vấn đề dạng tệp:dòng: mức độ: trường: nội dung. Mỗi thông báo cũng được dựng cho từng \
                    kênh của nó, nên bài quá dài với một kênh được phát hiện trước khi đến hạn.
                    Với --online, hỏi thêm nền tảng của mỗi kênh đăng thẳng, không đăng gì: kênh facebook-page hỏi \
                    Graph API xem token còn dùng được không, có phải token của đúng Trang không và đọc được bài của Trang \
                    không; kênh telegram hỏi token của bot (getMe) và bot có được đăng trong nhóm/kênh không \
                    (getChatMember); kênh zalo-bot hỏi token của bot (getMe).
                    Mã thoát: 0 không có lỗi (được phép có cảnh báo); 1 tệp hàng đợi có lỗi; 2 cấu hình có lỗi \
                    (với --online: cả token không dùng được).
                    """
            )
        case .checkOnline:
            Entry(
                en: "Also ask each direct channel's platform whether its token works and may post (no posting).",
                vi:
                    "Hỏi thêm nền tảng của mỗi kênh đăng thẳng xem token còn dùng được và có quyền đăng không (không đăng gì)."
            )
        case .checkSummary:
            Entry(
                en: "{files}: {ready} ready, {draft} draft; {errors}, {warnings}",
                vi: "{files}: {ready} sẵn sàng, {draft} bản nháp; {errors}, {warnings}"
            )

        case .initAbstract:
            Entry(
                en: "Write a starter workspace; never overwrites a file.",
                vi: "Tạo không gian làm việc mẫu; không bao giờ ghi đè tệp đã có."
            )
        case .initDiscussion:
            Entry(
                en: """
                    Writes loa.yml, credentials.example, templates/ and a sample draft in queue/. loa.yml says \
                    `language: vi` and the files' comments are Vietnamese, unless LOA_LANG=en asks for English.
                    """,
                vi: """
                    Ghi loa.yml, credentials.example, templates/ và một bài nháp mẫu trong queue/. loa.yml ghi \
                    `language: vi` và chú thích trong các tệp bằng tiếng Việt, trừ khi LOA_LANG=en yêu cầu tiếng Anh.
                    """
            )
        case .initDirectory:
            Entry(en: "The folder to write into (created if missing).", vi: "Thư mục để ghi vào (tạo mới nếu chưa có).")
        case .initWrote: Entry(en: "wrote  {path}", vi: "đã ghi  {path}")
        case .initKept: Entry(en: "kept   {path} (already exists)", vi: "giữ nguyên  {path} (đã có)")
        case .initNext:
            Entry(
                en: "Next: edit loa.yml and queue/, then run `loa check`.",
                vi: "Tiếp theo: sửa loa.yml và queue/, rồi chạy `loa check`."
            )
        case .initCannotWrite:
            Entry(en: "loa init: cannot write to {path}: {reason}", vi: "loa init: không ghi được vào {path}: {reason}")

        case .previewAbstract:
            Entry(
                en: "Print each channel's variant of an announcement, its length against the limit, and its images.",
                vi: "In bản của thông báo cho từng kênh, độ dài so với giới hạn, và ảnh đi kèm."
            )
        case .previewAnnouncement:
            Entry(
                en: "The announcement: its id, or the path of its file.",
                vi: "Thông báo: mã (id) hoặc đường dẫn tệp của nó."
            )
        case .previewChannel:
            Entry(en: "Only this channel (an id or a glob).", vi: "Chỉ kênh này (mã kênh hoặc mẫu glob).")
        case .previewCharacters: Entry(en: "{length}/{limit} characters", vi: "{length}/{limit} ký tự")
        case .previewCut: Entry(en: "cut to fit", vi: "đã cắt cho vừa")
        case .previewNoSuchChannel:
            Entry(
                en: "--channel {channel}: {id} is not posted to such a channel (its channels: {channels})",
                vi: "--channel {channel}: {id} không đăng lên kênh nào như vậy (các kênh của nó: {channels})"
            )
        case .previewNoAnnouncement:
            Entry(en: "no announcement '{id}' in {folder}", vi: "không có thông báo '{id}' trong {folder}")
        case .previewDidYouMean: Entry(en: "; did you mean '{name}'?", vi: "; có phải ý bạn là '{name}'?")
        case .previewScheduled: Entry(en: "scheduled for {when}", vi: "lên lịch lúc {when}")
        case .draftNote:
            Entry(
                en: "draft: not sent until its file says `status: ready`",
                vi: "bản nháp: chưa gửi cho đến khi tệp ghi `status: ready`"
            )
        case .previewNotScheduled:
            Entry(en: "no publish_at: sent at the next run", vi: "không có publish_at: gửi ở lần chạy tới")
        case .previewHashtagsDropped:
            Entry(en: "hashtags dropped for {platform}: {hashtags}", vi: "hashtag bị bỏ trên {platform}: {hashtags}")

        case .agendaAbstract:
            Entry(
                en: "Show what will go out when over the next days, per channel, and what waits for a person.",
                vi: "Cho xem bài nào sẽ đăng lúc nào trong những ngày tới, theo kênh, và việc gì đang chờ người làm."
            )
        case .agendaDiscussion:
            Entry(
                en: """
                    Each ready post at its expected time: its publish_at (or retry time), moved past the channel's quiet \
                    hours and kept its minimum gap. Drafts are shown at their time, marked; posts written to the outbox \
                    or held are listed as waiting for a person. Reads the queue and the archive; changes nothing.
                    """,
                vi: """
                    Mỗi bài sẵn sàng ở thời điểm dự kiến: publish_at (hoặc giờ thử lại), dời qua giờ yên lặng của kênh \
                    và giữ khoảng cách tối thiểu. Bài nháp hiện ở thời điểm của nó, có đánh dấu; bài đã ghi ra outbox \
                    hoặc tạm giữ được liệt kê là đang chờ người làm. Chỉ đọc hàng đợi và kho lưu trữ; không thay đổi gì.
                    """
            )
        case .agendaDays: Entry(en: "How many days ahead (1–366).", vi: "Xem trước bao nhiêu ngày (1–366).")
        case .agendaNothing:
            Entry(
                en: "Nothing is due in the next {days}, and nothing waits for a person.",
                vi: "Không có gì đến hạn trong {days} tới, và không có việc gì chờ người làm."
            )
        case .agendaDraft: Entry(en: "{when} (draft)", vi: "{when} (bản nháp)")
        case .agendaWaiting: Entry(en: "waiting for a person since {when}", vi: "chờ người làm từ {when}")

        case .operatorChannel:
            Entry(
                en: "Only this channel (an id or a glob); default: all its channels.",
                vi: "Chỉ kênh này (mã kênh hoặc mẫu glob); mặc định: mọi kênh của thông báo."
            )
        case .operatorChanged:
            Entry(en: "{verb} {id} → {channel}: now {status}", vi: "{verb} {id} → {channel}: giờ là {status}")
        case .operatorNote: Entry(en: "note: {text}", vi: "lưu ý: {text}")
        case .operatorLeft: Entry(en: "left {id} → {channel}: {reason}", vi: "giữ nguyên {id} → {channel}: {reason}")
        case .operatorNothing:
            Entry(
                en: "no deliveries of '{id}' in the archive (see `loa status`)",
                vi: "kho lưu trữ không có lượt gửi nào của '{id}' (xem `loa status`)"
            )
        case .verbRetry: Entry(en: "retry", vi: "thử lại")
        case .verbCancelled: Entry(en: "cancelled", vi: "đã hủy")
        case .verbUndone: Entry(en: "undone", vi: "đã hoàn tác")
        case .verbConfirmed: Entry(en: "confirmed", vi: "đã xác nhận")
        case .retryAbstract:
            Entry(
                en: "Send a failed, cancelled, held, missed or unconfirmed delivery again at the next run.",
                vi: "Gửi lại ở lần chạy tới một bài thất bại, đã hủy, tạm giữ, lỡ giờ đăng hoặc chưa rõ đã đăng."
            )
        case .retryDiscussion:
            Entry(
                en: """
                    The delivery gets a fresh backoff and a fresh window: the next run sends it even when missed_after has \
                    passed since publish_at, and missed_after then counts from the retry. An expired one is not sent. \
                    An unconfirmed one is looked for on its platform once more before it is sent.
                    """,
                vi: """
                    Bài được tính lại từ đầu thời gian chờ và khung giờ: lần chạy tới sẽ gửi nó kể cả khi đã quá \
                    missed_after kể từ publish_at, và missed_after khi đó tính từ lúc thử lại. Bài đã hết hạn thì không gửi. \
                    Bài chưa rõ đã đăng được tìm lại trên nền tảng một lần nữa trước khi gửi.
                    """
            )
        case .cancelAbstract:
            Entry(en: "Stop deliveries that have not gone out yet.", vi: "Dừng những bài chưa được gửi đi.")
        case .confirmAbstract:
            Entry(
                en: "Record that an outbox post was made by hand, and where; or undo such a record.",
                vi: "Ghi nhận một bài trong outbox đã được đăng tay, và đăng ở đâu; hoặc hoàn tác ghi nhận đó."
            )
        case .confirmDiscussion:
            Entry(
                en: """
                    Only a post awaiting confirmation (written to outbox/ by loa run), or an unconfirmed one (sent \
                    straight to a platform, its answer lost, and found there by a person), is confirmed; anything else is \
                    refused with the reason (exit 1) unless --force, for a post made by hand before Loa wrote it or after \
                    it was missed. A message in a Zalo group has no address: --note says where it went instead.
                    Examples:
                      loa confirm 2026-12-05-ca-phe --channel zalo-doan-phuong --note "nhóm Zalo Đoàn phường" --at 7h30
                      loa confirm 2026-12-05-ca-phe --channel fb-doan-phuong --url https://facebook.com/…/posts/123
                      loa confirm 2026-12-05-ca-phe --channel zalo-doan-phuong --undo
                    """,
                vi: """
                    Chỉ xác nhận bài đang Chờ xác nhận (do loa run ghi ra outbox/), hoặc bài Chưa rõ đã đăng (đăng thẳng \
                    lên nền tảng, mất câu trả lời, và được người tìm thấy ở đó); bài khác bị từ chối kèm lý do \
                    (mã thoát 1), trừ khi có --force, dành cho bài đã đăng tay trước khi Loa ghi ra hoặc sau khi lỡ giờ \
                    đăng. Tin nhắn trong nhóm Zalo không có địa chỉ: dùng --note để ghi đã đăng ở đâu.
                    Ví dụ:
                      loa confirm 2026-12-05-ca-phe --channel zalo-doan-phuong --note "nhóm Zalo Đoàn phường" --at 7h30
                      loa confirm 2026-12-05-ca-phe --channel fb-doan-phuong --url https://facebook.com/…/posts/123
                      loa confirm 2026-12-05-ca-phe --channel zalo-doan-phuong --undo
                    """
            )
        case .confirmChannel:
            Entry(en: "The outbox channel it was posted to.", vi: "Kênh outbox mà bài đã được đăng lên.")
        case .confirmURL: Entry(en: "The address of the post, when it has one.", vi: "Địa chỉ của bài đăng, nếu có.")
        case .confirmNote:
            Entry(
                en: "Where or how it was posted, such as \"nhóm Zalo Đoàn phường\".",
                vi: "Đã đăng ở đâu hoặc bằng cách nào, ví dụ \"nhóm Zalo Đoàn phường\"."
            )
        case .confirmAt:
            Entry(
                en:
                    "When it was posted (dd/MM/yyyy HH:mm, yyyy-MM-dd HH:mm, or a time today: 07:30, 7h30, 19h); default now.",
                vi:
                    "Thời điểm đã đăng (dd/MM/yyyy HH:mm, yyyy-MM-dd HH:mm, hoặc giờ trong hôm nay: 07:30, 7h30, 19h); mặc định là bây giờ."
            )
        case .confirmForce:
            Entry(
                en: "Confirm even a delivery that is not awaiting confirmation.",
                vi: "Xác nhận cả bài không ở trạng thái Chờ xác nhận."
            )
        case .confirmUndo:
            Entry(
                en: "Undo a confirmation made by mistake: the delivery becomes what it was before.",
                vi: "Hoàn tác một xác nhận nhầm: bài trở lại trạng thái trước đó."
            )
        case .confirmUndoAlone:
            Entry(
                en: "--undo takes no --url, --note, --at or --force",
                vi: "--undo không đi cùng --url, --note, --at hay --force"
            )
        case .confirmNotAddress:
            Entry(
                en: "--url: '{url}' is not a web address; expected https://… (to say where a post without an address "
                    + "went, use --note)",
                vi:
                    "--url: '{url}' không phải địa chỉ web; cần dạng https://… (để ghi nơi đăng của bài không có địa chỉ, "
                    + "dùng --note)"
            )
        case .confirmEmptyNote: Entry(en: "--note: the note is empty", vi: "--note: ghi chú đang để trống")
        case .refusalAlready: Entry(en: "it is {status} already", vi: "bài đã ở trạng thái {status} rồi")
        case .refusalNotAwaiting:
            Entry(
                en: "it is not awaiting confirmation: it is {status}",
                vi: "bài không ở trạng thái Chờ xác nhận: bài đang {status}"
            )
        case .refusalNotWritten:
            Entry(
                en: "it is not awaiting confirmation: it has not been written to the outbox yet (due {when})",
                vi: "bài không ở trạng thái Chờ xác nhận: bài chưa được ghi ra outbox (đến hạn {when})"
            )
        case .refusalWriteFailed:
            Entry(
                en: "it is not awaiting confirmation: writing it to the outbox failed",
                vi: "bài không ở trạng thái Chờ xác nhận: ghi bài ra outbox đã thất bại"
            )
        case .refusalWriteRetrying:
            Entry(
                en: "it is not awaiting confirmation: writing it to the outbox is to be tried again",
                vi: "bài không ở trạng thái Chờ xác nhận: việc ghi bài ra outbox sẽ được thử lại"
            )
        case .refusalNotConfirmed:
            Entry(en: "it is not confirmed: it is {status}", vi: "bài chưa được xác nhận: bài đang {status}")
        case .refusalForceHint:
            Entry(
                en: "; if it was posted by hand anyway, confirm with --force",
                vi: "; nếu bài thật sự đã được đăng tay, xác nhận với --force"
            )

        case .channelAbstract:
            Entry(
                en: "Work on channels' records in the archive.",
                vi: "Làm việc với dữ liệu của các kênh trong kho lưu trữ."
            )
        case .channelRenameAbstract:
            Entry(
                en: "Move the archive's records of a channel to its new id, after renaming it in loa.yml.",
                vi: "Chuyển dữ liệu của một kênh trong kho lưu trữ sang mã mới, sau khi đã đổi tên kênh trong loa.yml."
            )
        case .channelRenameDiscussion:
            Entry(
                en: """
                    A channel renamed in loa.yml (the same destination under a new id) would post again everything the \
                    old id posted; `loa run` holds those posts instead and says to run this. The deliveries keep their \
                    ids, so a bridge still deduplicates a retry. Run it while no `loa run` works (it waits for the run \
                    lock). Exit codes: 0 moved; 1 refused (nothing moved); 2 bad usage or configuration.
                    """,
                vi: """
                    Kênh đổi tên trong loa.yml (cùng nơi đăng, mã mới) sẽ đăng lại mọi bài mã cũ đã đăng; `loa run` \
                    tạm giữ các bài đó và nhắc chạy lệnh này. Các lượt gửi giữ nguyên mã, nên cầu nối vẫn nhận ra bài \
                    gửi lại. Chạy khi không có `loa run` nào đang làm việc (lệnh chờ khóa). Mã thoát: 0 đã chuyển; \
                    1 bị từ chối (không chuyển gì); 2 dùng sai lệnh hoặc cấu hình sai.
                    """
            )
        case .channelRenameOld:
            Entry(en: "The channel's old id, as the archive knows it.", vi: "Mã cũ của kênh, như kho lưu trữ đang ghi.")
        case .channelRenameNew:
            Entry(en: "The channel's new id, as loa.yml now names it.", vi: "Mã mới của kênh, như loa.yml đang ghi.")
        case .channelResumeAbstract:
            Entry(
                en: "Let a channel stopped for its credentials post again.",
                vi: "Cho một kênh bị dừng vì thông tin đăng nhập được đăng lại."
            )
        case .channelResumeDiscussion:
            Entry(
                en: """
                    A direct channel whose token stopped working or lacks a permission (Facebook's codes 190, 102, 10, \
                    200-299) stops: its posts wait, and no run asks the platform again. A new token in the credentials \
                    file lifts the stop by itself at the next run; run this when the token stays the same (a \
                    permission granted to it since). The waiting posts go out at the next run. Exit codes: 0 resumed \
                    or not stopped; 2 bad usage or configuration.
                    """,
                vi: """
                    Kênh đăng trực tiếp có token hết hiệu lực hoặc thiếu quyền (mã 190, 102, 10, 200-299 của Facebook) \
                    sẽ bị dừng: bài của kênh chờ lại, và không lần chạy nào hỏi nền tảng nữa. Token mới trong tệp \
                    credentials tự gỡ lệnh dừng ở lần chạy tới; chạy lệnh này khi token giữ nguyên (vừa được cấp thêm \
                    quyền). Các bài đang chờ sẽ đăng ở lần chạy tới. Mã thoát: 0 đã gỡ hoặc kênh không bị dừng; 2 dùng \
                    sai lệnh hoặc cấu hình sai.
                    """
            )
        case .channelResumeChannel:
            Entry(en: "The stopped channel's id.", vi: "Mã của kênh bị dừng.")
        case .channelResumed:
            Entry(
                en: "channel {channel} resumed: its waiting posts go out at the next run",
                vi: "đã gỡ lệnh dừng kênh {channel}: các bài đang chờ sẽ đăng ở lần chạy tới"
            )
        case .channelNotStopped:
            Entry(en: "channel {channel} is not stopped", vi: "kênh {channel} không bị dừng")
        case .engagementAbstract:
            Entry(
                en: "Refresh the engagement figures of sent posts, or record figures read by hand.",
                vi: "Cập nhật số liệu tương tác của bài đã đăng, hoặc ghi số liệu đọc bằng tay."
            )
        case .engagementRefreshAbstract:
            Entry(
                en: "Read the figures of sent posts whose turn has come, from their channels' stats_url.",
                vi: "Đọc số liệu của các bài đã đăng đến lượt, từ stats_url của kênh."
            )
        case .engagementRefreshDiscussion:
            Entry(
                en: """
                    Fresh posts are read hourly, older ones less often, posts over 30 days never (see \
                    engagement_schedule in loa.yml). Safe to run from cron: it reads only what is due, and prints only \
                    warnings when not on a terminal. Exit codes: 0 success; 1 a bridge's answer could not be used.
                    """,
                vi: """
                    Bài mới được đọc mỗi giờ, bài cũ thưa hơn, bài quá 30 ngày thì không đọc nữa (xem \
                    engagement_schedule trong loa.yml). Chạy từ cron an toàn: chỉ đọc bài đến lượt, và khi không chạy \
                    trên màn hình thì chỉ in cảnh báo. Mã thoát: 0 thành công; 1 không dùng được câu trả lời của cầu nối.
                    """
            )
        case .engagementRecordAbstract:
            Entry(
                en:
                    "Record figures read off a post by hand: loa engagement record ID --channel C reactions=12 views=1.250",
                vi: "Ghi số liệu đọc tay từ bài đăng: loa engagement record ID --channel C reactions=12 views=1.250"
            )
        case .engagementRecordDiscussion:
            Entry(
                en: """
                    Numbers may have dots between thousands (1.250). Metric names are checked against reactions, \
                    comments, shares, views and those recorded before: an unknown one (likes) is refused with the name \
                    meant, unless --new-metric.
                    """,
                vi: """
                    Số có thể có dấu chấm phân cách hàng nghìn (1.250). Tên chỉ số được so với reactions, comments, \
                    shares, views và các tên đã ghi trước đó: tên lạ (likes) bị từ chối kèm gợi ý tên đúng, trừ khi \
                    có --new-metric.
                    """
            )
        case .engagementRecordChannel: Entry(en: "The channel the post is on.", vi: "Kênh có bài đăng.")
        case .engagementRecordFigures:
            Entry(
                en: "Figures as name=number: reactions=12 comments=3 shares=1 views=1.250.",
                vi: "Số liệu dạng tên=số: reactions=12 comments=3 shares=1 views=1.250."
            )
        case .engagementRecordNewMetric:
            Entry(
                en: "Record a metric that no figure was recorded under before.",
                vi: "Ghi một chỉ số chưa từng được ghi trước đây."
            )
        case .exportAbstract:
            Entry(
                en: "Export the archive for reports: CSV, XLSX, JSON Lines, or an HTML report with charts.",
                vi: "Xuất kho lưu trữ để báo cáo: CSV, XLSX, JSON Lines, hoặc báo cáo HTML có biểu đồ."
            )
        case .exportDiscussion:
            Entry(
                en: """
                    One row per delivery: the announcement, its unit, category and channel, when it was due and posted, \
                    its status and address, the attempts, and the latest value of each engagement figure. Dates are \
                    yyyy-MM-dd or dd/MM/yyyy, inclusive, in loa.yml's time zone, and filter on the publish time; \
                    --month 11/2026, --quarter IV/2026 and --year 2026 stand for the days of that period. A --unit or \
                    --channel that nothing in loa.yml or the archive has is an error, not an empty report. CSV, \
                    JSON Lines and HTML go to standard output without --output.
                    """,
                vi: """
                    Mỗi lượt gửi một dòng: thông báo, đơn vị, chuyên mục và kênh, giờ dự kiến và giờ đã đăng, trạng \
                    thái và địa chỉ, số lần gửi, và giá trị mới nhất của từng số liệu tương tác. Ngày viết yyyy-MM-dd \
                    hoặc dd/MM/yyyy, tính cả hai đầu, theo múi giờ của loa.yml, và lọc theo giờ đăng; --month 11/2026, \
                    --quarter IV/2026 và --year 2026 thay cho các ngày của kỳ đó. --unit hay --channel không có trong \
                    loa.yml lẫn kho lưu trữ là lỗi, không phải báo cáo rỗng. CSV, JSON Lines và HTML in ra đầu ra \
                    chuẩn nếu không có --output.
                    """
            )
        case .exportFormat: Entry(en: "csv, xlsx, jsonl or html.", vi: "csv, xlsx, jsonl hoặc html.")
        case .exportFrom:
            Entry(en: "The first day (yyyy-MM-dd or dd/MM/yyyy).", vi: "Ngày đầu (yyyy-MM-dd hoặc dd/MM/yyyy).")
        case .exportTo: Entry(en: "The last day, included.", vi: "Ngày cuối, tính cả ngày này.")
        case .exportMonth:
            Entry(
                en: "A month instead of --from and --to: MM/yyyy, such as 11/2026.",
                vi: "Một tháng thay cho --from và --to: MM/yyyy, ví dụ 11/2026."
            )
        case .exportQuarter:
            Entry(
                en: "A quarter instead of --from and --to: IV/2026 or 4/2026.",
                vi: "Một quý thay cho --from và --to: IV/2026 hoặc 4/2026."
            )
        case .exportYear:
            Entry(
                en: "A year instead of --from and --to: yyyy, such as 2026.",
                vi: "Một năm thay cho --from và --to: yyyy, ví dụ 2026."
            )
        case .exportPeriod:
            Entry(
                en: "Group by month, quarter or year (default: that of --month, --quarter or --year, else month).",
                vi:
                    "Gộp theo tháng, quý hoặc năm (mặc định: theo --month, --quarter hoặc --year, nếu không thì theo tháng)."
            )
        case .exportUnit:
            Entry(
                en: "Only this unit, as written in the queue files.",
                vi: "Chỉ đơn vị này, như ghi trong tệp hàng đợi."
            )
        case .exportCategory:
            Entry(
                en: "Only this category: policy-update, model-practice or activity-news, or its Vietnamese label.",
                vi: "Chỉ chuyên mục này: policy-update, model-practice hoặc activity-news, hoặc tên tiếng Việt của nó."
            )
        case .exportByUnit:
            Entry(
                en: "A table and chart per unit: posts per period, interactions, views, and units that posted nothing.",
                vi: "Bảng và biểu đồ theo đơn vị: lượt đăng mỗi kỳ, tương tác, lượt xem, và đơn vị chưa có lượt đăng."
            )
        case .exportByUnitDiscussion:
            Entry(
                en: "Units are those of the archive (own and imported) and of `units:` in loa.yml. CSV then holds the "
                    + "unit table only; xlsx adds a sheet, html a first section; not for jsonl.",
                vi:
                    "Đơn vị gồm các đơn vị trong lưu trữ (của mình và đã nhập) và `units:` trong loa.yml. Khi đó CSV chỉ "
                    + "có bảng đơn vị; xlsx thêm một trang tính, html thêm phần đầu; không dùng với jsonl."
            )
        case .exportOutput:
            Entry(
                en: "The file to write (default: standard output, except for xlsx); never a workspace file.",
                vi: "Tệp để ghi (mặc định: đầu ra chuẩn, trừ xlsx); không bao giờ là tệp của không gian làm việc."
            )
        case .exportForce:
            Entry(
                en: "Replace the --output file if it exists (a file of the workspace is never replaced).",
                vi: "Thay tệp --output nếu đã có (tệp của không gian làm việc không bao giờ bị thay)."
            )
        case .importAbstract:
            Entry(
                en: "Take other units' JSON Lines exports into this archive, for reports that cover them all.",
                vi: "Nhập tệp JSON Lines xuất từ các đơn vị khác vào kho lưu trữ này, để báo cáo gộp tất cả."
            )
        case .importDiscussion:
            Entry(
                en: """
                    Each FILE is the output of `loa export --format jsonl` in another unit's workspace (sent by Zalo or \
                    e-mail). Its deliveries become imported records, keyed by unit and delivery id: importing a file again \
                    changes nothing, and a newer export of the same unit updates its rows and adds its new figures. \
                    Imported records are never delivered, retried or polled, and `loa status` does not list them; every \
                    `loa export` report shows them with their unit. A file that is not a Loa export, or from a newer \
                    version of Loa, is refused, and then nothing is imported.
                    """,
                vi: """
                    Mỗi FILE là kết quả của `loa export --format jsonl` ở không gian làm việc của đơn vị khác (gửi qua \
                    Zalo hoặc thư điện tử). Các lượt gửi trong đó thành bản ghi nhập, theo đơn vị và mã lượt gửi: nhập \
                    lại một tệp không thay đổi gì, tệp xuất mới hơn của cùng đơn vị cập nhật các dòng và thêm số liệu \
                    mới. Bản ghi nhập không bao giờ được gửi, thử lại hay đọc số liệu, và `loa status` không liệt kê \
                    chúng; mọi báo cáo `loa export` hiện chúng cùng đơn vị. Tệp không phải do Loa xuất, hoặc từ phiên \
                    bản Loa mới hơn, bị từ chối, và khi đó không nhập gì cả.
                    """
            )
        case .importFiles:
            Entry(en: "JSON Lines exports of other units' workspaces.", vi: "Các tệp JSON Lines xuất từ đơn vị khác.")
        case .sinkAbstract:
            Entry(
                en: "Run a local bridge for trying Loa: verifies signatures, logs posts, answers ids and figures.",
                vi: "Chạy một cầu nối cục bộ để thử Loa: kiểm chữ ký, ghi nhật ký bài nhận, trả mã bài và số liệu."
            )
        case .sinkDiscussion:
            Entry(
                en: """
                    Listens on 127.0.0.1. Point a webhook channel's url at http://127.0.0.1:PORT/<anything> and its \
                    stats_url at http://127.0.0.1:PORT/stats/{remote_id}. With --secret (or $LOA_SINK_SECRET), requests \
                    whose Standard Webhooks signature does not verify get 401. Every request is appended to the log as \
                    one JSON object a line with its verdict (accepted, duplicate, rejected-signature, rejected-timestamp, \
                    rejected-image, missing-webhook-id, bad-json, stats, post, not-found…), after a first "started" line; a log that \
                    cannot be written stops the sink at once (exit 2). Repeats of a webhook-id are answered with the first \
                    post's id. Photos sent inline are checked against their sha256 (a mismatch gets 400, verdict \
                    rejected-image) and kept in --images, a folder per post (<webhook-id>/1-name.jpg); the log shows where \
                    instead of the base64. A connection idle for --idle-timeout is closed.
                    """,
                vi: """
                    Nghe ở 127.0.0.1. Đặt url của kênh webhook là http://127.0.0.1:PORT/<gì cũng được> và stats_url là \
                    http://127.0.0.1:PORT/stats/{remote_id}. Có --secret (hoặc $LOA_SINK_SECRET) thì yêu cầu có chữ ký \
                    Standard Webhooks sai bị trả 401. Mỗi yêu cầu được ghi thêm vào nhật ký thành một đối tượng JSON mỗi \
                    dòng kèm kết luận (accepted, duplicate, rejected-signature, rejected-timestamp, rejected-image, \
                    missing-webhook-id, bad-json, stats, post, not-found…), sau dòng đầu "started"; không ghi được nhật \
                    ký thì sink dừng ngay (mã thoát 2). webhook-id gửi lặp lại được trả mã của bài đầu tiên. Ảnh gửi kèm \
                    được kiểm theo sha256 (sai thì trả 400, kết luận rejected-image) và lưu trong --images, mỗi bài một \
                    thư mục (<webhook-id>/1-ten.jpg); nhật ký ghi nơi lưu thay cho base64. Kết nối rảnh quá \
                    --idle-timeout thì bị đóng.
                    """
            )
        case .sinkPort:
            Entry(en: "The port to listen on; 0 picks a free one.", vi: "Cổng để nghe; 0 thì tự chọn cổng trống.")
        case .sinkSecret:
            Entry(
                en: "The whsec_… secret to verify signatures with (default: $LOA_SINK_SECRET).",
                vi: "Khóa bí mật whsec_… để kiểm chữ ký (mặc định: $LOA_SINK_SECRET)."
            )
        case .sinkLog:
            Entry(en: "The JSON Lines log of received requests.", vi: "Nhật ký JSON Lines của các yêu cầu nhận được.")
        case .sinkImages:
            Entry(
                en:
                    "Where received photos are kept, a folder per post (default: beside the log, named after it: sink-log-images).",
                vi: "Nơi lưu ảnh nhận được, mỗi bài một thư mục (mặc định: cạnh nhật ký, theo tên nó: sink-log-images)."
            )
        case .sinkIdleTimeout:
            Entry(
                en: "Close a connection idle this long (500ms, 30s, 2m; default 30s).",
                vi: "Đóng kết nối rảnh lâu chừng này (500ms, 30s, 2m; mặc định 30s)."
            )

        case .notifyTitle:
            Entry(
                en: "Loa ({workspace}): {n} thing needs a person",
                enOther: "Loa ({workspace}): {n} things need a person",
                vi: "Loa ({workspace}): {n} việc cần người làm"
            )
        case .notifyWritten: Entry(en: "post by hand: {id} → {channel}", vi: "đăng tay: {id} → {channel}")
        case .notifyReminder:
            Entry(en: "still to post by hand: {id} → {channel}", vi: "vẫn chờ đăng tay: {id} → {channel}")
        case .notifyFailed: Entry(en: "failed: {id} → {channel}: {detail}", vi: "thất bại: {id} → {channel}: {detail}")
        case .notifyStopped:
            Entry(
                en: "channel stopped: {channel} (at {id}): {detail}",
                vi: "kênh bị dừng: {channel} (ở bài {id}): {detail}"
            )
        case .notifyMissed: Entry(en: "missed: {id} → {channel}", vi: "lỡ giờ đăng: {id} → {channel}")
        case .notifyUnconfirmed:
            Entry(
                en: "unconfirmed (look on the platform, then loa confirm or loa retry): {id} → {channel}",
                vi: "chưa rõ đã đăng (xem trên nền tảng, rồi loa confirm hoặc loa retry): {id} → {channel}"
            )
        case .notifyExpired: Entry(en: "expired: {id} → {channel}", vi: "hết hạn: {id} → {channel}")
        case .notifyHeld: Entry(en: "held: {id} → {channel}: {detail}", vi: "tạm giữ: {id} → {channel}: {detail}")
        case .notifyUnrenderable:
            Entry(en: "cannot be rendered: {id} → {channel}", vi: "không dựng được: {id} → {channel}")
        case .notifyRejected: Entry(en: "queue file rejected: {file}", vi: "tệp hàng đợi bị từ chối: {file}")
        case .notifySeeStatus: Entry(en: "Details: loa status, loa check.", vi: "Chi tiết: loa status, loa check.")

        case .refusalExpired:
            Entry(
                en: "it expired; move expires_at and bump revision to post it",
                vi: "bài đã hết hạn; muốn đăng thì dời expires_at và tăng revision"
            )
        case .refusalDelivered:
            Entry(
                en: "it was already delivered; bump revision to post it again",
                vi: "bài đã được đăng rồi; muốn đăng lại thì tăng revision"
            )
        case .refusalSentAlready:
            Entry(
                en: "it was already sent; delete the post on the platform itself",
                vi: "bài đã được đăng rồi; hãy xóa bài ngay trên nền tảng"
            )
        case .warningRunWorking:
            Entry(
                en: "a run is working now: a request it already sent cannot be called back; if the bridge accepts it, "
                    + "`loa status` will show it as sent",
                vi: "một lần chạy đang làm việc: yêu cầu đã gửi đi thì không gọi lại được; nếu cầu nối nhận bài, "
                    + "`loa status` sẽ báo là Đã đăng"
            )
        case .refusalFuturePost:
            Entry(
                en: "--at {when} is in the future; a post is confirmed once made",
                vi: "--at {when} là thời điểm chưa tới; chỉ xác nhận bài sau khi đã đăng"
            )
        case .refusalSending:
            Entry(
                en: "a run is sending it now; see `loa status` once the run is over",
                vi: "một lần chạy đang gửi bài này; xem `loa status` khi lần chạy xong"
            )
        case .refusalConfirmedAlready:
            Entry(
                en: "it was confirmed already ({where}); `loa confirm --undo` first to correct it",
                vi: "bài đã được xác nhận rồi ({where}); muốn sửa thì chạy `loa confirm --undo` trước"
            )
        case .refusalBridgePosted:
            Entry(en: "the bridge already posted it ({where})", vi: "cầu nối đã đăng bài này rồi ({where})")
        case .refusalNoAddress: Entry(en: "no address", vi: "không có địa chỉ")
        case .refusalWebhookChannel:
            Entry(
                en: "it is a webhook channel; the bridge confirms its posts",
                vi: "đây là kênh webhook; cầu nối tự xác nhận bài của mình"
            )
        case .refusalBridgeUndo:
            Entry(
                en: "the bridge posted it; delete the post on the platform itself",
                vi: "cầu nối đã đăng bài này; hãy xóa bài ngay trên nền tảng"
            )

        case .engagementSummary:
            Entry(en: "{read} posts read, {stored} figures stored", vi: "đã đọc {read} bài, lưu {stored} số liệu")
        case .engagementReadAgain: Entry(en: ", {n} to read again next run", vi: ", {n} bài đọc lại ở lần chạy sau")
        case .engagementUnusable:
            Entry(
                en: ", {n} answer unusable",
                enOther: ", {n} answers unusable",
                vi: ", {n} câu trả lời không dùng được"
            )
        case .engagementRecorded:
            Entry(en: "recorded {id} → {channel}: {figures}", vi: "đã ghi số liệu {id} → {channel}: {figures}")

        case .exportWrote:
            Entry(
                en: "wrote {path}: {n} delivery",
                enOther: "wrote {path}: {n} deliveries",
                vi: "đã ghi {path}: {n} lượt đăng"
            )
        case .exportNoArchive:
            Entry(
                en: "no archive yet at {path}; run `loa run` first",
                vi: "chưa có kho lưu trữ ở {path}; hãy chạy `loa run` trước"
            )
        case .exportSeveralPeriods:
            Entry(en: "{options}: give one period, not several", vi: "{options}: chỉ nêu một kỳ, không nêu nhiều kỳ")
        case .exportPeriodAndDays:
            Entry(
                en: "{option} and {days}: give a period or days, not both",
                vi: "{option} và {days}: nêu một kỳ hoặc các ngày, không nêu cả hai"
            )
        case .exportByUnitJSONL:
            Entry(
                en: "--by-unit is for csv, xlsx and html; jsonl is always the complete record",
                vi: "--by-unit dùng cho csv, xlsx và html; jsonl luôn là bản ghi đầy đủ"
            )
        case .exportXLSXNeedsOutput:
            Entry(
                en: "--format xlsx needs --output FILE (a workbook is not readable on a terminal)",
                vi: "--format xlsx cần --output TỆP (không đọc được sổ tính trên màn hình dòng lệnh)"
            )
        case .exportNotADay:
            Entry(
                en: "--{option}: '{text}' is not a day; expected yyyy-MM-dd or dd/MM/yyyy",
                vi: "--{option}: '{text}' không phải là ngày; cần dạng yyyy-MM-dd hoặc dd/MM/yyyy"
            )
        case .exportNotAPeriod:
            Entry(
                en: "--{option}: '{text}' is not a {period}; expected {expected}",
                vi: "--{option}: '{text}' không phải là {period}; cần dạng {expected}"
            )
        case .exportPeriodMonth: Entry(en: "month", vi: "tháng")
        case .exportPeriodQuarter: Entry(en: "quarter", vi: "quý")
        case .exportPeriodYear: Entry(en: "year", vi: "năm")
        case .exportAnd: Entry(en: " and ", vi: " và ")

        case .importNeedFiles: Entry(en: "name at least one file to import", vi: "hãy nêu ít nhất một tệp để nhập")
        case .importMissing:
            Entry(en: "'{file}' does not exist; nothing was imported", vi: "tệp '{file}' không tồn tại; chưa nhập gì")
        case .importUnreadable:
            Entry(en: "'{file}' cannot be read; nothing was imported", vi: "không đọc được tệp '{file}'; chưa nhập gì")
        case .importNothingImported: Entry(en: "{problem}; nothing was imported", vi: "{problem}; chưa nhập gì")
        case .importLine:
            Entry(
                en: "{file}: {n} delivery of {units} ({parts})",
                enOther: "{file}: {n} deliveries of {units} ({parts})",
                vi: "{file}: {n} lượt đăng của {units} ({parts})"
            )
        case .importNew: Entry(en: "{n} new", vi: "{n} mới")
        case .importUpdated: Entry(en: "{n} updated", vi: "{n} cập nhật")
        case .importUnchanged: Entry(en: "{n} unchanged", vi: "{n} không đổi")
        case .importOwn: Entry(en: "{n} of this archive's own, left out", vi: "{n} của chính kho này, bỏ qua")

        case .sinkListening:
            Entry(
                en: "listening on http://127.0.0.1:{port} ({verifying}, log: {log}, photos: {images})",
                vi: "đang nghe ở http://127.0.0.1:{port} ({verifying}, nhật ký: {log}, ảnh: {images})"
            )
        case .sinkVerifying: Entry(en: "verifying signatures", vi: "có kiểm chữ ký")
        case .sinkNotVerifying: Entry(en: "not verifying signatures", vi: "không kiểm chữ ký")
        case .sinkReceived: Entry(en: "post {remote_id} ← {path} ({id})", vi: "bài {remote_id} ← {path} ({id})")
        case .sinkBadPort: Entry(en: "--port: expected 0 to 65535", vi: "--port: cần một số từ 0 đến 65535")
        case .sinkBadIdleTimeout:
            Entry(
                en: "--idle-timeout: '{text}' is not a duration from 1ms to 24h (500ms, 30s, 2m)",
                vi: "--idle-timeout: '{text}' không phải khoảng thời gian từ 1ms đến 24h (500ms, 30s, 2m)"
            )
        case .suggestionDidYouMean: Entry(en: " (did you mean '{word}'?)", vi: " (có phải ý bạn là '{word}'?)")
        case .suggestionNoSuch: Entry(en: "there is no {kind} '{word}'{place}", vi: "không có {kind} '{word}'{place}")
        case .suggestionNoSuchKnown:
            Entry(
                en: "there is no {kind} '{word}'{place} (known: {known})",
                vi: "không có {kind} '{word}'{place} (hiện có: {known})"
            )
        case .suggestionSeeCheck: Entry(en: "see `loa check`", vi: "xem `loa check`")
        case .kindChannel: Entry(en: "channel", vi: "kênh")
        case .kindMetric: Entry(en: "metric", vi: "chỉ số")
        case .placeInConfig: Entry(en: "in loa.yml", vi: "trong loa.yml")

        case .metricLowercase:
            Entry(
                en: "there is no metric '{name}' (did you mean '{meant}'?); metric names are lowercase",
                vi: "không có chỉ số '{name}' (có phải ý bạn là '{meant}'?); tên chỉ số viết chữ thường"
            )
        case .metricSynonym:
            Entry(
                en: "there is no metric '{name}' (did you mean '{meant}'?)",
                vi: "không có chỉ số '{name}' (có phải ý bạn là '{meant}'?)"
            )
        case .metricAddNew:
            Entry(en: "; add --new-metric to record a new one", vi: "; thêm --new-metric để ghi một chỉ số mới")
        case .ledgerNoDelivery:
            Entry(
                en: "no delivery of '{id}' to '{channel}' in the archive (see `loa status`)",
                vi: "kho lưu trữ không có lượt đăng '{id}' lên '{channel}' (xem `loa status`)"
            )
        case .ledgerNotPosted:
            Entry(
                en: "the post is {status}, not posted; figures are recorded for posts that went out",
                vi: "bài đang ở trạng thái {status}, chưa đăng; chỉ ghi số liệu cho bài đã đăng"
            )
        case .figuresNotJSON:
            Entry(
                en: "the answer is not a JSON object: {excerpt}",
                vi: "câu trả lời không phải đối tượng JSON: {excerpt}"
            )
        case .figuresEmptyAnswer: Entry(en: "(empty)", vi: "(trống)")
        case .figuresNone:
            Entry(
                en: "the answer has no figures (expected numbers such as reactions, comments, shares, views)",
                vi: "câu trả lời không có số liệu (cần các số như reactions, comments, shares, views)"
            )
        case .figuresNegative:
            Entry(
                en: "{metric} is {value}; figures cannot be negative",
                vi: "{metric} là {value}; số liệu không được âm"
            )
        case .figuresNotWhole:
            Entry(
                en: "{metric} is {value}; figures are whole numbers",
                vi: "{metric} là {value}; số liệu phải là số nguyên"
            )
        case .figuresTooLarge:
            Entry(
                en: "{metric} is {value}; figures are at most {maximum}",
                vi: "{metric} là {value}; số liệu tối đa là {maximum}"
            )
        case .figuresMalformed:
            Entry(
                en: "'{text}' is not name=number; expected, for example, reactions=12",
                vi: "'{text}' không có dạng tên=số; ví dụ đúng: reactions=12"
            )
        case .figuresBadValue:
            Entry(
                en: "'{text}': the value must be a whole number from 0 to {maximum} (1250 or 1.250)",
                vi: "'{text}': giá trị phải là số nguyên từ 0 đến {maximum} (1250 hoặc 1.250)"
            )
        case .figuresNotGiven:
            Entry(
                en: "no figures given; expected, for example, reactions=12 comments=3 shares=1 views=480",
                vi: "chưa nhập số liệu nào; ví dụ: reactions=12 comments=3 shares=1 views=480"
            )

        case .diagHint: Entry(en: "hint", vi: "gợi ý")
        case .diagYAMLSyntax: Entry(en: "YAML syntax: {problem}", vi: "lỗi cú pháp YAML: {problem}")
        case .diagFromLine: Entry(en: " from line {line}", vi: " từ dòng {line}")
        case .diagHashComment:
            Entry(
                en: "a '#' after a space starts a comment in YAML; put the value in quotes, as \"#TuoiTre\"",
                vi: "trong YAML, dấu '#' đứng sau dấu cách là bắt đầu chú thích; hãy đặt giá trị trong ngoặc kép, "
                    + "như \"#TuoiTre\""
            )
        case .diagColonQuotes:
            Entry(
                en: "a value containing ': ' must be put in quotes",
                vi: "giá trị có chứa ': ' phải đặt trong ngoặc kép"
            )
        case .diagAppearsTwice: Entry(en: "appears twice", vi: "xuất hiện hai lần")
        case .diagFirstOnLine: Entry(en: " (first on line {line})", vi: " (lần đầu ở dòng {line})")
        case .diagKeepOne: Entry(en: "keep one of them", vi: "chỉ giữ lại một")
        case .diagExpectedMapping:
            Entry(
                en: "expected a mapping of `key: value` lines, found {found}",
                vi: "cần các dòng dạng `khóa: giá trị`, nhưng lại gặp {found}"
            )
        case .diagKeyPlainText: Entry(en: "a key must be plain text", vi: "khóa phải là chữ thuần")
        case .diagUnknownKey: Entry(en: "unknown key", vi: "khóa không hợp lệ")
        case .diagKnownKeys: Entry(en: "known keys: {keys}", vi: "các khóa hợp lệ: {keys}")
        case .diagExpectedSingle:
            Entry(en: "expected a single value, found {found}", vi: "cần một giá trị đơn, nhưng lại gặp {found}")
        case .diagEmpty: Entry(en: "is empty; expected a value", vi: "đang để trống; cần điền giá trị")
        case .diagNotWholeNumber:
            Entry(
                en: "'{text}' is not a whole number from {lower}{upper}",
                vi: "'{text}' không phải số nguyên từ {lower}{upper}"
            )
        case .diagUpTo: Entry(en: " to {upper}", vi: " đến {upper}")
        case .diagExpectedList:
            Entry(
                en: "expected a list such as [a, b], found {found}",
                vi: "cần một danh sách như [a, b], nhưng lại gặp {found}"
            )
        case .diagFoundValue: Entry(en: "the value '{value}'", vi: "giá trị '{value}'")
        case .diagFoundMapping: Entry(en: "a mapping", vi: "một nhóm khóa: giá trị")
        case .diagFoundList: Entry(en: "a list", vi: "một danh sách")
        case .diagFoundAlias: Entry(en: "an alias", vi: "một bí danh (alias)")

        case .dateUnrecognised:
            Entry(
                en: "'{text}' is not a date-time; expected yyyy-MM-dd HH:mm, dd/MM/yyyy HH:mm (or 7h30) "
                    + "or ISO 8601 with an offset (2026-01-05T08:00+07:00)",
                vi: "'{text}' không phải ngày giờ; cần dạng yyyy-MM-dd HH:mm, dd/MM/yyyy HH:mm (hoặc 7h30) "
                    + "hoặc ISO 8601 có múi giờ (2026-01-05T08:00+07:00)"
            )
        case .dateOnly:
            Entry(
                en: "'{text}' has no time of day; add one, as in '{text} 08:00'",
                vi: "'{text}' thiếu giờ; hãy thêm giờ, như '{text} 08:00'"
            )
        case .dateOutOfRange:
            Entry(
                en: "'{text}' has no such {component}; dates are written day first (dd/MM/yyyy), never month first",
                vi: "'{text}' có {component} không hợp lệ; ngày viết theo thứ tự ngày trước (dd/MM/yyyy), "
                    + "không viết tháng trước"
            )
        case .dateYearOutOfRange:
            Entry(
                en: "'{text}' is out of range; expected a year from {lower} to {upper}",
                vi: "'{text}' nằm ngoài khoảng cho phép; cần năm từ {lower} đến {upper}"
            )
        case .dateSkippedTime:
            Entry(
                en: "'{text}' does not exist in {zone}: the clocks skip that hour; expected a time that exists there",
                vi: "'{text}' không có ở múi giờ {zone}: đồng hồ nhảy qua giờ đó; hãy chọn giờ có thật ở đó"
            )

        case .dateDay: Entry(en: "day", vi: "ngày")
        case .dateMonth: Entry(en: "month", vi: "tháng")
        case .dateHour: Entry(en: "hour", vi: "giờ")
        case .dateMinute: Entry(en: "minute", vi: "phút")
        case .dateOffset: Entry(en: "offset", vi: "độ lệch múi giờ")

        case .diagMissing: Entry(en: "is missing", vi: "còn thiếu")
        case .diagMissingOneOf:
            Entry(en: "is missing; expected one of {names}", vi: "còn thiếu; cần một trong: {names}")
        case .diagMissingUnit:
            Entry(
                en: "is missing; expected the posting unit, as Đoàn phường An Hòa",
                vi: "còn thiếu; cần ghi đơn vị đăng, như Đoàn phường An Hòa"
            )
        case .diagNotAfterPublish: Entry(en: "is not after publish_at", vi: "phải sau publish_at")
        case .diagNoSuchChannel:
            Entry(en: "'{pattern}' names no channel in loa.yml", vi: "'{pattern}' không ứng với kênh nào trong loa.yml")
        case .diagNoChannels: Entry(en: "loa.yml defines no channels", vi: "loa.yml chưa khai báo kênh nào")
        case .diagChannelsKnown: Entry(en: "channels: {names}", vi: "các kênh: {names}")
        case .diagChannelsEmpty:
            Entry(
                en: "is empty; leave it out to post to every channel",
                vi: "đang để trống; muốn đăng lên mọi kênh thì bỏ hẳn trường này"
            )
        case .diagNotOneOf: Entry(en: "'{text}' is not one of {names}", vi: "'{text}' không thuộc: {names}")
        case .diagNotOneOfOr:
            Entry(
                en: "'{text}' is not one of {names} (or {labels})",
                vi: "'{text}' không thuộc: {names} (hoặc {labels})"
            )
        case .diagNotWebAddress:
            Entry(
                en: "'{text}' is not a web address; expected https://…",
                vi: "'{text}' không phải địa chỉ web; cần dạng https://…"
            )
        case .diagNotVariant:
            Entry(
                en: "'{key}' is neither a platform nor a channel",
                vi: "'{key}' không phải tên nền tảng, cũng không phải tên kênh"
            )
        case .diagExpectedOneOf: Entry(en: "expected one of: {names}", vi: "cần một trong: {names}")
        case .diagNoOpeningFence:
            Entry(
                en: "expected front matter: the file must start with a line '---'",
                vi: "thiếu phần đầu (front matter): tệp phải bắt đầu bằng dòng '---'"
            )
        case .diagNoOpeningFenceHint:
            Entry(
                en: "see queue/ in the example workspace, or run `loa init` in an empty folder",
                vi: "xem queue/ trong không gian làm việc mẫu, hoặc chạy `loa init` trong một thư mục trống"
            )
        case .diagNoClosingFence:
            Entry(
                en: "the front matter has no closing '---' line",
                vi: "phần đầu (front matter) thiếu dòng '---' để đóng lại"
            )
        case .diagFrontMatterEmpty:
            Entry(
                en: "the front matter is empty; expected title, category and unit",
                vi: "phần đầu (front matter) đang trống; cần có title, category và unit"
            )
        case .diagBodyEmpty:
            Entry(
                en: "is empty; expected the announcement's text after the front matter",
                vi: "đang trống; cần có nội dung thông báo sau phần đầu (front matter)"
            )
        case .diagNotUTF8: Entry(en: "is not UTF-8 text", vi: "không phải văn bản UTF-8")
        case .diagNotUTF8Hint:
            Entry(
                en: "save it as UTF-8 (in Notepad: Save As, Encoding: UTF-8)",
                vi: "hãy lưu lại dạng UTF-8 (trong Notepad: Save As, mục Encoding chọn UTF-8)"
            )
        case .diagIDTaken: Entry(en: "'{id}' is already the id of {file}", vi: "'{id}' đã là id của {file}")
        case .diagIDCase:
            Entry(
                en: "'{id}' differs only in case from '{first}', the id of {file}; ids name files, and some "
                    + "file systems ignore case",
                vi: "'{id}' chỉ khác chữ hoa, chữ thường so với '{first}', id của {file}; id được dùng làm tên tệp, "
                    + "mà có hệ thống tệp không phân biệt chữ hoa, chữ thường"
            )
        case .diagIDTakenHint:
            Entry(
                en: "give one of them another `id:`; neither is posted until then",
                vi: "hãy đặt `id:` khác cho một trong hai tệp; trước đó cả hai đều chưa được đăng"
            )
        case .diagNoChannelsDefined:
            Entry(en: "is missing; expected at least one channel", vi: "còn thiếu; cần ít nhất một kênh")
        case .diagNotTimeZone:
            Entry(
                en: "'{name}' is not a time zone; expected an IANA name such as Asia/Ho_Chi_Minh",
                vi: "'{name}' không phải múi giờ; cần tên IANA như Asia/Ho_Chi_Minh"
            )
        case .diagWebhookNeedsURL:
            Entry(
                en: "is missing; a webhook channel needs the bridge's URL",
                vi: "còn thiếu; kênh webhook cần URL của cầu nối"
            )
        case .diagNoSuchFile: Entry(en: "no such file", vi: "không có tệp này")
        case .diagNoSuchFileHint:
            Entry(
                en: "run `loa init` to write a starter workspace, or pass --config PATH",
                vi: "chạy `loa init` để tạo không gian làm việc mẫu, hoặc dùng --config ĐƯỜNG_DẪN"
            )
        case .diagConfigEmpty:
            Entry(en: "is empty; expected settings and channels", vi: "đang trống; cần có các thiết lập và kênh")
        case .diagNotALanguage:
            Entry(
                en: "'{text}' is not a language Loa speaks; expected vi or en",
                vi: "Loa không dùng ngôn ngữ '{text}'; cần vi hoặc en"
            )
        case .diagNotifyNotAChannel:
            Entry(
                en: "'{name}' is not a channel of this file; expected one of {names}",
                vi: "'{name}' không phải kênh khai báo trong tệp này; cần một trong: {names}"
            )
        case .diagDidYouMeanHint: Entry(en: "did you mean '{word}'?", vi: "có phải ý bạn là '{word}'?")
        case .diagChannelsNone:
            Entry(en: "is empty; expected at least one channel", vi: "đang trống; cần ít nhất một kênh")
        case .diagChannelCase:
            Entry(
                en: "'{id}' differs only in case from the channel '{first}'{where}; channel ids name folders, and "
                    + "some file systems ignore case",
                vi: "'{id}' chỉ khác chữ hoa, chữ thường so với kênh '{first}'{where}; id kênh được dùng làm tên thư "
                    + "mục, mà có hệ thống tệp không phân biệt chữ hoa, chữ thường"
            )
        case .diagOnLine: Entry(en: " on line {line}", vi: " ở dòng {line}")
        case .diagRenameOne: Entry(en: "rename one of them", vi: "hãy đổi tên một trong hai")
        case .diagIDRule:
            Entry(
                en: "expected ASCII letters, digits, '-', '_' or '.', at most {max} characters",
                vi: "chỉ dùng chữ cái không dấu, chữ số, '-', '_' hoặc '.', tối đa {max} ký tự"
            )
        case .diagBadChannelID:
            Entry(en: "'{id}' is not a valid channel id; {rule}", vi: "'{id}' không dùng làm id kênh được; {rule}")
        case .diagForExample: Entry(en: "for example: {example}", vi: "ví dụ: {example}")
        case .diagNotAWindow:
            Entry(
                en: "'{text}' is not a window; expected HH:mm-HH:mm, as 22:00-06:00 or 22h-6h",
                vi: "'{text}' không phải khung giờ; cần dạng HH:mm-HH:mm, như 22:00-06:00 hoặc 22h-6h"
            )
        case .diagLongerThanZero: Entry(en: "must be longer than 0s", vi: "phải dài hơn 0s")
        case .diagIgnoredFacebookPage:
            Entry(
                en: "is ignored: a facebook-page channel posts to the Graph API itself",
                vi: "bị bỏ qua: kênh facebook-page tự đăng qua Graph API"
            )
        case .diagIgnoredOutbox:
            Entry(en: "is ignored: outbox channels are posted by hand", vi: "bị bỏ qua: kênh outbox do người đăng tay")
        case .diagNotADuration:
            Entry(
                en: "'{text}' is not a duration; expected a number and a unit, as 15s, 15m, 48h or 2d",
                vi: "'{text}' không phải khoảng thời gian; cần một số kèm đơn vị, như 15s, 15m, 48h hoặc 2d"
            )
        case .diagDurationRange:
            Entry(
                en: "'{text}' is out of range; expected from {lower} to {upper}",
                vi: "'{text}' nằm ngoài khoảng cho phép; cần từ {lower} đến {upper}"
            )
        case .diagBadID: Entry(en: "'{id}' is not a valid id; {rule}", vi: "'{id}' không dùng làm id được; {rule}")
        case .diagFileNameID:
            Entry(
                en: "the file name '{name}' cannot serve as the id; {rule}",
                vi: "tên tệp '{name}' không dùng làm id được; {rule}"
            )
        case .diagFileNameIDHint:
            Entry(
                en: "add `id: {id}` to the front matter, or rename the file",
                vi: "thêm `id: {id}` vào phần đầu (front matter), hoặc đổi tên tệp"
            )
        case .diagNoLetters:
            Entry(
                en: "'{tag}' has no letters or digits and is left out",
                vi: "'{tag}' không có chữ hay số nên bị bỏ qua"
            )
        case .diagControlCharacter:
            Entry(
                en: "contains the control character U+{code}; expected text, tabs and line breaks only",
                vi: "có ký tự điều khiển U+{code}; chỉ được có chữ, dấu tab và xuống dòng"
            )
        case .diagControlCharacterHint:
            Entry(
                en: "retype the line, or paste it as plain text",
                vi: "hãy gõ lại dòng này, hoặc dán lại dưới dạng văn bản thuần"
            )
        case .diagCannotRead: Entry(en: "cannot be read: {problem}", vi: "không đọc được: {problem}")
        case .diagNotMarkdownHint:
            Entry(
                en: "a queue file must be a Markdown file; rename or remove this one",
                vi: "tệp hàng đợi phải là tệp Markdown; hãy đổi tên hoặc xóa tệp này"
            )
        case .diagTooLarge:
            Entry(
                en: "is {size} bytes; a queue file may have at most {max} bytes (1 MiB)",
                vi: "nặng {size} byte; tệp hàng đợi chỉ được tối đa {max} byte (1 MiB)"
            )
        case .diagTooLargeHint:
            Entry(
                en: "a post is a few thousand characters; check that the right file was saved here",
                vi: "một bài đăng chỉ vài nghìn ký tự; hãy kiểm tra xem có lưu nhầm tệp vào đây không"
            )
        case .imageMissing:
            Entry(
                en: "'{image}' does not exist; expected a path relative to this file, or a URL",
                vi: "không có '{image}'; cần đường dẫn tính từ tệp này, hoặc một URL"
            )
        case .imageOutside:
            Entry(
                en: "'{image}' is outside the queue folder; expected a path relative to this file that stays "
                    + "in its folder (symbolic links included), or a URL",
                vi: "'{image}' nằm ngoài thư mục hàng đợi; cần đường dẫn tính từ tệp này và nằm trong thư mục của "
                    + "nó (kể cả liên kết tượng trưng), hoặc một URL"
            )
        case .imageOutsideHint:
            Entry(
                en: "copy the image into the queue folder, as queue/images/",
                vi: "hãy chép ảnh vào thư mục hàng đợi, như queue/images/"
            )
        case .imageEmpty:
            Entry(
                en: "'{image}' is an empty file; expected a JPEG, PNG, GIF or WebP image",
                vi: "'{image}' là tệp rỗng; cần ảnh JPEG, PNG, GIF hoặc WebP"
            )
        case .imageNotImage:
            Entry(
                en: "'{image}' is not a JPEG, PNG, GIF or WebP image (told by its content, not its name)",
                vi: "'{image}' không phải ảnh JPEG, PNG, GIF hay WebP (xét theo nội dung, không theo tên tệp)"
            )
        case .imageNotImageHint:
            Entry(
                en: "open it and save it again as a JPEG or PNG photo; a renamed document is no photo",
                vi: "hãy mở tệp rồi lưu lại thành ảnh JPEG hoặc PNG; đổi tên tài liệu không biến nó thành ảnh"
            )
        case .imageChannel: Entry(en: "channel {names}", vi: "kênh {names}")
        case .imageChannels: Entry(en: "channels {names}", vi: "các kênh {names}")
        case .imageChannelsMore: Entry(en: "{channels} and {n} more", vi: "{channels} và {n} kênh khác")
        case .imageTooMany:
            Entry(
                en: "has {n} images; {channels} take at most {max} in one post",
                vi: "có {n} ảnh; {channels} chỉ nhận tối đa {max} ảnh mỗi bài"
            )
        case .imageTooManyHint:
            Entry(
                en: "keep the {max} best, or split the announcement in two",
                vi: "hãy giữ {max} ảnh đẹp nhất, hoặc tách thông báo làm hai"
            )
        case .imageTooLarge:
            Entry(
                en: "'{image}' is {size}; {channels} take images up to {max}",
                vi: "'{image}' nặng {size}; {channels} chỉ nhận ảnh tối đa {max}"
            )
        case .imageTooLargeHint:
            Entry(
                en: "resize the photo (2048 pixels on the long side is plenty), or set max_image_bytes on the channel",
                vi: "hãy thu nhỏ ảnh (cạnh dài 2048 điểm ảnh là đủ), hoặc đặt max_image_bytes cho kênh"
            )
        case .imageRecommended:
            Entry(
                en: "'{image}' is {size}; the platform of {channels} recommends images under {max}",
                vi: "'{image}' nặng {size}; nền tảng của {channels} khuyên dùng ảnh dưới {max}"
            )
        case .imageRecommendedHint:
            Entry(
                en: "a smaller photo uploads faster and is not recompressed as hard",
                vi: "ảnh nhỏ hơn tải lên nhanh hơn và không bị nén lại nhiều"
            )
        case .diagWebhookSecretHint:
            Entry(
                en: "add `secret: ${{name}}` and put the whsec_… value in the credentials file",
                vi: "thêm `secret: ${{name}}` rồi ghi giá trị whsec_… vào tệp credentials"
            )
        case .diagWebhookNeedsSecret:
            Entry(
                en: "is missing; a webhook channel signs every request",
                vi: "còn thiếu; kênh webhook ký mọi yêu cầu gửi đi"
            )

        case .sinkBadSecret:
            Entry(en: "--secret: expected whsec_ followed by base64", vi: "--secret: cần whsec_ rồi đến chuỗi base64")
        }
    }
}
