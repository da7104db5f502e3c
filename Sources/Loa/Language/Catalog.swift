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
    case diagStaleCopy, diagStaleCopyHint, statusLeases, statusOrphans, statusLeaseLine, statusOrphanLine
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
    case imageRequired, imageRequiredHint, imageByAddress, imageByAddressHint
    // loa check's diagnostics: zalo-oa channels and their tokens.
    case diagZaloOAPlatform, diagZaloOAMissing, diagZaloOAAppIDHint, diagZaloOASecretHint, diagZaloOARefreshHint
    case diagNotAppID, diagIgnoredZaloOA, diagZaloTokenExpiring, diagZaloTokenExpired, diagZaloTokenHint
    case diagZaloTokenFileUnreadable, diagZaloTokenLost
    // loa.yml: engagement, leases, Facebook Pages, bots, URLs, secrets and the credentials they name.
    case cfgNotSchedule, cfgLeaseShort, cfgNoRemoteID, cfgNotPageID, cfgNotPageIDHint, cfgNotGraphVersion
    case cfgIgnoredBot, cfgNotWebURL, cfgNotSigningSecret, cfgSigningSecretHint, cfgArchivePassword
    case cfgControlCharacter, cfgUnclosedSubstitution, cfgBadSubstitutionName, cfgNotSetNowhere, cfgNotSetNoFile
    case cfgNotSetHint, cfgValueControlCharacter, cfgCorrectIn, cfgTheEnvironment, cfgPlatformFor, cfgWritePlatform
    case cfgMissingPageID, cfgMissingPageIDHint, cfgMissingPageToken, cfgMissingPageTokenHint, cfgNotChatID
    case cfgNotChatIDHint, cfgMissingChat, cfgMissingChatTelegramHint, cfgMissingChatZaloHint, cfgMissingBotToken
    case cfgBotTokenTelegramHint, cfgBotTokenZaloHint
    // loa.yml: a PostgreSQL archive's URL.
    case pgNotURL, pgBadPort, pgNoUser, pgNoHost, pgNoDatabase, pgBadSSLMode, pgUnknownParameter
    // libyaml's descriptions of a syntax error, and of what it was reading: `en` is libyaml's own text, by which
    // the YAML reader finds them (a problem not listed here is shown as libyaml wrote it).
    case yamlCannotStartToken, yamlMappingValues, yamlMappingKeys, yamlExpectedColon, yamlUnexpectedEnd
    case yamlTabIndentation, yamlTabWhereSpace, yamlUnknownEscape, yamlSequenceEntries, yamlDocumentIndicator
    case yamlAnchorCharacter, yamlCommentOrLineBreak, yamlUndefinedTagHandle, yamlExpectedKey, yamlExpectedDash
    case yamlExpectedBracket, yamlExpectedBrace, yamlNodeContent, yamlDocumentStart, yamlControlCharacters
    case yamlInvalidLeadingOctet, yamlInvalidTrailingOctet, yamlIncompleteOctets, yamlUnexpectedColon
    case yamlWhileSimpleKey, yamlWhileBlockMapping, yamlWhileBlockCollection, yamlWhileFlowSequence
    case yamlWhileFlowMapping, yamlWhileQuotedScalar, yamlWhilePlainScalar, yamlWhileBlockNode, yamlWhileFlowNode
    case yamlWhileAlias, yamlWhileAnchor, yamlWhileBlockScalar, yamlWhileTag, yamlWhileNode
    // Text in an old encoding, rendering and templates.
    case mojibakeNotVietnamese, mojibakeOldEncoding, mojibakeWindows1252
    case renderTooLong, renderTemplateTooLong, renderEmpty, renderTooLongHint, renderTemplateTooLongHint
    case renderEmptyHint, templateNeverUsed, templateNamesHint, templateEscapesHTML, templateEscapesHTMLHint
    case templateSyntaxAt, templateSyntax, templateSectionName, templateUnfinishedTag, templateSectionEnd
    case templateEmptyTag, templatePartial, templateTransform, templateUnknownValue, templateKnownValues
    // loa check on an edited post; the credentials file.
    case checkSentOn, checkEditedAfterSent, checkEditedAfterSentHint
    case credReadableByOthers, credChangeableByGroup, credChmodHint, credExpectedKeyValue, credBadName, credSetTwice
    case credAfterQuote, credNoClosingQuote
    // Files and folders: why one could not be used, as the end of a sentence about it.
    case fileNotExist, filePermissionDenied, fileDiskFull, fileQuota, fileReadOnly, fileIsFolder, filePathNotFolder
    case fileLinkLoop, fileTooBig, fileNameTooLong, fileIOError, fileCouldNotBeDone, fileInTheWay, fileCouldNotBeRead
    case fileFolderNotFile, fileNotRegular, fileLinkMissing, fileNoFolder, fileNotAFolder
    // The archive's problems: "the archive 'archive/loa.sqlite' …".
    case archiveSays, archiveNotSQLite, archiveCorrupt, archiveLocked, archiveDiskFull, archiveReadOnly
    case archivePermission, archiveIOError, archiveNoMemory, archiveNoFolder, archiveCannotOpen, archiveCannotOpenCheck
    case archiveOtherVersion, archiveUnusable, archiveUnusableBecause, archiveFolderNotMade, archiveEmpty
    case archiveForeign, archiveOutdated, archiveIsFolder
    // loa export: where a report may be written, its filters, and how periods are written.
    case reportIsFolder, reportWorkspaceFile, reportFolderUnusable, reportExists, roleConfig, roleCredentials
    case roleArchive, roleArchiveCompanion, roleInQueue, roleInTemplates, roleInOutbox
    case filterFromAfterTo, filterNoUnit, filterNoChannel, filterNoneYet, filterExpectedOneOf
    case periodExpectedMonth, periodExpectedQuarter, periodExpectedYear
    // loa check --online.
    case onlinePageReadyToPost, onlineLine, onlineReconnect, onlineTokenFails, onlineCannotAsk, onlineCheckNetwork,
        onlineNotPageToken
    case onlineSomeoneElse, onlineNoID, onlineUserToken, onlineCannotReadPosts, onlineReadEngagementHint
    case onlinePageReady, onlineBotFatherHint, onlineZaloBotHint, onlineCannotAskBot, onlineTheBot, onlineZaloReady
    case onlineAddAdmin, onlineCannotSeeChat, onlineCheckChatID, onlineAdminNoPost, onlineNotAdmin, onlineBotReady
    // loa channel rename, loa agenda --days, and a run that cannot go on.
    case renameNoDeliveries, renameBoth, renameNoNewChannel, renameOldStillThere, renameMoved, renameReplaced
    case renameRestored, noteChannelLeft, noteOwedAgain, agendaDaysRange, lockHeld, lockUnavailable
    case runWouldSendDetail, runArchiveReplaced, runArchiveReplacedHint
    // loa sink: its log, and its answers to the sender.
    case sinkLogOption, sinkLogWrite, sinkFileNotFolder, sinkFolderNotThere, sinkFolderNotCreated, sinkImagesNotList
    case sinkImageNotObject, sinkImageNotBase64, sinkImageNoSHA, sinkImageBytes, sinkImageChanged, sinkCannotStore
    case sinkMissingID, sinkBadTimestamp, sinkBadSignature, sinkNotJSON, sinkNoPost
    // Notes kept with a delivery, in the language of the run or command that wrote them (`loa status`, reports).
    case holdRenamed, holdRepeat, holdTwin, holdCatchUp, noteSameID, noteNextTry, noteGaveUp, noteInterrupted
    case noteInterruptedDirect, noteInterruptedBridge, waitMinimumGap, noteReplaced, noteEdited, noteLeftQueue
    case noteImagesUnreadable, noteRetried, noteCancelled, noteFoundPosted, noteFoundPostedWhere, notePostedByHand
    case notePostedByHandWhere, noteConfirmationUndone, noteCaughtUp
    case answerBridge, answerRedirectTo, answerRedirect, answerRefused, answerTimeout, answerConnection, answerDNS
    case answerTLS, answerNotHTTP, answerFailed
    case directFound, directFoundAfter, directLost, directNotFound, directUnconfirmed
    case directLostAgain, directLookFailing, directLookFailed, directCannotLook
    // loa check --online: a Facebook Page token's permissions, a Zalo OA's tokens; Graph's credential refusals.
    case onlinePermissionsUnknown, onlinePermissionsUnknownHint, onlineLacksPosting, onlineLacksReading
    case onlineLacksHint, onlineNotThisPage, onlineNotThisPageHint, onlineNoInsights, onlineNoInsightsHint
    case onlineZaloReconnect, onlineZaloOAReady, onlineZaloTokensFail, onlineZaloRefused, onlineZaloRefusedHint
    case onlineZaloCannotAsk, onlineZaloCannotAskHint, graphTokenDead, graphPermissionMissing
    // Zalo OA: its answers, its tokens, articles and broadcasts.
    case zaloAnswered, zaloAnsweredNotJSON, zaloNoMessage, zaloAnsweredError, zaloAnsweredNoCode, zaloDidNotLeave
    case zaloNoCompleteAnswer, zaloQuota, zaloNoRefreshToken, zaloTokenFileUnusable, zaloNoTokenFile
    case zaloTokensNotKept, zaloRenewing, zaloNoReason, zaloTokenLostInRun, zaloRefreshRefused, zaloRefreshRefusedCode,
        zaloTokenFileNeeded
    case zaloNoArticleToken, zaloBroadcastUnclear, zaloBroadcastWaits, zaloBroadcastRefused, zaloArticleNotMade
    case zaloArticlePending, zaloListNoData, zaloBroadcastUnknown, zaloFreshTokenRefused, zaloArticleNotListed
    // loa import's reading of an export; an answer's headers too large; a stats_url that is no address.
    case importNotObject, importNewer, importBadVersion, importNoField, importWrongKind, importNotLoaValue,
        importNoDeliveries, curlHeadersTooLarge, statsURLInvalid
    // A PostgreSQL archive that cannot be used.
    case pgTLSSettings, pgRefusedConnection, pgNoTLS, pgRefusedStatement, pgConnectionLost, pgNoConnection, pgTimedOut
    case pgConnectionRefused, pgHostUnknown, pgUnreachable, pgAuthentication, pgDatabaseMissing, pgStatement, pgOutdated
    case pgForeign
    // A direct channel stopped for its credentials.
    case stopWaiting, stopMessage, stopHintFacebookPage, stopHintZaloOA, stopHintBot, stopHintSettings
    // The queue folder, an image file, and writing to the outbox.
    case queueCreateHint, queueMissing, queueIsFile, queueIsFileHint, queueUnreadable, queueUnreadableHint
    case imageNotAnImage, outboxCannotWrite, outboxCannotReadImage
    // loa zalo-bot chats.
    case zaloBotAbstract, zaloChatsAbstract, zaloChatsDiscussion, zaloChatsChannel, zaloChatsConfigErrors
    case zaloChatsNoChannel, zaloChatsNotZaloBot, zaloChatsNone, zaloChatsType, zaloChatsName, zaloChatsPutID
    // loa agenda's waits; what Facebook and the bot platforms answered, for a delivery's note.
    case agendaWaitGap, agendaWaitQuiet, agendaWaitsFor
    case platformAnswered, platformNotJSON, platformNoMessage, platformNoDescription, platformNoCode
    case platformDidNotLeave, platformIncomplete, platformRateLimited, platformPostingLimited
    case botMigrated, botTokenDeadZalo, botTokenDeadTelegram, botNotAdmin
    // What the direct transports say of a post that went out in part, or without an id; hosts that differ.
    case zaloLocalPhoto, zaloPhotosPartly, zaloNoFailure, botNoMessageID, botTextAfterPhotos, facebookNoPostID
    case facebookPhotoNoID, facebookPhotoRefused, facebookListNoData, hostsDiffer, hostsLine, zaloNoCover
    case facebookUploading, directRequestNotMade, directNoAnswer
    // loa archive copy.
    case archiveAbstract, copyAbstract, copyDiscussion, copyTo, copyTable, copyDone, copyNotEmpty, copyMismatch
    case copySameArchive, copyNoSource, copyUnknownStore, copyUnreadable, copyRefused, copyPasswordInURL
    case copyPasswordUnset, copyPasswordEmpty, copyEmptyTo, copyNotURL, copyUnusable, copyDestination, copyFileEmpty
    case copyFileForeign, copyFileNotSQLite, copyTilde, copyPasswordControl
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
                    follow the table (on standard error with --json), with when, why and what to do. On a PostgreSQL \
                    archive shared by several hosts, the channel leases running and the orphaned sends (started by a \
                    host whose lease has ended) follow it too.
                    """,
                vi: """
                    Cột ẢNH liệt kê ảnh của từng thông báo theo tệp hàng đợi hiện nay; cột cuối nói vì sao bài \
                    đang ở trạng thái đó, bằng lời để người đọc biết phải làm gì. Các kênh đăng trực tiếp bị dừng vì \
                    token được liệt kê sau bảng (ra luồng lỗi khi dùng --json), kèm thời điểm, lý do và cách xử lý. \
                    Với kho PostgreSQL dùng chung cho nhiều máy, sau bảng còn có các kênh đang được giữ (lease) và \
                    các lượt gửi dở (do một máy bắt đầu khi lease của máy đó đã hết).
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
                    (getChatMember); for zalo-bot channels, whether the bot's token works (getMe); for zalo-oa \
                    channels, whether the OA tokens work and which OA they speak for (getoa), renewing the access token \
                    only when it needs it. For zalo-oa channels, warns 14 days before the refresh token Loa keeps would \
                    expire unused.
                    Exit codes: 0 clean (warnings allowed); 1 a queue file has errors; 2 the configuration has errors \
                    (with --online: also a token that does not work).
                    """,
                vi: """
                    Liệt kê mọi vấn đề dạng tệp:dòng: mức độ: trường: nội dung. Mỗi thông báo cũng được dựng cho từng \
                    kênh của nó, nên bài quá dài với một kênh được phát hiện trước khi đến hạn.
                    Với --online, hỏi thêm nền tảng của mỗi kênh đăng thẳng, không đăng gì: kênh facebook-page hỏi \
                    Graph API xem token còn dùng được không, có phải token của đúng Trang không và đọc được bài của Trang \
                    không; kênh telegram hỏi token của bot (getMe) và bot có được đăng trong nhóm/kênh không \
                    (getChatMember); kênh zalo-bot hỏi token của bot (getMe); kênh zalo-oa hỏi các token của OA còn \
                    dùng được không và thuộc OA nào (getoa), chỉ làm mới access token khi cần. Với kênh zalo-oa, cảnh \
                    báo trước 14 ngày khi refresh token Loa đang giữ sắp hết hạn vì không được dùng.
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
        case .statusLeases:
            Entry(en: "Channel leases running: {n}", vi: "Kênh đang được giữ (lease): {n}")
        case .statusLeaseLine:
            Entry(en: "{channel}: {host} until {until}", vi: "{channel}: {host} đến {until}")
        case .statusOrphans:
            Entry(
                en: "Orphaned sends: {n} deliveries started by a host whose lease has ended, without an outcome; any "
                    + "host's next run sends them again with the same webhook-id",
                vi: "Tin gửi dở: {n} lượt gửi do một máy bắt đầu nhưng chưa có kết quả, lease của máy đó đã hết; lần "
                    + "chạy kế tiếp của bất kỳ máy nào sẽ gửi lại với cùng webhook-id"
            )
        case .statusOrphanLine:
            Entry(
                en: "{announcement} → {channel}: started {started}, last lease {host}",
                vi: "{announcement} → {channel}: bắt đầu {started}, lease cuối của {host}"
            )
        case .diagStaleCopy:
            Entry(
                en: "this host's copy of '{id}' (revision {revision}) differs from the one the shared archive "
                    + "recorded first; this host does not send it, the hosts with the recorded copy do",
                vi: "bản '{id}' (phiên bản {revision}) trên máy này khác bản mà kho lưu trữ chung ghi nhận trước; "
                    + "máy này không gửi tin đó, các máy có bản đã ghi nhận sẽ gửi"
            )
        case .diagStaleCopyHint:
            Entry(
                en: "bring this host's queue up to date (git pull); to change a post, raise its `revision:`",
                vi: "hãy cập nhật thư mục hàng đợi của máy này (git pull); muốn sửa tin, hãy tăng `revision:`"
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

        case .imageRequired:
            Entry(
                en: "has no image; {channels} need one: a Zalo OA article's cover is its first image",
                vi: "chưa có ảnh; {channels} cần ít nhất một ảnh: ảnh đầu tiên là ảnh bìa của bài viết trên Zalo OA"
            )
        case .imageRequiredHint:
            Entry(
                en: "add `images: [images/anh-bia.jpg]` (a photo beside the file, published at the channel's "
                    + "media_base_url) or a photo's https:// address",
                vi: "thêm `images: [images/anh-bia.jpg]` (ảnh đặt cạnh tệp, đã đưa lên media_base_url của kênh) "
                    + "hoặc địa chỉ https:// của một ảnh"
            )
        case .imageByAddress:
            Entry(
                en: "'{image}' is a local file; {channels} take photos only by their web address",
                vi: "'{image}' là tệp trên máy; {channels} chỉ nhận ảnh qua địa chỉ web"
            )
        case .imageByAddressHint:
            Entry(
                en: "set media_base_url on the channel (where the queue's images are published), or give the "
                    + "photo's https:// address",
                vi: "đặt media_base_url cho kênh (nơi ảnh của thư mục queue được đưa lên web), hoặc ghi địa chỉ "
                    + "https:// của ảnh"
            )
        case .diagZaloOAPlatform:
            Entry(
                en: "is {platform}; a zalo-oa channel posts to Zalo",
                vi: "đang là {platform}; kênh zalo-oa đăng lên Zalo"
            )
        case .diagZaloOAMissing:
            Entry(
                en: "is missing; a zalo-oa channel needs its Zalo app's {what}",
                vi: "còn thiếu; kênh zalo-oa cần {what} của ứng dụng Zalo"
            )
        case .diagZaloOAAppIDHint:
            Entry(
                en: "add `app_id: \"1234567890\"` (the app's page on developers.zalo.me shows it)",
                vi: "thêm `app_id: \"1234567890\"` (trang của ứng dụng trên developers.zalo.me có ghi)"
            )
        case .diagZaloOASecretHint:
            Entry(
                en: "add `app_secret: ${{name}}` and put the app's secret key in the credentials file",
                vi: "thêm `app_secret: ${{name}}` rồi ghi khóa bí mật (secret key) của ứng dụng vào tệp credentials"
            )
        case .diagZaloOARefreshHint:
            Entry(
                en: "add `refresh_token: ${{name}}` and put the first refresh token in the credentials file; the "
                    + "README's \"Posting to a Zalo Official Account\" says where it comes from",
                vi: "thêm `refresh_token: ${{name}}` rồi ghi refresh token đầu tiên vào tệp credentials; mục "
                    + "\"Posting to a Zalo Official Account\" của README chỉ cách lấy"
            )
        case .diagNotAppID:
            Entry(
                en: "'{text}' is not a Zalo app id; expected the app's number, in quotes",
                vi: "'{text}' không phải mã ứng dụng Zalo; cần dãy số của ứng dụng, đặt trong ngoặc kép"
            )
        case .diagIgnoredZaloOA:
            Entry(
                en: "is ignored: a zalo-oa channel posts to the Zalo OA API itself",
                vi: "bị bỏ qua: kênh zalo-oa tự đăng qua API của Zalo OA"
            )
        case .diagZaloTokenExpiring:
            Entry(
                en: "the refresh token Loa keeps for this channel was issued on {issued} and expires on {expires} "
                    + "unless a run uses it before",
                vi: "refresh token Loa đang giữ cho kênh này được cấp ngày {issued} và hết hạn ngày {expires} nếu "
                    + "không có lượt chạy nào dùng đến trước đó"
            )
        case .diagZaloTokenExpired:
            Entry(
                en: "the refresh token Loa keeps for this channel was issued on {issued} and expired on {expires}",
                vi: "refresh token Loa đang giữ cho kênh này được cấp ngày {issued} và đã hết hạn ngày {expires}"
            )
        case .diagZaloTokenHint:
            Entry(
                en: "run `loa check --online` (it renews the tokens when they need it), or put a new refresh token "
                    + "in the credentials file as the README's \"Posting to a Zalo Official Account\" says",
                vi: "chạy `loa check --online` (lệnh này làm mới token khi cần), hoặc ghi refresh token mới vào tệp "
                    + "credentials như mục \"Posting to a Zalo Official Account\" của README hướng dẫn"
            )
        case .diagZaloTokenFileUnreadable:
            Entry(
                en: "cannot read the tokens Loa keeps in {file}: {problem}",
                vi: "không đọc được các token Loa giữ trong {file}: {problem}"
            )
        case .diagZaloTokenLost:
            Entry(
                en: "a run was stopped on {when} while Zalo was handing it new tokens, so the refresh token it "
                    + "was given was lost and the old one no longer works",
                vi: "một lượt chạy bị dừng lúc {when} đúng khi Zalo đang cấp token mới, nên refresh token mới bị "
                    + "mất và token cũ không còn dùng được"
            )

        case .sinkBadSecret:
            Entry(en: "--secret: expected whsec_ followed by base64", vi: "--secret: cần whsec_ rồi đến chuỗi base64")

        case .cfgNotSchedule:
            Entry(
                en: "'{text}' is not a schedule; expected age: interval steps with growing ages up to {longest}, "
                    + "as \"6h: 1h, 24h: 3h, 3d: 12h, 7d: 1d, 30d: 7d\"",
                vi: "'{text}' không phải lịch đọc số liệu; cần các bước tuổi bài: khoảng cách giữa hai lần đọc, tuổi "
                    + "tăng dần đến tối đa {longest}, như \"6h: 1h, 24h: 3h, 3d: 12h, 7d: 1d, 30d: 7d\""
            )
        case .cfgLeaseShort:
            Entry(
                en: "is {lease}, shorter than 3 × the longest channel timeout (channel '{channel}': {timeout}); "
                    + "expected at least {least}",
                vi: "là {lease}, ngắn hơn 3 × thời gian chờ dài nhất của các kênh (kênh '{channel}': {timeout}); "
                    + "cần ít nhất {least}"
            )
        case .cfgNoRemoteID:
            Entry(
                en: "has no {remote_id}; every post would read the same figures",
                vi: "thiếu {remote_id}; mọi bài sẽ đọc cùng một số liệu"
            )
        case .cfgNotPageID:
            Entry(
                en: "'{text}' is not a Page id; expected the Page's number, in quotes",
                vi: "'{text}' không phải id của Trang; cần dãy số của Trang, đặt trong ngoặc kép"
            )
        case .cfgNotPageIDHint:
            Entry(
                en: "the Page's About section, or Meta Business Suite, shows it: page_id: \"104857600123456\"",
                vi: "xem ở mục Giới thiệu của Trang, hoặc trong Meta Business Suite: page_id: \"104857600123456\""
            )
        case .cfgNotGraphVersion:
            Entry(
                en: "'{text}' is not a Graph API version; expected one like {version}",
                vi: "'{text}' không phải phiên bản Graph API; cần dạng như {version}"
            )
        case .cfgIgnoredBot:
            Entry(
                en: "is ignored: a {transport} channel posts through the bot API itself",
                vi: "bị bỏ qua: kênh {transport} tự đăng qua API của bot"
            )
        case .cfgNotWebURL:
            Entry(en: "is not an http(s) URL with a host", vi: "không phải URL http(s) có tên máy chủ")
        case .cfgNotSigningSecret:
            Entry(
                en: "is not a signing secret; expected whsec_ followed by base64",
                vi: "không phải khóa ký; cần whsec_ rồi đến chuỗi base64"
            )
        case .cfgSigningSecretHint:
            Entry(
                en: "create one with: echo \"whsec_$(openssl rand -base64 32)\"",
                vi: "tạo một khóa bằng lệnh: echo \"whsec_$(openssl rand -base64 32)\""
            )
        case .cfgArchivePassword:
            Entry(
                en: "carries a password; loa.yml is shared, so write `${NAME}` in its place and put NAME=… in the "
                    + "credentials file or the environment, or leave it out and set PGPASSWORD",
                vi: "có ghi mật khẩu; loa.yml được dùng chung, nên hãy viết `${NAME}` vào chỗ mật khẩu rồi ghi "
                    + "NAME=… vào tệp credentials hoặc biến môi trường, hoặc bỏ mật khẩu đi và đặt PGPASSWORD"
            )
        case .cfgControlCharacter:
            Entry(
                en: "contains a control character (a line break, tab or escape); expected one line of printable text",
                vi: "có ký tự điều khiển (xuống dòng, tab hoặc escape); cần đúng một dòng chữ thường"
            )
        case .cfgUnclosedSubstitution:
            Entry(en: "has '${' without a closing '}'", vi: "có '${' mà thiếu '}' để đóng lại")
        case .cfgBadSubstitutionName:
            Entry(
                en: "'${{name}}' is not a valid name; expected letters, digits and _",
                vi: "'${{name}}' không phải tên hợp lệ; chỉ dùng chữ cái không dấu, chữ số và _"
            )
        case .cfgNotSetNowhere:
            Entry(
                en: "${{name}} is not set: not in the environment nor in {path}",
                vi: "${{name}} chưa có giá trị: không có trong biến môi trường, cũng không có trong {path}"
            )
        case .cfgNotSetNoFile:
            Entry(
                en: "${{name}} is not set: not in the environment, and {path} does not exist",
                vi: "${{name}} chưa có giá trị: không có trong biến môi trường, và chưa có tệp {path}"
            )
        case .cfgNotSetHint:
            Entry(
                en: "add the line {name}=… to {path} (see credentials.example)",
                vi: "thêm dòng {name}=… vào {path} (xem tệp mẫu credentials.example)"
            )
        case .cfgValueControlCharacter:
            Entry(
                en: "${{name}} contains a control character (a line break, tab or escape); expected one line of "
                    + "printable text",
                vi: "${{name}} có ký tự điều khiển (xuống dòng, tab hoặc escape); cần đúng một dòng chữ thường"
            )
        case .cfgCorrectIn: Entry(en: "correct {name} in {source}", vi: "hãy sửa {name} trong {source}")
        case .cfgTheEnvironment: Entry(en: "the environment", vi: "biến môi trường")
        case .cfgPlatformFor:
            Entry(
                en: "is {platform}; a {transport} channel posts to {service}",
                vi: "là {platform}; kênh {transport} đăng lên {service}"
            )
        case .cfgWritePlatform: Entry(en: "write `platform: {platform}`", vi: "hãy ghi `platform: {platform}`")
        case .cfgMissingPageID:
            Entry(
                en: "is missing; a facebook-page channel needs the id of the Page it posts to",
                vi: "còn thiếu; kênh facebook-page cần id của Trang sẽ đăng lên"
            )
        case .cfgMissingPageIDHint:
            Entry(
                en: "add `page_id: \"104857600123456\"` (the Page's About section shows it)",
                vi: "thêm `page_id: \"104857600123456\"` (xem ở mục Giới thiệu của Trang)"
            )
        case .cfgMissingPageToken:
            Entry(
                en: "is missing; a facebook-page channel posts with a Page access token",
                vi: "còn thiếu; kênh facebook-page đăng bằng mã truy cập (token) của Trang"
            )
        case .cfgMissingPageTokenHint:
            Entry(
                en: "add `token: ${{name}}` and put the token in the credentials file; the README's \"Posting "
                    + "straight to a Facebook Page\" says how to get one that never expires",
                vi: "thêm `token: ${{name}}` rồi ghi token vào tệp credentials; mục \"Posting straight to a "
                    + "Facebook Page\" của README hướng dẫn cách lấy token không hết hạn"
            )
        case .cfgNotChatID:
            Entry(
                en: "'{text}' is not a chat id; expected @channelname, a number such as \"-1001234567890\", or the "
                    + "id `loa zalo-bot chats` shows",
                vi: "'{text}' không phải id cuộc trò chuyện; cần @tenkenh, một số như \"-1001234567890\", hoặc id "
                    + "mà `loa zalo-bot chats` hiện ra"
            )
        case .cfgNotChatIDHint:
            Entry(
                en: "write it in quotes: chat_id: \"@tuoitrecantho\"",
                vi: "hãy đặt trong ngoặc kép: chat_id: \"@tuoitrecantho\""
            )
        case .cfgMissingChat:
            Entry(
                en: "is missing; a {transport} channel needs the chat it posts to",
                vi: "còn thiếu; kênh {transport} cần biết cuộc trò chuyện để đăng vào"
            )
        case .cfgMissingChatTelegramHint:
            Entry(
                en: "add `chat_id: \"@channelname\"` (a public channel's name) or its number, such as "
                    + "\"-1001234567890\"",
                vi: "thêm `chat_id: \"@tenkenh\"` (tên của kênh công khai) hoặc số id của nó, như "
                    + "\"-1001234567890\""
            )
        case .cfgMissingChatZaloHint:
            Entry(
                en: "add the group's id, as `loa zalo-bot chats --channel {channel}` shows it",
                vi: "thêm id của nhóm, lấy từ lệnh `loa zalo-bot chats --channel {channel}`"
            )
        case .cfgMissingBotToken:
            Entry(
                en: "is missing; a {transport} channel posts with a bot token",
                vi: "còn thiếu; kênh {transport} đăng bằng token của bot"
            )
        case .cfgBotTokenTelegramHint:
            Entry(
                en: "add `token: ${{name}}` and put the token from @BotFather in the credentials file",
                vi: "thêm `token: ${{name}}` rồi ghi token lấy từ @BotFather vào tệp credentials"
            )
        case .cfgBotTokenZaloHint:
            Entry(
                en: "add `token: ${{name}}` and put the token from Zalo's bot creator in the credentials file",
                vi: "thêm `token: ${{name}}` rồi ghi token lấy từ trang tạo bot của Zalo vào tệp credentials"
            )

        case .pgNotURL: Entry(en: "is not a postgres:// URL", vi: "không phải URL postgres://")
        case .pgBadPort:
            Entry(
                en: "has port '{port}'; expected a number from 1 to 65535",
                vi: "có cổng '{port}'; cần một số từ 1 đến 65535"
            )
        case .pgNoUser:
            Entry(
                en: "names no user; expected postgres://USER@HOST:PORT/DATABASE",
                vi: "thiếu tên người dùng; cần dạng postgres://USER@HOST:PORT/DATABASE"
            )
        case .pgNoHost:
            Entry(
                en: "names no host; expected postgres://USER@HOST:PORT/DATABASE",
                vi: "thiếu tên máy chủ; cần dạng postgres://USER@HOST:PORT/DATABASE"
            )
        case .pgNoDatabase:
            Entry(
                en: "names no database; expected postgres://USER@HOST:PORT/DATABASE",
                vi: "thiếu tên cơ sở dữ liệu; cần dạng postgres://USER@HOST:PORT/DATABASE"
            )
        case .pgBadSSLMode:
            Entry(
                en: "has sslmode '{value}'; expected disable, prefer or require (verify-ca and verify-full are what "
                    + "require does: the certificate is always checked)",
                vi: "có sslmode '{value}'; cần disable, prefer hoặc require (verify-ca và verify-full cũng như "
                    + "require: chứng chỉ luôn được kiểm tra)"
            )
        case .pgUnknownParameter:
            Entry(
                en: "has the parameter '{key}', which Loa does not know; expected only sslmode",
                vi: "có tham số '{key}' mà Loa không biết; chỉ dùng được sslmode"
            )

        case .yamlCannotStartToken:
            Entry(
                en: "found character that cannot start any token",
                vi: "gặp một ký tự không được đứng đầu giá trị (như @ hoặc `)"
            )
        case .yamlMappingValues:
            Entry(
                en: "mapping values are not allowed in this context",
                vi: "không được có dấu ':' ở chỗ này (một giá trị có ': ' mà chưa đặt trong ngoặc kép, hoặc dòng bị "
                    + "thụt lề sai)"
            )
        case .yamlMappingKeys:
            Entry(en: "mapping keys are not allowed in this context", vi: "không được có khóa ở chỗ này")
        case .yamlExpectedColon:
            Entry(en: "could not find expected ':'", vi: "không thấy dấu ':' sau tên khóa")
        case .yamlUnexpectedEnd:
            Entry(
                en: "found unexpected end of stream",
                vi: "tệp đã hết mà giá trị chưa được đóng lại (thường do thiếu dấu ngoặc kép đóng)"
            )
        case .yamlTabIndentation:
            Entry(
                en: "found a tab character that violates indentation",
                vi: "có dấu tab làm lệch thụt lề; YAML chỉ thụt lề bằng dấu cách"
            )
        case .yamlTabWhereSpace:
            Entry(
                en: "found a tab character where an indentation space is expected",
                vi: "có dấu tab ở chỗ cần dấu cách để thụt lề; YAML chỉ thụt lề bằng dấu cách"
            )
        case .yamlUnknownEscape:
            Entry(
                en: "found unknown escape character",
                vi: "có ký tự đứng sau dấu \\ không hợp lệ; trong ngoặc kép hãy viết \\\\ cho một dấu \\, hoặc dùng "
                    + "ngoặc đơn"
            )
        case .yamlSequenceEntries:
            Entry(
                en: "block sequence entries are not allowed in this context",
                vi: "không được có mục danh sách '- ' ở chỗ này; hãy kiểm tra thụt lề"
            )
        case .yamlDocumentIndicator:
            Entry(
                en: "found unexpected document indicator",
                vi: "gặp dòng '---' hoặc '...' ở giữa chừng"
            )
        case .yamlAnchorCharacter:
            Entry(
                en: "did not find expected alphabetic or numeric character",
                vi: "sau '&' hoặc '*' cần có chữ cái hoặc chữ số; muốn viết dấu này thì đặt giá trị trong ngoặc kép"
            )
        case .yamlCommentOrLineBreak:
            Entry(
                en: "did not find expected comment or line break",
                vi: "còn chữ thừa sau giá trị; sau đó chỉ được có chú thích (#) hoặc xuống dòng"
            )
        case .yamlUndefinedTagHandle:
            Entry(
                en: "found undefined tag handle",
                vi: "gặp một thẻ (tag, bắt đầu bằng '!') chưa khai báo; muốn viết dấu '!' thì đặt giá trị trong ngoặc "
                    + "kép"
            )
        case .yamlExpectedKey:
            Entry(
                en: "did not find expected key",
                vi: "không thấy khóa ở chỗ cần có (dòng thụt lề lệch so với các dòng trên, hoặc còn chữ sau dấu ngoặc "
                    + "kép đóng)"
            )
        case .yamlExpectedDash:
            Entry(
                en: "did not find expected '-' indicator",
                vi: "không thấy dấu '-' của mục danh sách; hãy kiểm tra thụt lề"
            )
        case .yamlExpectedBracket:
            Entry(
                en: "did not find expected ',' or ']'",
                vi: "không thấy dấu ',' hoặc ']'; danh sách [a, b] chưa được đóng lại"
            )
        case .yamlExpectedBrace:
            Entry(
                en: "did not find expected ',' or '}'",
                vi: "không thấy dấu ',' hoặc '}'; nhóm {a: b} chưa được đóng lại"
            )
        case .yamlNodeContent: Entry(en: "did not find expected node content", vi: "thiếu giá trị ở chỗ này")
        case .yamlDocumentStart:
            Entry(en: "did not find expected <document start>", vi: "không thấy dòng '---' mở đầu")
        case .yamlControlCharacters:
            Entry(en: "control characters are not allowed", vi: "không được có ký tự điều khiển")
        case .yamlInvalidLeadingOctet:
            Entry(en: "invalid leading UTF-8 octet", vi: "có byte không hợp lệ trong UTF-8 (tệp không lưu dạng UTF-8?)")
        case .yamlInvalidTrailingOctet:
            Entry(
                en: "invalid trailing UTF-8 octet",
                vi: "có byte không hợp lệ trong UTF-8 (tệp không lưu dạng UTF-8?)"
            )
        case .yamlIncompleteOctets:
            Entry(en: "incomplete UTF-8 octet sequence", vi: "có ký tự UTF-8 bị cắt dở ở cuối tệp")
        case .yamlUnexpectedColon:
            Entry(en: "found unexpected ':'", vi: "gặp dấu ':' không đúng chỗ; hãy đặt giá trị trong ngoặc kép")
        case .yamlWhileSimpleKey: Entry(en: "while scanning a simple key", vi: "khi đọc một khóa")
        case .yamlWhileBlockMapping:
            Entry(en: "while parsing a block mapping", vi: "khi đọc các dòng khóa: giá trị")
        case .yamlWhileBlockCollection: Entry(en: "while parsing a block collection", vi: "khi đọc một danh sách")
        case .yamlWhileFlowSequence: Entry(en: "while parsing a flow sequence", vi: "khi đọc một danh sách [ ]")
        case .yamlWhileFlowMapping: Entry(en: "while parsing a flow mapping", vi: "khi đọc một nhóm { }")
        case .yamlWhileQuotedScalar:
            Entry(en: "while scanning a quoted scalar", vi: "khi đọc một giá trị trong ngoặc kép")
        case .yamlWhilePlainScalar: Entry(en: "while scanning a plain scalar", vi: "khi đọc một giá trị")
        case .yamlWhileBlockNode: Entry(en: "while parsing a block node", vi: "khi đọc một giá trị")
        case .yamlWhileFlowNode: Entry(en: "while parsing a flow node", vi: "khi đọc một giá trị trong [ ] hoặc { }")
        case .yamlWhileAlias: Entry(en: "while scanning an alias", vi: "khi đọc một bí danh (sau dấu '*')")
        case .yamlWhileAnchor: Entry(en: "while scanning an anchor", vi: "khi đọc một neo (sau dấu '&')")
        case .yamlWhileBlockScalar:
            Entry(en: "while scanning a block scalar", vi: "khi đọc một khối văn bản (sau dấu '|' hoặc '>')")
        case .yamlWhileTag: Entry(en: "while scanning a tag", vi: "khi đọc một thẻ (sau dấu '!')")
        case .yamlWhileNode: Entry(en: "while parsing a node", vi: "khi đọc một giá trị")

        case .mojibakeNotVietnamese:
            Entry(en: "is not readable Vietnamese", vi: "không đọc được thành tiếng Việt (sai bảng mã)")
        case .mojibakeOldEncoding:
            Entry(
                en: "the text looks like {encoding} copied from an old document; convert it to Unicode (UniKey: Công "
                    + "cụ chuyển mã, from {encoding} to Unicode) and save the file again",
                vi: "văn bản có vẻ được chép từ tài liệu cũ gõ bằng bảng mã {encoding}; hãy chuyển sang Unicode "
                    + "(UniKey: Công cụ chuyển mã, từ {encoding} sang Unicode) rồi lưu lại tệp"
            )
        case .mojibakeWindows1252:
            Entry(
                en: "the text is Unicode (UTF-8) that a program opened as Windows-1252 (Western) and saved again, so "
                    + "'Đoàn' became 'ÄoÃ n'; it is not TCVN3 or VNI, and converting it with UniKey makes it worse. "
                    + "Copy the text again from the original, opened as UTF-8 (Notepad: Encoding UTF-8; Excel: "
                    + "Data › From Text/CSV, File origin 65001: Unicode (UTF-8)), and save the file as UTF-8",
                vi: "văn bản là Unicode (UTF-8) nhưng đã bị một chương trình mở nhầm thành Windows-1252 (Western) "
                    + "rồi lưu lại, nên 'Đoàn' thành 'ÄoÃ n'; đây không phải TCVN3 hay VNI, chuyển mã bằng UniKey chỉ "
                    + "làm hỏng thêm. Hãy chép lại văn bản từ bản gốc, mở dạng UTF-8 (Notepad: Encoding UTF-8; Excel: "
                    + "Data › From Text/CSV, File origin 65001: Unicode (UTF-8)), rồi lưu tệp dạng UTF-8"
            )
        case .renderTooLong:
            Entry(
                en: "is too long for {channel}: {length} characters, the limit is {limit}",
                vi: "quá dài cho kênh {channel}: {length} ký tự, trong khi giới hạn là {limit}"
            )
        case .renderTemplateTooLong:
            Entry(
                en: "cannot fit {channel}'s limit of {limit} characters: the template {template} alone is longer",
                vi: "không vừa giới hạn {limit} ký tự của kênh {channel}: riêng mẫu {template} đã dài hơn"
            )
        case .renderEmpty:
            Entry(
                en: "renders to no text at all for {channel} with the template {template}",
                vi: "không ra chữ nào cho kênh {channel} với mẫu {template}"
            )
        case .renderTooLongHint:
            Entry(
                en: "add a `link:` so Loa can cut the text with “Xem thêm”, or write a shorter text under "
                    + "`variants:` for {channel} or its platform",
                vi: "thêm `link:` để Loa cắt bớt và chèn “Xem thêm”, hoặc viết bản ngắn hơn trong `variants:` cho "
                    + "kênh {channel} hoặc nền tảng của nó"
            )
        case .renderTemplateTooLongHint:
            Entry(
                en: "shorten the template, or raise the channel's max_length",
                vi: "hãy rút gọn mẫu, hoặc tăng max_length của kênh"
            )
        case .renderEmptyHint:
            Entry(
                en: "the template must show the post, as {{title}} and {{body}}; check its sections and names",
                vi: "mẫu phải hiện nội dung bài, như {{title}} và {{body}}; hãy kiểm tra các khối và tên trong mẫu"
            )
        case .templateNeverUsed:
            Entry(
                en: "is never used: expected <platform>.mustache or <platform>.<category>.mustache",
                vi: "không bao giờ được dùng: tên mẫu phải là <nền tảng>.mustache hoặc <nền tảng>.<chuyên mục>.mustache"
            )
        case .templateNamesHint:
            Entry(
                en: "platforms: {platforms}; categories: {categories}",
                vi: "nền tảng: {platforms}; chuyên mục: {categories}"
            )
        case .templateEscapesHTML:
            Entry(
                en: "escapes text as HTML (& becomes &amp;)",
                vi: "mã hóa chữ theo kiểu HTML (& sẽ thành &amp;)"
            )
        case .templateEscapesHTMLHint:
            Entry(
                en: "start the template with the line {{% CONTENT_TYPE: TEXT}}",
                vi: "hãy mở đầu mẫu bằng dòng {{% CONTENT_TYPE: TEXT}}"
            )
        case .templateSyntaxAt:
            Entry(
                en: "Mustache syntax: {problem} at column {column}",
                vi: "lỗi cú pháp Mustache: {problem} ở cột {column}"
            )
        case .templateSyntax: Entry(en: "Mustache syntax: {problem}", vi: "lỗi cú pháp Mustache: {problem}")
        case .templateSectionName:
            Entry(
                en: "a section is closed with another name than it opened",
                vi: "một khối được đóng bằng tên khác với tên lúc mở"
            )
        case .templateUnfinishedTag:
            Entry(en: "a tag is not closed with }}", vi: "một thẻ chưa được đóng bằng }}")
        case .templateSectionEnd:
            Entry(
                en: "a section is not closed ({{/name}} is missing)",
                vi: "một khối chưa được đóng (thiếu {{/tên}})"
            )
        case .templateEmptyTag: Entry(en: "has an empty tag {tag}", vi: "có thẻ rỗng {tag}")
        case .templatePartial:
            Entry(
                en: "includes the partial '{name}'; Loa does not read partials, so write its text into this template",
                vi: "chèn mẫu con (partial) '{name}'; Loa không đọc mẫu con, hãy chép nội dung của nó vào mẫu này"
            )
        case .templateTransform:
            Entry(
                en: "uses the transform '{transform}', which Mustache does not have",
                vi: "dùng phép biến đổi '{transform}' mà Mustache không có"
            )
        case .templateUnknownValue:
            Entry(
                en: "uses '{name}', which is not a value Loa gives a template",
                vi: "dùng '{name}', không phải giá trị Loa đưa cho mẫu"
            )
        case .templateKnownValues: Entry(en: "; known values: {names}", vi: "; các giá trị có: {names}")

        case .checkSentOn: Entry(en: " on {time}", vi: " lúc {time}")
        case .checkEditedAfterSent:
            Entry(
                en: "edited after it was sent to {channels}; the change is not posted",
                vi: "đã bị sửa sau khi gửi lên {channels}; phần sửa sẽ không được đăng"
            )
        case .checkEditedAfterSentHint:
            Entry(
                en: "set `revision: {revision}` to post the edited text as a new post",
                vi: "đặt `revision: {revision}` để đăng bản đã sửa thành một bài mới"
            )
        case .credReadableByOthers:
            Entry(en: "is readable by others (mode {mode})", vi: "người khác đọc được tệp này (quyền {mode})")
        case .credChangeableByGroup:
            Entry(en: "can be changed by its group (mode {mode})", vi: "cả nhóm sửa được tệp này (quyền {mode})")
        case .credChmodHint:
            Entry(
                en: "run: chmod 600 {path} (or 640 for a workspace shared by a group)",
                vi: "hãy chạy: chmod 600 {path} (hoặc 640 nếu cả một nhóm dùng chung không gian làm việc)"
            )
        case .credExpectedKeyValue: Entry(en: "expected KEY=value", vi: "cần dạng TÊN=giá trị")
        case .credBadName:
            Entry(
                en: "'{name}' is not a valid name; expected letters, digits and _",
                vi: "'{name}' không phải tên hợp lệ; chỉ dùng chữ cái không dấu, chữ số và _"
            )
        case .credSetTwice:
            Entry(
                en: "{name} is set twice; the last value wins",
                vi: "{name} được đặt hai lần; giá trị sau cùng được dùng"
            )
        case .credAfterQuote:
            Entry(en: "unexpected text after the closing quote", vi: "còn chữ thừa sau dấu ngoặc đóng")
        case .credNoClosingQuote:
            Entry(en: "the value has no closing {quote}", vi: "giá trị thiếu dấu {quote} đóng lại")

        case .fileNotExist: Entry(en: "it does not exist", vi: "không tồn tại")
        case .filePermissionDenied: Entry(en: "permission denied", vi: "không có quyền truy cập")
        case .fileDiskFull: Entry(en: "the disk is full", vi: "ổ đĩa đã đầy")
        case .fileQuota: Entry(en: "the disk quota is used up", vi: "đã dùng hết dung lượng được cấp trên ổ đĩa")
        case .fileReadOnly: Entry(en: "the file system is read-only", vi: "hệ thống tệp chỉ cho đọc")
        case .fileIsFolder: Entry(en: "it is a folder", vi: "đây là một thư mục")
        case .filePathNotFolder:
            Entry(en: "a part of its path is not a folder", vi: "một phần trong đường dẫn không phải thư mục")
        case .fileLinkLoop:
            Entry(
                en: "it is a symbolic link that leads back to itself",
                vi: "đây là liên kết tượng trưng trỏ vòng về chính nó"
            )
        case .fileTooBig: Entry(en: "the file has grown past the size allowed", vi: "tệp đã vượt cỡ cho phép")
        case .fileNameTooLong: Entry(en: "its name is too long", vi: "tên quá dài")
        case .fileIOError:
            Entry(
                en: "the disk could not be read or written (input/output error)",
                vi: "không đọc hoặc ghi được ổ đĩa (lỗi vào/ra)"
            )
        case .fileCouldNotBeDone: Entry(en: "it could not be done", vi: "không làm được")
        case .fileInTheWay:
            Entry(
                en: "something is in the way: a file of that name exists",
                vi: "bị vướng: đã có một tệp trùng tên"
            )
        case .fileCouldNotBeRead: Entry(en: "it could not be read", vi: "không đọc được")
        case .fileFolderNotFile: Entry(en: "it is a folder, not a file", vi: "đây là thư mục, không phải tệp")
        case .fileNotRegular: Entry(en: "it is not a regular file", vi: "đây không phải tệp thông thường")
        case .fileLinkMissing:
            Entry(
                en: "it is a symbolic link to '{target}', which does not exist",
                vi: "đây là liên kết tượng trưng tới '{target}', mà '{target}' không tồn tại"
            )
        case .fileNoFolder: Entry(en: "the folder '{folder}' does not exist", vi: "không có thư mục '{folder}'")
        case .fileNotAFolder: Entry(en: "'{path}' is not a folder", vi: "'{path}' không phải thư mục")

        case .archiveSays: Entry(en: "the archive '{path}' {reason}", vi: "kho lưu trữ '{path}' {reason}")
        case .archiveNotSQLite:
            Entry(
                en: "is not a Loa archive (it is not an SQLite database); move it away, or set `archive:` in loa.yml",
                vi: "không phải kho lưu trữ của Loa (không phải cơ sở dữ liệu SQLite); hãy chuyển tệp đi chỗ khác, "
                    + "hoặc đặt `archive:` trong loa.yml"
            )
        case .archiveCorrupt:
            Entry(
                en: "is damaged (SQLite found it corrupt); restore it from a backup",
                vi: "bị hỏng (SQLite báo tệp hỏng); hãy khôi phục từ bản sao lưu"
            )
        case .archiveLocked:
            Entry(
                en: "is locked by another program; try again once that program has finished",
                vi: "đang bị một chương trình khác khóa; hãy thử lại khi chương trình đó chạy xong"
            )
        case .archiveDiskFull:
            Entry(en: "cannot be written: the disk is full", vi: "không ghi được: ổ đĩa đã đầy")
        case .archiveReadOnly:
            Entry(
                en: "cannot be written: the file or its folder is read-only",
                vi: "không ghi được: tệp hoặc thư mục chứa nó chỉ cho đọc"
            )
        case .archivePermission:
            Entry(en: "cannot be used: permission denied", vi: "không dùng được: không có quyền truy cập")
        case .archiveIOError:
            Entry(
                en: "could not be read or written (an input/output error: a failing disk, or one that is full)",
                vi: "không đọc hoặc ghi được (lỗi vào/ra: ổ đĩa đang hỏng, hoặc đã đầy)"
            )
        case .archiveNoMemory:
            Entry(en: "could not be read: the machine ran out of memory", vi: "không đọc được: máy đã hết bộ nhớ")
        case .archiveNoFolder:
            Entry(
                en: "cannot be opened: its folder '{folder}' does not exist",
                vi: "không mở được: không có thư mục '{folder}' chứa nó"
            )
        case .archiveCannotOpen: Entry(en: "cannot be opened: {problem}", vi: "không mở được: {problem}")
        case .archiveCannotOpenCheck:
            Entry(
                en: "cannot be opened: check that it and its folder can be read and written",
                vi: "không mở được: hãy kiểm tra tệp và thư mục chứa nó có đọc, ghi được không"
            )
        case .archiveOtherVersion:
            Entry(
                en: "is not a Loa archive, or was made by another version of Loa ({problem})",
                vi: "không phải kho lưu trữ của Loa, hoặc do một phiên bản Loa khác tạo ra ({problem})"
            )
        case .archiveUnusable: Entry(en: "could not be used", vi: "không dùng được")
        case .archiveUnusableBecause: Entry(en: "could not be used: {problem}", vi: "không dùng được: {problem}")
        case .archiveFolderNotMade:
            Entry(
                en: "cannot be created: its folder cannot be made ({problem})",
                vi: "không tạo được: không tạo được thư mục chứa nó ({problem})"
            )
        case .archiveEmpty:
            Entry(
                en: "the archive '{path}' is empty (0 bytes), so it is not a Loa archive; restore it from a backup, or "
                    + "delete it to start a new archive (posts more than `catch_up` past their time are then held)",
                vi: "kho lưu trữ '{path}' là tệp rỗng (0 byte), nên không phải kho lưu trữ của Loa; hãy khôi phục từ "
                    + "bản sao lưu, hoặc xóa tệp để bắt đầu kho mới (khi đó các bài đã quá giờ hơn `catch_up` sẽ bị "
                    + "tạm giữ)"
            )
        case .archiveForeign:
            Entry(
                en: "the archive '{path}' is not a Loa archive: it is an SQLite database without Loa's tables; point "
                    + "`archive:` in loa.yml at Loa's archive, or move this file away",
                vi: "kho lưu trữ '{path}' không phải của Loa: đây là cơ sở dữ liệu SQLite không có các bảng của Loa; "
                    + "hãy trỏ `archive:` trong loa.yml tới kho lưu trữ của Loa, hoặc chuyển tệp này đi chỗ khác"
            )
        case .archiveOutdated:
            Entry(
                en: "the archive '{path}' was written by an older Loa; the next `loa run` (by the account that runs "
                    + "cron) brings it up to date",
                vi: "kho lưu trữ '{path}' do một phiên bản Loa cũ hơn ghi; lần `loa run` tới (bằng tài khoản chạy "
                    + "cron) sẽ cập nhật nó"
            )
        case .archiveIsFolder:
            Entry(
                en: "cannot be used: it is a folder, not a file",
                vi: "không dùng được: đây là thư mục, không phải tệp"
            )

        case .reportIsFolder:
            Entry(
                en: "'{path}' is a folder; expected the name of the file to write, such as {path}/bao-cao.csv",
                vi: "'{path}' là một thư mục; cần tên tệp để ghi, như {path}/bao-cao.csv"
            )
        case .reportWorkspaceFile:
            Entry(
                en: "'{path}' is {role}; a report never replaces a file of the workspace: choose another name",
                vi: "'{path}' là {role}; báo cáo không bao giờ ghi đè tệp của không gian làm việc: hãy chọn tên khác"
            )
        case .reportFolderUnusable:
            Entry(
                en: "the folder '{folder}' cannot be used: {problem}",
                vi: "không dùng được thư mục '{folder}': {problem}"
            )
        case .reportExists:
            Entry(
                en: "'{path}' already exists; pass --force to replace it",
                vi: "'{path}' đã có; thêm --force nếu muốn ghi đè"
            )
        case .roleConfig: Entry(en: "the workspace's {name}", vi: "tệp {name} của không gian làm việc")
        case .roleCredentials:
            Entry(en: "the workspace's credentials file", vi: "tệp credentials của không gian làm việc")
        case .roleArchive: Entry(en: "the archive", vi: "kho lưu trữ")
        case .roleArchiveCompanion:
            Entry(en: "a file the archive keeps beside it", vi: "một tệp kho lưu trữ giữ bên cạnh nó")
        case .roleInQueue: Entry(en: "in the queue folder", vi: "nằm trong thư mục hàng đợi")
        case .roleInTemplates: Entry(en: "in the templates folder", vi: "nằm trong thư mục mẫu (templates)")
        case .roleInOutbox: Entry(en: "in the outbox folder", vi: "nằm trong thư mục outbox")
        case .filterFromAfterTo:
            Entry(
                en: "--from {from} is after --to {to}; expected the first day first",
                vi: "--from {from} lại sau --to {to}; ngày đầu phải đứng trước"
            )
        case .filterNoUnit:
            Entry(
                en: "--unit: no announcement in the archive is from '{unit}'",
                vi: "--unit: kho lưu trữ không có thông báo nào của '{unit}'"
            )
        case .filterNoChannel:
            Entry(
                en: "--channel: '{channel}' matches no channel of loa.yml or the archive",
                vi: "--channel: '{channel}' không ứng với kênh nào trong loa.yml hay kho lưu trữ"
            )
        case .filterNoneYet: Entry(en: "; the archive has none yet", vi: "; kho lưu trữ chưa có gì")
        case .filterExpectedOneOf: Entry(en: "; expected one of: {names}", vi: "; cần một trong: {names}")
        case .periodExpectedMonth: Entry(en: "MM/yyyy, such as 11/2026", vi: "MM/yyyy, như 11/2026")
        case .periodExpectedQuarter:
            Entry(
                en: "a quarter and a year, such as IV/2026 or 4/2026",
                vi: "quý và năm, như IV/2026 hoặc 4/2026"
            )
        case .periodExpectedYear: Entry(en: "yyyy, such as 2026", vi: "yyyy, như 2026")

        case .onlineLine: Entry(en: "online: {line}", vi: "trực tuyến: {line}")
        case .onlineReconnect:
            Entry(
                en: "make a new Page token as the README's \"Posting straight to a Facebook Page\" says, and put it in "
                    + "the credentials file",
                vi: "hãy tạo token Trang mới theo mục \"Posting straight to a Facebook Page\" của README, rồi ghi vào "
                    + "tệp credentials"
            )
        case .onlineTokenFails: Entry(en: "the token does not work: {reason}", vi: "token không dùng được: {reason}")
        case .onlineCannotAsk:
            Entry(
                en: "cannot ask {service} about the token: {reason}",
                vi: "không hỏi được {service} về token: {reason}"
            )
        case .onlineCheckNetwork:
            Entry(
                en: "check the network and api_base, then try again",
                vi: "hãy kiểm tra mạng và api_base, rồi thử lại"
            )
        case .onlineNotPageToken:
            Entry(
                en: "the token is not a Page token for page {page}: it speaks for {name} ({id})",
                vi: "token này không phải token của Trang {page}: nó đại diện cho {name} ({id})"
            )
        case .onlineSomeoneElse: Entry(en: "someone else", vi: "người khác")
        case .onlineNoID: Entry(en: "no id", vi: "không có id")
        case .onlineUserToken:
            Entry(
                en: "a user token cannot post as the Page; {reconnect}",
                vi: "token của người dùng không đăng thay Trang được; {reconnect}"
            )
        case .onlineCannotReadPosts:
            Entry(
                en: "the token cannot read the Page's posts ({reason}); Loa needs that to find a post whose answer "
                    + "was lost and to read engagement",
                vi: "token không đọc được bài của Trang ({reason}); Loa cần quyền này để tìm lại bài bị mất câu trả "
                    + "lời và để đọc số liệu tương tác"
            )
        case .onlineReadEngagementHint:
            Entry(
                en: "give the app pages_read_engagement when making the token; {reconnect}",
                vi: "hãy cấp quyền pages_read_engagement cho ứng dụng khi tạo token; {reconnect}"
            )
        case .onlinePageReady:
            Entry(
                en: "{channel}: a working Page token for '{name}' ({id}), able to read its posts",
                vi: "{channel}: token Trang của '{name}' ({id}) dùng được, đọc được bài của Trang"
            )
        case .onlinePageReadyToPost:
            Entry(
                en: "{channel}: a working Page token for '{name}' ({id}), able to post (pages_manage_posts) and to "
                    + "read its posts",
                vi: "{channel}: token Trang của '{name}' ({id}) dùng được, đăng được bài (pages_manage_posts) và "
                    + "đọc được bài của Trang"
            )
        case .onlineBotFatherHint:
            Entry(
                en: "ask @BotFather for the bot's token (/token) and put it in the credentials file",
                vi: "hãy hỏi @BotFather token của bot (/token) rồi ghi vào tệp credentials"
            )
        case .onlineZaloBotHint:
            Entry(
                en: "copy the bot's token from Zalo's bot creator into the credentials file",
                vi: "hãy chép token của bot từ trang tạo bot của Zalo vào tệp credentials"
            )
        case .onlineCannotAskBot:
            Entry(
                en: "cannot ask {service} about the bot: {reason}",
                vi: "không hỏi được {service} về bot: {reason}"
            )
        case .onlineTheBot: Entry(en: "the bot", vi: "bot")
        case .onlineZaloReady:
            Entry(
                en: "{channel}: a working Zalo bot token for {name}",
                vi: "{channel}: token bot Zalo của {name} dùng được"
            )
        case .onlineAddAdmin:
            Entry(
                en: "add {name} to {chat} as an administrator allowed to post messages",
                vi: "hãy thêm {name} vào {chat} làm quản trị viên có quyền đăng tin"
            )
        case .onlineCannotSeeChat:
            Entry(
                en: "cannot see {chat} as {name}: {reason}",
                vi: "{name} không thấy được {chat}: {reason}"
            )
        case .onlineCheckChatID: Entry(en: "check chat_id, then {add}", vi: "hãy kiểm tra chat_id, rồi {add}")
        case .onlineAdminNoPost:
            Entry(
                en: "{name} is an administrator without the right to post messages in {chat}",
                vi: "{name} là quản trị viên của {chat} nhưng không có quyền đăng tin"
            )
        case .onlineNotAdmin:
            Entry(
                en: "{name} is '{status}' there, not an administrator in {chat}",
                vi: "{name} đang là '{status}' trong {chat}, không phải quản trị viên"
            )
        case .onlineBotReady:
            Entry(
                en: "{channel}: {name} may post in {chat} ({status})",
                vi: "{channel}: {name} được phép đăng trong {chat} ({status})"
            )

        case .renameNoDeliveries:
            Entry(
                en: "the archive has no deliveries on channel '{old}'",
                vi: "kho lưu trữ không có lượt gửi nào trên kênh '{old}'"
            )
        case .renameBoth:
            Entry(
                en: "'{id}' (revision {revision}) has records under both '{old}' and '{new}'; nothing was moved",
                vi: "'{id}' (bản {revision}) có dữ liệu ở cả '{old}' và '{new}'; chưa chuyển gì cả"
            )
        case .renameNoNewChannel:
            Entry(
                en: "loa.yml has no channel '{new}'; rename the channel there first",
                vi: "loa.yml không có kênh '{new}'; hãy đổi tên kênh trong loa.yml trước"
            )
        case .renameOldStillThere:
            Entry(
                en: "loa.yml still has a channel '{old}'; rename it there first",
                vi: "loa.yml vẫn còn kênh '{old}'; hãy đổi tên nó trong loa.yml trước"
            )
        case .renameMoved:
            Entry(
                en: "moved {n} delivery from '{old}' to '{new}'",
                enOther: "moved {n} deliveries from '{old}' to '{new}'",
                vi: "đã chuyển {n} lượt gửi từ '{old}' sang '{new}'"
            )
        case .renameReplaced:
            Entry(
                en: "; {n} made for '{new}' meanwhile replaced by them",
                vi: "; thay cho {n} lượt gửi đã tạo cho '{new}' trong lúc chờ"
            )
        case .renameRestored: Entry(en: "; {n} owed again", vi: "; {n} lượt gửi lại được chờ đăng")
        case .noteChannelLeft:
            Entry(
                en: "the announcement no longer names this channel",
                vi: "thông báo không còn ghi kênh này"
            )
        case .noteOwedAgain:
            Entry(
                en: "owed again: channel '{old}' was renamed '{new}'",
                vi: "lại chờ đăng: kênh '{old}' đã đổi tên thành '{new}'"
            )
        case .agendaDaysRange:
            Entry(en: "--days: expected 1 to 366, got {days}", vi: "--days: cần từ 1 đến 366, nhưng lại là {days}")
        case .lockHeld: Entry(en: "another loa run holds {path}", vi: "một lần loa run khác đang giữ {path}")
        case .lockUnavailable:
            Entry(
                en: "cannot open the lock file {path}: {reason}",
                vi: "không mở được tệp khóa {path}: {reason}"
            )
        case .runWouldSendDetail:
            Entry(en: "{target}, {length}/{limit} characters", vi: "{target}, {length}/{limit} ký tự")
        case .runArchiveReplaced:
            Entry(
                en: "the archive was deleted or replaced while this run worked; what it recorded is lost",
                vi: "kho lưu trữ đã bị xóa hoặc thay thế trong lúc lần chạy này đang làm việc; những gì nó ghi lại "
                    + "đã mất"
            )
        case .runArchiveReplacedHint:
            Entry(
                en: "restore the archive from a backup; the next run starts a new one, which holds posts more than "
                    + "`catch_up` past their time for `loa run --catch-up`",
                vi: "hãy khôi phục kho lưu trữ từ bản sao lưu; lần chạy tới sẽ tạo kho mới, và tạm giữ các bài đã "
                    + "quá giờ hơn `catch_up` để chờ `loa run --catch-up`"
            )

        case .sinkLogOption:
            Entry(
                en: "--log: cannot write the log '{log}': {problem}",
                vi: "--log: không ghi được nhật ký '{log}': {problem}"
            )
        case .sinkLogWrite:
            Entry(en: "cannot write the log '{log}': {problem}", vi: "không ghi được nhật ký '{log}': {problem}")
        case .sinkFileNotFolder:
            Entry(en: "'{path}' is a file, not a folder", vi: "'{path}' là tệp, không phải thư mục")
        case .sinkFolderNotThere:
            Entry(
                en: "the folder '{folder}' cannot be created there",
                vi: "không tạo được thư mục '{folder}' ở chỗ đó"
            )
        case .sinkFolderNotCreated:
            Entry(en: "the folder '{folder}' cannot be created", vi: "không tạo được thư mục '{folder}'")
        case .sinkImagesNotList: Entry(en: "images is not a list", vi: "images không phải một danh sách")
        case .sinkImageNotObject: Entry(en: "{field} is not an object", vi: "{field} không phải một đối tượng JSON")
        case .sinkImageNotBase64:
            Entry(en: "{field} ({name}): data is not base64", vi: "{field} ({name}): data không phải base64")
        case .sinkImageNoSHA:
            Entry(en: "{field} ({name}): data without sha256", vi: "{field} ({name}): có data mà thiếu sha256")
        case .sinkImageBytes:
            Entry(
                en: "{field} ({name}): {count} bytes of data, but bytes says {declared}",
                vi: "{field} ({name}): data có {count} byte, nhưng bytes ghi {declared}"
            )
        case .sinkImageChanged:
            Entry(
                en: "{field} ({name}): sha256 does not match its data; the photo was changed on the way",
                vi: "{field} ({name}): sha256 không khớp với data; ảnh đã bị thay đổi trên đường gửi"
            )
        case .sinkCannotStore:
            Entry(en: "cannot store the photos: {problem}", vi: "không lưu được ảnh: {problem}")
        case .sinkMissingID: Entry(en: "missing webhook-id", vi: "thiếu webhook-id")
        case .sinkBadTimestamp:
            Entry(
                en: "webhook-timestamp missing or too far from now",
                vi: "thiếu webhook-timestamp, hoặc thời điểm quá xa hiện tại"
            )
        case .sinkBadSignature: Entry(en: "bad signature", vi: "chữ ký không đúng")
        case .sinkNotJSON: Entry(en: "the body is not a JSON object", vi: "nội dung gửi không phải đối tượng JSON")
        case .sinkNoPost: Entry(en: "no post {id}", vi: "không có bài {id}")

        case .holdRenamed:
            Entry(
                en: "channel '{channel}' has the address of '{old}', which posted this already: if you renamed it, "
                    + "`loa channel rename {old} {channel}` moves its records; if not, "
                    + "`loa retry {id} --channel {channel}` posts it",
                vi: "kênh '{channel}' có cùng địa chỉ với '{old}', kênh đã đăng bài này rồi: nếu bạn đã đổi tên kênh, "
                    + "`loa channel rename {old} {channel}` sẽ chuyển dữ liệu của nó; nếu không, "
                    + "`loa retry {id} --channel {channel}` sẽ đăng bài"
            )
        case .holdRepeat:
            Entry(
                en: "the same text was already delivered as '{twin}', due at another time: if this copy is a repeat, "
                    + "`loa retry {id}` posts it; otherwise `loa cancel {id}` drops it",
                vi: "nội dung y hệt đã được gửi với tên '{twin}', vào một giờ khác: nếu đây là bài đăng lại, "
                    + "`loa retry {id}` sẽ đăng; nếu không, `loa cancel {id}` sẽ bỏ bài"
            )
        case .holdTwin:
            Entry(
                en: "the same content was already delivered as '{twin}' (renamed file?); `loa cancel {id}` drops it, "
                    + "`loa retry {id}` posts it anyway",
                vi: "nội dung y hệt đã được gửi với tên '{twin}' (tệp bị đổi tên?); `loa cancel {id}` sẽ bỏ bài, "
                    + "`loa retry {id}` vẫn đăng"
            )
        case .holdCatchUp:
            Entry(
                en: "this archive is new, and the post was due {when}, more than {catch_up} ago: it may be out "
                    + "already (a lost archive?); `loa run --catch-up` sends every such post, `loa retry {id}` this "
                    + "one, `loa cancel {id}` drops it",
                vi: "kho lưu trữ này mới tạo, mà bài đến hạn lúc {when}, đã quá {catch_up}: có thể bài đã đăng rồi "
                    + "(kho lưu trữ cũ bị mất?); `loa run --catch-up` gửi mọi bài như thế, `loa retry {id}` gửi bài "
                    + "này, `loa cancel {id}` bỏ bài"
            )
        case .noteSameID:
            Entry(
                en: "waiting: {files} have the same id; give one of them another `id:`",
                vi: "đang đợi: {files} trùng id; hãy đặt `id:` khác cho một trong hai tệp"
            )
        case .noteNextTry:
            Entry(en: "{reason}; next try in {delay}", vi: "{reason}; thử lại sau {delay}")
        case .noteGaveUp:
            Entry(
                en: "gave up after {n} attempts; the last: {reason}",
                vi: "đã dừng sau {n} lần thử; lần cuối: {reason}"
            )
        case .noteInterrupted:
            Entry(
                en: "the run stopped before the answer was recorded",
                vi: "lần chạy dừng trước khi kịp ghi lại câu trả lời"
            )
        case .noteInterruptedDirect:
            Entry(
                en: "the last run stopped before the platform's answer was recorded; Loa looks for the post before "
                    + "sending again",
                vi: "lần chạy trước dừng khi chưa kịp ghi câu trả lời của nền tảng; Loa sẽ tìm bài trên nền tảng "
                    + "trước khi gửi lại"
            )
        case .noteInterruptedBridge:
            Entry(
                en: "the last run stopped before the bridge's answer was recorded; sending again with the same id",
                vi: "lần chạy trước dừng khi chưa kịp ghi câu trả lời của cầu nối; gửi lại với cùng id"
            )
        case .waitMinimumGap:
            Entry(
                en: "waiting for the channel's minimum gap of {gap}, until {until}",
                vi: "đợi đủ khoảng cách tối thiểu {gap} giữa hai bài của kênh, đến {until}"
            )
        case .noteReplaced: Entry(en: "replaced by revision {revision}", vi: "đã được thay bằng bản {revision}")
        case .noteEdited:
            Entry(
                en: "edited after it was sent; set `revision: {revision}` to post it again",
                vi: "đã sửa sau khi gửi; đặt `revision: {revision}` để đăng lại"
            )
        case .noteLeftQueue:
            Entry(
                en: "its file {file} left the queue before it was sent",
                vi: "tệp {file} đã bị bỏ khỏi hàng đợi trước khi gửi"
            )
        case .noteImagesUnreadable:
            Entry(en: "cannot read the announcement's images", vi: "không đọc được ảnh của thông báo")
        case .noteRetried: Entry(en: "retry asked for by an operator", vi: "người vận hành yêu cầu gửi lại")
        case .noteCancelled: Entry(en: "cancelled by an operator", vi: "người vận hành đã hủy")
        case .noteFoundPosted: Entry(en: "found posted by a person", vi: "có người thấy bài đã lên")
        case .noteFoundPostedWhere:
            Entry(en: "found posted by a person: {note}", vi: "có người thấy bài đã lên: {note}")
        case .notePostedByHand: Entry(en: "posted by hand", vi: "đã đăng tay")
        case .notePostedByHandWhere: Entry(en: "posted by hand: {note}", vi: "đã đăng tay: {note}")
        case .noteConfirmationUndone:
            Entry(
                en: "confirmation undone; waiting for `loa confirm`",
                vi: "đã hủy xác nhận; đang chờ `loa confirm`"
            )
        case .noteCaughtUp:
            Entry(en: "caught up: sent by `loa run --catch-up`", vi: "gửi bù: gửi bằng `loa run --catch-up`")

        case .answerBridge:
            Entry(en: "the bridge answered {status}{detail}", vi: "cầu nối trả lời {status}{detail}")
        case .answerRedirectTo: Entry(en: " to {location}", vi: " tới {location}")
        case .answerRedirect:
            Entry(
                en: "the bridge answered {status}, a redirect{location}; redirects are not followed, so correct the "
                    + "channel's url",
                vi: "cầu nối trả lời {status}, một lệnh chuyển hướng{location}; Loa không đi theo chuyển hướng, hãy "
                    + "sửa url của kênh"
            )
        case .answerRefused:
            Entry(
                en: "the bridge refused the post with {status}{detail}",
                vi: "cầu nối từ chối bài với mã {status}{detail}"
            )
        case .answerTimeout: Entry(en: "no answer before the timeout", vi: "hết thời gian chờ mà không có trả lời")
        case .answerConnection: Entry(en: "the connection failed", vi: "không kết nối được")
        case .answerDNS:
            Entry(en: "the bridge's host name did not resolve", vi: "không tìm thấy tên máy chủ của cầu nối")
        case .answerTLS: Entry(en: "the secure connection failed", vi: "kết nối bảo mật thất bại")
        case .answerNotHTTP:
            Entry(en: "the bridge's answer was not valid HTTP", vi: "câu trả lời của cầu nối không phải HTTP hợp lệ")
        case .answerFailed: Entry(en: "the request failed", vi: "yêu cầu thất bại")

        case .directFound:
            Entry(
                en: "its answer was lost; found on the platform",
                vi: "mất câu trả lời; đã tìm thấy bài trên nền tảng"
            )
        case .directFoundAfter: Entry(en: "found after a lost answer: ", vi: "tìm thấy sau khi mất câu trả lời: ")
        case .directLost:
            Entry(
                en: "the answer was lost ({reason}); Loa looks on the platform before sending again",
                vi: "mất câu trả lời ({reason}); Loa sẽ tìm bài trên nền tảng trước khi gửi lại"
            )
        case .directNotFound:
            Entry(
                en: "not found on the platform; sending once more",
                vi: "không thấy bài trên nền tảng; gửi thêm một lần"
            )
        case .directUnconfirmed:
            Entry(
                en: "{reason}; look on the platform, then run `loa confirm {id} --channel {channel} --url <address of "
                    + "the post>` if it is there, or `loa retry {id} --channel {channel}` if it is not",
                vi: "{reason}; hãy xem trên nền tảng, rồi chạy `loa confirm {id} --channel {channel} --url <địa chỉ "
                    + "bài đăng>` nếu bài đã lên, hoặc `loa retry {id} --channel {channel}` nếu chưa"
            )
        case .onlinePermissionsUnknown:
            Entry(
                en: "cannot read the token's permissions ({reason}); whether it may post is known at its first post",
                vi: "không đọc được quyền của token ({reason}); token có đăng được không sẽ biết ở bài đầu tiên"
            )
        case .onlinePermissionsUnknownHint:
            Entry(
                en: "a token that may not post stops the channel with a message saying what to do",
                vi: "token không được đăng bài sẽ làm kênh dừng, kèm lời nhắn cần làm gì"
            )
        case .onlineLacksPosting:
            Entry(
                en: "the token lacks {missing}: it cannot post on the Page",
                vi: "token thiếu quyền {missing}: không đăng bài lên Trang được"
            )
        case .onlineLacksReading:
            Entry(
                en: "the token lacks {missing}: it cannot read the Page's posts",
                vi: "token thiếu quyền {missing}: không đọc được bài của Trang"
            )
        case .onlineLacksHint:
            Entry(
                en: "make the token again, granting the app {missing}, as a Page admin with the CREATE_CONTENT task "
                    + "on the Page; {reconnect}",
                vi: "tạo lại token, cấp cho ứng dụng quyền {missing}, bằng tài khoản quản trị Trang có nhiệm vụ "
                    + "CREATE_CONTENT trên Trang; {reconnect}"
            )
        case .onlineNotThisPage:
            Entry(
                en: "the token's pages_manage_posts does not cover page {page}",
                vi: "quyền pages_manage_posts của token không áp dụng cho Trang {page}"
            )
        case .onlineNotThisPageHint:
            Entry(
                en: "when making the token, tick this Page in Facebook's list of Pages; {reconnect}",
                vi: "khi tạo token, hãy chọn Trang này trong danh sách Trang của Facebook; {reconnect}"
            )
        case .onlineNoInsights:
            Entry(
                en: "the token lacks read_insights: `loa engagement` reads reactions, comments and shares, not views",
                vi: "token thiếu quyền read_insights: `loa engagement` đọc được cảm xúc, bình luận và chia sẻ, "
                    + "không đọc được lượt xem"
            )
        case .onlineNoInsightsHint:
            Entry(
                en: "grant the app read_insights when making the token, to read views",
                vi: "cấp quyền read_insights cho ứng dụng khi tạo token để đọc lượt xem"
            )
        case .onlineZaloReconnect:
            Entry(
                en: "make a new refresh token as the README's \"Posting to a Zalo Official Account\" says, and put it "
                    + "in the credentials file",
                vi: "tạo refresh token mới theo mục \"Posting to a Zalo Official Account\" của README, rồi ghi vào "
                    + "tệp credentials"
            )
        case .onlineZaloOAReady:
            Entry(
                en: "{channel}: working Zalo tokens for the OA '{name}'",
                vi: "{channel}: token Zalo của OA '{name}' dùng được"
            )
        case .onlineZaloTokensFail:
            Entry(en: "the Zalo tokens do not work: {reason}", vi: "token Zalo không dùng được: {reason}")
        case .onlineZaloRefused:
            Entry(
                en: "Zalo refused to describe the OA: {reason}",
                vi: "Zalo từ chối cho biết thông tin OA: {reason}"
            )
        case .onlineZaloRefusedHint:
            Entry(
                en: "check app_id and the app's permissions",
                vi: "kiểm tra app_id và các quyền của ứng dụng"
            )
        case .onlineZaloCannotAsk:
            Entry(
                en: "cannot ask Zalo about the OA: {reason}",
                vi: "không hỏi được Zalo về OA: {reason}"
            )
        case .onlineZaloCannotAskHint:
            Entry(
                en: "check the network, api_base and oauth_base",
                vi: "kiểm tra mạng, api_base và oauth_base"
            )
        case .graphTokenDead:
            Entry(en: "the token no longer works: {reason}", vi: "token không còn dùng được: {reason}")
        case .graphPermissionMissing:
            Entry(
                en: "the token may not do this on the Page (a permission is missing): {reason}",
                vi: "token không được làm việc này trên Trang (thiếu quyền): {reason}"
            )
        case .zaloAnswered:
            Entry(
                en: "Zalo answered {status}",
                vi: "Zalo trả lời {status}"
            )
        case .zaloAnsweredNotJSON:
            Entry(
                en: "Zalo answered {status}, not JSON: {excerpt}",
                vi: "Zalo trả lời {status}, không phải JSON: {excerpt}"
            )
        case .zaloNoMessage:
            Entry(
                en: "no message",
                vi: "không kèm lời nhắn"
            )
        case .zaloAnsweredError:
            Entry(
                en: "Zalo answered {status} (error {code}): {message}",
                vi: "Zalo trả lời {status} (lỗi {code}): {message}"
            )
        case .zaloAnsweredNoCode:
            Entry(
                en: "Zalo answered {status} without an error code: {message}",
                vi: "Zalo trả lời {status}, không có mã lỗi: {message}"
            )
        case .zaloDidNotLeave:
            Entry(
                en: "{reason} (the request did not leave)",
                vi: "{reason} (yêu cầu chưa được gửi đi)"
            )
        case .zaloNoCompleteAnswer:
            Entry(
                en: "no complete answer ({kind}: {reason})",
                vi: "không nhận được câu trả lời đầy đủ ({kind}: {reason})"
            )
        case .zaloQuota:
            Entry(
                en: "Zalo's quota for the OA is used up for now: {reason}",
                vi: "OA đã dùng hết hạn mức của Zalo trong lúc này: {reason}"
            )
        case .zaloNoRefreshToken:
            Entry(
                en: "the channel has no refresh_token or token file",
                vi: "kênh không có refresh_token hoặc tệp token"
            )
        case .zaloTokenFileUnusable:
            Entry(
                en: "{problem}; remove it and put a new refresh token in the credentials file",
                vi: "{problem}; hãy xóa tệp đó và ghi refresh token mới vào tệp credentials"
            )
        case .zaloNoTokenFile:
            Entry(
                en: "the channel has no token file",
                vi: "kênh không có tệp token"
            )
        case .zaloTokensNotKept:
            Entry(
                en: "Zalo handed out new tokens but Loa could not keep them ({problem}); the refresh token is lost: "
                    + "free the disk or fix the folder, then put a new refresh token in the credentials file",
                vi: "Zalo đã cấp token mới nhưng Loa không lưu lại được ({problem}); refresh token đã mất: hãy giải "
                    + "phóng ổ đĩa hoặc sửa thư mục, rồi ghi refresh token mới vào tệp credentials"
            )
        case .zaloRenewing:
            Entry(
                en: "renewing the access token: {reason}",
                vi: "đang làm mới access token: {reason}"
            )
        case .zaloNoReason:
            Entry(
                en: "no reason given",
                vi: "không nêu lý do"
            )
        case .zaloTokenLostInRun:
            Entry(
                en: "; a run stopped at {when} while Zalo was handing it new tokens, so the token it was given was "
                    + "lost",
                vi: "; một lần chạy đã dừng lúc {when} khi Zalo đang cấp token mới, nên token được cấp đã bị mất"
            )
        case .zaloRefreshRefusedCode:
            Entry(
                en: "Zalo refused the refresh token (error {code}: {reason}){lost}",
                vi: "Zalo từ chối refresh token (lỗi {code}: {reason}){lost}"
            )
        case .zaloRefreshRefused:
            Entry(
                en: "Zalo refused the refresh token ({reason}){lost}",
                vi: "Zalo từ chối refresh token ({reason}){lost}"
            )
        case .zaloTokenFileNeeded:
            Entry(
                en: "{problem}; Loa keeps the Zalo tokens there and cannot go on without it",
                vi: "{problem}; Loa giữ token Zalo ở đó và không thể tiếp tục nếu thiếu nó"
            )
        case .zaloNoArticleToken:
            Entry(
                en: "Zalo took the article but answered no token to find it by",
                vi: "Zalo đã nhận bài viết nhưng không trả về token để tìm lại bài"
            )
        case .zaloBroadcastUnclear:
            Entry(
                en: "the article is on the OA (id {id}); sending it to followers got no clear answer: {reason}",
                vi: "bài viết đã có trên OA (id {id}); gửi bài tới người quan tâm không nhận được câu trả lời rõ "
                    + "ràng: {reason}"
            )
        case .zaloBroadcastWaits:
            Entry(
                en: "the article is on the OA (id {id}); sending it to followers waits: {reason}",
                vi: "bài viết đã có trên OA (id {id}); việc gửi bài tới người quan tâm phải đợi: {reason}"
            )
        case .zaloBroadcastRefused:
            Entry(
                en: "the article is on the OA (id {id}) but Zalo refused to send it to followers: {reason}; send it "
                    + "from OA Manager, or fix the cause and run `loa retry` (the article is not made again)",
                vi: "bài viết đã có trên OA (id {id}) nhưng Zalo từ chối gửi tới người quan tâm: {reason}; hãy gửi "
                    + "từ OA Manager, hoặc sửa nguyên nhân rồi chạy `loa retry` (bài viết không bị tạo lại)"
            )
        case .zaloArticleNotMade:
            Entry(
                en: "Zalo did not make the article: {reason}",
                vi: "Zalo không tạo bài viết: {reason}"
            )
        case .zaloArticlePending:
            Entry(
                en: "Zalo took the article but had not made it after {n} checks ({reason})",
                vi: "Zalo đã nhận bài viết nhưng sau {n} lần kiểm tra vẫn chưa tạo xong ({reason})"
            )
        case .zaloListNoData:
            Entry(
                en: "Zalo's list of the OA's articles had no `data`",
                vi: "danh sách bài viết của OA do Zalo trả về không có `data`"
            )
        case .zaloBroadcastUnknown:
            Entry(
                en: "the article is on the OA (id {id}) and Loa cannot tell whether it went to the followers (a "
                    + "broadcast is never sent twice by Loa); look in OA Manager's broadcast history",
                vi: "bài viết đã có trên OA (id {id}) và Loa không biết bài đã tới người quan tâm hay chưa (Loa "
                    + "không bao giờ gửi tới người quan tâm hai lần); hãy xem lịch sử gửi trong OA Manager"
            )
        case .zaloFreshTokenRefused:
            Entry(
                en: "Zalo refused a freshly renewed access token: {reason}",
                vi: "Zalo từ chối access token vừa được làm mới: {reason}"
            )
        case .zaloArticleNotListed:
            Entry(
                en: "article {id} is not among the OA's {n} newest articles",
                vi: "bài viết {id} không nằm trong {n} bài mới nhất của OA"
            )
        case .importNotObject:
            Entry(
                en: "not a JSON object; expected a line of `loa export --format jsonl`",
                vi: "không phải một đối tượng JSON; cần một dòng của `loa export --format jsonl`"
            )
        case .importNewer:
            Entry(
                en: "written by a newer Loa (export version {version}); this one reads versions up to {readable}: "
                    + "update Loa to import it",
                vi: "được ghi bởi bản Loa mới hơn (phiên bản xuất {version}); bản này chỉ đọc được đến phiên bản "
                    + "{readable}: hãy cập nhật Loa để nhập tệp"
            )
        case .importBadVersion:
            Entry(
                en: "export_version is not a version number; expected a line of `loa export --format jsonl`",
                vi: "export_version không phải số phiên bản; cần một dòng của `loa export --format jsonl`"
            )
        case .importNoField:
            Entry(
                en: "no field '{field}'; not a line of `loa export --format jsonl`",
                vi: "thiếu trường '{field}'; đây không phải một dòng của `loa export --format jsonl`"
            )
        case .importWrongKind:
            Entry(
                en: "field '{field}' has the wrong kind of value",
                vi: "trường '{field}' có giá trị sai kiểu"
            )
        case .importNotLoaValue:
            Entry(
                en: "field '{field}' is not a value Loa writes",
                vi: "trường '{field}' có giá trị mà Loa không bao giờ ghi"
            )
        case .importNoDeliveries:
            Entry(
                en: "no deliveries; expected the output of `loa export --format jsonl`",
                vi: "không có lượt đăng nào; cần kết quả của `loa export --format jsonl`"
            )
        case .curlHeadersTooLarge:
            Entry(
                en: "the answer's headers were too large (at most 100 KiB for one header line and 300 KiB for all of "
                    + "them are accepted)",
                vi: "phần đầu (header) của câu trả lời quá lớn (chỉ nhận tối đa 100 KiB cho một dòng và 300 KiB cho "
                    + "tất cả)"
            )
        case .statsURLInvalid:
            Entry(
                en: "a stats_url is not a valid address",
                vi: "stats_url không phải một địa chỉ hợp lệ"
            )
        case .pgTLSSettings:
            Entry(
                en: "its TLS settings could not be made",
                vi: "không tạo được thiết lập TLS"
            )
        case .pgRefusedConnection:
            Entry(
                en: "the server refused the connection",
                vi: "máy chủ từ chối kết nối"
            )
        case .pgNoTLS:
            Entry(
                en: "the server does not offer TLS, and `sslmode=require` asks for it",
                vi: "máy chủ không hỗ trợ TLS, mà `sslmode=require` đòi hỏi TLS"
            )
        case .pgRefusedStatement:
            Entry(
                en: "the server refused a statement",
                vi: "máy chủ từ chối một câu lệnh"
            )
        case .pgConnectionLost:
            Entry(
                en: "the connection was lost ({code})",
                vi: "mất kết nối ({code})"
            )
        case .pgNoConnection:
            Entry(
                en: "no connection could be made",
                vi: "không kết nối được"
            )
        case .pgTimedOut:
            Entry(
                en: "no answer within 10 seconds",
                vi: "không có trả lời trong 10 giây"
            )
        case .pgConnectionRefused:
            Entry(
                en: "the connection was refused (is PostgreSQL running on that port?)",
                vi: "kết nối bị từ chối (PostgreSQL có đang chạy ở cổng đó không?)"
            )
        case .pgHostUnknown:
            Entry(
                en: "the host name could not be resolved",
                vi: "không tìm được tên máy chủ"
            )
        case .pgUnreachable:
            Entry(
                en: "the PostgreSQL archive {server} cannot be reached: {reason}",
                vi: "không kết nối được tới kho PostgreSQL {server}: {reason}"
            )
        case .pgAuthentication:
            Entry(
                en: "the PostgreSQL archive {server} refused user '{user}': wrong password, or no password given; "
                    + "put it in the credentials file or the environment and name it in the URL as "
                    + "`postgres://{user}:${NAME}@…`, or set PGPASSWORD",
                vi: "kho PostgreSQL {server} từ chối người dùng '{user}': sai mật khẩu hoặc chưa có mật khẩu; hãy "
                    + "ghi mật khẩu vào tệp credentials hoặc biến môi trường và ghi tên nó trong URL dạng "
                    + "`postgres://{user}:${NAME}@…`, hoặc đặt PGPASSWORD"
            )
        case .pgDatabaseMissing:
            Entry(
                en: "the PostgreSQL archive {server}: the database '{database}' does not exist; create it (`createdb "
                    + "{database}`) or correct `archive:` in loa.yml",
                vi: "kho PostgreSQL {server}: cơ sở dữ liệu '{database}' không tồn tại; hãy tạo nó (`createdb "
                    + "{database}`) hoặc sửa `archive:` trong loa.yml"
            )
        case .pgStatement:
            Entry(
                en: "the PostgreSQL archive {server} refused a statement: {reason}",
                vi: "kho PostgreSQL {server} từ chối một câu lệnh: {reason}"
            )
        case .pgOutdated:
            Entry(
                en: "the PostgreSQL archive {server} was written by an older Loa; the next `loa run` brings it up to "
                    + "date",
                vi: "kho PostgreSQL {server} do bản Loa cũ hơn ghi; lần `loa run` tới sẽ cập nhật nó"
            )
        case .pgForeign:
            Entry(
                en: "the PostgreSQL archive {server} is not a Loa archive: the database has tables, none of them "
                    + "Loa's; point `archive:` in loa.yml at an empty database or at Loa's",
                vi: "kho PostgreSQL {server} không phải kho của Loa: cơ sở dữ liệu có bảng nhưng không bảng nào của "
                    + "Loa; hãy cho `archive:` trong loa.yml trỏ tới một cơ sở dữ liệu trống hoặc của Loa"
            )
        case .stopWaiting:
            Entry(
                en: "the channel is stopped ({reason}); its posts wait until its credentials are mended: see "
                    + "`loa status`",
                vi: "kênh đang dừng ({reason}); các bài của kênh chờ đến khi thông tin đăng nhập được sửa: xem "
                    + "`loa status`"
            )
        case .stopMessage:
            Entry(
                en: "the channel {channel} stopped: {reason}; {hint}",
                vi: "kênh {channel} đã dừng: {reason}; {hint}"
            )
        case .stopHintFacebookPage:
            Entry(
                en: "a Page admin makes a new Page token as the README's \"Posting straight to a Facebook Page\" says "
                    + "(the app needs pages_manage_posts, and the admin the CREATE_CONTENT task on the Page), puts it in "
                    + "the credentials file and checks it with `loa check --online`; the next run posts again. If the "
                    + "token stays the same (a permission granted since), run {resume}",
                vi: "quản trị viên Trang tạo token Trang mới theo mục \"Posting straight to a Facebook Page\" của "
                    + "README (ứng dụng cần quyền pages_manage_posts, người quản trị cần nhiệm vụ CREATE_CONTENT trên "
                    + "Trang), ghi vào tệp credentials và kiểm tra bằng `loa check --online`; lần chạy sau sẽ đăng "
                    + "lại. Nếu token vẫn giữ nguyên (vừa được cấp thêm quyền), hãy chạy {resume}"
            )
        case .stopHintZaloOA:
            Entry(
                en: "an OA admin makes a new refresh token as the README's \"Posting to a Zalo Official Account\" "
                    + "says, puts it in the credentials file and checks it with `loa check --online`; the next run "
                    + "posts again. If the token stays the same, run {resume}",
                vi: "quản trị viên OA tạo refresh token mới theo mục \"Posting to a Zalo Official Account\" của "
                    + "README, ghi vào tệp credentials và kiểm tra bằng `loa check --online`; lần chạy sau sẽ đăng "
                    + "lại. Nếu token vẫn giữ nguyên, hãy chạy {resume}"
            )
        case .stopHintBot:
            Entry(
                en: "put the bot's token in the credentials file and check it with `loa check --online`; the next "
                    + "run posts again. If the token stays the same, run {resume}",
                vi: "ghi token của bot vào tệp credentials và kiểm tra bằng `loa check --online`; lần chạy sau sẽ "
                    + "đăng lại. Nếu token vẫn giữ nguyên, hãy chạy {resume}"
            )
        case .stopHintSettings:
            Entry(
                en: "mend the channel's settings, then run {resume}",
                vi: "sửa cấu hình của kênh, rồi chạy {resume}"
            )
        case .directLostAgain:
            Entry(
                en: "its answer was lost again and the post is not on the platform yet",
                vi: "lại mất câu trả lời, và bài vẫn chưa có trên nền tảng"
            )
        case .directLookFailing:
            Entry(
                en: "its answer was lost and looking for it kept failing ({reason})",
                vi: "mất câu trả lời, và tìm bài nhiều lần vẫn không được ({reason})"
            )
        case .directLookFailed:
            Entry(en: "looking for the post failed: {reason}", vi: "tìm bài không được: {reason}")
        case .directCannotLook:
            Entry(
                en: "its answer was lost and the platform offers no way to look for it",
                vi: "mất câu trả lời, và nền tảng không cho cách nào để tìm lại bài"
            )

        case .queueCreateHint:
            Entry(
                en: "create it, or set `queue:` in loa.yml",
                vi: "hãy tạo thư mục này, hoặc đặt `queue:` trong loa.yml"
            )
        case .queueMissing: Entry(en: "the queue folder does not exist", vi: "chưa có thư mục hàng đợi")
        case .queueIsFile:
            Entry(
                en: "the queue folder is not a folder (it is a file)",
                vi: "thư mục hàng đợi không phải thư mục (mà là một tệp)"
            )
        case .queueIsFileHint:
            Entry(
                en: "move the file away and create the folder, or set `queue:` in loa.yml",
                vi: "hãy chuyển tệp đó đi rồi tạo thư mục, hoặc đặt `queue:` trong loa.yml"
            )
        case .queueUnreadable:
            Entry(
                en: "the queue folder cannot be read: {problem}",
                vi: "không đọc được thư mục hàng đợi: {problem}"
            )
        case .queueUnreadableHint:
            Entry(
                en: "check its permissions, or set `queue:` in loa.yml",
                vi: "hãy kiểm tra quyền truy cập của thư mục, hoặc đặt `queue:` trong loa.yml"
            )
        case .imageNotAnImage:
            Entry(en: "it is not a JPEG, PNG, GIF or WebP image", vi: "đây không phải ảnh JPEG, PNG, GIF hay WebP")
        case .outboxCannotWrite: Entry(en: "cannot write {folder}: {problem}", vi: "không ghi được {folder}: {problem}")
        case .outboxCannotReadImage:
            Entry(
                en: "cannot read the image '{image}': {problem}",
                vi: "không đọc được ảnh '{image}': {problem}"
            )

        case .zaloBotAbstract:
            Entry(en: "Set up zalo-bot channels (experimental).", vi: "Thiết lập kênh zalo-bot (thử nghiệm).")
        case .zaloChatsAbstract:
            Entry(
                en: "List the groups and chats a zalo-bot channel's bot has seen, with the id for chat_id.",
                vi: "Liệt kê các nhóm và cuộc trò chuyện mà bot của kênh zalo-bot đã thấy, kèm id để ghi vào chat_id."
            )
        case .zaloChatsDiscussion:
            Entry(
                en: """
                    Asks the Zalo Bot Platform for the bot's pending updates (getUpdates) and prints one line per \
                    chat: its id, its type and its name. A bot sees a group only after someone in it mentions the \
                    bot, so mention it once in the group first. Nothing is posted. Exit codes: 0 listed (perhaps \
                    none); 1 Zalo refused or did not answer; 2 bad usage or configuration.
                    """,
                vi: """
                    Hỏi Zalo Bot Platform các cập nhật đang chờ của bot (getUpdates) và in mỗi cuộc trò chuyện một \
                    dòng: id, loại và tên. Bot chỉ thấy một nhóm sau khi có người trong nhóm nhắc đến bot, nên hãy \
                    nhắc bot một lần trong nhóm trước. Không đăng gì cả. Mã thoát: 0 đã liệt kê (có thể không có \
                    gì); 1 Zalo từ chối hoặc không trả lời; 2 dùng sai lệnh hoặc sai cấu hình.
                    """
            )
        case .zaloChatsChannel:
            Entry(en: "The zalo-bot channel whose bot to ask.", vi: "Kênh zalo-bot có bot cần hỏi.")
        case .zaloChatsConfigErrors:
            Entry(
                en: "loa.yml has errors; run `loa check` to see them",
                vi: "loa.yml có lỗi; hãy chạy `loa check` để xem"
            )
        case .zaloChatsNoChannel:
            Entry(en: "loa.yml has no channel '{channel}'", vi: "loa.yml không có kênh '{channel}'")
        case .zaloChatsNotZaloBot:
            Entry(
                en: "the channel '{channel}' is {transport}, not zalo-bot; `loa zalo-bot chats` asks a Zalo bot",
                vi: "kênh '{channel}' là {transport}, không phải zalo-bot; `loa zalo-bot chats` chỉ hỏi bot Zalo"
            )
        case .zaloChatsNone:
            Entry(
                en: "The bot has seen no chat yet: mention it once in the group (@ and its name), then run this again.",
                vi: "Bot chưa thấy cuộc trò chuyện nào: hãy nhắc bot một lần trong nhóm (@ và tên bot), rồi chạy lại "
                    + "lệnh này."
            )
        case .zaloChatsType: Entry(en: "TYPE", vi: "LOẠI")
        case .zaloChatsName: Entry(en: "NAME", vi: "TÊN")
        case .zaloChatsPutID:
            Entry(
                en: "Put the group's id in loa.yml: chat_id: \"<ID>\"",
                vi: "Ghi id của nhóm vào loa.yml: chat_id: \"<ID>\""
            )

        case .agendaWaitGap:
            Entry(
                en: "the channel's minimum gap of {gap} after its last post",
                vi: "khoảng cách tối thiểu {gap} sau bài trước của kênh"
            )
        case .agendaWaitQuiet: Entry(en: "the channel's quiet hours ({hours})", vi: "giờ yên lặng của kênh ({hours})")
        case .agendaWaitsFor: Entry(en: "waits for {reasons}", vi: "đợi {reasons}")
        case .platformAnswered: Entry(en: "{platform} answered {status}", vi: "{platform} trả lời {status}")
        case .platformNotJSON: Entry(en: ", not JSON: {excerpt}", vi: ", không phải JSON: {excerpt}")
        case .platformNoMessage: Entry(en: "no message", vi: "không kèm lời giải thích")
        case .platformNoDescription: Entry(en: "no description", vi: "không kèm lời giải thích")
        case .platformNoCode: Entry(en: "no code", vi: "không có mã")
        case .platformDidNotLeave:
            Entry(en: "{problem} (the request did not leave)", vi: "{problem} (yêu cầu chưa được gửi đi)")
        case .platformIncomplete:
            Entry(
                en: "no complete answer ({kind}: {problem})",
                vi: "không nhận được câu trả lời đầy đủ ({kind}: {problem})"
            )
        case .platformRateLimited: Entry(en: "rate limited: {reason}", vi: "bị giới hạn số lần gọi: {reason}")
        case .platformPostingLimited:
            Entry(en: "posting limited for now: {reason}", vi: "tạm thời bị hạn chế đăng bài: {reason}")
        case .botMigrated:
            Entry(
                en: "the group {chat} became a supergroup with the id {id}: write chat_id: \"{id}\" in loa.yml "
                    + "({reason})",
                vi: "nhóm {chat} đã thành siêu nhóm với id {id}: hãy ghi chat_id: \"{id}\" vào loa.yml ({reason})"
            )
        case .botTokenDeadZalo:
            Entry(
                en: "the bot's token does not work ({reason}); put the token from Zalo's bot creator in the "
                    + "credentials file, check it with `loa check --online` and run `loa retry`",
                vi: "token của bot không dùng được ({reason}); hãy ghi token lấy từ trang tạo bot của Zalo vào tệp "
                    + "credentials, kiểm tra bằng `loa check --online` rồi chạy `loa retry`"
            )
        case .botTokenDeadTelegram:
            Entry(
                en: "the bot's token does not work ({reason}); put the token from @BotFather in the credentials "
                    + "file, check it with `loa check --online` and run `loa retry`",
                vi: "token của bot không dùng được ({reason}); hãy ghi token lấy từ @BotFather vào tệp credentials, "
                    + "kiểm tra bằng `loa check --online` rồi chạy `loa retry`"
            )
        case .botNotAdmin:
            Entry(
                en: "the bot is not an administrator of {chat} or was removed from it ({reason}); add it as an "
                    + "administrator allowed to post, then run `loa retry`",
                vi: "bot không phải quản trị viên của {chat} hoặc đã bị xóa khỏi đó ({reason}); hãy thêm bot làm "
                    + "quản trị viên có quyền đăng tin, rồi chạy `loa retry`"
            )

        case .zaloNoCover:
            Entry(
                en: "an OA article needs a cover photo, and the announcement has none",
                vi: "bài viết trên OA cần ảnh bìa, mà thông báo không có ảnh nào"
            )
        case .facebookUploading:
            Entry(en: "uploading {photo}: {reason}", vi: "đang tải lên {photo}: {reason}")
        case .directRequestNotMade:
            Entry(en: "the request could not be made: {reason}", vi: "không tạo được yêu cầu: {reason}")
        case .directNoAnswer:
            Entry(en: "no answer came", vi: "không có câu trả lời")
        case .zaloLocalPhoto:
            Entry(
                en: "the photo {photo} is a local file and the channel has no media_base_url: Zalo takes photos by "
                    + "their web address",
                vi: "ảnh {photo} là tệp trên máy mà kênh không có media_base_url: Zalo chỉ nhận ảnh qua địa chỉ web"
            )
        case .zaloPhotosPartly:
            Entry(
                en: "{n} of the photos went out (from message {first}) but {photo} did not: {reason}; post the rest "
                    + "by hand, or delete them before a retry",
                vi: "{n} ảnh đã lên (từ tin nhắn {first}) nhưng {photo} thì chưa: {reason}; hãy đăng tay phần còn "
                    + "lại, hoặc xóa các ảnh đã lên trước khi gửi lại"
            )
        case .zaloNoFailure: Entry(en: "no failure", vi: "không có lỗi")
        case .botNoMessageID:
            Entry(
                en: "{platform} answered {status} without a message id",
                vi: "{platform} trả lời {status} mà không kèm id tin nhắn"
            )
        case .botTextAfterPhotos:
            Entry(
                en: "the photos went out (message {first}) but the text did not: {reason}; post the text by hand, "
                    + "or delete the photos before a retry",
                vi: "ảnh đã lên (tin nhắn {first}) nhưng chữ thì chưa: {reason}; hãy đăng tay phần chữ, hoặc xóa "
                    + "các ảnh trước khi gửi lại"
            )
        case .facebookNoPostID:
            Entry(
                en: "Facebook answered {status} without the post's id",
                vi: "Facebook trả lời {status} mà không kèm id bài đăng"
            )
        case .facebookPhotoNoID:
            Entry(
                en: "Facebook took the photo {photo} but gave no id",
                vi: "Facebook đã nhận ảnh {photo} nhưng không trả id"
            )
        case .facebookPhotoRefused: Entry(en: "the photo {photo}: {reason}", vi: "ảnh {photo}: {reason}")
        case .facebookListNoData:
            Entry(
                en: "Facebook's list of the Page's posts had no `data`",
                vi: "danh sách bài của Trang do Facebook trả về không có `data`"
            )
        case .hostsDiffer:
            Entry(
                en: "the {n} hosts sharing this archive do not run the same Loa and workspace (loa.yml, templates, "
                    + "queue); bring each copy up to date:",
                vi: "{n} máy dùng chung kho lưu trữ này không chạy cùng một bản Loa và không gian làm việc (loa.yml, "
                    + "mẫu, hàng đợi); hãy cập nhật cho mọi bản giống nhau:"
            )
        case .hostsLine:
            Entry(
                en: "{names}: Loa {version}, workspace {hash}",
                vi: "{names}: Loa {version}, không gian làm việc {hash}"
            )

        case .archiveAbstract:
            Entry(en: "Work on the archive as a whole.", vi: "Thao tác trên toàn bộ kho lưu trữ.")
        case .copyAbstract:
            Entry(
                en: "Copy the archive into a new SQLite file or PostgreSQL database, checked table by table.",
                vi: "Sao chép kho lưu trữ sang một tệp SQLite hoặc cơ sở dữ liệu PostgreSQL mới, kiểm tra từng bảng."
            )
        case .copyDiscussion:
            Entry(
                en: """
                    Copies every record of the archive loa.yml names (announcements, deliveries with their \
                    figures, every attempt with its host, engagement snapshots, confirmations, imports, notices) \
                    into --to: a postgres:// URL, when a unit moves to several hosts, or the path of an SQLite \
                    file, when it leaves a shared archive. The destination must be new or empty. The copy is one \
                    transaction: before it is kept, each table is read back and its row count and content hash \
                    compared with the source; on any difference nothing is kept. This host's runs wait while it \
                    works. The password of a --to URL comes from PGPASSWORD, or from ${NAME} in the URL (the \
                    environment, then the credentials file; quote the URL so the shell leaves it alone). \
                    Afterwards, point archive: in loa.yml at the copy. Exit codes: 0 copied and checked; 1 not \
                    copied (the destination is left as it was); 2 bad usage or configuration.
                    """,
                vi: """
                    Sao chép mọi bản ghi của kho lưu trữ mà loa.yml chỉ định (thông báo, lượt đăng kèm số liệu, \
                    mọi lần gửi kèm máy đã gửi, ảnh chụp số liệu tương tác, xác nhận, dữ liệu nhập, thông báo \
                    nhắc việc) sang --to: một URL postgres:// khi đơn vị chuyển sang chạy trên nhiều máy, hoặc \
                    đường dẫn một tệp SQLite khi rời kho dùng chung. Nơi nhận phải mới hoặc trống. Việc sao chép \
                    là một giao dịch: trước khi lưu, từng bảng được đọc lại và so số dòng cùng mã băm nội dung \
                    với nguồn; khác nhau ở đâu thì không lưu gì. Các lần chạy của máy này chờ trong lúc sao chép. \
                    Mật khẩu của URL --to lấy từ PGPASSWORD, hoặc từ ${NAME} trong URL (biến môi trường, rồi tệp \
                    credentials; hãy đặt URL trong dấu nháy để shell không thay nó). Sau đó, cho archive: trong \
                    loa.yml trỏ tới bản sao. Mã thoát: 0 đã sao chép và kiểm tra; 1 không sao chép (nơi nhận giữ \
                    nguyên); 2 dùng sai lệnh hoặc sai cấu hình.
                    """
            )
        case .copyTo:
            Entry(
                en: "Where to copy to: postgres://user@host:port/database?sslmode=… or the path of a new SQLite file.",
                vi: "Nơi sao chép tới: postgres://user@host:port/database?sslmode=… hoặc đường dẫn tệp SQLite mới."
            )
        case .copyTable: Entry(en: "{table}  {n} row", enOther: "{table}  {n} rows", vi: "{table}  {n} dòng")
        case .copyDone:
            Entry(
                en: "copied {source} into {destination}: every table has the source's rows and content hash; to use "
                    + "it, write in loa.yml: archive: {setting}",
                vi: "đã sao chép {source} sang {destination}: mọi bảng có đúng số dòng và mã băm nội dung của nguồn; "
                    + "để dùng bản sao, ghi trong loa.yml: archive: {setting}"
            )
        case .copyNotEmpty:
            Entry(
                en: "the destination already holds records (table {table}); copy only into a new file or an empty "
                    + "database; nothing was copied",
                vi: "nơi nhận đã có bản ghi (bảng {table}); chỉ sao chép vào tệp mới hoặc cơ sở dữ liệu trống; chưa "
                    + "sao chép gì"
            )
        case .copyMismatch:
            Entry(
                en: "read back, table {table} differs from the source ({source} rows there, {copied} copied, or "
                    + "another content hash); nothing was kept",
                vi: "đọc lại thì bảng {table} khác nguồn ({source} dòng ở nguồn, {copied} dòng đã chép, hoặc mã băm "
                    + "nội dung khác); không lưu gì"
            )
        case .copySameArchive:
            Entry(
                en: "the destination is the archive loa.yml names; give another file or database",
                vi: "nơi nhận chính là kho lưu trữ mà loa.yml chỉ định; hãy chọn tệp hoặc cơ sở dữ liệu khác"
            )
        case .copyNoSource:
            Entry(
                en: "there is no archive at {archive} yet: nothing to copy (`loa run` makes it)",
                vi: "chưa có kho lưu trữ tại {archive}: không có gì để sao chép (`loa run` sẽ tạo kho)"
            )
        case .copyUnknownStore:
            Entry(
                en: "only SQLite and PostgreSQL archives can be copied",
                vi: "chỉ sao chép được kho lưu trữ SQLite và PostgreSQL"
            )
        case .copyUnreadable:
            Entry(
                en: "table {table}, column {column}: a value is not of the column's kind (was the archive changed "
                    + "by hand?); nothing was copied",
                vi: "bảng {table}, cột {column}: có giá trị không đúng kiểu của cột (kho có bị sửa tay không?); chưa "
                    + "sao chép gì"
            )
        case .copyRefused:
            Entry(
                en: "the destination refused the rows of table {table}: {reason}; nothing was kept",
                vi: "nơi nhận từ chối các dòng của bảng {table}: {reason}; không lưu gì"
            )
        case .copyPasswordEmpty:
            Entry(
                en: "the URL's password is empty; if `${NAME}` was written in double quotes, the shell put its own "
                    + "value in its place: write the URL in single quotes",
                vi: "mật khẩu trong URL trống; nếu `${NAME}` được viết trong dấu nháy kép thì shell đã thay nó bằng "
                    + "giá trị của shell: hãy viết URL trong dấu nháy đơn"
            )
        case .copyEmptyTo:
            Entry(
                en: "give a postgres:// URL or the path of a new SQLite file",
                vi: "hãy cho một URL postgres:// hoặc đường dẫn một tệp SQLite mới"
            )
        case .copyNotURL:
            Entry(
                en: "only postgres:// and postgresql:// addresses (in small letters) name a database; anything else "
                    + "is a file's path, and a path holds no `://`",
                vi: "chỉ địa chỉ postgres:// và postgresql:// (chữ thường) mới chỉ một cơ sở dữ liệu; còn lại là đường "
                    + "dẫn tệp, mà đường dẫn thì không có `://`"
            )
        case .copyUnusable:
            Entry(
                en: "--to: '{path}' cannot take the copy: {reason}; give the path of a file that does not exist yet",
                vi: "--to: '{path}' không nhận được bản sao: {reason}; hãy cho đường dẫn một tệp chưa có"
            )
        case .copyDestination: Entry(en: "--to: {problem}", vi: "--to: {problem}")
        case .copyFileEmpty:
            Entry(en: "it is an empty file (0 bytes)", vi: "đó là một tệp trống (0 byte)")
        case .copyFileForeign:
            Entry(
                en: "it is an SQLite database, but not one this Loa made",
                vi: "đó là cơ sở dữ liệu SQLite nhưng không do bản Loa này tạo"
            )
        case .copyTilde:
            Entry(
                en: "a path starting with `~` was not expanded by the shell (as in `--to=~/…`); write the whole path",
                vi: "đường dẫn bắt đầu bằng `~` chưa được shell mở rộng (như `--to=~/…`); hãy viết đầy đủ đường dẫn"
            )
        case .copyPasswordControl:
            Entry(
                en: "${{name}} holds a control character (a line break?); no password holds one",
                vi: "${{name}} có ký tự điều khiển (xuống dòng?); mật khẩu không chứa ký tự như vậy"
            )
        case .copyFileNotSQLite:
            Entry(en: "it is not an SQLite database", vi: "đó không phải cơ sở dữ liệu SQLite")
        case .copyPasswordInURL:
            Entry(
                en: "the URL holds a password, which would stay in the shell's history; write ${NAME} in its place "
                    + "(from the environment or the credentials file) or set PGPASSWORD",
                vi: "URL có chứa mật khẩu, sẽ bị lưu trong lịch sử lệnh; hãy viết ${NAME} thay cho mật khẩu (lấy từ "
                    + "biến môi trường hoặc tệp credentials) hoặc đặt PGPASSWORD"
            )
        case .copyPasswordUnset:
            Entry(
                en: "${{name}} is set neither in the environment nor in the credentials file",
                vi: "${{name}} không có trong biến môi trường lẫn tệp credentials"
            )
        }
    }
}
