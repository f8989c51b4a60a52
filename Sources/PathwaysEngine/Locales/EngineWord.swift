/// The keys of the words the engine itself writes (into reasons, reports, summaries and handouts). Their
/// texts are in the strings files (`strings/en.yaml`…); a key missing from the default locale's file is
/// reported by `pathways check` (PW061).
public enum EngineWord: String, Sendable, Hashable, CaseIterable {
    // Reasons and answers
    case appliesToEveryone, notTheCase, todayWord, dateNotKnown, orWord, andWord
    case answerDeclined, answerMissing, answerGiven, answerUnsure, noneTicked, yesWord
    case optionYes, optionNo, optionUnsure
    // Reports
    case reportToFindOut, reportAnswered, reportVerify, reportMayApply, reportTextNumber
    case reportRecommended, reportPossible, reportNotApplicable, reportFirst, reportNext, reportAlso
    case reportDeadlines, reportAsOf, reportNotRecommended, reportAlsoShown, reportUrgent, reportMissing
    case reportCautions, reportReferrals, reportSteps, reportDocuments, reportFees, reportDuration, reportSources
    case reportUnanswered, reportContent, reportNotLegalAdvice, reportChoseNotToAnswer
    // Case summaries
    case summaryCase, summaryUpdatedOn, summaryContentChanged, summaryAnswers, summaryNotes
    // Languages, and the person's handout
    case languageName, unreviewedTranslation, missingTranslation
    case handoutTitle, handoutYourOptions, handoutNext, handoutCall, handoutHotline, handoutKeepSafe, handoutNotLegalAdvice
    case handoutAlsoIn, handoutMoreOptions
}

extension StringCatalog {
    /// An engine word in `locale`, else in each of `fallbacks`; the key itself, marked, when no strings file
    /// has it (a bundle without strings and no program words beneath it).
    public func word(_ w: EngineWord, _ locale: String, fallbacks: [String] = []) -> String {
        resolve(w.rawValue, locale, fallbacks: fallbacks)?.marked ?? "⟦\(w.rawValue)⟧"
    }

    /// An engine word in every locale, as content text.
    public func localized(_ w: EngineWord) -> LocalizedText {
        let t = localized(w.rawValue)
        return t.texts.isEmpty ? LocalizedText(["en": "⟦\(w.rawValue)⟧"]) : t
    }
}
