// SPDX-License-Identifier: GPL-3.0-or-later
// The report spec (ReportSpec::fromJson, what `report run --spec` and the GUI's builder read).
// On success: the canonical form parses to the same canonical form, the cells are numbered
// 0 … n−1 and never more than the limit, and the description is made.
#include "core/reports/ReportSpec.h"
#include "tests/fuzz/FuzzTarget.h"

CC_FUZZ_TARGET(report_spec)
{
    const QByteArray json(reinterpret_cast<const char*>(data.data()), static_cast<qsizetype>(data.size()));
    auto spec = cc::reports::ReportSpec::fromJson(json, "spec.json");
    if (!spec.ok()) {
        const auto code = spec.error().code;
        CC_FUZZ_CHECK(code == cc::ErrorCode::MalformedInput || code == cc::ErrorCode::Unsupported);
        return;
    }
    const QByteArray canonical = spec->canonicalJson();
    auto again = cc::reports::ReportSpec::fromJson(canonical);
    CC_FUZZ_CHECK(again.ok() && again->canonicalJson() == canonical && again->sha256() == spec->sha256());
    const auto cells = spec->cells();
    CC_FUZZ_CHECK(!cells.empty() && cells.size() <= cc::reports::ReportSpec::kMaxCells);
    for (std::size_t i = 0; i < cells.size(); ++i)
        CC_FUZZ_CHECK(cells[i].index == i && cells[i].group.size() == spec->groupBy.size());
    CC_FUZZ_CHECK(!spec->describe().isEmpty());
}
