// SPDX-License-Identifier: GPL-3.0-or-later
// recovery.ccr and its replacement recovery.ccr.next in the clinic folder (ports::RecoveryRingStore).
#pragma once

#include "core/ports/RecoveryRingStore.h"

#include <string>

namespace cc::db {

/// The recovery ring's files of one clinic folder. Holds only the path of recovery.ccr; the
/// pending file is that path + ".next". The caller holds the clinic lock.
class RecoveryRingFile final : public ports::RecoveryRingStore
{
public:
    /// recovery.ccr holds one sealed key ring: a few hundred bytes.
    static constexpr std::size_t kMaxSize = 64 * 1024;

    explicit RecoveryRingFile(std::string path);

    [[nodiscard]] Result<ports::RecoveryRingFiles> load() const override;
    [[nodiscard]] Status stage(std::span<const std::uint8_t> sealed) override;
    [[nodiscard]] Status promote() override;
    [[nodiscard]] Status discard() override;

    /// `<dir>/recovery.ccr.next`.
    [[nodiscard]] std::string pendingPath() const { return m_path + ".next"; }

private:
    std::string m_path;
};

} // namespace cc::db
