// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/doctor/PatientListModel.h"

#include "ui/common/DisplayText.h"

#include <QFont>

#include <algorithm>

namespace cc::ui {

PatientListModel::PatientListModel(QObject* parent) : QAbstractTableModel(parent) {}

void PatientListModel::setPatients(std::vector<model::Patient> patients)
{
    beginResetModel();
    m_patients = std::move(patients);
    std::sort(m_patients.begin(), m_patients.end(), [](const model::Patient& a, const model::Patient& b) {
        return DisplayText::patientName(a).localeAwareCompare(DisplayText::patientName(b)) < 0;
    });
    endResetModel();
}

void PatientListModel::clear()
{
    beginResetModel();
    m_patients.clear();
    m_open.reset();
    endResetModel();
}

const model::Patient* PatientListModel::patient(int row) const
{
    if (row < 0 || static_cast<std::size_t>(row) >= m_patients.size())
        return nullptr;
    return &m_patients[static_cast<std::size_t>(row)];
}

int PatientListModel::rowOf(const access::PatientId& id) const
{
    for (std::size_t i = 0; i < m_patients.size(); ++i)
        if (m_patients[i].id == id)
            return static_cast<int>(i);
    return -1;
}

void PatientListModel::setOpenPatient(const std::optional<access::PatientId>& id)
{
    if (m_open == id)
        return;
    m_open = id;
    if (!m_patients.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::FontRole, Qt::DisplayRole});
}

int PatientListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_patients.size());
}

int PatientListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PatientListModel::data(const QModelIndex& index, int role) const
{
    const auto* p = index.isValid() ? patient(index.row()) : nullptr;
    if (p == nullptr)
        return {};
    if (role == SearchRole)
        return QStringList{p->givenName, p->familyName, p->maidenName, p->mrn}.join(QLatin1Char(' '));
    const bool open = m_open && *m_open == p->id;
    if (role == Qt::FontRole && open) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role == SortRole)
        return index.column() == BirthDateColumn ? p->birthDate
               : index.column() == NameColumn    ? DisplayText::patientName(*p)
                                                 : data(index, Qt::DisplayRole);
    if (role == Qt::ToolTipRole)
        return index.column() == MrnColumn ? tr("MRN %1").arg(p->mrn) : data(index, Qt::DisplayRole);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        // The open chart's patient carries a marker besides the bold font (seen without colour).
        return open ? QStringLiteral("▶ ") + DisplayText::patientName(*p) : DisplayText::patientName(*p);
    case MrnColumn:
        return p->mrn;
    case BirthDateColumn:
        return DisplayText::date(p->birthDate);
    case SexColumn:
        return DisplayText::sex(p->sex);
    default:
        return {};
    }
}

QVariant PatientListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case MrnColumn:
        return tr("MRN");
    case BirthDateColumn:
        return tr("Born");
    case SexColumn:
        return tr("Sex");
    default:
        return {};
    }
}

} // namespace cc::ui
