// SPDX-License-Identifier: GPL-3.0-or-later
// The mapped-table import as the program runs it (ImportService: TableMapping::parse, then
// MappedTableReader::readFile). The input is the mapping file, a line "@@", then the CSV table.
// Errors are only MalformedInput; on success every observation belongs to an imported patient and
// every patient's source id is in the mapping's namespace.
#include "core/crypto/Rng.h"
#include "core/interop/MappedTableReader.h"
#include "core/interop/UnitsCatalogue.h"
#include "tests/fuzz/FuzzFiles.h"
#include "tests/fuzz/FuzzTarget.h"

CC_FUZZ_TARGET(mapped_table)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data.data()), static_cast<qsizetype>(data.size()));
    const qsizetype split = bytes.indexOf("\n@@\n");
    if (split < 0)
        return;
    const auto& catalogue = cc::interop::UnitsCatalogue::builtIn();
    auto mapping = cc::interop::TableMapping::parse(bytes.left(split), QStringLiteral("table.mapping.json"), catalogue);
    if (!mapping.ok())
        return; // the table_mapping target covers the mapping file
    const QString path = cc::fuzz::writeTemp(QStringLiteral("table.csv"), bytes.mid(split + 4));
    cc::crypto::DeterministicRng rng(1);
    auto read = cc::interop::MappedTableReader(catalogue, rng).readFile(path, *mapping);
    if (!read.ok()) {
        CC_FUZZ_CHECK(read.error().code == cc::ErrorCode::MalformedInput);
        return;
    }
    CC_FUZZ_CHECK(cc::fuzz::observationsHavePatients(*read));
    for (const auto& p : read->patients)
        CC_FUZZ_CHECK(p.sourceId.startsWith(mapping->source + ':'));
}
