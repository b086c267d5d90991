// SPDX-License-Identifier: GPL-3.0-or-later
#include "db/ObservationIndexRows.h"

#include "db/Statement.h"

#include <algorithm>

namespace cc::db {
namespace {

Result<RowId> idAt(const Statement& stmt, int column)
{
    const std::vector<std::uint8_t> blob = stmt.columnBlob(column);
    RowId id{};
    if (blob.size() != id.size())
        return makeError(ErrorCode::IntegrityFailure, "a stored id is not 16 bytes");
    std::copy(blob.begin(), blob.end(), id.begin());
    return id;
}

} // namespace

Status visitObservationIndex(Statement& stmt, const std::function<Status(ports::ObservationIndexRow&&)>& visit)
{
    for (;;) {
        auto more = stmt.step();
        CC_TRY(more);
        if (!*more)
            return {};
        ports::ObservationIndexRow row;
        auto id = idAt(stmt, 0);
        CC_TRY(id);
        row.rowId = *id;
        auto patient = idAt(stmt, 1);
        CC_TRY(patient);
        row.patientRef.bytes = *patient;
        row.codeToken = stmt.columnBlob(2);
        row.sexToken = stmt.columnBlob(3);
        row.ageBandToken = stmt.columnBlob(4);
        row.yearToken = stmt.columnBlob(5);
        row.consentToken = stmt.columnBlob(6);
        row.paillier = stmt.columnBlob(7);
        row.paillierMac = stmt.columnBlob(8);
        row.latest = stmt.columnInt64(9) != 0;
        CC_TRY(visit(std::move(row)));
    }
}

} // namespace cc::db
