import Foundation

/// Every word the interface itself shows, in English and French. Content brings its own words.
public enum UIText: String, CaseIterable, Sendable {
    case appName, contentVersion, reviewedOn
    case newCase, resumeCase, training, preview, language, quit, notYetAvailable
    case step, ofAbout, whyWeAsk, preferNotToSay, glossary, noTerms
    case typeNumber, typeWholeNumber, typeDate, typeText, between, atLeast, atMost
    case review, setAside, setAsideNote, noAnswers, notAnsweredYet, changeHint
    case results, urgent, recommended, possible, notApplicable, stillToFindOut, whyNot, notReached, choseNotToAnswer
    case continueConversation, stoppedAt
    case summary, reasons, steps, documents, fees, duration, cautions, mayApply, verify, whoToContact, sources
    case notLegalAdvice, tooSmall, noNames
    case keyMove, keyChoose, keyBack, keyWhy, keyReview, keyResults, keyLanguage, keyBilingual, keyGlossary
    case keyQuickExit, keyQuit, keyScroll, keyToggle, keyClose, keyType, keyDecline
    case keyWhyF, keyReviewF, keyResultsF, keyLanguageF
    case trainingBanner, trainingCases, personaCard, learningGoals, learningPoints, facilitatorNote, discuss, caseAnswer
    case revealHint, notesHidden, quizScore, quizYourAnswer, quizCaseAnswer, quizSame, pathwaysCompared, youGot, caseGets, stepOf, notAsked
    case keyNext, keyPrevious, keyReveal, keyHideNotes, keyJump, keyQuiz, keyList, jumpPrompt
    case notesLabel, notesPrompt, keyNotes, keyExport, previewForEditors
    case previewBanner, previewBroken, diagnosticsTitle, noDiagnostics, keyDiagnostics, keyJumpID, keyRecord, jumpIDPrompt, nodeLabel
    case caseLabel, lockedTitle, lockedHint, wrongPassphrase, savedCases, noSavedCases, contentChanged, notSaved, updated
    case firstQuestion, needsRecords, previewHow, previewOfFolder, noTrainingCases, noTermsHere, suchAs34, tickOne, tickOneOrDecline
    case keyNumbers, keyNumbersTwoDigits, keyOpen, keyAnswer, keyConfirmTicks, keyWhyClose, keyBilingualF, keyQuitCtrlC
    case keyBackToReview, keyBackToResults, keyChange, keySaveNotes, keyCloseNotes, keyNewLine, keyTermsHere, keyAllTerms
    case notesUnsaved, notesFull, quitPreview, quitQuiz, quitNotSaved, quitLastNotSaved, quitSaved, quitNotesUnsaved, quitAgain

    /// The text in `locale` (English when the locale is unknown).
    public func text(_ locale: String) -> String {
        let pair = UIText.table[self] ?? ("?", "?")
        return locale == "fr" ? pair.1 : pair.0
    }

