// SPDX-License-Identifier: GPL-3.0-or-later
// Strict UTF-8 validation following the well-formed byte sequences of Unicode table 3-7.
#include "core/interop/Utf8.h"

namespace cc::interop {

qsizetype firstInvalidUtf8(QByteArrayView bytes) noexcept
{
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        const unsigned char b = p[i];
        if (b < 0x80) {
            ++i;
            continue;
        }
        int length = 0;
        unsigned char lo = 0x80;
        unsigned char hi = 0xBF;
        // The allowed range of the second byte excludes overlong forms (E0, F0), surrogates (ED)
        // and code points above U+10FFFF (F4); C0, C1 and F5..FF never occur.
        if (b >= 0xC2 && b <= 0xDF) {
            length = 2;
        } else if (b >= 0xE0 && b <= 0xEF) {
            length = 3;
            if (b == 0xE0)
                lo = 0xA0;
            if (b == 0xED)
                hi = 0x9F;
        } else if (b >= 0xF0 && b <= 0xF4) {
            length = 4;
            if (b == 0xF0)
                lo = 0x90;
            if (b == 0xF4)
                hi = 0x8F;
        } else {
            return i;
        }
        if (i + length > n)
            return i;
        if (p[i + 1] < lo || p[i + 1] > hi)
            return i;
        for (int k = 2; k < length; ++k) {
            if (p[i + k] < 0x80 || p[i + k] > 0xBF)
                return i;
        }
        i += length;
    }
    return -1;
}

} // namespace cc::interop
