// SPDX-License-Identifier: GPL-3.0-or-later
// CsvReader: RFC 4180 syntax, UTF-8, field and column limits, header mapping.
#include "core/interop/CsvReader.h"
#include "tests/fuzz/FuzzTarget.h"

#include <QBuffer>

CC_FUZZ_TARGET(csv)
{
    QByteArray bytes(reinterpret_cast<const char*>(data.data()), static_cast<qsizetype>(data.size()));
    QBuffer device(&bytes);
    device.open(QIODevice::ReadOnly);
    // A small field limit so the over-limit path is reachable with short inputs.
    cc::interop::CsvReader reader(device, QStringLiteral("fuzz.csv"), 64);
    if (!reader.readHeader().ok())
        return;
    const int id = reader.optionalColumn("Id");
    for (int records = 0; records < 10000; ++records) {
        auto more = reader.next();
        if (!more.ok() || !*more)
            return;
        CC_FUZZ_CHECK(reader.field(id).size() <= 64);
        CC_FUZZ_CHECK(reader.line() >= 2);
    }
}
