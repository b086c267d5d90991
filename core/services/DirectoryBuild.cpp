// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/DirectoryBuild.h"

#include "core/access/KeyRing.h"
#include "core/paillier/Parallel.h"
#include "core/records/PatientKeys.h"
#include "core/services/ClinicService.h"
#include "core/services/PatientDirectory.h"
#include "core/services/PatientService.h"

#include <algorithm>
#include <optional>

namespace cc::services {

DirectoryBuild::DirectoryBuild() = default;

DirectoryBuild::~DirectoryBuild() = default;

Result<std::unique_ptr<DirectoryBuild>> DirectoryBuild::prepare(ClinicService& clinic)
{
    auto ring = clinic.keys(); // polls the session: a lock that is due happens now, not during decode()
    CC_TRY(ring);
    const access::KeyEntry* identity = (*ring)->find(access::KeyKind::IdentityCategory);
    if (identity == nullptr)
        return makeError(ErrorCode::AccessDenied, "this session holds no identity category key");
    std::unique_ptr<DirectoryBuild> build(new DirectoryBuild());
    build->m_ring = std::make_unique<access::KeyRing>();
    CC_TRY(build->m_ring->add(access::KeyKind::IdentityCategory, identity->keyId, identity->version,
                              identity->secret.clone()));
    build->m_epoch = clinic.patientDirectory().epoch();
    return build;
}

Result<bool> DirectoryBuild::readMore(ClinicService& clinic, std::size_t limit)
{
    if (m_readAll)
        return true;
    if (clinic.patientDirectory().epoch() != m_epoch)
        return makeError(ErrorCode::Cancelled, "the session's patient directory changed during the build");
    std::optional<access::PatientId> after;
    if (!m_rows.empty())
        after = m_rows.back().id;
    auto page = clinic.backend().patients().listAfter(after, std::max<std::size_t>(limit, 1));
    CC_TRY(page);
    m_readAll = page->size() < std::max<std::size_t>(limit, 1);
    for (auto& row : *page)
        m_rows.push_back(std::move(row));
    return m_readAll;
}

Status DirectoryBuild::decode(unsigned threads)
{
    if (m_decoded || !m_ring || !m_readAll)
        return makeError(ErrorCode::InvalidArgument, "the directory build is not ready to decode");
    // Each worker writes only its own slots; the first error in row order wins, so the message
    // does not depend on scheduling.
    std::vector<std::optional<model::Patient>> patients(m_rows.size());
    std::vector<std::optional<Error>> errors(m_rows.size());
    paillier::detail::parallelChunks(
        m_rows.size(), paillier::detail::threadCount(threads), [&](std::size_t begin, std::size_t end, unsigned) {
            for (std::size_t i = begin; i < end; ++i) {
                const ports::PatientRow& row = m_rows[i];
                auto key = records::PatientKeys::unwrap(*m_ring, records::PatientKeyKind::Identity, row.id,
                                                        row.identityKeyId, row.identityKeyWrapped);
                auto patient = key ? PatientService::openIdentity(row, *key) : Result<model::Patient>(key.error());
                if (!patient) {
                    errors[i] = patient.error();
                    return; // this worker stops; the others finish their chunks
                }
                patients[i] = std::move(*patient);
            }
        });
    m_ring.reset(); // the key copy is wiped as soon as it is no longer needed
    for (const auto& e : errors)
        if (e)
            return *e;
    auto directory = std::make_unique<PatientDirectory>();
    for (auto& p : patients)
        directory->put(*p);
    directory->markBuilt();
    m_directory = std::move(directory);
    m_rows.clear();
    m_decoded = true;
    return {};
}

Result<bool> DirectoryBuild::install(ClinicService& clinic)
{
    if (!m_decoded || !m_directory)
        return makeError(ErrorCode::InvalidArgument, "the directory build has not been decoded");
    PatientDirectory& session = clinic.patientDirectory();
    if (clinic.session() == nullptr || session.epoch() != m_epoch)
        return false; // locked, expired or logged out since prepare(): the build is discarded (and wiped)
    if (session.isBuilt())
        return false; // built meanwhile on the session's thread, and kept up to date there since
    session.swapContents(*m_directory);
    m_directory.reset(); // the session's empty directory that was swapped out
    return true;
}

} // namespace cc::services
