// SPDX-License-Identifier: GPL-3.0-or-later
// Composition of db/ for one clinic: lock, files, and after login the database and its stores.
#include "db/ClinicStore.h"

#include "core/ports/ClinicMetaStore.h"
#include "db/BackupArchive.h"
#include "db/ClinicLock.h"
#include "db/ClinicSchema.h"
#include "db/Database.h"
#include "db/FileAnchorSink.h"
#include "db/FileKeySlotStore.h"
#include "db/FileSystem.h"
#include "db/IndexChangeTracker.h"
#include "db/PendingAuditFile.h"
#include "db/PortalFolder.h"
#include "db/RecoveryRingFile.h"
#include "db/SqlAttachmentStore.h"
#include "db/SqlAuditStore.h"
#include "db/SqlCareTeamStore.h"
#include "db/SqlClinicMetaStore.h"
#include "db/SqlClinicalStore.h"
#include "db/SqlPatientStore.h"
#include "db/SqlSourceIndexStore.h"
#include "db/SqlTransactionFactory.h"
#include "db/TcpSyslogWitness.h"

#include <unistd.h>

#include <cassert>

namespace cc::db {

namespace {

/// ports::DatabaseMaintenance over the open connection.
class SqlMaintenance final : public ports::DatabaseMaintenance
{
public:
    explicit SqlMaintenance(Database& db) noexcept : m_db(db) {}
    Status rekey(const crypto::SecureBytes& newKey) override { return m_db.rekey(newKey); }
    Status exportTo(const std::string& path, const crypto::SecureBytes& key) override
    {
        return m_db.exportTo(path, key);
    }
    Status checkPages(const crypto::SecureBytes& key) override
    {
        // A fresh connection: pages this one holds in its 64 MiB cache were verified when they were
        // read, possibly long ago; the check must read every page from the file (and the WAL) now.
        auto fresh = Database::open(m_db.path(), key, OpenMode::ExistingOnly);
        CC_TRY(fresh);
        return fresh->integrityCheck();
    }
    int pageSize() const override { return m_db.pageSize(); }
    Result<bool> upgradePageSize() override { return m_db.upgradePageSize(); }

private:
    Database& m_db;
};

} // namespace

// Members are destroyed in reverse order: the stores before the database, the database before
// the lock, so no other instance can open the clinic while this one still has it open.
struct ClinicStore::Impl
{
    Impl(ClinicLock clinicLock, ClinicFolder clinicFolder, ClinicDescriptor clinicDescriptor)
        : lock(std::move(clinicLock))
        , folder(std::move(clinicFolder))
        , descriptor(std::move(clinicDescriptor))
        , keySlots(folder.keySlotPath())
        , pendingAudit(folder.pendingAuditPath())
        , portals(folder.portalPath())
        , anchors(folder.anchorPath())
        , recoveryRing(folder.recoveryPath())
    {}

    Status attach(Database opened)
    {
        database = std::make_unique<Database>(std::move(opened));
        database->enableCommitMarker(); // the migrations made its table
        auditStore = std::make_unique<SqlAuditStore>(*database);
        meta = std::make_unique<SqlClinicMetaStore>(*database);
        careTeams = std::make_unique<SqlCareTeamStore>(*database);
        patients = std::make_unique<SqlPatientStore>(*database);
        clinical = std::make_unique<SqlClinicalStore>(*database, &indexChanges);
        sourceIndex = std::make_unique<SqlSourceIndexStore>(*database);
        attachments = std::make_unique<SqlAttachmentStore>(*database, &indexChanges);
        transactions = std::make_unique<SqlTransactionFactory>(*database, &indexChanges);
        maintenance = std::make_unique<SqlMaintenance>(*database);
        return {};
    }

    void detach() noexcept
    {
        maintenance.reset();
        transactions.reset();
        attachments.reset();
        sourceIndex.reset();
        clinical.reset();
        patients.reset();
        careTeams.reset();
        meta.reset();
        auditStore.reset();
        database.reset();
    }

