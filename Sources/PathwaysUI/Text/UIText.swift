import PathwaysEngine

/// The keys of every word the interface itself shows; content brings its own words. The texts are in the
/// bundle's strings files (`Content/strings/en.yaml`, `fr.yaml`…), so a shelter can add a language without
/// touching the code; a key used here must have a text in the default locale's file (`pathways check`, PW061).
public enum UIText: String, CaseIterable, Sendable {
    case appName, contentVersion, reviewedOn, newCase, resumeCase, training, preview, language, quit, notYetAvailable
    case step, ofAbout, whyWeAsk, preferNotToSay, glossary, noTerms, typeNumber, typeWholeNumber, typeDate, typeText
    case between, atLeast, atMost, review, setAside, setAsideNote, noAnswers, notAnsweredYet, changeHint, results
    case urgent, recommended, possible, notApplicable, stillToFindOut, whyNot, notReached, continueConversation
    case stoppedAt, summary, reasons, steps, documents, fees, duration, cautions, mayApply, verify, whoToContact
    case sources, notLegalAdvice, tooSmall, noNames, keyMove, keyChoose, keyBack, keyWhy, keyReview, keyResults
    case keyLanguage, keyBilingual, keyGlossary, keyQuickExit, keyQuit, keyScroll, keyToggle, keyClose, keyType
    case keyDecline, keyWhyF, keyReviewF, keyResultsF, keyLanguageF, trainingBanner, trainingCases, personaCard
    case learningGoals, learningPoints, facilitatorNote, discuss, caseAnswer, revealHint, notesHidden, quizScore
    case quizYourAnswer, quizCaseAnswer, quizSame, pathwaysCompared, youGot, caseGets, stepOf, notAsked, keyNext
    case keyPrevious, keyReveal, keyHideNotes, keyJump, keyQuiz, keyList, jumpPrompt, notesLabel, notesPrompt
    case keyNotes, keyExport, previewForEditors, previewBanner, previewBroken, diagnosticsTitle, noDiagnostics
    case keyDiagnostics, keyJumpID, keyRecord, jumpIDPrompt, nodeLabel, caseLabel, lockedTitle, lockedHint
    case wrongPassphrase, savedCases, noSavedCases, contentChanged, notSaved, updated, firstQuestion, needsRecords
    case previewHow, previewOfFolder, noTrainingCases, noTermsHere, suchAs34, tickOne, tickOneOrDecline, keyNumbers
    case keyNumbersTwoDigits, keyOpen, keyAnswer, keyConfirmTicks, keyWhyClose, keyBilingualF, keyQuitCtrlC
    case keyBackToReview, keyBackToResults, keyChange, keySaveNotes, keyCloseNotes, keyNewLine, keyTermsHere
    case keyAllTerms, notesUnsaved, notesFull, quitPreview, quitQuiz, quitNotSaved, quitLastNotSaved, quitSaved
    case quitNotesUnsaved, quitAgain, unreviewedShort, unreviewedMark, keyClientLanguage, keyClientLanguageF, keyHandout, handoutWritten
    case summaryWritten, caseContentChanged, quizPathwaysWord, quizAnswersWord, plainHelpHint, plainNothingTyped
    case plainHintChoice, plainHintTicks, plainHintDate, plainHintText, plainHintResults, plainChanged
    case plainTypeResults, plainFirstQuestion, plainNothingToContinue, plainCannotDecline, plainChangeHow
    case plainNotesOff, plainNotesSaved, plainExportOff, plainQuitAgain, plainSavedNotFinished
    case plainSavedNotFinishedNoCode, plainAnswerHow, plainExclusive, plainReaskChoice, plainReaskTicks
    case plainCurrentAnswer, plainTypeTicks, plainTypeTicksOrDecline, plainOrDecline, plainStuck, plainHelp
    case plainChangeAnswer, plainNow, plainDatesThatMatter, plainKeepInMind, plainDetailHow, plainContinueHow
    case plainDetailWhich, plainHandoutOff, plainHandoutWhen, plainClientLanguage, choseNotToAnswer
    // Results by priority, and trainer mode
    case groupFirst, groupNext, groupAlso, datesThatMatter, keepInMind, keyPathway
    case resultsHidden, resultsHiddenRoom, revealHintRoom, afterReveal, keyDecisions, whatNextTitle, whatNextOf, rightAnswer, yourChoice, or
    case whatIfAnswer, whatIfChoose, whatIfHeading, whatIfNoChange, wasGroup, nowGroup, noLongerRecommended, movedGroup, fromTo
    case whatIfOpens, whatIfPutBack, whatIfRevealFirst, keyWhatIf, keyPutBack, keyShowNotes, keySaveDraft, draftsNeedFolder
    case consoleBanner, roomView, roomWaiting, roomConnected, roomNotConnected, roomOtherContent, keyLeaveRoom, inAll, onThisStep, nextToDiscuss
    case personaStart, keyStartQuiz, keyPersona, keyPersonaF, leaveQuizAsk, labelPrompt, labelRule, keyWriteResult, resultsNeedFolder
    case keyDecisionsScore, whatNextScore, answersScore, pathwaysScore, answersCompared
    case linesOf, moreBelow, moreAbove, saveAsWhich
    case worksheetTitle, worksheetResults, worksheetWhy, guideTitle, guidePlan, guideDay, aboutMinutes
    case keyDecisionMark, fictionalCase
    case groupTrainees, rightOf, gaveAnswer, choseOption, commonMistakes, ofTrainees
    case resultSaved, draftSaved, fileNotWritten

    /// The text in `locale`, else in each of `fallbacks` (marked with its language, "[EN] "); the key itself,
    /// marked, when no strings file has it.
    public func text(_ locale: String, in strings: StringCatalog, fallbacks: [String] = []) -> String {
        strings.resolve(rawValue, locale, fallbacks: fallbacks)?.marked ?? "⟦\(rawValue)⟧"
    }
}

/// The interface's words in one language, with where a missing one is taken from.
public struct Words: Sendable {
    public let strings: StringCatalog
    public let locale: String
    /// The locales a missing word is taken from, in order (it is then marked with its language).
    public let fallbacks: [String]

    public init(_ strings: StringCatalog, locale: String, fallbacks: [String]) {
        self.strings = strings
        self.locale = locale
        self.fallbacks = fallbacks.filter { $0 != locale }
    }

    /// The words of a bundle in `locale`, missing ones taken from the bundle's default locale.
    public init(_ bundle: ContentBundle, locale: String) {
        self.init(bundle.strings, locale: locale, fallbacks: [bundle.info.defaultLocale])
    }

    public subscript(_ key: UIText) -> String { key.text(locale, in: strings, fallbacks: fallbacks) }

    /// The text with %1, %2 filled in.
    public func callAsFunction(_ key: UIText, _ args: String...) -> String { self[key].filled(args) }

    /// One of the engine's words (the handout's, a language's name).
    public func word(_ w: EngineWord) -> String { strings.word(w, locale, fallbacks: fallbacks) }

    /// A language's own name for itself ("Español"), or its code.
    public func name(of other: String) -> String { strings.text(EngineWord.languageName.rawValue, other) ?? other }
}
