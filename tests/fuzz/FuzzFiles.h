// SPDX-License-Identifier: GPL-3.0-or-later
// Helpers for fuzz targets whose parser reads a file by path: the input is written to a file in
// a temporary folder kept for the whole run.
#pragma once

#include "tests/fuzz/FuzzTarget.h"

#include <QFile>
#include <QTemporaryDir>

namespace cc::fuzz {

/// Writes `bytes` to `name` in the run's temporary folder and returns the file's path.
inline QString writeTemp(const QString& name, const QByteArray& bytes)
{
    static QTemporaryDir folder;
    CC_FUZZ_CHECK(folder.isValid());
    QFile out(folder.filePath(name));
    CC_FUZZ_CHECK(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
    CC_FUZZ_CHECK(out.write(bytes) == bytes.size());
    return out.fileName();
}

/// True if every observation of `records` belongs to one of its patients.
template <typename Import> bool observationsHavePatients(const Import& records)
{
    for (const auto& o : records.observations) {
        bool found = false;
        for (const auto& p : records.patients)
            found = found || p.id == o.patientId;
        if (!found)
            return false;
    }
    return true;
}

} // namespace cc::fuzz
