// SPDX-License-Identifier: GPL-3.0-or-later
// The clinic database's schema history, as numbered migrations.
#pragma once

#include "db/Migration.h"

#include <vector>

namespace cc::db {

/// All clinic schema migrations, oldest first; append new ones, never edit a released one.
/// 1: meta (non-PHI bookkeeping), audit_events (append-only: UPDATE, DELETE and an INSERT reusing
/// a sequence number, i.e. INSERT OR REPLACE, abort with "audit trail is append-only"), audit_state (the single row
/// holding the audit writer's chain head and current evolving MAC key, updated in place; secure_delete erases the old
/// key).
[[nodiscard]] const std::vector<Migration>& clinicMigrations();

} // namespace cc::db
