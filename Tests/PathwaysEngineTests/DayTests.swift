import XCTest
@testable import PathwaysEngine

/// Calendar days: parsing, arithmetic across months and leap years, and the edges of the calendar.
final class DayTests: XCTestCase {
    func testParsingAcceptsOnlyRealDays() {
        XCTAssertEqual(Day("2024-02-29")?.description, "2024-02-29")
        XCTAssertNil(Day("2023-02-29"))
        XCTAssertNil(Day("2024-13-01"))
        XCTAssertNil(Day("24-01-01"))
        XCTAssertNil(Day("2024-1-1"))
    }

    func testArithmeticRoundTrips() {
        let d = Day("2024-02-28")!
        XCTAssertEqual(d.adding(days: 1).description, "2024-02-29")
        XCTAssertEqual(d.adding(days: 2).description, "2024-03-01")
        XCTAssertEqual(d.adding(days: 366).description, "2025-02-28")
        XCTAssertEqual(d.adding(days: -59).description, "2023-12-31")
        for n in stride(from: -5000, through: 5000, by: 97) { XCTAssertEqual(d.adding(days: n).adding(days: -n), d) }
    }

    func testArithmeticStopsAtTheEdgesOfTheCalendarInsteadOfCrashing() {
        XCTAssertEqual(Day("9999-12-31")!.adding(days: 1).description, "9999-12-31")
        XCTAssertEqual(Day("0001-01-01")!.adding(days: -1).description, "0001-01-01")
    }

    func testPartialDates() {
        XCTAssertNotNil(PartialDate("2025"))
        XCTAssertNotNil(PartialDate("2025-04"))
        XCTAssertNotNil(PartialDate("2025-04-04"))
        XCTAssertNil(PartialDate("about 2025"))
        XCTAssertNil(PartialDate("2025-13"))
    }
}
