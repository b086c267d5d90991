// SPDX-License-Identifier: GPL-3.0-or-later
// Per-code packed layouts derived from the units catalogue.
#include "core/records/ObservationLayout.h"

#include "core/crypto/Kdf.h"
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
    // The built-in catalogue gives each code a fixed id (append-only, UnitsTable.cpp); catalogues
    // without ids number their codes by position.
    if (def.layoutId == 0 && it - definitions.begin() + 1 >= kGenericIdBit)
        return makeError(ErrorCode::Unsupported, "the units catalogue has too many codes for 15-bit layout ids");
    const auto id = def.layoutId != 0 ? def.layoutId : static_cast<std::uint16_t>(1 + (it - definitions.begin()));
    // Values up to 2^32 (the sum slot, at most 64 bits, holds 2^20 of them); Σx² then needs up to
    // 84 bits, which its slot may take (PackedLayout): every catalogue code sums kMaxCount values.
    // Until 2026-12 the Σx² slot had 64 bits, and wide-range codes (viral load in copies/mL) a
    // smaller maximum count; their earlier layout ids are retired (UnitDefinition::retiredLayoutIds).
    const std::uint64_t maxValue = std::max<std::uint64_t>(def.maxEncoded(), 1);
    if (maxValue > 0xFFFFFFFFULL)
        return makeError(ErrorCode::Unsupported,
                         "observation code " + code.toStdString() + " has too wide a range for a packed sum");
    return paillier::PackedLayout::forValues(id, kMaxCount, def.maxEncoded(), std::move(edges));
}

Result<paillier::PackedLayout> ObservationLayout::forGeneric(const QString& code, const QString& unit)
{
    QByteArray input("cipherchart/generic-layout/v1");
    input.append('\0').append(code.toUtf8()).append('\0').append(unit.toUtf8());
    const crypto::Digest256 digest = crypto::sha256(
        {reinterpret_cast<const std::uint8_t*>(input.constData()), static_cast<std::size_t>(input.size())});
    const auto id = static_cast<std::uint16_t>(kGenericIdBit | (((digest[0] << 8) | digest[1]) & 0x7FFF));
    const interop::UnitDefinition def = interop::UnitsCatalogue::generic(code, unit);
    return paillier::PackedLayout::forValues(id, kGenericMaxCount, def.maxEncoded(), {});
}

Result<paillier::PackedLayout> ObservationLayout::forValue(const interop::UnitsCatalogue& catalogue,
                                                           const QString& code, const QString& unit)
{
    const interop::UnitDefinition* def = catalogue.find(code);
    if (def != nullptr && def->unit == unit)
        return forCode(catalogue, code);
    return forGeneric(code, unit);
}

} // namespace cc::records
