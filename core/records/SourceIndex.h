// SPDX-License-Identifier: GPL-3.0-or-later
// Keyed source ids and document digests of imported records (re-import without duplicates).
#pragma once

#include "core/Result.h"
#include "core/crypto/SecureBytes.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <string_view>
#include <vector>

namespace cc::records {

/// The two HMACs the source index stores for an imported record, both under the clinic's index
/// key (which only staff hold), so the table reveals neither source ids nor contents:
///   key    = HMAC-SHA-256(index key, "cipherchart/source-id/v1" ‖ 0 ‖ kind ‖ 0 ‖ source key)
///   digest = HMAC-SHA-256(index key, "cipherchart/source-doc/v1" ‖ 0 ‖ kind ‖ 0 ‖ document)
/// The source key names the record in its source system, scoped by its patient (for example the
/// patient's source id and birth date, then the observation's source id); the document is the
/// record's canonical JSON, which holds no row ids, so the same record imported twice has the
/// same digest and a changed one a different digest.
class SourceIndex
{
public:
    /// Holds a reference to `indexKey`, which must outlive this object.
    explicit SourceIndex(const crypto::SecureBytes& indexKey) : m_indexKey(indexKey) {}

    /// The lookup key of a record. Errors: InvalidArgument (empty kind or source key), CryptoFailure.
    [[nodiscard]] Result<std::vector<std::uint8_t>> key(std::string_view kind, const QString& sourceKey) const;
    /// The digest of a record's document. Errors: InvalidArgument (empty kind), CryptoFailure.
    [[nodiscard]] Result<std::vector<std::uint8_t>> digest(std::string_view kind, const QByteArray& document) const;

private:
    Result<std::vector<std::uint8_t>> mac(std::string_view label, std::string_view kind, const QByteArray& data) const;
    const crypto::SecureBytes& m_indexKey;
};

} // namespace cc::records
