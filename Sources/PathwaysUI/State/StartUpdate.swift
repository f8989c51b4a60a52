import PathwaysEngine

/// Keys on the start screen and the saved cases.
extension UIState {
    func shown(_ s: StartMode) -> Shown { Shown(context) { $0.startView(s) } }

    mutating func handleStart(_ key: Key, _ s: inout StartMode) -> Reaction {
        s.flash = nil
        let view = shown(s)
        if case .savedCases(let list, var p) = s.overlays.last {
            if let free = navigate(key, &p, view) {
                s.overlays[s.overlays.count - 1] = .savedCases(list, p)
                return Reaction(freeScroll: free)
            }
            switch key {
            case .enter, .char(" "):
                let items = view.view.items
                guard items.indices.contains(p.cursor), case .savedCase(let code) = items[p.cursor] else { return .done }
                return .effects([.reopen(code)])
            case .escape, .left, .backspace, .delete:
                s.overlays.removeLast()
                return .done
            default:
                return startKeys(key, &s) ?? .done
            }
        }
        if case .glossary = s.overlays.last {
            return handleGlossary(key, &s.overlays, view) ?? startKeys(key, &s) ?? .done
        }
        if case .term = s.overlays.last {
            if [.escape, .left, .backspace, .delete].contains(key) { s.overlays.removeLast() }
            return startKeys(key, &s) ?? .done
        }
        if let free = navigate(key, &s.place, view) { return Reaction(freeScroll: free) }
        let items = view.view.items
        switch key {
        case .char(let d) where key.isDigit:
            // A digit chooses the item; Enter opens it (the footer says so).
            _ = s.place.type(digit: d, count: items.count)
            return .done
        case .enter, .char(" "):
            guard items.indices.contains(s.place.cursor), case .menu(let item) = items[s.place.cursor] else { return .done }
            return open(item, &s)
        default:
            return startKeys(key, &s) ?? .done
        }
    }

    private mutating func open(_ item: MenuItem, _ s: inout StartMode) -> Reaction {
        switch item {
        case .newCase:
            // Nothing is saved until the first answer: leaving at once leaves no empty case behind.
            let c = CaseMode(session: Session(bundle: context.bundle, today: context.today, metrics: context.metrics), purpose: .record)
            return Reaction(effects: [.closeCase], next: .caseWork(c))
        case .resume:
            guard context.recordsAvailable else {
                s.flash = context.words[.needsRecords]
                return .done
            }
            return .effects([.listCases])
        case .training:
            guard context.bundle.scenarios.contains(where: { $0.training != nil }) else { return .done }
            var t = TrainingMode()
            t.fromStart = true
            return Reaction(effects: [.closeCase], next: .training(t))
        case .preview:
            guard context.previewAvailable else {
                s.flash = context.words[.previewHow]
                return .done
            }
            return .effects([.closeCase, .openPreview])
        case .language:
            context.switchLanguage()
            return .done
        case .quit:
            return .effects([.quit])
        }
    }

    /// Language, both languages, glossary and quit, on the start screen and what is open over it.
    private mutating func startKeys(_ key: Key, _ s: inout StartMode) -> Reaction? {
        switch key {
        case .char("l"), .function(4): context.switchLanguage()
        case .char("b"), .function(5): context.bilingual.toggle()
        case .char("c"), .function(9): context.switchClientLanguage()
        case .char("g"):
            if case .glossary = s.overlays.last { return .done }
            s.overlays.append(.glossary(terms: shown(s).view.terms(context), all: false, Place()))
        case .char("q"), .control("c"): return .effects([.quit])
        default: return nil
        }
        return .done
    }
}
