// SPDX-License-Identifier: GPL-3.0-or-later
// Random 128-bit row ids: creation and hex form.
#include "core/model/RowId.h"

#include "core/crypto/Rng.h"

#include <QByteArray>

namespace cc::model {

IdBytes newIdBytes(crypto::Rng& rng)
{
    IdBytes id{};
    rng.fill(id);
    return id;
}

QString rowIdToHex(const IdBytes& id)
{
    const QByteArray raw(reinterpret_cast<const char*>(id.data()), static_cast<qsizetype>(id.size()));
    return QString::fromLatin1(raw.toHex());
}

Result<IdBytes> idBytesFromHex(QStringView text)
{
    if (text.size() != 2 * static_cast<qsizetype>(kIdSize))
        return malformed("a row id has 32 hexadecimal digits", {}, 0, "id");
    for (const QChar c : text) {
        const bool hex = (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
        if (!hex)
            return malformed("a row id has 32 hexadecimal digits", {}, 0, "id");
    }
    const QByteArray raw = QByteArray::fromHex(text.toLatin1());
    IdBytes id{};
    for (std::size_t i = 0; i < id.size(); ++i)
        id[i] = static_cast<std::uint8_t>(raw[static_cast<qsizetype>(i)]);
    return id;
}

} // namespace cc::model
