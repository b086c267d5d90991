// SPDX-License-Identifier: GPL-3.0-or-later
// Clinical rows and observation index rows as opaque bytes.
#include "db/SqlClinicalStore.h"

#include "core/records/IndexDigester.h"
#include "core/records/IndexSeal.h"
#include "db/Database.h"
#include "db/IndexChangeTracker.h"
#include "db/ObservationIndexRows.h"

#include <algorithm>

namespace cc::db {

namespace {

constexpr std::string_view kSelectRow = "SELECT id, patient_ref, encounter_id, kind, doc FROM clinical_rows";

Result<RowId> idColumn(const Statement& stmt, int column)
{
    const std::vector<std::uint8_t> blob = stmt.columnBlob(column);
    RowId id{};
    if (blob.size() != id.size())
        return makeError(ErrorCode::IntegrityFailure, "a stored id is not 16 bytes");
    std::copy(blob.begin(), blob.end(), id.begin());
    return id;
}

Status bindOptional(Statement& stmt, int index, const std::vector<std::uint8_t>& value)
{
    return value.empty() ? stmt.bindNull(index) : stmt.bindBlob(index, value);
}

Result<access::PatientRef> refColumn(const Statement& stmt, int column)
{
    auto id = idColumn(stmt, column);
    CC_TRY(id);
    access::PatientRef ref;
    ref.bytes = *id;
    return ref;
}

Result<std::vector<ports::ClinicalRow>> readRows(Statement& stmt)
{
    std::vector<ports::ClinicalRow> rows;
    for (;;) {
        auto more = stmt.step();
        CC_TRY(more);
        if (!*more)
            return rows;
        ports::ClinicalRow row;
        auto id = idColumn(stmt, 0);
        CC_TRY(id);
        row.id = *id;
        auto patient = refColumn(stmt, 1);
        CC_TRY(patient);
        row.patientRef = *patient;
        if (!stmt.isNull(2)) {
            auto encounter = idColumn(stmt, 2);
            CC_TRY(encounter);
            row.encounterId = *encounter;
        }
        const auto kind = ports::clinicalKindFromName(stmt.columnText(3));
        if (!kind)
            return makeError(ErrorCode::IntegrityFailure, "a clinical row has an unknown kind");
        row.kind = *kind;
        row.document = stmt.columnBlob(4);
        rows.push_back(std::move(row));
    }
}

Result<std::vector<ports::ObservationIndexRow>> readIndex(Statement& stmt)
{
    std::vector<ports::ObservationIndexRow> rows;
    CC_TRY(visitObservationIndex(stmt, [&](ports::ObservationIndexRow& row) -> Status {
        rows.push_back(std::move(row));
        return {};
    }));
    return rows;
}

} // namespace

Status SqlClinicalStore::insertRow(const ports::ClinicalRow& row)
{
    auto stmt = m_db.prepare("INSERT INTO clinical_rows (id, patient_ref, encounter_id, kind, doc) "
                             "VALUES (?1, ?2, ?3, ?4, ?5);");
    CC_TRY(stmt);
    CC_TRY(stmt->bindBlob(1, row.id));
    CC_TRY(stmt->bindBlob(2, row.patientRef.bytes));
    if (row.encounterId)
        CC_TRY(stmt->bindBlob(3, *row.encounterId));
    else
        CC_TRY(stmt->bindNull(3));
    CC_TRY(stmt->bindText(4, ports::clinicalKindName(row.kind)));
    CC_TRY(stmt->bindBlob(5, row.document));
    auto done = stmt->step();
    CC_TRY(done);
    noteChart(row.patientRef, row.id);
    return {};
}

Status SqlClinicalStore::insertIndex(const ports::ObservationIndexRow& row)
{
    auto stmt = m_db.prepare("INSERT INTO observation_index (row_id, patient_ref, code_token, sex_token, "
                             "age_band_token, year_token, consent_token, paillier, paillier_mac, latest) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10);");
    CC_TRY(stmt);
    CC_TRY(stmt->bindBlob(1, row.rowId));
    CC_TRY(stmt->bindBlob(2, row.patientRef.bytes));
    CC_TRY(stmt->bindBlob(3, row.codeToken));
    CC_TRY(bindOptional(*stmt, 4, row.sexToken));
    CC_TRY(bindOptional(*stmt, 5, row.ageBandToken));
    CC_TRY(bindOptional(*stmt, 6, row.yearToken));
    CC_TRY(bindOptional(*stmt, 7, row.consentToken));
    CC_TRY(bindOptional(*stmt, 8, row.paillier));
    CC_TRY(bindOptional(*stmt, 9, row.paillierMac));
    CC_TRY(stmt->bindInt64(10, row.latest ? 1 : 0));
    CC_TRY(checkTracking());
    auto done = stmt->step();
    CC_TRY(done);
    return noteChange({}, records::observationDelta(row, +1));
}

Status SqlClinicalStore::updateRow(const RowId& rowId, const std::vector<std::uint8_t>& document)
{
    auto owner = ownerOf(rowId);
    CC_TRY(owner);
    auto stmt = m_db.prepare("UPDATE clinical_rows SET doc = ?2 WHERE id = ?1;");
    CC_TRY(stmt);
    CC_TRY(stmt->bindBlob(1, rowId));
    CC_TRY(stmt->bindBlob(2, document));
    auto done = stmt->step();
    CC_TRY(done);
    if (m_db.changes() == 0 || !*owner)
        return makeError(ErrorCode::NotFound, "no clinical row with this id");
    noteChart(**owner, rowId);
    return {};
}

Result<std::optional<access::PatientRef>> SqlClinicalStore::ownerOf(const RowId& rowId) const
{
    auto stmt = m_db.prepare("SELECT patient_ref FROM clinical_rows WHERE id = ?1;");
    CC_TRY(stmt);
    CC_TRY(stmt->bindBlob(1, rowId));
    auto more = stmt->step();
    CC_TRY(more);
    if (!*more)
        return std::optional<access::PatientRef>{};
    auto ref = refColumn(*stmt, 0);
    CC_TRY(ref);
    return std::optional<access::PatientRef>{*ref};
}

void SqlClinicalStore::noteChart(const access::PatientRef& patient, const RowId& row)
{
    if (m_indexChanges != nullptr)
        m_indexChanges->noteChart(patient, row);
}

Result<std::optional<std::vector<std::uint8_t>>>
SqlClinicalStore::chartManifest(const access::PatientRef& patient) const
{
    auto stmt = m_db.prepare("SELECT manifest FROM chart_manifests WHERE patient_ref = ?1;");
    CC_TRY(stmt);
    CC_TRY(stmt->bindBlob(1, patient.bytes));
    auto more = stmt->step();
    CC_TRY(more);
    if (!*more)
        return std::optional<std::vector<std::uint8_t>>{};
    const auto bytes = stmt->columnBlob(0);
    return std::optional<std::vector<std::uint8_t>>{std::vector<std::uint8_t>(bytes.begin(), bytes.end())};
}

Status SqlClinicalStore::putChartManifest(const access::PatientRef& patient, const std::vector<std::uint8_t>& manifest)
{
    CC_TRY(checkTracking());
    auto before = chartManifest(patient);
    CC_TRY(before);
    ports::IndexDigest beforeDigest;
    if (*before)
        beforeDigest = records::chartManifestDelta(patient.bytes, **before, +1);
    auto stmt = m_db.prepare(manifest.empty() ? "DELETE FROM chart_manifests WHERE patient_ref = ?1;"
                                              : "INSERT OR REPLACE INTO chart_manifests (patient_ref, manifest) "
                                                "VALUES (?1, ?2);");
    CC_TRY(stmt);
    CC_TRY(stmt->bindBlob(1, patient.bytes));
    if (!manifest.empty())
        CC_TRY(stmt->bindBlob(2, manifest));
    auto done = stmt->step();
    CC_TRY(done);
    ports::IndexDigest afterDigest;
    if (!manifest.empty())
        afterDigest = records::chartManifestDelta(patient.bytes, manifest, +1);
    return noteChange(beforeDigest, afterDigest);
}

Status SqlClinicalStore::updateIndex(const ports::ObservationIndexRow& row)
{
    auto stmt = m_db.prepare("UPDATE observation_index SET code_token = ?2, sex_token = ?3, age_band_token = ?4, "
                             "year_token = ?5, consent_token = ?6, paillier = ?7, paillier_mac = ?8, latest = ?9 "
                             "WHERE row_id = ?1;");
    CC_TRY(stmt);
    CC_TRY(stmt->bindBlob(1, row.rowId));
    CC_TRY(stmt->bindBlob(2, row.codeToken));
    CC_TRY(bindOptional(*stmt, 3, row.sexToken));
    CC_TRY(bindOptional(*stmt, 4, row.ageBandToken));
    CC_TRY(bindOptional(*stmt, 5, row.yearToken));
    CC_TRY(bindOptional(*stmt, 6, row.consentToken));
    CC_TRY(bindOptional(*stmt, 7, row.paillier));
    CC_TRY(bindOptional(*stmt, 8, row.paillierMac));
    CC_TRY(stmt->bindInt64(9, row.latest ? 1 : 0));
    CC_TRY(checkTracking());
    auto before = digestWhere("row_id", row.rowId);
    CC_TRY(before);
    auto done = stmt->step();
    CC_TRY(done);
    if (m_db.changes() == 0)
        return makeError(ErrorCode::NotFound, "no observation index row with this id");
    auto after = digestWhere("row_id", row.rowId);
    CC_TRY(after);
    return noteChange(*before, *after);
}

Result<std::size_t> SqlClinicalStore::setConsentToken(const access::PatientRef& patient,
                                                      const std::vector<std::uint8_t>& token)
{
    auto stmt = m_db.prepare("UPDATE observation_index SET consent_token = ?2 WHERE patient_ref = ?1;");
    CC_TRY(stmt);
    CC_TRY(stmt->bindBlob(1, patient.bytes));
    CC_TRY(bindOptional(*stmt, 2, token));
    CC_TRY(checkTracking());
    auto before = digestWhere("patient_ref", patient.bytes);
    CC_TRY(before);
    auto done = stmt->step();
    CC_TRY(done);
    const auto changed = static_cast<std::size_t>(m_db.changes());
    auto after = digestWhere("patient_ref", patient.bytes);
    CC_TRY(after);
    CC_TRY(noteChange(*before, *after));
    return changed;
}

Result<std::optional<ports::ClinicalRow>> SqlClinicalStore::findRow(const RowId& rowId) const
{
    auto stmt = m_db.prepare(std::string(kSelectRow) + " WHERE id = ?1;");
    CC_TRY(stmt);
    CC_TRY(stmt->bindBlob(1, rowId));
    auto rows = readRows(*stmt);
    CC_TRY(rows);
    if (rows->empty())
        return std::optional<ports::ClinicalRow>{};
    return std::optional<ports::ClinicalRow>{std::move(rows->front())};
}

Result<std::vector<ports::ClinicalRow>> SqlClinicalStore::rowsOf(const access::PatientRef& patient,
                                                                 std::optional<ports::ClinicalKind> kind) const
{
    auto stmt = m_db.prepare(std::string(kSelectRow) + (kind ? " WHERE patient_ref = ?1 AND kind = ?2 ORDER BY id;"
                                                             : " WHERE patient_ref = ?1 ORDER BY id;"));
    CC_TRY(stmt);
    CC_TRY(stmt->bindBlob(1, patient.bytes));
    if (kind)
        CC_TRY(stmt->bindText(2, ports::clinicalKindName(*kind)));
    return readRows(*stmt);
}

Result<std::vector<ports::ObservationIndexRow>>
SqlClinicalStore::indexOf(const access::PatientRef& patient, const std::vector<std::uint8_t>& codeToken) const
{
    auto stmt = m_db.prepare(std::string(kSelectObservationIndex) +
                             (codeToken.empty() ? " WHERE patient_ref = ?1 ORDER BY row_id;"
                                                : " WHERE patient_ref = ?1 AND code_token = ?2 ORDER BY row_id;"));
    CC_TRY(stmt);
    CC_TRY(stmt->bindBlob(1, patient.bytes));
    if (!codeToken.empty())
        CC_TRY(stmt->bindBlob(2, codeToken));
    return readIndex(*stmt);
}

Result<std::vector<ports::ObservationIndexRow>>
SqlClinicalStore::indexByCode(const std::vector<std::uint8_t>& codeToken) const
{
    auto stmt = m_db.prepare(std::string(kSelectObservationIndex) + " WHERE code_token = ?1 ORDER BY row_id;");
    CC_TRY(stmt);
    CC_TRY(stmt->bindBlob(1, codeToken));
    return readIndex(*stmt);
}

Status SqlClinicalStore::setLatest(const RowId& rowId, bool latest)
{
    auto stmt = m_db.prepare("UPDATE observation_index SET latest = ?2 WHERE row_id = ?1;");
    CC_TRY(stmt);
    CC_TRY(stmt->bindBlob(1, rowId));
    CC_TRY(stmt->bindInt64(2, latest ? 1 : 0));
    CC_TRY(checkTracking());
    auto before = digestWhere("row_id", rowId);
    CC_TRY(before);
    auto done = stmt->step();
    CC_TRY(done);
    if (m_db.changes() == 0)
        return makeError(ErrorCode::NotFound, "no observation index row with this id");
    auto after = digestWhere("row_id", rowId);
    CC_TRY(after);
    return noteChange(*before, *after);
}

Status SqlClinicalStore::deleteRow(const RowId& rowId)
{
    auto owner = ownerOf(rowId);
    CC_TRY(owner);
    if (*owner)
        noteChart(**owner, rowId);
    auto before = digestWhere("row_id", rowId);
    CC_TRY(before);
    if (before->observationRows != 0 || before->conditionRows != 0)
        CC_TRY(checkTracking());
    for (const char* sql :
         {"DELETE FROM observation_index WHERE row_id = ?1;", "DELETE FROM condition_tokens WHERE row_id = ?1;"}) {
        auto dependent = m_db.prepare(sql);
        CC_TRY(dependent);
        CC_TRY(dependent->bindBlob(1, rowId));
        auto done = dependent->step();
        CC_TRY(done);
    }
    auto stmt = m_db.prepare("DELETE FROM clinical_rows WHERE id = ?1;");
    CC_TRY(stmt);
    CC_TRY(stmt->bindBlob(1, rowId));
    auto done = stmt->step();
    CC_TRY(done);
    if (m_db.changes() == 0)
        return makeError(ErrorCode::NotFound, "no clinical row with this id");
    if (before->observationRows == 0 && before->conditionRows == 0)
        return {};
    return noteChange(*before, {});
}

Status SqlClinicalStore::setConditionToken(const RowId& rowId, const std::vector<std::uint8_t>& token)
{
    if (!token.empty() && token.size() != 16)
        return makeError(ErrorCode::InvalidArgument, "a condition token is 16 bytes");
    CC_TRY(checkTracking());
    auto before = digestWhere("row_id", rowId);
    CC_TRY(before);
    // The token row takes the condition row's own patient reference, so the two cannot differ.
    auto remove = m_db.prepare("DELETE FROM condition_tokens WHERE row_id = ?1;");
    CC_TRY(remove);
    CC_TRY(remove->bindBlob(1, rowId));
    auto removed = remove->step();
    CC_TRY(removed);
    auto stmt = m_db.prepare(token.empty() ? "SELECT 1 FROM clinical_rows WHERE id = ?1 AND kind = 'condition';"
                                           : "INSERT INTO condition_tokens (row_id, patient_ref, token) "
                                             "SELECT id, patient_ref, ?2 FROM clinical_rows "
                                             "WHERE id = ?1 AND kind = 'condition';");
    CC_TRY(stmt);
    CC_TRY(stmt->bindBlob(1, rowId));
    if (!token.empty())
        CC_TRY(stmt->bindBlob(2, token));
    auto row = stmt->step();
    CC_TRY(row);
    if (token.empty() ? !*row : m_db.changes() == 0)
        return makeError(ErrorCode::NotFound, "no condition row with this id");
    auto after = digestWhere("row_id", rowId);
    CC_TRY(after);
    return noteChange(*before, *after);
}

Result<std::size_t> SqlClinicalStore::replacePatientRef(const access::PatientRef& from, const access::PatientRef& to)
{
    CC_TRY(checkTracking());
    // Rows already under `to` stay; those moved from `from` leave it and join `to`.
    auto beforeFrom = digestWhere("patient_ref", from.bytes);
    CC_TRY(beforeFrom);
    auto beforeTo = digestWhere("patient_ref", to.bytes);
    CC_TRY(beforeTo);
    std::size_t changed = 0;
    for (const char* sql : {"UPDATE clinical_rows SET patient_ref = ?2 WHERE patient_ref = ?1;",
                            "UPDATE observation_index SET patient_ref = ?2 WHERE patient_ref = ?1;",
                            "UPDATE condition_tokens SET patient_ref = ?2 WHERE patient_ref = ?1;"}) {
        auto stmt = m_db.prepare(sql);
        CC_TRY(stmt);
        CC_TRY(stmt->bindBlob(1, from.bytes));
        CC_TRY(stmt->bindBlob(2, to.bytes));
        auto done = stmt->step();
        CC_TRY(done);
        if (std::string_view(sql).find("condition_tokens") == std::string_view::npos)
            changed += static_cast<std::size_t>(m_db.changes());
    }
    auto afterTo = digestWhere("patient_ref", to.bytes);
    CC_TRY(afterTo);
    ports::IndexDigest before = *beforeFrom;
    before.add(*beforeTo);
    CC_TRY(noteChange(before, *afterTo));
    // The manifest under `from` goes; the one of `to` is written again at commit from the rows.
    CC_TRY(putChartManifest(from, {}));
    if (m_indexChanges != nullptr)
        m_indexChanges->noteChartMoved(to);
    return changed;
}

Result<std::vector<access::PatientRef>> SqlClinicalStore::patientRefs() const
{
    auto stmt = m_db.prepare("SELECT DISTINCT patient_ref FROM clinical_rows ORDER BY patient_ref;");
    CC_TRY(stmt);
    std::vector<access::PatientRef> out;
    for (;;) {
        auto more = stmt->step();
        CC_TRY(more);
        if (!*more)
            return out;
        auto ref = refColumn(*stmt, 0);
        CC_TRY(ref);
        out.push_back(*ref);
    }
}

Result<std::size_t> SqlClinicalStore::countRows() const
{
    auto stmt = m_db.prepare("SELECT count(*) FROM clinical_rows;");
    CC_TRY(stmt);
    auto row = stmt->step();
    CC_TRY(row);
    return static_cast<std::size_t>(stmt->columnInt64(0));
}

Result<ports::IndexDigest> SqlClinicalStore::digestWhere(std::string_view column,
                                                         std::span<const std::uint8_t> key) const
{
    const std::string where = key.empty() ? std::string(";") : " WHERE " + std::string(column) + " = ?1;";
    ports::IndexDigest digest;
    auto index = m_db.prepare(std::string(kSelectObservationIndex) + where);
    CC_TRY(index);
    if (!key.empty())
        CC_TRY(index->bindBlob(1, key));
    CC_TRY(visitObservationIndex(*index, [&](const ports::ObservationIndexRow& row) -> Status {
        digest.add(records::observationDelta(row, +1));
        return {};
    }));
    auto tokens = m_db.prepare("SELECT row_id, patient_ref, token FROM condition_tokens" + where);
    CC_TRY(tokens);
    if (!key.empty())
        CC_TRY(tokens->bindBlob(1, key));
    for (;;) {
        auto more = tokens->step();
        CC_TRY(more);
        if (!*more)
            return digest;
        digest.add(records::conditionDelta(tokens->columnBlob(0), tokens->columnBlob(1), tokens->columnBlob(2), +1));
    }
}

Result<ports::IndexDigest> SqlClinicalStore::digestIndex() const
{
    // The whole index: read here, hashed on every core (records::IndexDigester).
    records::IndexDigester digester;
    auto index = m_db.prepare(std::string(kSelectObservationIndex) + ";");
    CC_TRY(index);
    CC_TRY(visitObservationIndex(*index, [&](ports::ObservationIndexRow& row) -> Status {
        digester.addObservation(row);
        return {};
    }));
    auto tokens = m_db.prepare("SELECT row_id, patient_ref, token FROM condition_tokens;");
    CC_TRY(tokens);
    for (;;) {
        auto more = tokens->step();
        CC_TRY(more);
        if (!*more)
            break;
        digester.addCondition(tokens->columnBlob(0), tokens->columnBlob(1), tokens->columnBlob(2));
    }
    // One manifest per chart: few, hashed here.
    ports::IndexDigest manifests;
    auto charts = m_db.prepare("SELECT patient_ref, manifest FROM chart_manifests;");
    CC_TRY(charts);
    for (;;) {
        auto more = charts->step();
        CC_TRY(more);
        if (!*more)
            break;
        manifests.add(records::chartManifestDelta(charts->columnBlob(0), charts->columnBlob(1), +1));
    }
    auto digest = digester.finish();
    digest.add(manifests);
    return digest;
}

Status SqlClinicalStore::checkTracking() const
{
    if (m_indexChanges == nullptr || m_indexChanges->isOpen())
        return {};
    return makeError(ErrorCode::StorageError,
                     "the observation index can only change inside a unit of work (a transaction)");
}

Status SqlClinicalStore::noteChange(const ports::IndexDigest& before, const ports::IndexDigest& after)
{
    if (m_indexChanges == nullptr)
        return {};
    ports::IndexDigest change = after;
    change.subtract(before);
    if (change == ports::IndexDigest{})
        return {}; // nothing an element covers changed: no new seal needed
    return m_indexChanges->note(change);
}

} // namespace cc::db
