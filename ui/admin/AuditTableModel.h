// SPDX-License-Identifier: GPL-3.0-or-later
// The audit viewer's table: one row per audit event, oldest first.
#pragma once

#include "core/audit/AuditEvent.h"

#include <QAbstractTableModel>

#include <map>
#include <string>
#include <vector>

namespace cc::ui {

/// Read-only table of audit events (time UTC, user, role, action, outcome, event, patient id,
/// object, reason, flagged). Reasons may be sensitive, so the model is cleared on lock.
class AuditTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        TimeColumn,
        UserColumn,
        RoleColumn,
        ActionColumn,
        OutcomeColumn,
        EventColumn,
        PatientColumn,
        ObjectColumn,
        ReasonColumn,
        FlaggedColumn,
        ColumnCount
    };

    explicit AuditTableModel(QObject* parent = nullptr);

    /// Replaces the rows.
    void setEvents(std::vector<audit::AuditEvent> events);
    /// Names for the patient column, by patient id (32 hex digits): "Lovelace, Ada — MRN 001".
    /// An id without a name shows as the id. The id stays in the cell's tool tip.
    void setPatientNames(std::map<std::string, QString> names);
    /// The patient column's text for an event: the name if known, else the id.
    [[nodiscard]] QString patientText(const audit::AuditEvent& event) const;
    /// Removes every row.
    void clear();
    /// The event on `row`, or nullptr.
    [[nodiscard]] const audit::AuditEvent* event(int row) const;

    /// Display text of an RFC 3881 action code ("Read").
    [[nodiscard]] static QString actionText(audit::AuditAction action);
    /// Display text of an RFC 3881 outcome ("Success", "Serious failure").
    [[nodiscard]] static QString outcomeText(audit::AuditOutcome outcome);

    /// What kind of event this is, for the viewer's "Event" filter.
    enum class Category { Login, PatientRecord, EmergencyAccess, Accounts, Keys, AuditTrail, BackupExport, Other };
    [[nodiscard]] static Category category(const audit::AuditEvent& event);
    /// A category's name for the filter.
    [[nodiscard]] static QString categoryText(Category category);
    /// The event in words ("Emergency access", "Security settings viewed"): a routine read of the
    /// key status is not called a security alert, although its DICOM code (in the tool tip) is.
    [[nodiscard]] static QString eventText(const audit::AuditEvent& event);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<audit::AuditEvent> m_events;
    std::map<std::string, QString> m_patientNames;
};

} // namespace cc::ui
