// SPDX-License-Identifier: GPL-3.0-or-later
// HMACs of source ids and documents for the import source index.
#include "core/records/SourceIndex.h"

#include "core/crypto/Kdf.h"

namespace cc::records {

Result<std::vector<std::uint8_t>> SourceIndex::mac(std::string_view label, std::string_view kind,
                                                   const QByteArray& data) const
{
    if (kind.empty())
        return makeError(ErrorCode::InvalidArgument, "a source index entry needs a record kind");
    std::vector<std::uint8_t> input(label.begin(), label.end());
    input.push_back(0);
    input.insert(input.end(), kind.begin(), kind.end());
    input.push_back(0);
    input.insert(input.end(), data.begin(), data.end());
    auto digest = crypto::hmacSha256(m_indexKey.span(), input);
    CC_TRY(digest);
    return std::vector<std::uint8_t>(digest->begin(), digest->end());
}

Result<std::vector<std::uint8_t>> SourceIndex::key(std::string_view kind, const QString& sourceKey) const
{
    if (sourceKey.isEmpty())
        return makeError(ErrorCode::InvalidArgument, "a source index key needs a source id");
    return mac("cipherchart/source-id/v1", kind, sourceKey.toUtf8());
}

Result<std::vector<std::uint8_t>> SourceIndex::digest(std::string_view kind, const QByteArray& document) const
{
    return mac("cipherchart/source-doc/v1", kind, document);
}

} // namespace cc::records
