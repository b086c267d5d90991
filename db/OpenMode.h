// SPDX-License-Identifier: GPL-3.0-or-later
// How a clinic database file is opened.
#pragma once

namespace cc::db {

/// How Database::open treats the file.
enum class OpenMode {
    CreateIfMissing, ///< open read-write; create an empty, keyed database (mode 0600) if absent
    ExistingOnly,    ///< open read-write; NotFound if the file does not exist
    ReadOnly         ///< open read-only (journal mode left as stored); NotFound if absent
};

} // namespace cc::db
