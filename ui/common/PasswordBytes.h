// SPDX-License-Identifier: GPL-3.0-or-later
// A password from a line edit, as wiped UTF-8 bytes for the services.
#pragma once

#include "core/crypto/SecureBytes.h"

#include <QString>

namespace cc::ui {

/// UTF-8 bytes of `text` in wiped memory; the temporary QByteArray is overwritten before it is
/// freed. (QString's own buffer and the line edit's undo copy are Qt's; clear the field after use.)
[[nodiscard]] crypto::SecureBytes passwordBytes(const QString& text);

} // namespace cc::ui
