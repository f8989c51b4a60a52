import PathwaysEngine
import PathwaysUI

/// The person's handout from the command line (`cases export CODE --handout`, `assess --handout`).
enum HandoutOptions {
    static func render(_ assessment: Assessment, bundle: ContentBundle, format: Handout.Format, locale: String,
                       workerLocale: String?) throws -> String {
        for l in [locale] + (workerLocale.map { [$0] } ?? []) where !bundle.info.locales.contains(l) {
            throw CLIError("'\(l)' is not a language of the bundle: " + bundle.info.locales.joined(separator: ", "))
        }
        return Handout(bundle: bundle, locale: locale, workerLocale: workerLocale, withWorkerCopy: workerLocale != nil,
                       measure: { TextWidth.of($0) }).render(assessment, format: format)
    }
}