    ClinicLock lock;
    ClinicFolder folder;
    ClinicDescriptor descriptor;
    FileKeySlotStore keySlots;
    PendingAuditFile pendingAudit;
    PortalFolder portals;
    FileAnchorSink anchors;
    RecoveryRingFile recoveryRing;
    IndexChangeTracker indexChanges; // before the stores that refer to it
    std::unique_ptr<Database> database;
    std::unique_ptr<SqlAuditStore> auditStore;
    std::unique_ptr<SqlClinicMetaStore> meta;
    std::unique_ptr<SqlCareTeamStore> careTeams;
    std::unique_ptr<SqlPatientStore> patients;
    std::unique_ptr<SqlClinicalStore> clinical;
    std::unique_ptr<SqlSourceIndexStore> sourceIndex;
    std::unique_ptr<SqlAttachmentStore> attachments;
    std::unique_ptr<SqlTransactionFactory> transactions;
    std::unique_ptr<SqlMaintenance> maintenance;
    BackupArchive backup{folder, descriptor, database}; // last: refers to the members above
};

namespace {

/// Refuses a database whose recorded clinic id is not the folder's (a clinic.db copied in from
/// another clinic whose DBK happens to be known, e.g. a restore into the wrong folder).
Status checkDatabaseClinic(Database& db, const ClinicDescriptor& descriptor)
{
    auto version = db.userVersion();
    CC_TRY(version);
    if (*version < 1)
        return {}; // a brand-new file: nothing recorded yet
    auto recorded = SqlClinicMetaStore(db).get(ports::meta::kClinicId);
    CC_TRY(recorded);
    if (recorded->has_value() &&
        !std::equal((*recorded)->begin(), (*recorded)->end(), descriptor.clinicId.begin(), descriptor.clinicId.end()))
        return makeError(ErrorCode::KeyMismatch, "clinic.db belongs to another clinic");
    return {};
}

void removeQuietly(const std::string& path)
{
    ::unlink(path.c_str());
}

} // namespace

ClinicStore::ClinicStore(std::unique_ptr<Impl> impl) noexcept : m_impl(std::move(impl)) {}
ClinicStore::~ClinicStore() = default;
ClinicStore::ClinicStore(ClinicStore&& other) noexcept = default;
ClinicStore& ClinicStore::operator=(ClinicStore&& other) noexcept = default;

Result<ClinicStore> ClinicStore::openFolder(const std::string& dir)
{
    ClinicFolder folder(dir);
    // Check before locking: ClinicLock creates clinic.lock, and a mistyped path must not gain one.
    // A restore swap interrupted between moving clinic.json aside and moving the backup's in leaves
    // only its journal: still a clinic, finished below (found by tests/faults/TestDiskFaults.cpp).
    if (!detail::pathExists(folder.descriptorPath()) &&
        !detail::pathExists(folder.dir() + "/" + std::string(BackupArchive::kJournalFile)))
        return makeError(ErrorCode::NotFound, folder.dir() + " is not a clinic folder (no clinic.json)");
    auto lock = ClinicLock::acquire(folder.dir());
    CC_TRY(lock);
    // Under the lock and before any file is read: finish a restore swap a crash interrupted.
    auto interrupted = BackupArchive::recoverInterruptedRestore(folder);
    CC_TRY(interrupted);
    // Then drop the temporary files a crash or a failed clean-up left (docs/RELIABILITY.md).
    detail::removeStaleTemporaries(folder.dir());
    detail::removeStaleTemporaries(folder.portalPath());
    auto descriptor = folder.readDescriptor();
    CC_TRY(descriptor);

    auto impl = std::make_unique<Impl>(std::move(lock).value(), folder, std::move(descriptor).value());
    impl->backup.setInterruptedRestore(std::move(interrupted).value());
    auto slots = impl->keySlots.load();
    CC_TRY(slots);
    if (slots->clinicId() != impl->descriptor.clinicId)
        return makeError(ErrorCode::KeyMismatch, "keyslots.ccks belongs to another clinic");

    // A damaged anchor is not a reason to refuse the login: the administrator must be able to log
    // in and run the verifier, which reports it (AnchorDamaged). A foreign one that parses is a
    // folder assembled from two clinics, refused like the key-slot file.
    auto anchor = impl->anchors.read();
    if (anchor.ok() && anchor->clinicId != impl->descriptor.clinicId)
        return makeError(ErrorCode::KeyMismatch, "audit.anchor belongs to another clinic");
    if (!anchor.ok() && anchor.error().code == ErrorCode::StorageError)
        return std::move(anchor).error();
    return ClinicStore(std::move(impl));
}

Result<ClinicStore> ClinicStore::create(const std::string& dir, const ClinicDescriptor& descriptor,
                                        const crypto::SecureBytes& dbk)
{
    if (dbk.size() != 32)
        return makeError(ErrorCode::InvalidArgument, "the database key must be 32 bytes");
    CC_TRY(ClinicFolder::encodeDescriptor(descriptor)); // validates before anything is created
    ClinicFolder folder(dir);
    CC_TRY(folder.create());
    auto lock = ClinicLock::acquire(folder.dir());
    CC_TRY(lock);
    // Checked again under the lock: another instance may have initialised the folder meanwhile.
    if (detail::pathExists(folder.databasePath()) || detail::pathExists(folder.keySlotPath()))
        return makeError(ErrorCode::AlreadyExists, folder.dir() + " already holds a clinic");

    auto impl = std::make_unique<Impl>(std::move(lock).value(), folder, descriptor);
    auto built = [&]() -> Status {
        CC_TRY(folder.writeDescriptor(descriptor));
        auto db = Database::open(folder.databasePath(), dbk, OpenMode::CreateIfMissing);
        CC_TRY(db);
        CC_TRY(migrate(*db, clinicMigrations()));
        return impl->attach(std::move(db).value());
    }();
    if (!built.ok()) {
        // Leave the folder as create() found it, so that init can simply be run again.
        impl->detach();
        for (const char* suffix : {"", "-wal", "-shm", "-journal"})
            removeQuietly(folder.databasePath() + suffix);
        removeQuietly(folder.descriptorPath());
        return std::move(built).error();
    }
    return ClinicStore(std::move(impl));
}

Status ClinicStore::openDatabase(const crypto::SecureBytes& dbk)
{
    if (m_impl->database)
        return makeError(ErrorCode::InvalidArgument, "the clinic database is already open");
    auto db = Database::open(m_impl->folder.databasePath(), dbk, OpenMode::ExistingOnly);
    if (!db.ok()) {
        Error error = std::move(db).error();
        if (error.code == ErrorCode::NotFound)
            error.message = "clinic.db is missing from " + m_impl->folder.dir();
        return error;
    }
    // Before migrating: never upgrade another clinic's file.
    CC_TRY(checkDatabaseClinic(*db, m_impl->descriptor));
    CC_TRY(migrate(*db, clinicMigrations()));
    return m_impl->attach(std::move(db).value());
}

Result<std::unique_ptr<audit::AuditWitness>> ClinicStore::openWitness(const audit::WitnessAddress& address)
{
    return std::unique_ptr<audit::AuditWitness>(std::make_unique<TcpSyslogWitness>(address));
}

void ClinicStore::closeDatabase()
{
    if (m_impl)
        m_impl->detach();
}

const ClinicFolder& ClinicStore::folder() const noexcept
{
    return m_impl->folder;
}

const ClinicDescriptor& ClinicStore::descriptor() const
{
    return m_impl->descriptor;
}

ports::KeySlotStore& ClinicStore::keySlots()
{
    return m_impl->keySlots;
}

ports::PortalStore& ClinicStore::portals()
{
    return m_impl->portals;
}

ports::PendingAuditLog& ClinicStore::pendingAudit()
{
    return m_impl->pendingAudit;
}

bool ClinicStore::databaseOpen() const
{
    return m_impl && m_impl->database != nullptr;
}

audit::AuditStore& ClinicStore::auditStore()
{
    assert(databaseOpen());
    return *m_impl->auditStore;
}

audit::AnchorSink& ClinicStore::anchors()
{
    assert(databaseOpen());
    return m_impl->anchors;
}

ports::ClinicMetaStore& ClinicStore::meta()
{
    assert(databaseOpen());
    return *m_impl->meta;
}

ports::CareTeamStore& ClinicStore::careTeams()
{
    assert(databaseOpen());
    return *m_impl->careTeams;
}

ports::PatientStore& ClinicStore::patients()
{
    assert(databaseOpen());
    return *m_impl->patients;
}

ports::ClinicalStore& ClinicStore::clinical()
{
    assert(databaseOpen());
    return *m_impl->clinical;
}

ports::SourceIndexStore& ClinicStore::sourceIndex()
{
    assert(databaseOpen());
    return *m_impl->sourceIndex;
}

ports::AttachmentStore& ClinicStore::attachments()
{
    assert(databaseOpen());
    return *m_impl->attachments;
}

void ClinicStore::setIndexSealer(ports::IndexSealer sealer)
{
    m_impl->indexChanges.setSealer(std::move(sealer));
}

void ClinicStore::setChartSealer(ports::ChartSealer sealer)
{
    m_impl->indexChanges.setChartSealer(std::move(sealer));
}

ports::TransactionFactory& ClinicStore::transactions()
{
    assert(databaseOpen());
    return *m_impl->transactions;
}

ports::DatabaseMaintenance& ClinicStore::maintenance()
{
    assert(databaseOpen());
    return *m_impl->maintenance;
}

ports::BackupStorage* ClinicStore::backupStorage()
{
    return &m_impl->backup;
}

const std::optional<ports::InterruptedRestore>& ClinicStore::interruptedRestore() const noexcept
{
    return m_impl->backup.interruptedRestore();
}

ports::RecoveryRingStore* ClinicStore::recoveryRing()
{
    return &m_impl->recoveryRing;
}

Database& ClinicStore::database() noexcept
{
    assert(databaseOpen());
    return *m_impl->database;
}

} // namespace cc::db
