// SPDX-License-Identifier: GPL-3.0-or-later
// A clinic database as it was before SQLCipher's pages grew to 32 KB (docs/STORAGE.md, "Page size"):
// for the tests of `storage upgrade` and of that rewrite under faults.
#pragma once

#include "core/crypto/SecureBytes.h"

#include <string>

namespace cc::test {

/// Rewrites `path` (closed) at the legacy 4 KB page size under the same key, as a clinic created
/// before the change has it: sqlcipher_export into a 4 KB-page file, then renamed over. False (with a
/// warning) on any failure.
[[nodiscard]] bool makeLegacy(const std::string& path, const crypto::SecureBytes& dbk);

} // namespace cc::test
