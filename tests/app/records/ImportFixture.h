// SPDX-License-Identifier: GPL-3.0-or-later
// Shared by the import tests: fixture folders copied to temporary folders, and homomorphic sums
// of stored index rows decrypted with the fixture's report key.
#pragma once

#include "core/paillier/Ciphertext.h"
#include "core/paillier/KeyFile.h"
#include "core/paillier/Paillier.h"
#include "core/paillier/PrivateKey.h"
#include "core/records/BlindToken.h"
#include "core/records/ObservationIndexer.h"
#include "core/records/ObservationLayout.h"
#include "core/services/ObservationService.h"
#include "core/services/PatientService.h"
#include "db/Database.h"
#include "tests/support/TestClinic.h"

#include <QDir>
#include <QFile>

namespace cc::test {

inline QString dataPath(const QString& relative)
{
    return QStringLiteral(CC_TEST_DATA_DIR) + QLatin1Char('/') + relative;
}

/// Copies tests/data/<from> into `to` (tests never write to the fixtures).
inline bool copyFolder(const QString& from, const QString& to)
{
    QDir src(dataPath(from));
    for (const QString& name : src.entryList(QDir::Files))
        if (!QFile::copy(src.filePath(name), to + QLatin1Char('/') + name))
            return false;
    return true;
}

/// The number of rows of `table` (9999 if it cannot be read, so a comparison fails loudly).
inline std::size_t rowCount(TestClinic& t, const char* table)
{
    auto stmt = t.store().database().prepare(std::string("SELECT count(*) FROM ") + table + ";");
    if (!stmt || !stmt->step().ok())
        return 9999;
    return static_cast<std::size_t>(stmt->columnInt64(0));
}

/// Decrypts the homomorphic sum of every (or every latest) stored ciphertext of `code` in
/// `layout` with the fixture's private key, after checking each row MAC. Rows without a Paillier
/// value are left out; a row of another layout is an error (KeyMismatch). KeyMismatch also if the
/// ceremony did not deal the fixture key.
inline Result<paillier::PackedSum> decryptedSum(TestClinic& t, const QString& code,
                                                const paillier::PackedLayout& layout, bool latestOnly)
{
    auto priv = paillier::KeyFile::readPrivate(readTestData("paillier/test-key-2048.json"));
    CC_TRY(priv);
    auto ring = t.clinic().keys();
    CC_TRY(ring);
    const auto& indexKey = (*ring)->find(access::KeyKind::Index)->secret;
    auto token = records::BlindToken::compute(indexKey, records::TokenDimension::ObservationCode, code.toStdString());
    CC_TRY(token);
    auto rows = t.store().clinical().indexByCode({token->begin(), token->end()});
    CC_TRY(rows);
    auto clinicKey = services::ObservationService::reportKey(t.clinic());
    CC_TRY(clinicKey);
    if (clinicKey->modulus() != priv->publicKey().modulus())
        return makeError(ErrorCode::KeyMismatch, "the clinic's report key is not the fixture key");
    std::vector<paillier::Ciphertext> cts;
    for (const auto& r : *rows) {
        if ((latestOnly && !r.latest) || r.paillier.empty())
            continue;
        auto mac = records::ObservationIndexer::rowMac(indexKey, r.rowId, r.paillier);
        CC_TRY(mac);
        if (!crypto::constantTimeEqual(*mac, r.paillierMac))
            return makeError(ErrorCode::IntegrityFailure, "row MAC");
        auto ct = paillier::Ciphertext::fromBytes(*clinicKey, r.paillier, layout.id());
        CC_TRY(ct);
        cts.push_back(std::move(*ct));
    }
    auto total = layout.sum(*clinicKey, cts);
    CC_TRY(total);
    // Same modulus, different key label (the dealt key carries its own id): relabel for decryption.
    auto relabelled = paillier::Ciphertext::fromDecimal(priv->publicKey(), total->toDecimal(), layout.id());
    CC_TRY(relabelled);
    auto plain = paillier::decrypt(*priv, *relabelled);
    CC_TRY(plain);
    return layout.decode(*plain);
}

/// The decrypted homomorphic sum of every (or every latest) ciphertext of catalogue `code`.
inline Result<paillier::PackedSum> catalogueSum(TestClinic& t, const QString& code, bool latestOnly)
{
    auto layout = records::ObservationLayout::forCode(interop::UnitsCatalogue::builtIn(), code);
    CC_TRY(layout);
    return decryptedSum(t, code, *layout, latestOnly);
}

/// A packed sum of catalogue `code` in its canonical unit.
inline double decodedSum(const QString& code, const paillier::PackedSum& s)
{
    const auto* def = interop::UnitsCatalogue::builtIn().find(code);
    return (static_cast<double>(s.sum) - static_cast<double>(s.count) * static_cast<double>(def->offset())) /
           static_cast<double>(def->scale());
}

/// Count and sum of the values of one code.
struct Figures
{
    std::size_t n = 0;
    double sum = 0;
};

/// Plaintext figures of one code over the logged-in doctor's patients, from decrypted documents:
/// all values, and the latest per patient.
inline std::pair<Figures, Figures> figures(TestClinic& t, const QString& code)
{
    Figures all, latest;
    auto patients = services::PatientService(t.clinic()).list();
    if (!patients)
        return {};
    for (const auto& p : *patients) {
        auto obs = services::ObservationService(t.clinic()).list(p.id, code);
        if (!obs)
            return {};
        for (const auto& e : *obs) {
            ++all.n;
            all.sum += *e.observation.value;
            if (e.latest) {
                ++latest.n;
                latest.sum += *e.observation.value;
            }
        }
    }
    return {all, latest};
}

} // namespace cc::test
