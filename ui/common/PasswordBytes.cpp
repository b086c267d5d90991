// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/PasswordBytes.h"

#include <QByteArray>

namespace cc::ui {

crypto::SecureBytes passwordBytes(const QString& text)
{
    QByteArray utf8 = text.toUtf8();
    crypto::SecureBytes out(std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(utf8.constData()),
                                                          static_cast<std::size_t>(utf8.size())));
    crypto::secureWipe(utf8.data(), static_cast<std::size_t>(utf8.size()));
    return out;
}

} // namespace cc::ui
