// SPDX-License-Identifier: GPL-3.0-or-later
// Strict UTF-8 validation of outside input.
#pragma once

#include <QByteArrayView>

namespace cc::interop {

/// The offset of the first byte that is not well-formed UTF-8, or -1 if all of `bytes` is.
/// Strict per RFC 3629 section 4 and Unicode table 3-7: no overlong forms, no surrogates
/// (U+D800..U+DFFF), nothing above U+10FFFF, no truncated sequence at the end.
[[nodiscard]] qsizetype firstInvalidUtf8(QByteArrayView bytes) noexcept;

} // namespace cc::interop
