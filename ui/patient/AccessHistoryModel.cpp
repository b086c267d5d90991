// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/patient/AccessHistoryModel.h"

#include "ui/common/DisplayText.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>
#include <map>

namespace cc::ui {

namespace {

QString roleText(const std::string& role)
{
    if (role == "doctor")
        return AccessHistoryModel::tr("doctor");
    if (role == "administrator")
        return AccessHistoryModel::tr("administrator");
    if (role == "patient")
        return AccessHistoryModel::tr("you");
    return AccessHistoryModel::tr("system");
}

} // namespace

AccessHistoryModel::AccessHistoryModel(QObject* parent) : QAbstractTableModel(parent) {}

void AccessHistoryModel::setEntries(std::vector<audit::AuditEntry> entries)
{
    beginResetModel();
    m_visits.clear();
    std::sort(entries.begin(), entries.end(),
              [](const audit::AuditEntry& a, const audit::AuditEntry& b) { return a.event.seq < b.event.seq; });
    // The open visit of each account (index into m_visits), continued while its events follow
    // each other within kVisitGapMs.
    std::map<std::pair<std::string, std::string>, std::size_t> open;
    for (const auto& entry : entries) {
        const audit::AuditEvent& e = entry.event;
        const auto key = std::make_pair(e.userName, e.role);
        auto it = open.find(key);
        if (it == open.end() || e.timeMs < m_visits[it->second].lastMs ||
            e.timeMs - m_visits[it->second].lastMs > kVisitGapMs) {
            m_visits.push_back({e.userName, e.role, e.timeMs, e.timeMs, {}, false, {}});
            it = open.insert_or_assign(key, m_visits.size() - 1).first;
        }
        Visit& v = m_visits[it->second];
        v.lastMs = e.timeMs;
        if (const QString action = plainAction(e); !v.actions.contains(action))
            v.actions << action;
        if (e.flagged)
            v.emergency = true;
        if (const QString reason = QString::fromStdString(e.reason); !reason.isEmpty() && !v.reasons.contains(reason))
            v.reasons << reason;
    }
    std::reverse(m_visits.begin(), m_visits.end()); // newest first
    endResetModel();
}

QString AccessHistoryModel::plainAction(const audit::AuditEvent& e)
{
    const std::string& what = e.objectType;
    const bool failed = e.outcome != audit::AuditOutcome::Success;
    if (e.eventId == audit::AuditEventId::Export)
        return e.detail.rfind("printed", 0) == 0 ? tr("printed your record") : tr("exported your record");
    if (e.flagged)
        return tr("opened your record in an emergency");
    QString thing;
    if (what == "Observation")
        thing = tr("a result");
    else if (what == "Note")
        thing = tr("a note");
    else if (what == "Attachment")
        thing = tr("a file");
    else if (what == "Condition")
        thing = tr("a health problem");
    else if (what == "Medication")
        thing = tr("a medication");
    else if (what == "Allergy")
        thing = tr("an allergy");
    else if (what == "Consent")
        thing = tr("your research choice");
    switch (e.action) {
    case audit::AuditAction::Read:
        if (what == "Note")
            return failed ? tr("tried to read your notes") : tr("read your notes");
        if (what == "Attachment")
            return failed ? tr("tried to look at your files") : tr("looked at your files");
        if (what == "Observation")
            return failed ? tr("tried to look at your results") : tr("looked at your results");
        return failed ? tr("tried to open your record") : tr("opened your record");
    case audit::AuditAction::Create:
        if (what == "Patient" || what == "PatientRecord")
            return tr("registered you as a patient");
        if (what == "User")
            return tr("set up your account");
        return failed ? tr("tried to add %1").arg(thing.isEmpty() ? tr("to your record") : thing)
                      : tr("added %1").arg(thing.isEmpty() ? tr("to your record") : thing);
    case audit::AuditAction::Update:
        if (what == "Consent")
            return tr("changed your research choice");
        return failed ? tr("tried to change %1").arg(thing.isEmpty() ? tr("your record") : thing)
                      : tr("changed %1").arg(thing.isEmpty() ? tr("your record") : thing);
    case audit::AuditAction::Delete:
        return tr("removed %1").arg(thing.isEmpty() ? tr("something from your record") : thing);
    case audit::AuditAction::Execute:
        return tr("worked on your record");
    }
    return tr("worked on your record");
}

void AccessHistoryModel::clear()
{
    beginResetModel();
    m_visits.clear();
    endResetModel();
}

int AccessHistoryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_visits.size());
}

int AccessHistoryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AccessHistoryModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    const Visit& v = m_visits[static_cast<std::size_t>(index.row())];
    switch (index.column()) {
    case TimeColumn:
        if (role == Qt::ToolTipRole)
            return QString::fromStdString(audit::formatUtcMillis(v.firstMs));
        if (v.lastMs - v.firstMs < 60'000)
            return DisplayText::dateTime(static_cast<qint64>(v.firstMs));
        return tr("%1 to %2")
            .arg(DisplayText::dateTime(static_cast<qint64>(v.firstMs)),
                 QLocale().toString(
                     QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(v.lastMs), Qt::UTC).toLocalTime().time(),
                     QLocale::ShortFormat));
    case UserColumn:
        return v.role == "patient" ? tr("you") : QString::fromStdString(v.userName);
    case RoleColumn:
        return roleText(v.role);
    case ActionColumn: {
        const QString what = v.actions.join(tr(", "));
        if (role == Qt::ToolTipRole)
            return tr("%1 (%2) %3").arg(QString::fromStdString(v.userName), roleText(v.role), what);
        return what;
    }
    case ReasonColumn:
        if (v.emergency)
            return tr("Emergency access, reviewed by an administrator: %1").arg(v.reasons.join(QStringLiteral("; ")));
        return v.reasons.join(QStringLiteral("; "));
    default:
        return {};
    }
}

QVariant AccessHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("When");
    case UserColumn:
        return tr("Who");
    case RoleColumn:
        return tr("Role");
    case ActionColumn:
        return tr("What");
    case ReasonColumn:
        return tr("Reason");
    default:
        return {};
    }
}

} // namespace cc::ui
