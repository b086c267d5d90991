// SPDX-License-Identifier: GPL-3.0-or-later
// The ACTG 315 trial table (Actg315Reader::readFile, what `import actg315` reads). Errors are only
// MalformedInput; on success every observation belongs to an imported patient and each visit
// gives its three observations (HIV-1 RNA in copies/mL and log10, CD4).
#include "core/crypto/Rng.h"
#include "core/interop/Actg315Reader.h"
#include "core/interop/UnitsCatalogue.h"
#include "tests/fuzz/FuzzFiles.h"
#include "tests/fuzz/FuzzTarget.h"

CC_FUZZ_TARGET(actg315)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data.data()), static_cast<qsizetype>(data.size()));
    const QString path = cc::fuzz::writeTemp(QStringLiteral("ACTG315.csv"), bytes);
    cc::crypto::DeterministicRng rng(1);
    auto read = cc::interop::Actg315Reader(cc::interop::UnitsCatalogue::builtIn(), rng).readFile(path);
    if (!read.ok()) {
        CC_FUZZ_CHECK(read.error().code == cc::ErrorCode::MalformedInput);
        return;
    }
    CC_FUZZ_CHECK(cc::fuzz::observationsHavePatients(*read));
    CC_FUZZ_CHECK(read->observations.size() == 3 * read->summary.count("visits"));
}
