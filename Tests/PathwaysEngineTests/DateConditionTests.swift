import XCTest
@testable import PathwaysEngine

/// Dates in conditions: a date question or `today`, plus or minus days, weeks, months or years, compared
/// three-valued against an assessment day that is given, never read from a clock.
final class DateConditionTests: XCTestCase {
    /// The base bundle with two date questions: when the person first entered, and when a claim was made.
    static let bundle: ContentBundle = {
        var b = BaseBundle()
        b.replace("  - id: notes\n    kind: text\n    prompt: {en: Anything else to note?, fr: Autre chose à noter?}\n",
                  with: """
                    - id: first_entry
                      kind: date
                      sensitive: true
                      prompt: {en: When did the person first enter Canada?, fr: Quand la personne est-elle entrée au Canada?}
                    - id: claim_date
                      kind: date
                      prompt: {en: When was the claim made?, fr: Quand la demande a-t-elle été faite?}

                  """, in: "questions/basics.yaml")
        return b.bundle()
    }()

    func day(_ s: String) -> Day { Day(s)! }

    func evaluate(_ text: String, today: Day?, _ answers: [String: AnswerState]) throws -> Truth {
        let c = try ConditionParser.parse(text)
        return ConditionEvaluator(bundle: Self.bundle, today: today).evaluate(c) { answers[$0] ?? .unanswered }
    }

    func testOneYearAfterFirstEntryAgainstTheDayGiven() throws {
        let entered: [String: AnswerState] = ["first_entry": .value(.date(day("2025-01-15")))]
        let rule = "first_entry + 1 year < today"
        XCTAssertEqual(try evaluate(rule, today: day("2026-01-16"), entered), .yes)
        XCTAssertEqual(try evaluate(rule, today: day("2026-01-15"), entered), .no, "on the anniversary a year has not yet passed")
        XCTAssertEqual(try evaluate(rule, today: day("2025-06-01"), entered), .no)
    }

    func testAnUnknownDateOrDayMakesTheComparisonUnknown() throws {
        let rule = "first_entry + 1 year < today"
        XCTAssertEqual(try evaluate(rule, today: day("2026-01-16"), [:]), .unknown, "not answered")
        XCTAssertEqual(try evaluate(rule, today: day("2026-01-16"), ["first_entry": .declined]), .unknown, "declined")
        XCTAssertEqual(try evaluate(rule, today: nil, ["first_entry": .value(.date(day("2025-01-15")))]), .unknown, "no day given")
        XCTAssertEqual(try evaluate("not (\(rule))", today: day("2026-01-16"), [:]), .unknown)
        XCTAssertEqual(try evaluate("\(rule) or status = visitor", today: day("2026-01-16"), ["status": .value(.option("visitor"))]), .yes)
        XCTAssertEqual(try evaluate("\(rule) and status = visitor", today: day("2026-01-16"), ["status": .value(.option("worker"))]), .no)
    }

    func testTwelveMonthsFromADecision() throws {
        let rule = "claim_date + 12 months > today"
        let decided: [String: AnswerState] = ["claim_date": .value(.date(day("2026-04-30")))]
        XCTAssertEqual(try evaluate(rule, today: day("2027-04-29"), decided), .yes)
        XCTAssertEqual(try evaluate(rule, today: day("2027-04-30"), decided), .no)
    }

    func testTwoDateQuestionsCompared() throws {
        let rule = "claim_date > first_entry + 1 year"
        XCTAssertEqual(try evaluate(rule, today: nil, ["first_entry": .value(.date(day("2025-06-03"))),
                                                     "claim_date": .value(.date(day("2026-06-04")))]), .yes)
        XCTAssertEqual(try evaluate(rule, today: nil, ["first_entry": .value(.date(day("2025-06-03"))),
                                                     "claim_date": .value(.date(day("2026-06-03")))]), .no)
        XCTAssertEqual(try evaluate(rule, today: nil, ["claim_date": .value(.date(day("2026-06-04")))]), .unknown)
    }

    func testShiftsAreWrittenWithPlusOrMinus() throws {
        for text in ["today - 3 days <= first_entry", "today -3 days <= first_entry", "2025-06-03 <= first_entry - 2 weeks + 1 day"] {
            guard case .dateCompare = try ConditionParser.parse(text) else { return XCTFail("\(text) is a date comparison") }
        }
        guard case .dateCompare(let a, .greater, let b) = try ConditionParser.parse("first_entry + 1 year > today - 14 days") else {
            return XCTFail("expected a date comparison")
        }
        XCTAssertEqual(a.description, "first_entry + 1 year")
        XCTAssertEqual(b.description, "today - 14 days")
        // A date written alone is still the plain comparison it always was.
        guard case .compare(_, .less, _) = try ConditionParser.parse("first_entry < 2020-06-24") else { return XCTFail("plain comparison") }
        XCTAssertEqual(try evaluate("today > 2026-03-26", today: day("2026-12-01"), [:]), .yes)
    }

    func testMalformedShiftsAreSyntaxErrorsAtTheirPlace() {
        func offset(_ text: String) -> Int? {
            do { _ = try ConditionParser.parse(text); return nil } catch { return error.offset }
        }
        XCTAssertEqual(offset("first_entry + 1.5 years < today"), 14)
        XCTAssertEqual(offset("first_entry + 1 decade < today"), 16)
        XCTAssertEqual(offset("first_entry + 1 year"), 20, "a date alone is not a condition")
        XCTAssertEqual(offset("first_entry + 100000 days < today"), 14)
    }

    func testMonthsAndYearsKeepTheEndOfTheMonth() {
        XCTAssertEqual(day("2025-01-31").adding(months: 1), day("2025-02-28"))
        XCTAssertEqual(day("2024-01-31").adding(months: 1), day("2024-02-29"))
        XCTAssertEqual(day("2024-02-29").adding(months: 12), day("2025-02-28"))
        XCTAssertEqual(day("2025-03-31").adding(months: -1), day("2025-02-28"))
        XCTAssertEqual(day("2025-12-15").adding(months: 1), day("2026-01-15"))
        XCTAssertEqual(DateShift(amount: 2, unit: .week, offset: 0).apply(to: day("2025-12-25")), day("2026-01-08"))
    }

    func testDatesInTextsAreComputedOrSaidUnknown() {
        let text = "The wait ends on {{claim_date + 12 months}}."
        let known = ComputedDates.render(text, unknown: "(date not known)") { $0.value(from: self.day("2026-04-30")) }
        XCTAssertEqual(known, "The wait ends on 2027-04-30.")
        XCTAssertEqual(ComputedDates.render(text, unknown: "(date not known)") { _ in nil }, "The wait ends on (date not known).")
        XCTAssertEqual(ComputedDates.render("No {{ here", unknown: "?") { _ in nil }, "No {{ here")
    }

    func testTheSearchFindsDatesRelativeToTheDay() throws {
        let sat = Satisfiability(bundle: Self.bundle, today: day("2026-12-01"))
        XCTAssertEqual(sat.canBeTrue(try ConditionParser.parse("first_entry > 2020-06-24 and first_entry + 1 year < today")), .yes)
        XCTAssertEqual(sat.canBeTrue(try ConditionParser.parse("first_entry + 1 year < today and first_entry > today")), .no)
        XCTAssertEqual(sat.canBeTrue(try ConditionParser.parse("claim_date > first_entry + 1 year and claim_date < today")), .yes)
    }
}
