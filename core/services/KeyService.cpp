// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/KeyService.h"

#include "core/access/KeyKind.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace cc::services {

using access::Permission;
using audit::AuditAction;
using audit::AuditEventId;
using audit::AuditEventType;

namespace {

QJsonObject metaObject(ports::ClinicMetaStore& meta, std::string_view name, Status& status)
{
    auto stored = meta.get(name);
    if (!stored) {
        status = std::move(stored).error();
        return {};
    }
    if (!stored->has_value())
        return {};
    const auto& b = **stored;
    return QJsonDocument::fromJson(
               QByteArray(reinterpret_cast<const char*>(b.data()), static_cast<qsizetype>(b.size())))
        .object();
}

} // namespace

Result<std::vector<KeyStatus>> KeyService::status()
{
    const AuditSubject subject =
        makeSubject(AuditEventId::SecurityAlert, AuditEventType::None, AuditAction::Read, "Key", {}, "key status");
    CC_TRY(m_clinic.authorize(Permission::ManageKeys, subject));
    auto file = m_clinic.backend().keySlots().load();
    if (!file)
        return std::move(file).error();
    Status ok;
    const QJsonObject versions = metaObject(m_clinic.backend().meta(), ports::meta::kKeyVersions, ok);
    const QJsonObject threshold = metaObject(m_clinic.backend().meta(), ports::meta::kReportThreshold, ok);
    const QJsonObject recovery = metaObject(m_clinic.backend().meta(), ports::meta::kRecovery, ok);
    if (!ok)
        return ok.error();
    const auto accounts = file->listAccounts();
    const std::int64_t now = m_clinic.clock().nowSeconds();

    std::vector<KeyStatus> out;
    auto add = [&](const QString& name, std::vector<std::string> holders) {
        const QJsonObject v = versions.value(name).toObject();
        KeyStatus s;
        s.name = name.toStdString();
        const QJsonValue id = v.value("id");
        s.id = id.isString() ? id.toString().toStdString() : std::to_string(id.toInteger());
        s.version = static_cast<unsigned>(v.value("version").toInteger());
        s.createdAt = v.value("created").toInteger();
        s.ageDays = (now - s.createdAt) / 86400;
        s.holders = std::move(holders);
        out.push_back(std::move(s));
    };
    for (access::KeyKind kind : access::kAllKeyKinds) {
        if (kind == access::KeyKind::PaillierShare || kind == access::KeyKind::PatientIdentity ||
            kind == access::KeyKind::PatientClinical)
            continue;
        std::vector<std::string> holders;
        for (const auto& a : accounts) {
            const auto kinds = access::keyKindsForRole(a.role, false);
            if (std::find(kinds.begin(), kinds.end(), kind) != kinds.end())
                holders.push_back(a.userName + " (" + std::string(access::roleName(a.role)) + ")");
        }
        if (kind != access::KeyKind::DatabaseKey)
            holders.push_back("recovery ring (" + std::to_string(recovery.value("threshold").toInteger()) + "-of-" +
                              std::to_string(recovery.value("shares").toInteger()) + " recovery shares)");
        add(QString::fromUtf8(access::keyKindName(kind).data()), std::move(holders));
    }
    std::vector<std::string> custodians;
    for (const auto& c : threshold.value("custodians").toArray())
        custodians.push_back(c.toObject().value("name").toString().toStdString() + " (share " +
                             std::to_string(c.toObject().value("index").toInteger()) + ")");
    const QJsonObject params = threshold.value("parameters").toObject();
    custodians.push_back("decrypts with " + std::to_string(params.value("threshold").toInteger()) + " of " +
                         std::to_string(params.value("parties").toInteger()) + " custodians");
    add("ReportKey", std::move(custodians));
    add("RecoveryKey", {"nobody whole: " + std::to_string(recovery.value("threshold").toInteger()) + " of " +
                        std::to_string(recovery.value("shares").toInteger()) + " printed shares"});
    CC_TRY(m_clinic.record(subject));
    return out;
}

Status KeyService::setIdleTimeout(std::chrono::minutes minutes)
{
    const AuditSubject subject =
        makeSubject(AuditEventId::SecurityAlert, AuditEventType::SecurityConfiguration, AuditAction::Update, "Setting",
                    "idle_timeout", "idle lock after " + std::to_string(minutes.count()) + " minutes");
    CC_TRY(m_clinic.authorize(Permission::SetIdleTimeout, subject));
    auto run = [&]() -> Status {
        CC_TRY(access::Session::validateIdleTimeout(minutes));
        const std::string text = std::to_string(minutes.count());
        CC_TRY(m_clinic.backend().meta().set(ports::meta::kIdleTimeoutMinutes,
                                             std::vector<std::uint8_t>(text.begin(), text.end())));
        return m_clinic.session()->setIdleTimeout(minutes);
    };
    auto result = run();
    CC_TRY(m_clinic.record(subject, result ? audit::AuditOutcome::Success : audit::AuditOutcome::MinorFailure));
    return result;
}

} // namespace cc::services
