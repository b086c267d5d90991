// SPDX-License-Identifier: GPL-3.0-or-later
// Port: a unit of work over the clinic database, so a service's writes and its audit event commit together.
#pragma once

#include "core/Result.h"

#include <memory>
#include <string_view>

namespace cc::ports {

/// What the message of a failed commit ends with when the storage found that the commit took no
/// effect (db::Transaction, with the commit marker).
inline constexpr std::string_view kNothingSavedSuffix = "; nothing was saved";

/// An open transaction. Destroying it without commit() rolls back.
class StorageTransaction
{
public:
    virtual ~StorageTransaction() = default;
    /// Commits. Errors: StorageFull, StorageReadOnly, StorageBusy, StorageError.
    [[nodiscard]] virtual Status commit() = 0;
};

/// Starts transactions (IMMEDIATE: the write lock is taken at once).
class TransactionFactory
{
public:
    virtual ~TransactionFactory() = default;
    /// Errors: StorageBusy, StorageError.
    [[nodiscard]] virtual Result<std::unique_ptr<StorageTransaction>> begin() = 0;
};

} // namespace cc::ports
