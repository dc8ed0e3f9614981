/// The output formats of `virtlab grade --format` (LESSONS.md "Exercises and grading").
public enum ReportFormat: String, CaseIterable, Sendable {
    case text, json, gradescope, junit, tap, exercism, csv

    /// Formats that describe a whole class; the others describe one submission.
    public var gradesClasses: Bool {
        switch self {
        case .text, .json, .junit, .csv: return true
        case .gradescope, .tap, .exercism: return false
        }
    }

    /// One submission's report.
    public func render(_ result: SubmissionResult, of exercise: Exercise) -> String {
        switch self {
        case .text: return TextReport.submission(result, of: exercise)
        case .json: return JSONReports.own(result, of: exercise)
        case .gradescope: return JSONReports.gradescope(result, of: exercise)
        case .exercism: return JSONReports.exercism(result, of: exercise)
        case .junit: return JUnitReport.render([result], of: exercise, asClass: false)
        case .tap: return TAPReport.render(result, of: exercise)
        case .csv: return CSVReport.render([result], of: exercise)
        }
    }

    /// A class's report, for the formats where `gradesClasses` holds.
    public func render(class results: [SubmissionResult], of exercise: Exercise) -> String {
        switch self {
        case .text: return TextReport.classReport(results, of: exercise)
        case .json: return JSONReports.classReport(results, of: exercise)
        case .junit: return JUnitReport.render(results, of: exercise, asClass: true)
        case .csv: return CSVReport.render(results, of: exercise)
        case .gradescope, .tap, .exercism: preconditionFailure("\(rawValue) describes one submission")
        }
    }
}

extension Exercise {
    /// "3 of the 10 points come from hidden checks, …", or nil without hidden checks.
    var hiddenNotice: String? {
        guard hiddenPoints > 0 else { return nil }
        return "\(hiddenPoints) of the \(maxScore) points come from hidden checks, which students see only once grades are published"
    }
}

extension Double {
    /// Seconds rounded to the millisecond, for `time` and `execution_time` fields.
    var milliRounded: Double { (self * 1000).rounded() / 1000 }
}