    static let table: [UIText: (String, String)] = [
        .appName: ("Pathways", "Pathways"),
        .contentVersion: ("Content", "Contenu"),
        .reviewedOn: ("reviewed on", "révisé le"),
        .newCase: ("Start a new case", "Commencer un nouveau dossier"),
        .resumeCase: ("Resume a case", "Reprendre un dossier"),
        .training: ("Training", "Formation"),
        .preview: ("Content preview", "Aperçu du contenu"),
        .language: ("Language: English → français", "Langue : français → English"),
        .quit: ("Quit", "Quitter"),
        .notYetAvailable: ("(needs case records)", "(exige les dossiers)"),
        .step: ("Step", "Étape"),
        .ofAbout: ("of about", "sur environ"),
        .whyWeAsk: ("Why we ask", "Pourquoi nous le demandons"),
        .preferNotToSay: ("Prefer not to say", "Préfère ne pas répondre"),
        .glossary: ("Glossary", "Glossaire"),
        .noTerms: ("No glossary terms.", "Aucun terme de glossaire."),
        .typeNumber: ("Type a number", "Tapez un nombre"),
        .typeWholeNumber: ("Type a whole number", "Tapez un nombre entier"),
        .typeDate: ("Type a date as year-month-day, such as 2024-03-01", "Tapez une date sous la forme année-mois-jour, par exemple 2024-03-01"),
        .typeText: ("Type a few words, then Enter. Do not type names.", "Tapez quelques mots, puis Entrée. N’écrivez pas de noms."),
        .between: ("from %1 to %2", "de %1 à %2"),
        .atLeast: ("of at least %1", "d’au moins %1"),
        .atMost: ("of at most %1", "d’au plus %1"),
        .review: ("Review answers", "Revoir les réponses"),
        .setAside: ("Set aside: these answers no longer apply", "Mises de côté : ces réponses ne s’appliquent plus"),
        .setAsideNote: ("They come back if the path returns to their questions.", "Elles reviennent si le parcours revient à ces questions."),
        .noAnswers: ("No answers yet.", "Aucune réponse pour l’instant."),
        .notAnsweredYet: ("not answered yet", "pas encore de réponse"),
        .changeHint: ("Choose an answer to change it.", "Choisissez une réponse pour la modifier."),
        .results: ("Results", "Résultats"),
        .urgent: ("URGENT", "URGENT"),
        .recommended: ("Recommended", "Recommandé"),
        .possible: ("Possible: needs more information", "Possible : il faut plus d’information"),
        .notApplicable: ("Not applicable", "Ne s’applique pas"),
        .stillToFindOut: ("Would decide it:", "Permettrait de trancher :"),
        .whyNot: ("Why not:", "Pourquoi pas :"),
        .notReached: ("(not reached yet)", "(pas encore atteinte)"),
        .choseNotToAnswer: ("(the person chose not to answer; come back to it only if they want to)",
                            "(la personne a choisi de ne pas répondre; n’y revenez que si elle le souhaite)"),
        .continueConversation: ("Continue the conversation", "Poursuivre la conversation"),
        .stoppedAt: ("Not finished: the next question is", "Pas terminé : la prochaine question est"),
        .summary: ("What it is", "De quoi il s’agit"),
        .reasons: ("Why", "Pourquoi"),
        .steps: ("Next steps", "Prochaines étapes"),
        .documents: ("Documents", "Documents"),
        .fees: ("Fees", "Frais"),
        .duration: ("Duration", "Durée"),
        .cautions: ("Cautions", "Mises en garde"),
        .mayApply: ("May apply: ", "Peut s’appliquer : "),
        .verify: ("[⚠ verify with a lawyer]", "[⚠ à vérifier avec un avocat]"),
        .whoToContact: ("Who to contact", "Qui contacter"),
        .sources: ("Sources", "Sources"),
        .notLegalAdvice: ("Information, not legal advice.", "De l’information, pas un avis juridique."),
        .tooSmall: ("Enlarge the window to at least 60×16", "Agrandissez la fenêtre à au moins 60×16"),
        .noNames: ("Do not type names.", "N’écrivez pas de noms."),
        .keyMove: ("↑↓ move", "↑↓ choisir"),
        .keyChoose: ("Enter select", "Entrée valider"),
        .keyBack: ("← back", "← retour"),
        .keyWhy: ("? why", "? pourquoi"),
        .keyReview: ("r review", "r revoir"),
        .keyResults: ("s results", "s résultats"),
        .keyLanguage: ("l français", "l English"),
        .keyBilingual: ("b both languages", "b deux langues"),
        .keyGlossary: ("g glossary", "g glossaire"),
        .keyQuickExit: ("F12/Ctrl-X quick exit", "F12/Ctrl-X sortie rapide"),
        .keyQuit: ("q quit", "q quitter"),
        .keyScroll: ("PgUp/PgDn scroll", "PgUp/PgDn défiler"),
        .keyToggle: ("Space tick", "Espace cocher"),
        .keyClose: ("Esc close", "Échap fermer"),
        .keyType: ("type, then Enter", "tapez, puis Entrée"),
        .keyDecline: ("↓ prefer not to say", "↓ préfère ne pas répondre"),
        .keyWhyF: ("F1 why", "F1 pourquoi"),
        .trainingBanner: ("TRAINING — fictional case, nothing is saved", "FORMATION — cas fictif, rien n’est enregistré"),
        .trainingCases: ("Training cases", "Cas de formation"),
        .personaCard: ("Persona", "Personnage"),
        .learningGoals: ("Learning goals", "Objectifs d’apprentissage"),
        .learningPoints: ("Learning points", "Points à retenir"),
        .facilitatorNote: ("Facilitator's note", "Note pour l’animateur"),
        .discuss: ("Discuss", "À discuter"),
        .caseAnswer: ("The case's answer", "La réponse du cas"),
        .revealHint: ("Answer hidden: press Space to reveal it.", "Réponse cachée : appuyez sur Espace pour l’afficher."),
        .notesHidden: ("(notes hidden: press h to show)", "(notes cachées : appuyez sur h pour les afficher)"),
        .quizScore: ("Score", "Score"),
        .quizYourAnswer: ("you", "vous"),
        .quizCaseAnswer: ("case", "cas"),
        .quizSame: ("same answer", "même réponse"),
        .pathwaysCompared: ("Pathways compared", "Voies comparées"),
        .youGot: ("you", "vous"),
        .caseGets: ("the case", "le cas"),
        .stepOf: ("Step %1 of %2", "Étape %1 sur %2"),
        .notAsked: ("not asked", "pas posée"),
        .keyNext: ("→ next", "→ suivant"),
        .keyPrevious: ("← previous", "← précédent"),
        .keyReveal: ("Space reveal", "Espace révéler"),
        .keyHideNotes: ("h notes", "h notes"),
        .keyJump: ("j jump", "j aller à"),
        .keyQuiz: ("z quiz", "z quiz"),
        .keyList: ("Esc list", "Échap liste"),
        .jumpPrompt: ("Go to step: ", "Aller à l’étape : "),
        .notesLabel: ("Caseworker's notes (no names)", "Notes de l’intervenant (sans noms)"),
        .previewForEditors: ("(for content editors: pathways preview)", "(pour les rédacteurs : pathways preview)"),
        .notesPrompt: ("Notes (no names), then Enter: ", "Notes (sans noms), puis Entrée : "),
        .keyNotes: ("n notes", "n notes"),
        .keyExport: ("e export summary (E with answers)", "e exporter le résumé (E avec réponses)"),
        .previewBanner: ("PREVIEW", "APERÇU"),
        .previewBroken: ("the files have errors: showing the last good content (d: diagnostics)", "les fichiers ont des erreurs : dernier contenu valide affiché (d : diagnostics)"),
        .diagnosticsTitle: ("Diagnostics", "Diagnostics"),
        .noDiagnostics: ("No problems found.", "Aucun problème trouvé."),
        .keyDiagnostics: ("d/F6 diagnostics", "d/F6 diagnostics"),
        .keyJumpID: (":/F7 go to id", ":/F7 aller à un id"),
        .keyRecord: ("w/F8 save as scenario", "w/F8 enregistrer comme scénario"),
        .jumpIDPrompt: ("Go to question or pathway id: ", "Aller à la question ou voie (id) : "),
        .nodeLabel: ("node", "nœud"),
        .caseLabel: ("Case", "Dossier"),
        .lockedTitle: ("Locked after a pause", "Verrouillé après une pause"),
        .lockedHint: ("Type the passphrase of the case records, then Enter.", "Tapez la phrase de passe des dossiers, puis Entrée."),
        .wrongPassphrase: ("That passphrase does not open the case records.", "Cette phrase de passe n’ouvre pas les dossiers."),
        .savedCases: ("Saved cases", "Dossiers enregistrés"),
        .noSavedCases: ("No saved cases.", "Aucun dossier enregistré."),
        .contentChanged: ("(content changed since)", "(le contenu a changé depuis)"),
        .notSaved: ("NOT SAVED:", "NON ENREGISTRÉ :"),
        .updated: ("updated", "mis à jour"),
        .keyReviewF: ("F2 review", "F2 revoir"),
        .keyResultsF: ("F3 results", "F3 résultats"),
        .keyLanguageF: ("F4 français", "F4 English"),
        .firstQuestion: ("This is the first question. q quits; r reviews the answers.", "C’est la première question. q pour quitter; r pour revoir les réponses."),
        .needsRecords: ("Resuming a case needs the case records (start Pathways without --no-store).", "Reprendre un dossier exige les dossiers (lancez Pathways sans --no-store)."),
        .previewHow: ("To preview content, run: pathways preview FOLDER (or start Pathways in the folder that holds Content).", "Pour prévisualiser du contenu, lancez : pathways preview DOSSIER (ou lancez Pathways dans le dossier qui contient Content)."),
        .previewOfFolder: ("(./Content)", "(./Content)"),
        .noTrainingCases: ("(no training cases in this content)", "(aucun cas de formation dans ce contenu)"),
        .noTermsHere: ("No glossary terms on this screen. Press a for every term.", "Aucun terme du glossaire sur cet écran. Appuyez sur a pour tous les termes."),
        .suchAs34: (", such as 34.", ", par exemple 34."),
        .tickOne: ("Tick at least one (Space), then Enter.", "Cochez au moins une réponse (Espace), puis Entrée."),
        .tickOneOrDecline: ("Tick at least one (Space), or choose “Prefer not to say”, then Enter.", "Cochez au moins une réponse (Espace), ou choisissez « Préfère ne pas répondre », puis Entrée."),
        .keyNumbers: ("1–%1 choose", "1–%1 choisir"),
        .keyNumbersTwoDigits: ("1–%1 choose (two digits from 10)", "1–%1 choisir (deux chiffres dès 10)"),
        .keyOpen: ("Enter open", "Entrée ouvrir"),
        .keyAnswer: ("Enter answer", "Entrée répondre"),
        .keyConfirmTicks: ("Enter confirm", "Entrée confirmer"),
        .keyWhyClose: ("? close why", "? fermer pourquoi"),
        .keyBilingualF: ("F5 both languages", "F5 deux langues"),
        .keyQuitCtrlC: ("Ctrl-C quit", "Ctrl-C quitter"),
        .keyBackToReview: ("Esc back to the review", "Échap retour aux réponses"),
        .keyBackToResults: ("Esc back to the results", "Échap retour aux résultats"),
        .keyChange: ("Enter change", "Entrée modifier"),
        .keySaveNotes: ("Ctrl-S save", "Ctrl-S enregistrer"),
        .keyCloseNotes: ("Esc close", "Échap fermer"),
        .keyNewLine: ("Enter new line", "Entrée nouvelle ligne"),
        .keyTermsHere: ("a terms on the screen", "a termes de l’écran"),
        .keyAllTerms: ("a all terms", "a tous les termes"),
        .notesUnsaved: ("The notes are not saved: Ctrl-S saves them, Esc again closes without saving.", "Les notes ne sont pas enregistrées : Ctrl-S les enregistre, Échap de nouveau ferme sans enregistrer."),
        .notesFull: ("The notes are full (%1 characters).", "Les notes sont pleines (%1 caractères)."),
        .quitPreview: ("The preview's answers are not saved (w saves them as a scenario).", "Les réponses de l’aperçu ne sont pas enregistrées (w les enregistre comme scénario)."),
        .quitQuiz: ("The quiz is not saved.", "Le quiz n’est pas enregistré."),
        .quitNotSaved: ("The answers are not saved: case records are off.", "Les réponses ne sont pas enregistrées : les dossiers sont désactivés."),
        .quitLastNotSaved: ("The last answers could not be saved.", "Les dernières réponses n’ont pas pu être enregistrées."),
        .quitSaved: ("The case is saved as %1.", "Le dossier est enregistré sous %1."),
        .quitNotesUnsaved: ("The notes being typed are not saved.", "Les notes en cours ne sont pas enregistrées."),
        .quitAgain: ("Press q again to quit.", "Appuyez de nouveau sur q pour quitter."),
    ]

    /// The text with %1, %2 replaced.
    public func text(_ locale: String, _ args: String...) -> String {
        var s = text(locale)
        for (i, a) in args.enumerated() { s = s.replacingOccurrences(of: "%\(i + 1)", with: a) }
        return s
    }
}
