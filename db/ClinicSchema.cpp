// SPDX-License-Identifier: GPL-3.0-or-later
// Clinic schema migrations. Columns hold opaque bytes only (DESIGN.md section 5).
#include "db/ClinicSchema.h"

#include "db/Database.h"

#include <string>

namespace cc::db {

namespace {

Status createStorageTables(Database& db)
{
    // meta: non-PHI bookkeeping (clinic id, creation time, format versions).
    CC_TRY(db.exec("CREATE TABLE meta ("
                   "  name TEXT PRIMARY KEY,"
                   "  value BLOB NOT NULL"
                   ");"));
    // audit_events: the hash-chained, MACed audit trail (DESIGN.md section 7); bodies are opaque.
    CC_TRY(db.exec("CREATE TABLE audit_events ("
                   "  seq INTEGER PRIMARY KEY,"
                   "  body BLOB NOT NULL,"
                   "  prev_hash BLOB NOT NULL,"
                   "  hash BLOB NOT NULL,"
                   "  mac BLOB NOT NULL"
                   ");"));
    // Append-only in the database itself, not just in the code that writes it.
    CC_TRY(db.exec("CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events "
                   "BEGIN SELECT RAISE(ABORT, 'audit trail is append-only'); END;"));
    CC_TRY(db.exec("CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events "
                   "BEGIN SELECT RAISE(ABORT, 'audit trail is append-only'); END;"));
    // INSERT OR REPLACE deletes the old row without firing DELETE triggers (SQLite fires them only
    // with recursive_triggers on): refuse any insert that reuses an existing sequence number.
    CC_TRY(db.exec("CREATE TRIGGER audit_events_no_replace BEFORE INSERT ON audit_events "
                   "WHEN EXISTS (SELECT 1 FROM audit_events WHERE seq = NEW.seq) "
                   "BEGIN SELECT RAISE(ABORT, 'audit trail is append-only'); END;"));
    // audit_state: exactly one row; the MAC key evolves after every event and the previous one
    // is overwritten in place (secure_delete = ON zeroes the freed cell content).
    CC_TRY(db.exec("CREATE TABLE audit_state ("
                   "  id INTEGER PRIMARY KEY CHECK (id = 1),"
                   "  seq INTEGER NOT NULL,"
                   "  hash BLOB NOT NULL,"
                   "  mac_key BLOB NOT NULL"
                   ");"));
    return {};
}

Status createAccessTables(Database& db)
{
    // care_team: which doctors may open which patient (DESIGN.md section 1); random ids only.
    // WITHOUT ROWID: the pair is the whole row, so the primary-key b-tree is the table.
    CC_TRY(db.exec("CREATE TABLE care_team ("
                   "  patient_id BLOB NOT NULL CHECK (length(patient_id) = 16),"
                   "  doctor_id BLOB NOT NULL CHECK (length(doctor_id) = 16),"
                   "  PRIMARY KEY (patient_id, doctor_id)"
                   ") WITHOUT ROWID;"));
    // "Which patients may this doctor see" is asked at every patient list.
    CC_TRY(db.exec("CREATE INDEX care_team_by_doctor ON care_team (doctor_id);"));
    // break_glass: emergency access grants (DESIGN.md section 8). starts_at/expires_at are the
    // grant's own bookkeeping (Unix seconds), not clinical dates; the reason lives only in the
    // audit event numbered audit_seq. reviewed: set once an administrator has looked at it.
    // NOT NULL on id: a non-INTEGER primary key of a rowid table accepts NULL in SQLite (a
    // documented legacy quirk), and length(NULL) passes the CHECK.
    CC_TRY(db.exec("CREATE TABLE break_glass ("
                   "  id BLOB NOT NULL PRIMARY KEY CHECK (length(id) = 16),"
                   "  doctor_id BLOB NOT NULL CHECK (length(doctor_id) = 16),"
                   "  patient_id BLOB NOT NULL CHECK (length(patient_id) = 16),"
                   "  starts_at INTEGER NOT NULL,"
                   "  expires_at INTEGER NOT NULL,"
                   "  audit_seq INTEGER NOT NULL,"
                   "  reviewed INTEGER NOT NULL DEFAULT 0"
                   ");"));
    return {};
}

Status createRecordTables(Database& db)
{
    // patients: random row id (never the MRN), the patient's two keys wrapped under the identity
    // and clinical category keys, and the identity document sealed under the identity key. The
    // key ids are random numbers naming which key sealed a blob, not PHI.
    CC_TRY(db.exec("CREATE TABLE patients ("
                   "  id BLOB NOT NULL PRIMARY KEY CHECK (length(id) = 16),"
                   "  identity_key_id INTEGER NOT NULL,"
                   "  identity_key_wrapped BLOB NOT NULL,"
                   "  clinical_key_id INTEGER NOT NULL,"
                   "  clinical_key_wrapped BLOB NOT NULL,"
                   "  doc BLOB NOT NULL"
                   ");"));
    // clinical_rows: one sealed document per record, under the patient's clinical key. kind is a
    // record type; encounter_id a foreign key into this table (not enforced: rows of one import
    // may arrive in any order within the transaction).
    CC_TRY(db.exec("CREATE TABLE clinical_rows ("
                   "  id BLOB NOT NULL PRIMARY KEY CHECK (length(id) = 16),"
                   "  patient_id BLOB NOT NULL REFERENCES patients(id),"
                   "  encounter_id BLOB CHECK (encounter_id IS NULL OR length(encounter_id) = 16),"
                   "  kind TEXT NOT NULL CHECK (kind IN ('encounter','condition','observation','medication',"
                   "'allergy','note')),"
                   "  doc BLOB NOT NULL"
                   ");"));
    CC_TRY(db.exec("CREATE INDEX clinical_rows_by_patient ON clinical_rows (patient_id, kind);"));
    // observation_index: blind tokens (HMAC under the index key), the Paillier ciphertext and its
    // MAC, and the latest flag. No value, date, name or MRN.
    CC_TRY(db.exec("CREATE TABLE observation_index ("
                   "  row_id BLOB NOT NULL PRIMARY KEY REFERENCES clinical_rows(id),"
                   "  patient_id BLOB NOT NULL CHECK (length(patient_id) = 16),"
                   "  code_token BLOB NOT NULL CHECK (length(code_token) = 16),"
                   "  sex_token BLOB,"
                   "  age_band_token BLOB,"
                   "  year_token BLOB,"
                   "  consent_token BLOB,"
                   "  paillier BLOB,"
                   "  paillier_mac BLOB,"
                   "  latest INTEGER NOT NULL DEFAULT 0 CHECK (latest IN (0, 1))"
                   ");"));
    CC_TRY(db.exec("CREATE INDEX observation_index_by_code ON observation_index (code_token);"));
    CC_TRY(db.exec("CREATE INDEX observation_index_by_patient ON observation_index (patient_id, code_token);"));
    return {};
}

Status createNoteAndAttachmentTables(Database& db)
{
    // confidential_keys: per patient, the key that seals notes not shared with the patient,
    // wrapped under the clinical category key (doctors only). Never in a patient's key ring, so a
    // patient account cannot open those notes (docs/RECORDS.md). One row, created lazily.
    CC_TRY(db.exec("CREATE TABLE confidential_keys ("
                   "  patient_id BLOB NOT NULL PRIMARY KEY REFERENCES patients(id),"
                   "  key_id INTEGER NOT NULL,"
                   "  key_wrapped BLOB NOT NULL"
                   ");"));
    // attachments: random id, foreign keys, the file key's id, the file key sealed under the
    // patient's clinical key (row id in the AAD) and the sealed metadata document (name, type, size).
    CC_TRY(db.exec("CREATE TABLE attachments ("
                   "  id BLOB NOT NULL PRIMARY KEY CHECK (length(id) = 16),"
                   "  patient_id BLOB NOT NULL REFERENCES patients(id),"
                   "  encounter_id BLOB CHECK (encounter_id IS NULL OR length(encounter_id) = 16),"
                   "  file_key_id INTEGER NOT NULL,"
                   "  file_key_sealed BLOB NOT NULL,"
                   "  doc BLOB NOT NULL"
                   ");"));
    CC_TRY(db.exec("CREATE INDEX attachments_by_patient ON attachments (patient_id);"));
    // attachment_chunks: AEAD chunks under the file key; the index and final flag are bound in the
    // AAD, so the stored chunk_index is only a lookup aid, not trusted.
    CC_TRY(db.exec("CREATE TABLE attachment_chunks ("
                   "  attachment_id BLOB NOT NULL REFERENCES attachments(id),"
                   "  chunk_index INTEGER NOT NULL CHECK (chunk_index >= 0),"
                   "  data BLOB NOT NULL,"
                   "  PRIMARY KEY (attachment_id, chunk_index)"
                   ");"));
    return {};
}

Status createReportTables(Database& db)
{
    // report_shares: custodians' partial decryptions of a report's cells (each with its proof), so
    // custodians at one workstation can contribute one after the other. Opaque bytes.
    CC_TRY(db.exec("CREATE TABLE report_shares ("
                   "  report_id BLOB NOT NULL CHECK (length(report_id) = 16),"
                   "  custodian INTEGER NOT NULL CHECK (custodian BETWEEN 1 AND 64),"
                   "  share BLOB NOT NULL,"
                   "  PRIMARY KEY (report_id, custodian)"
                   ");"));
    // published_cohorts: per published report, its measures and the keyed hashes (index key) of
    // its patients' ids, for the differencing check. No value, date or name.
    CC_TRY(db.exec("CREATE TABLE published_cohorts ("
                   "  report_id BLOB NOT NULL PRIMARY KEY CHECK (length(report_id) = 16),"
                   "  measures TEXT NOT NULL,"
                   "  cohort BLOB NOT NULL,"
                   "  published_at INTEGER NOT NULL"
                   ");"));
    CC_TRY(db.exec("CREATE INDEX published_cohorts_by_measures ON published_cohorts (measures);"));
    return {};
}

// Version 6: the keyed index of imported source ids (docs/RECORDS.md, "Re-import"). key and
// digest are HMACs under the index key, so the table names no source id and no content.
Status createSourceIndexTable(Database& db)
{
    CC_TRY(db.exec("CREATE TABLE source_index ("
                   "  key BLOB NOT NULL PRIMARY KEY CHECK (length(key) = 32),"
                   "  row_id BLOB NOT NULL CHECK (length(row_id) = 16),"
                   "  digest BLOB NOT NULL CHECK (length(digest) = 32)"
                   ");"));
    return {};
}

// Version 7: patient references (issue 10 item 2; docs/RECORDS.md, "Patient references").
// clinical_rows, observation_index and attachments name their patient by `patient_ref`, an HMAC
// only holders of the patient's clinical key can compute, instead of the clear `patients.id`; so
// the foreign keys to patients go. The values are copied as they are: the first doctor's session
// converts them (ClinicService, meta patient_ref_scheme), because this migration runs without any
// clinical key. Tables are rebuilt (SQLite cannot drop a constraint or, before 3.25, rename a column).
Status usePatientReferences(Database& db)
{
    CC_TRY(db.exec("CREATE TABLE clinical_rows_v7 ("
                   "  id BLOB NOT NULL PRIMARY KEY CHECK (length(id) = 16),"
                   "  patient_ref BLOB NOT NULL CHECK (length(patient_ref) = 16),"
                   "  encounter_id BLOB CHECK (encounter_id IS NULL OR length(encounter_id) = 16),"
                   "  kind TEXT NOT NULL CHECK (kind IN ('encounter','condition','observation','medication',"
                   "'allergy','note')),"
                   "  doc BLOB NOT NULL"
                   ");"));
    CC_TRY(db.exec("INSERT INTO clinical_rows_v7 (id, patient_ref, encounter_id, kind, doc) "
                   "SELECT id, patient_id, encounter_id, kind, doc FROM clinical_rows;"));
    CC_TRY(db.exec("CREATE TABLE observation_index_v7 ("
                   "  row_id BLOB NOT NULL PRIMARY KEY REFERENCES clinical_rows(id),"
                   "  patient_ref BLOB NOT NULL CHECK (length(patient_ref) = 16),"
                   "  code_token BLOB NOT NULL CHECK (length(code_token) = 16),"
                   "  sex_token BLOB,"
                   "  age_band_token BLOB,"
                   "  year_token BLOB,"
                   "  consent_token BLOB,"
                   "  paillier BLOB,"
                   "  paillier_mac BLOB,"
                   "  latest INTEGER NOT NULL DEFAULT 0 CHECK (latest IN (0, 1))"
                   ");"));
    CC_TRY(db.exec("INSERT INTO observation_index_v7 SELECT row_id, patient_id, code_token, sex_token, age_band_token,"
                   " year_token, consent_token, paillier, paillier_mac, latest FROM observation_index;"));
    CC_TRY(db.exec("CREATE TABLE attachments_v7 ("
                   "  id BLOB NOT NULL PRIMARY KEY CHECK (length(id) = 16),"
                   "  patient_ref BLOB NOT NULL CHECK (length(patient_ref) = 16),"
                   "  encounter_id BLOB CHECK (encounter_id IS NULL OR length(encounter_id) = 16),"
                   "  file_key_id INTEGER NOT NULL,"
                   "  file_key_sealed BLOB NOT NULL,"
                   "  doc BLOB NOT NULL"
                   ");"));
    CC_TRY(db.exec("INSERT INTO attachments_v7 SELECT id, patient_id, encounter_id, file_key_id, file_key_sealed, doc "
                   "FROM attachments;"));
    for (const char* table : {"observation_index", "clinical_rows", "attachments"}) {
        CC_TRY(db.exec("DROP TABLE " + std::string(table) + ";"));
        CC_TRY(db.exec("ALTER TABLE " + std::string(table) + "_v7 RENAME TO " + table + ";"));
    }
    CC_TRY(db.exec("CREATE INDEX clinical_rows_by_patient ON clinical_rows (patient_ref, kind);"));
    CC_TRY(db.exec("CREATE INDEX observation_index_by_code ON observation_index (code_token);"));
    CC_TRY(db.exec("CREATE INDEX observation_index_by_patient ON observation_index (patient_ref, code_token);"));
    CC_TRY(db.exec("CREATE INDEX attachments_by_patient ON attachments (patient_ref);"));
    return {};
}

// Version 8: condition blind tokens (docs/RECORDS.md, "Condition tokens"; DESIGN.md section 5):
// one row per coded condition row, with the row's patient reference (never the clear patient id)
// and BlindToken("condition", system|code) under the index key, so a report selects the patients
// who have a condition without opening any document. Rows written before this version get their
// tokens at the first doctor's login (ConditionIndex::complete, meta condition_tokens): this
// migration runs without the clinical key that opens their documents.
Status createConditionTokenTable(Database& db)
{
    CC_TRY(db.exec("CREATE TABLE condition_tokens ("
                   "  row_id BLOB NOT NULL PRIMARY KEY REFERENCES clinical_rows(id),"
                   "  patient_ref BLOB NOT NULL CHECK (length(patient_ref) = 16),"
                   "  token BLOB NOT NULL CHECK (length(token) = 16)"
                   ");"));
    CC_TRY(db.exec("CREATE INDEX condition_tokens_by_token ON condition_tokens (token, patient_ref);"));
    CC_TRY(db.exec("CREATE INDEX condition_tokens_by_patient ON condition_tokens (patient_ref);"));
    return {};
}

// Version 9: chart manifests (docs/RECORDS.md, "Chart manifests"; issue 10 item 6): per patient
// reference, the list of the chart's rows with a digest of each, MACed under a key derived from the
// patient's clinical key, so a row deleted, reverted or planted behind the services' back is named
// when the chart opens. Charts older than this version get theirs at the first doctor's login
// (ChartManifests::complete, meta chart_manifests): this migration has no clinical key.
Status createChartManifestTable(Database& db)
{
    CC_TRY(db.exec("CREATE TABLE chart_manifests ("
                   "  patient_ref BLOB NOT NULL PRIMARY KEY CHECK (length(patient_ref) = 16),"
                   "  manifest BLOB NOT NULL"
                   ");"));
    return {};
}

// Version 10: care-team rows and patients name the audit event that made them (issue 10 item 6;
// services::CareTeamBinding): a care-team row written by SQL gives no access. Rows older than this
// version hold 0 until the first doctor's login binds them (meta care_team_bound); patients keep 0.
Status bindAccessRowsToAudit(Database& db)
{
    CC_TRY(db.exec("ALTER TABLE care_team ADD COLUMN audit_seq INTEGER NOT NULL DEFAULT 0;"));
    CC_TRY(db.exec("ALTER TABLE patients ADD COLUMN created_seq INTEGER NOT NULL DEFAULT 0;"));
    // Covering indexes, in the order they are read: a doctor's rows by patient with their event
    // (at every patient list and search: 10^5 rows must not each cost a table lookup), and one
    // import's patients by id (once per import and session).
    CC_TRY(db.exec("DROP INDEX care_team_by_doctor;"));
    CC_TRY(db.exec("CREATE INDEX care_team_by_doctor ON care_team (doctor_id, patient_id, audit_seq);"));
    CC_TRY(db.exec("CREATE INDEX patients_by_created_seq ON patients (created_seq, id);"));
    return {};
}

// Version 11: the commit marker (docs/STORAGE.md, "A COMMIT that fails"): one counter that every
// transaction advances, so that a COMMIT reported as failed can be found to have taken effect or
// not (Database::resolveFailedCommit). Not PHI: a count of transactions.
Status createCommitMarker(Database& db)
{
    CC_TRY(db.exec(std::string("CREATE TABLE ") + Database::kCommitMarkerTable +
                   " ("
                   "  id INTEGER PRIMARY KEY CHECK (id = 1),"
                   "  n INTEGER NOT NULL CHECK (n >= 0)"
                   ");"));
    CC_TRY(db.exec(std::string("INSERT INTO ") + Database::kCommitMarkerTable + " (id, n) VALUES (1, 0);"));
    return {};
}

} // namespace

const std::vector<Migration>& clinicMigrations()
{
    static const std::vector<Migration> migrations = {
        {1, "storage tables: meta, audit_events (append-only), audit_state", createStorageTables, false},
        {2, "access tables: care_team, break_glass", createAccessTables, false},
        {3, "record tables: patients, clinical_rows, observation_index", createRecordTables, false},
        {4, "notes and attachments: confidential_keys, attachments, attachment_chunks", createNoteAndAttachmentTables,
         false},
        {5, "reports: report_shares, published_cohorts", createReportTables, false},
        {6, "import source index: source_index", createSourceIndexTable, false},
        {7, "patient references in clinical_rows, observation_index and attachments", usePatientReferences, true},
        {8, "condition blind tokens: condition_tokens", createConditionTokenTable, false},
        {9, "chart manifests: chart_manifests", createChartManifestTable, false},
        {10, "care-team rows and patients name their audit event", bindAccessRowsToAudit, false},
        {11, "the commit marker: commit_marker", createCommitMarker, false},
    };
    return migrations;
}

} // namespace cc::db
