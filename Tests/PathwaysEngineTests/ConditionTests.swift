import XCTest
@testable import PathwaysEngine

/// The condition language: parsing, three-valued evaluation and error offsets.
final class ConditionTests: XCTestCase {
    var bundle: ContentBundle!

    override func setUpWithError() throws { bundle = try StarterBundle.load() }

    func eval(_ text: String, _ answers: [String: AnswerState]) throws -> Truth {
        let c = try ConditionParser.parse(text)
        return ConditionEvaluator(bundle: bundle, today: nil).evaluate(c) { answers[$0] ?? .unanswered }
    }

    func testKleeneLogic() {
        XCTAssertEqual(Truth.no && .unknown, .no)
        XCTAssertEqual(Truth.yes && .unknown, .unknown)
        XCTAssertEqual(Truth.yes || .unknown, .yes)
        XCTAssertEqual(Truth.no || .unknown, .unknown)
        XCTAssertEqual(!Truth.unknown, .unknown)
    }

    func testComparisonsOnEveryKind() throws {
        let a: [String: AnswerState] = [
            "status": .value(.option("work_permit")), "age": .value(.number(17)),
            "arrived_on": .value(.date(Day("2024-03-01")!)), "indicators": .value(.options(["deceived"])),
            "abuse_at_work": .value(.option("yes")), "note": .value(.text("hello")),
        ]
        XCTAssertEqual(try eval("status in [work_permit, no_status]", a), .yes)
        XCTAssertEqual(try eval("status not in [work_permit]", a), .no)
        XCTAssertEqual(try eval("status != citizen", a), .yes)
        XCTAssertEqual(try eval("age < 18 and age >= 17", a), .yes)
        XCTAssertEqual(try eval("arrived_on >= 2024-03-01", a), .yes)
        XCTAssertEqual(try eval("indicators has deceived", a), .yes)
        XCTAssertEqual(try eval("indicators has all [deceived, documents_taken]", a), .no)
        XCTAssertEqual(try eval("indicators has any [deceived, documents_taken]", a), .yes)
        XCTAssertEqual(try eval("abuse_at_work", a), .yes)
        XCTAssertEqual(try eval("note = \"hello\"", a), .yes)
        XCTAssertEqual(try eval("not (age > 17) or status = citizen", a), .yes)
        XCTAssertEqual(try eval("true and not false", a), .yes)
    }

    func testUnansweredDeclinedAndUnsureAreUnknown() throws {
        XCTAssertEqual(try eval("abuse_at_work", [:]), .unknown)
        XCTAssertEqual(try eval("abuse_at_work", ["abuse_at_work": .declined]), .unknown)
        XCTAssertEqual(try eval("abuse_at_work", ["abuse_at_work": .value(.option("unsure"))]), .unknown)
        XCTAssertEqual(try eval("abuse_at_work = unsure", ["abuse_at_work": .value(.option("unsure"))]), .yes)
        XCTAssertEqual(try eval("status = citizen", ["status": .value(.option("not_sure"))]), .unknown)
        XCTAssertEqual(try eval("abuse_at_work is declined", ["abuse_at_work": .declined]), .yes)
        XCTAssertEqual(try eval("abuse_at_work is answered", ["abuse_at_work": .declined]), .no)
        XCTAssertEqual(try eval("age is unanswered", [:]), .yes)
        XCTAssertEqual(try eval("age is not answered", [:]), .yes)
    }

    /// "Not sure" is its own answer: the person was asked and does not know. `is unsure` tells it apart from
    /// declining, from not being asked, and from any definite answer; like the other `is` tests it is never unknown.
    func testIsUnsureTellsNotSureFromDeclinedAndNotAsked() throws {
        let notSure: [String: AnswerState] = ["status": .value(.option("not_sure")), "abuse_at_work": .value(.option("unsure")),
                                               "indicators": .value(.options(["deceived"]))]
        XCTAssertEqual(try eval("status is unsure", notSure), .yes)
        XCTAssertEqual(try eval("abuse_at_work is unsure", notSure), .yes)
        XCTAssertEqual(try eval("status = citizen", notSure), .unknown, "still unknown for the other tests")
        XCTAssertEqual(try eval("status != citizen or status is unsure", notSure), .yes)
        XCTAssertEqual(try eval("status is unsure", ["status": .value(.option("citizen"))]), .no)
        XCTAssertEqual(try eval("abuse_at_work is unsure", ["abuse_at_work": .value(.option("no"))]), .no)
        XCTAssertEqual(try eval("abuse_at_work is unsure", ["abuse_at_work": .declined]), .no, "declining is not being unsure")
        XCTAssertEqual(try eval("abuse_at_work is unsure", [:]), .no, "not reached is not being unsure")
        XCTAssertEqual(try eval("abuse_at_work is unsure", ["abuse_at_work": .notAsked]), .no, "not asked is not being unsure")
        XCTAssertEqual(try eval("abuse_at_work is not unsure", ["abuse_at_work": .declined]), .yes)
        XCTAssertEqual(try eval("abuse_at_work is answered", notSure), .yes, "a not-sure answer is an answer")
        XCTAssertEqual(try eval("abuse_at_work is unsure", ["abuse_at_work": .free]), .unknown)
        XCTAssertEqual(try eval("indicators is unsure", notSure), .no)
    }

    func testAndBindsTighterThanOr() throws {
        let c = try ConditionParser.parse("a or b and c")
        guard case .or(let parts) = c else { return XCTFail("expected or, got \(c)") }
        XCTAssertEqual(parts.count, 2)
        guard case .and = parts[1] else { return XCTFail("expected and on the right") }
    }

    func testSyntaxErrorsPointAtTheOffendingCharacter() {
        func offset(_ text: String) -> (String, Int)? {
            do { _ = try ConditionParser.parse(text); return nil } catch { return (error.message, error.offset) }
        }
        XCTAssertEqual(offset("status in [a, b")?.1, 15)
        XCTAssertEqual(offset("status = ")?.1, 9)
        XCTAssertEqual(offset("(age < 3")?.1, 8)
        XCTAssertEqual(offset("age # 3")?.1, 4)
        XCTAssertEqual(offset("")?.0, "the condition is empty")
        XCTAssertEqual(offset("status and")?.0, "expected a question id, found the end of the condition")
        XCTAssertEqual(offset("x has [a]")?.0, "write 'has any [...]' or 'has all [...]' before a list")
        XCTAssertEqual(offset(String(repeating: "(", count: 10_000) + "a")?.0, "the condition is nested too deeply")
    }

    func testSatisfiabilityFindsContradictions() throws {
        let sat = Satisfiability(bundle: bundle, today: nil)
        XCTAssertEqual(sat.canBeTrue(try ConditionParser.parse("status = citizen and status = no_status")), .no)
        XCTAssertEqual(sat.canBeTrue(try ConditionParser.parse("age < 18 and age > 17")), .no, "integer ages")
        XCTAssertEqual(sat.canBeTrue(try ConditionParser.parse("age > 200")), .no, "max is 120")
        XCTAssertEqual(sat.canBeTrue(try ConditionParser.parse("indicators has deceived and not indicators has any [deceived]")), .no)
        XCTAssertEqual(sat.canBeTrue(try ConditionParser.parse("status = citizen or age > 3")), .yes)
        XCTAssertEqual(sat.canBeTrue(try ConditionParser.parse("abuse_at_work is declined")), .yes)
        XCTAssertEqual(sat.canBeTrue(try ConditionParser.parse("status = citizen"), neverAnswered: ["status"]), .no)
    }
}
