// SPDX-License-Identifier: GPL-3.0-or-later
// FhirReader: JSON, nesting depth, resource mapping, references, codes, dates, units.
#include "core/crypto/Rng.h"
#include "core/interop/FhirReader.h"
#include "core/interop/UnitsCatalogue.h"
#include "tests/fuzz/FuzzTarget.h"

CC_FUZZ_TARGET(fhir)
{
    cc::crypto::DeterministicRng rng(1);
    const cc::interop::FhirReader reader(cc::interop::UnitsCatalogue::builtIn(), rng);
    const QByteArray bytes(reinterpret_cast<const char*>(data.data()), static_cast<qsizetype>(data.size()));
    auto read = reader.readBytes(bytes, QStringLiteral("fuzz.json"));
    if (!read.ok())
        CC_FUZZ_CHECK(read.error().code == cc::ErrorCode::MalformedInput ||
                      read.error().code == cc::ErrorCode::Unsupported);
}
