// SPDX-License-Identifier: GPL-3.0-or-later
// The report file (.ccrep: ReportFile::read, what `report verify`, `show`, `csv`, `decrypt-share`,
// `publish` and `merge` read first). First byte even: the input is a whole file. Odd: the input is
// the JSON body, put in a container of the kind chosen by the first byte and signed with a fixed
// test key, so the fuzzer reaches every member check and a successful read without having to
// forge a signature. On success: re-signed with that key it reads back and re-signs to the same
// bytes; the CSV form and the fingerprint are made.
#include "core/crypto/Ed25519PrivateKey.h"
#include "core/reports/ReportCsv.h"
#include "core/reports/ReportFile.h"
#include "tests/fuzz/FuzzKeys.h"
#include "tests/fuzz/FuzzTarget.h"

CC_FUZZ_TARGET(report_file)
{
    if (data.empty())
        return;
    static const auto signer = cc::fuzz::reportSigner();
    const auto rest = data.subspan(1);
    std::vector<std::uint8_t> file;
    if ((data[0] & 1) == 0) {
        file.assign(rest.begin(), rest.end());
    } else {
        file = {'C', 'C', 'R', 'P', 1, static_cast<std::uint8_t>(1 + (data[0] >> 1) % 3)};
        for (int s = 24; s >= 0; s -= 8)
            file.push_back(static_cast<std::uint8_t>(rest.size() >> s));
        file.insert(file.end(), rest.begin(), rest.end());
        const auto signature = signer.sign(file);
        file.insert(file.end(), signature.begin(), signature.end());
    }
    auto report = cc::reports::ReportFile::read(file);
    if (!report.ok()) {
        const auto code = report.error().code;
        CC_FUZZ_CHECK(code == cc::ErrorCode::IntegrityFailure || code == cc::ErrorCode::Unsupported);
        return;
    }
    CC_FUZZ_CHECK(report->cells.size() == report->spec.cells().size());
    const auto resigned = report->sign(signer);
    auto again = cc::reports::ReportFile::read(resigned);
    CC_FUZZ_CHECK(again.ok() && again->sign(signer) == resigned);
    CC_FUZZ_CHECK(again->kind == report->kind && again->reportId == report->reportId);
    (void)cc::reports::reportCsv(*report);
    CC_FUZZ_CHECK(report->signerFingerprint().size() == 16);
}
