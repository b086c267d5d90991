// SPDX-License-Identifier: GPL-3.0-or-later
// SyntheaReader over a whole folder: the input holds the six CSV files in the order below,
// separated by lines "@@" (a missing part is an empty file). Exercises the cross-file references.
#include "core/crypto/Rng.h"
#include "core/interop/SyntheaReader.h"
#include "core/interop/UnitsCatalogue.h"
#include "tests/fuzz/FuzzTarget.h"

#include <QFile>
#include <QTemporaryDir>

namespace {

constexpr const char* kFiles[] = {"patients.csv",     "encounters.csv",  "conditions.csv",
                                  "observations.csv", "medications.csv", "allergies.csv"};

} // namespace

CC_FUZZ_TARGET(synthea)
{
    static QTemporaryDir folder;
    CC_FUZZ_CHECK(folder.isValid());
    const QByteArray bytes(reinterpret_cast<const char*>(data.data()), static_cast<qsizetype>(data.size()));
    const QList<QByteArray> parts = bytes.split('\n');
    QByteArray current;
    std::size_t file = 0;
    auto flush = [&]() {
        QFile out(folder.filePath(QString::fromLatin1(kFiles[file])));
        CC_FUZZ_CHECK(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        CC_FUZZ_CHECK(out.write(current) == current.size());
        current.clear();
        ++file;
    };
    for (const QByteArray& line : parts) {
        if (line == "@@" && file + 1 < std::size(kFiles)) {
            flush();
            continue;
        }
        current += line;
        current += '\n';
    }
    while (file < std::size(kFiles))
        flush();
    cc::crypto::DeterministicRng rng(1);
    const cc::interop::SyntheaReader reader(cc::interop::UnitsCatalogue::builtIn(), rng, 256);
    auto read = reader.readFolder(folder.path());
    if (!read.ok())
        CC_FUZZ_CHECK(read.error().code == cc::ErrorCode::MalformedInput ||
                      read.error().code == cc::ErrorCode::Unsupported);
}
