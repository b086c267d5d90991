// SPDX-License-Identifier: GPL-3.0-or-later
// Per-code packed layouts derived from the units catalogue.
#include "core/records/ObservationLayout.h"

#include "core/interop/UnitDefinition.h"

#include <algorithm>
#include <vector>

namespace cc::records {

Result<paillier::PackedLayout> ObservationLayout::forCode(const interop::UnitsCatalogue& catalogue, const QString& code)
{
    const auto definitions = catalogue.definitions();
    const auto it = std::find_if(definitions.begin(), definitions.end(),
                                 [&](const interop::UnitDefinition* d) { return d->code == code; });
    if (it == definitions.end())
        return makeError(ErrorCode::NotFound, "no units catalogue entry for observation code " + code.toStdString());
    const interop::UnitDefinition& def = **it;
    std::vector<std::uint64_t> edges;
    for (double edge : def.binEdges) {
        auto encoded = def.encode(edge);
        if (!encoded)
            continue; // an edge outside the plausible range cannot be reached by a stored value
        // The first bin starts at 0 anyway; an edge at 0 would only make an empty bin.
        if (*encoded == 0 || (!edges.empty() && edges.back() >= *encoded))
            continue;
        edges.push_back(*encoded);
    }
    const auto id = static_cast<std::uint16_t>(1 + (it - definitions.begin()));
    return paillier::PackedLayout::forValues(id, kMaxCount, def.maxEncoded(), std::move(edges));
}

} // namespace cc::records
