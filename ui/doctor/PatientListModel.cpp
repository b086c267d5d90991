// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/doctor/PatientListModel.h"

#include <algorithm>

namespace cc::ui {

PatientListModel::PatientListModel(QObject* parent) : QAbstractTableModel(parent) {}

void PatientListModel::setPatients(std::vector<model::Patient> patients)
{
    beginResetModel();
    m_patients = std::move(patients);
    std::sort(m_patients.begin(), m_patients.end(), [](const model::Patient& a, const model::Patient& b) {
        return displayName(a).localeAwareCompare(displayName(b)) < 0;
    });
    endResetModel();
}

void PatientListModel::clear()
{
    beginResetModel();
    m_patients.clear();
    endResetModel();
}

const model::Patient* PatientListModel::patient(int row) const
{
    if (row < 0 || static_cast<std::size_t>(row) >= m_patients.size())
        return nullptr;
    return &m_patients[static_cast<std::size_t>(row)];
}

QString PatientListModel::displayName(const model::Patient& patient)
{
    QString given = patient.givenName;
    if (!patient.prefix.isEmpty())
        given = patient.prefix + QLatin1Char(' ') + given;
    QString name = patient.familyName + QStringLiteral(", ") + given;
    if (!patient.suffix.isEmpty())
        name += QLatin1Char(' ') + patient.suffix;
    return name;
}

QString PatientListModel::sexText(model::Sex sex)
{
    switch (sex) {
    case model::Sex::Female:
        return tr("female");
    case model::Sex::Male:
        return tr("male");
    case model::Sex::Other:
        return tr("other");
    case model::Sex::Unknown:
        break;
    }
    return tr("unknown");
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
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return displayName(*p);
    case MrnColumn:
        return p->mrn;
    case BirthDateColumn:
        return p->birthDate;
    case SexColumn:
        return sexText(p->sex);
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
