// SPDX-License-Identifier: GPL-3.0-or-later
#include "db/ObservationIndexRows.h"

#include "db/Statement.h"

#include <algorithm>

namespace cc::db {
namespace {

Status idInto(const Statement& stmt, int column, std::array<std::uint8_t, 16>& out)
{
    if (!stmt.columnBlobInto(column, out))
        return makeError(ErrorCode::IntegrityFailure, "a stored id is not 16 bytes");
    return {};
}

void assign(std::vector<std::uint8_t>& out, std::span<const std::uint8_t> bytes)
{
    out.assign(bytes.begin(), bytes.end()); // keeps the vector's capacity: no allocation once warm
}

} // namespace

Status visitObservationIndex(Statement& stmt, const std::function<Status(ports::ObservationIndexRow&)>& visit)
{
    // One row object for the whole pass, its buffers overwritten in place (a report reads every
    // row of the index: tests/bench/reports); the visitor copies, moves or swaps out what it keeps.
    ports::ObservationIndexRow row;
    for (;;) {
        auto more = stmt.step();
        CC_TRY(more);
        if (!*more)
            return {};
        CC_TRY(idInto(stmt, 0, row.rowId));
        CC_TRY(idInto(stmt, 1, row.patientRef.bytes));
        assign(row.codeToken, stmt.columnSpan(2));
        assign(row.sexToken, stmt.columnSpan(3));
        assign(row.ageBandToken, stmt.columnSpan(4));
        assign(row.yearToken, stmt.columnSpan(5));
        assign(row.consentToken, stmt.columnSpan(6));
        assign(row.paillier, stmt.columnSpan(7));
        assign(row.paillierMac, stmt.columnSpan(8));
        row.latest = stmt.columnInt64(9) != 0;
        CC_TRY(visit(row));
    }
}

} // namespace cc::db
