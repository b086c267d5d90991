// SPDX-License-Identifier: GPL-3.0-or-later
// The mapping file of the mapped-table import (TableMapping::parse, what `import table --mapping`
// and the GUI's import dialog read; docs/CLINICAL_DATA.md "Mapped tables"). On success: a patient
// id column, at least one and at most the limit of measurements, and every column the mapping
// reads named with its mapping field.
#include "core/interop/TableMapping.h"
#include "core/interop/UnitsCatalogue.h"
#include "tests/fuzz/FuzzTarget.h"

CC_FUZZ_TARGET(table_mapping)
{
    const QByteArray json(reinterpret_cast<const char*>(data.data()), static_cast<qsizetype>(data.size()));
    auto mapping = cc::interop::TableMapping::parse(json, QStringLiteral("table.mapping.json"),
                                                    cc::interop::UnitsCatalogue::builtIn());
    if (!mapping.ok()) {
        const auto code = mapping.error().code;
        CC_FUZZ_CHECK(code == cc::ErrorCode::MalformedInput || code == cc::ErrorCode::Unsupported);
        return;
    }
    CC_FUZZ_CHECK(!mapping->idColumn.isEmpty() && !mapping->source.isEmpty());
    CC_FUZZ_CHECK(!mapping->measurements.empty() &&
                  mapping->measurements.size() <= cc::interop::TableMapping::kMaxMeasurements);
    for (const auto& [column, field] : mapping->columns())
        CC_FUZZ_CHECK(!column.isEmpty() && !field.isEmpty());
}
