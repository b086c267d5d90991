// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/reports/NetworkMergeDialog.h"

#include "core/crypto/Hex.h"
#include "core/crypto/Kdf.h"
#include "ui/common/ErrorText.h"
#include "ui/common/FileDialog.h"
#include "ui/reports/NetworkKeyPicker.h"
#include "ui/reports/NetworkOutputFile.h"
#include "ui/reports/ReportFolder.h"

#include <QColor>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace cc::ui {

namespace {

const QString kRed = QStringLiteral("color:#b00020");
const QString kGreen = QStringLiteral("color:#1b5e20");

enum Column { FileColumn, ClinicColumn, SignerColumn, ReportColumn, StatusColumn, ColumnCount };
enum MemberColumn { MemberClinicColumn, MemberSignerColumn, MemberExportColumn, MemberColumnCount };

QString signerText(const std::array<std::uint8_t, 32>& signer)
{
    // As ReportFile::signerFingerprint(): the first 8 bytes of SHA-256(key).
    const auto digest = crypto::sha256(signer);
    return QString::fromStdString(crypto::hexEncode(std::span(digest).first(8)));
}

} // namespace

NetworkMergeDialog::NetworkMergeDialog(MergeCall mergeCall, QWidget* parent)
    : QDialog(parent)
    , m_call(std::move(mergeCall))
    , m_files(new QTableWidget(0, ColumnCount))
    , m_add(new QPushButton(tr("&Add export file…")))
    , m_remove(new QPushButton(tr("&Remove")))
    , m_key(new NetworkKeyPicker)
    , m_membersPath(new QLineEdit)
    , m_membersBrowse(new QPushButton(tr("Br&owse…")))
    , m_membersInfo(new QLabel)
    , m_members(new QTableWidget(0, MemberColumnCount))
    , m_minimumSites(new QSpinBox)
    , m_output(new NetworkOutputFile(tr("Save the merged file"), QStringLiteral("ccrm"),
                                     tr("Merged network reports (*.ccrm)")))
    , m_problem(new QLabel)
    , m_result(new QLabel)
    , m_go(new QPushButton(tr("&Merge")))
    , m_close(new QPushButton(tr("Close")))
{
    setObjectName(QStringLiteral("NetworkMergeDialog"));
    setWindowTitle(tr("Merge research network exports"));
    auto* intro = new QLabel(
        tr("Merges the exports of several clinics (.ccrx, one per clinic, made from the same report spec for the same "
           "network) into one file for the network's custodians. Nothing is decrypted here: each cell's encrypted "
           "totals are multiplied across the clinics, so nobody — neither this clinic nor the network — sees one "
           "clinic's own totals. Every file's signature, clinic and ciphertexts are checked; the custodians check "
           "everything again. The merge is recorded in this clinic's audit trail."));
    intro->setWordWrap(true);
    m_files->setObjectName(QStringLiteral("filesTableWidget"));
    m_files->setHorizontalHeaderLabels({tr("File"), tr("Clinic"), tr("Signer"), tr("Report"), tr("Status")});
    m_files->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_files->setSelectionMode(QAbstractItemView::SingleSelection);
    m_files->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_files->verticalHeader()->hide();
    m_files->horizontalHeader()->setStretchLastSection(true);
    m_files->horizontalHeader()->setSectionResizeMode(StatusColumn, QHeaderView::Stretch);
    m_files->setAccessibleName(tr("Export files to merge"));
    m_add->setObjectName(QStringLiteral("addFilePushButton"));
    m_remove->setObjectName(QStringLiteral("removeFilePushButton"));
    m_remove->setEnabled(false);
    m_membersPath->setObjectName(QStringLiteral("membersLineEdit"));
    m_membersPath->setPlaceholderText(tr("members.json, the network's signed member list"));
    m_membersPath->setAccessibleName(tr("Network member list file"));
    m_membersBrowse->setObjectName(QStringLiteral("membersBrowsePushButton"));
    m_membersInfo->setObjectName(QStringLiteral("membersLabel"));
    m_membersInfo->setWordWrap(true);
    m_membersInfo->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_members->setObjectName(QStringLiteral("membersTableWidget"));
    m_members->setHorizontalHeaderLabels({tr("Member clinic"), tr("Signer"), tr("Export")});
    m_members->setSelectionMode(QAbstractItemView::NoSelection);
    m_members->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_members->verticalHeader()->hide();
    m_members->horizontalHeader()->setStretchLastSection(true);
    m_members->setAccessibleName(tr("The network's member clinics and their exports"));
    m_members->setMaximumHeight(150);
    m_members->hide();
    m_minimumSites->setObjectName(QStringLiteral("minimumSitesSpinBox"));
    m_minimumSites->setRange(2, 1000);
    m_minimumSites->setSuffix(tr(" clinics"));
    m_minimumSites->setAccessibleName(tr("Minimum number of clinics"));
    for (auto* label : {m_problem, m_result}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_problem->setObjectName(QStringLiteral("problemLabel"));
    m_result->setObjectName(QStringLiteral("resultLabel"));
    m_result->hide();
    m_go->setObjectName(QStringLiteral("mergePushButton"));
    m_close->setObjectName(QStringLiteral("closePushButton"));

    auto* fileButtons = new QHBoxLayout;
    fileButtons->addWidget(m_add);
    fileButtons->addWidget(m_remove);
    fileButtons->addStretch();
    auto* filesBox = new QGroupBox(tr("Clinics' exports"));
    auto* filesLayout = new QVBoxLayout(filesBox);
    filesLayout->addWidget(m_files);
    filesLayout->addLayout(fileButtons);
    auto* membersBox = new QGroupBox(tr("Network members"));
    auto* membersRow = new QHBoxLayout;
    auto* membersLabel = new QLabel(tr("Mem&ber list:"));
    membersLabel->setBuddy(m_membersPath);
    membersRow->addWidget(membersLabel);
    membersRow->addWidget(m_membersPath, 1);
    membersRow->addWidget(m_membersBrowse);
    auto* membersLayout = new QVBoxLayout(membersBox);
    membersLayout->addLayout(membersRow);
    membersLayout->addWidget(m_membersInfo);
    membersLayout->addWidget(m_members);
    auto* form = new QFormLayout;
    auto* keyLabel = new QLabel(tr("Network &key file:"));
    keyLabel->setBuddy(m_key->lineEdit());
    form->addRow(keyLabel, m_key);
    auto* sitesLabel = new QLabel(tr("At &least:"));
    sitesLabel->setBuddy(m_minimumSites);
    form->addRow(sitesLabel, m_minimumSites);
    auto* outputLabel = new QLabel(tr("&Save the merged file as:"));
    outputLabel->setBuddy(m_output->lineEdit());
    form->addRow(outputLabel, m_output);
    auto* buttons = new QDialogButtonBox;
    buttons->addButton(m_go, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_close, QDialogButtonBox::RejectRole);
    m_go->setDefault(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(filesBox, 1);
    layout->addLayout(form);
    layout->addWidget(membersBox);
    layout->addWidget(m_problem);
    layout->addWidget(m_result);
    layout->addWidget(buttons);
    resize(860, 760);

    connect(m_add, &QPushButton::clicked, this, [this]() {
        const QString path = FileDialog::openFileName(this, tr("Add a clinic's export"),
                                                      tr("Research network exports (*.ccrx);;All files (*)"));
        if (!path.isEmpty())
            addFile(path);
    });
    connect(m_remove, &QPushButton::clicked, this, [this]() {
        const auto rows = m_files->selectionModel()->selectedRows();
        if (rows.isEmpty())
            return;
        m_sites.erase(m_sites.begin() + rows.first().row());
        validate();
    });
    connect(m_files, &QTableWidget::itemSelectionChanged, this,
            [this]() { m_remove->setEnabled(!m_files->selectionModel()->selectedRows().isEmpty()); });
    connect(m_key, &NetworkKeyPicker::changed, this, [this]() {
        if (const auto& network = m_key->network()) {
            m_minimumSites->setMinimum(static_cast<int>(std::max<std::uint32_t>(network->minimumSites, 2)));
        } else {
            m_minimumSites->setMinimum(2);
        }
        loadMembers();
        validate();
    });
    connect(m_membersBrowse, &QPushButton::clicked, this, [this]() {
        const QString chosen = FileDialog::openFileName(this, tr("The network's member list"),
                                                        tr("Network member lists (*.json);;All files (*)"));
        if (!chosen.isEmpty())
            setMembersPath(chosen);
    });
    connect(m_membersPath, &QLineEdit::editingFinished, this, [this]() { setMembersPath(m_membersPath->text()); });
    connect(m_minimumSites, &QSpinBox::valueChanged, this, [this]() { validate(); });
    connect(m_output, &NetworkOutputFile::changed, this, [this]() { validate(); });
    connect(m_go, &QPushButton::clicked, this, &NetworkMergeDialog::merge);
    connect(m_close, &QPushButton::clicked, this, [this]() { done(m_merged ? Accepted : Rejected); });
    loadMembers();
    validate();
}

NetworkMergeDialog::~NetworkMergeDialog() = default;

void NetworkMergeDialog::addFile(const QString& path)
{
    for (const auto& site : m_sites)
        if (QFileInfo(site.path) == QFileInfo(path))
            return;
    Site site;
    site.path = path;
    auto bytes = ReportFolder::read(path);
    if (!bytes) {
        site.readError = ErrorText::forError(bytes.error());
    } else {
        auto file = reports::ReportFile::read(*bytes);
        if (file)
            site.file = std::move(*file);
        else
            site.readError = tr("not a signed report file: %1").arg(ErrorText::forError(file.error()));
        site.bytes = std::move(*bytes);
    }
    m_sites.push_back(std::move(site));
    validate();
}

QString NetworkMergeDialog::siteProblem(std::size_t index) const
{
    const Site& site = m_sites[index];
    if (!site.file)
        return site.readError;
    const auto& f = *site.file;
    if (f.kind != reports::ReportFile::Kind::Exported)
        return tr("not a research network export (a clinic makes one with Export to research network)");
    if (f.spec.purpose != reports::Purpose::Research)
        return tr("not a research report");
    if (const auto& network = m_key->network(); network && f.keyId != network->key.keyId())
        return tr("exported for another network (key id %1, not %2)")
            .arg(QString::fromStdString(crypto::hexEncode(f.keyId)), QString::fromStdString(network->key.keyIdHex()));
    if (m_memberList && !m_memberList->contains(f.signerPublicKey))
        return tr("signed by %1 (%2), not a member clinic of the network in %3")
            .arg(QString::fromStdString(f.signerFingerprint()), f.clinicName,
                 QFileInfo(m_membersPath->text().trimmed()).fileName());
    for (std::size_t i = 0; i < index; ++i) {
        const auto& other = m_sites[i].file;
        if (!other || !siteProblem(i).isEmpty()) // compared with the files that can be merged only
            continue;
        const QString name = QFileInfo(m_sites[i].path).fileName();
        if (other->specSha256 != f.specSha256)
            return tr("made from another report spec than %1 (\"%2\")").arg(name, other->spec.title);
        if (other->signerPublicKey == f.signerPublicKey || other->clinicId == f.clinicId)
            return tr("the same clinic as %1: each clinic counts once").arg(name);
    }
    return {};
}

QString NetworkMergeDialog::validate()
{
    m_files->setRowCount(static_cast<int>(m_sites.size()));
    QString problem;
    std::size_t ready = 0;
    for (std::size_t i = 0; i < m_sites.size(); ++i) {
        const Site& site = m_sites[i];
        const QString why = siteProblem(i);
        const QString name = QFileInfo(site.path).fileName();
        const QStringList cells{
            name,
            site.file ? site.file->clinicName : QString(),
            site.file ? QString::fromStdString(site.file->signerFingerprint()) : QString(),
            site.file ? site.file->spec.title : QString(),
            why.isEmpty() ? tr("ready") : tr("refused: %1").arg(why),
        };
        const int row = static_cast<int>(i);
        for (int c = 0; c < ColumnCount; ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            item->setToolTip(c == FileColumn ? QDir::toNativeSeparators(site.path) : cells[c]);
            if (c == StatusColumn)
                item->setForeground(why.isEmpty() ? QColor(0x1b, 0x5e, 0x20) : QColor(0xb0, 0x00, 0x20));
            m_files->setItem(row, c, item);
        }
        if (why.isEmpty())
            ++ready;
        else if (problem.isEmpty())
            problem = tr("%1 cannot be merged: %2").arg(name, why);
    }
    m_files->resizeColumnsToContents();
    showMembers();
    const auto& network = m_key->network();
    const std::uint32_t needed = std::max<std::uint32_t>(
        {static_cast<std::uint32_t>(m_minimumSites->value()), network ? network->minimumSites : 2u, 2u});
    if (!problem.isEmpty()) {
        // named above
    } else if (m_sites.empty()) {
        problem = tr("Add the clinics' export files (.ccrx).");
    } else if (!network) {
        problem = tr("Choose the network key file.");
    } else if (!m_membersError.isEmpty()) {
        problem = m_membersError;
    } else if (ready < needed) {
        problem = tr("A merge needs at least %1 distinct clinics; %2 ready. Add more clinics' exports.")
                      .arg(needed)
                      .arg(ready);
    } else {
        problem = m_output->problem();
    }
    if (problem.isEmpty() && !m_merged) {
        m_problem->setStyleSheet(kGreen);
        m_problem->setText(
            tr("%1 clinics' exports of \"%2\" are ready to merge.").arg(ready).arg(m_sites.front().file->spec.title));
    } else {
        m_problem->setStyleSheet(m_sites.empty() ? QString() : kRed);
        m_problem->setText(problem);
    }
    m_problem->setVisible(!m_merged);
    m_go->setEnabled(problem.isEmpty() && !m_merged);
    return problem;
}

void NetworkMergeDialog::setMembersPath(const QString& path)
{
    if (m_membersPath->text() != path)
        m_membersPath->setText(path);
    loadMembers();
    validate();
}

void NetworkMergeDialog::loadMembers()
{
    m_memberList.reset();
    m_membersError.clear();
    const QString path = m_membersPath->text().trimmed();
    const auto& network = m_key->network();
    m_membersInfo->setStyleSheet({});
    if (path.isEmpty()) {
        m_membersInfo->setText(tr("Optional: choose the network's signed member list (from the network) to see each "
                                  "member clinic and whether its export is here. Without it any clinic's export is "
                                  "accepted here; the network's custodians decrypt merges of member clinics only."));
        return;
    }
    if (!network) {
        m_membersError = tr("Choose the network key file first: the member list %1 is checked against it.")
                             .arg(QDir::toNativeSeparators(path));
        m_membersInfo->setText(m_membersError);
        return;
    }
    auto bytes = ReportFolder::read(path);
    auto members = bytes ? services::NetworkMembers::fromJson(
                               std::string_view(reinterpret_cast<const char*>(bytes->data()), bytes->size()), *network,
                               QDir::toNativeSeparators(path).toStdString())
                         : Result<services::NetworkMembers>(bytes.error());
    if (!members) {
        m_membersError = tr("%1 is not the member list of network \"%2\", refused: %3")
                             .arg(QDir::toNativeSeparators(path), network->name, ErrorText::forError(members.error()));
        m_membersInfo->setStyleSheet(kRed);
        m_membersInfo->setText(m_membersError);
        return;
    }
    m_memberList = std::move(*members);
}

void NetworkMergeDialog::showMembers()
{
    m_members->setVisible(m_memberList.has_value());
    if (!m_memberList) {
        m_members->setRowCount(0);
        return;
    }
    const auto& list = m_memberList->members;
    m_members->setRowCount(static_cast<int>(list.size()));
    std::size_t present = 0;
    for (std::size_t row = 0; row < list.size(); ++row) {
        QString exportText = tr("no export added");
        bool ready = false;
        for (std::size_t i = 0; i < m_sites.size(); ++i) {
            if (!m_sites[i].file || m_sites[i].file->signerPublicKey != list[row].signer)
                continue;
            const QString name = QFileInfo(m_sites[i].path).fileName();
            ready = siteProblem(i).isEmpty();
            exportText = ready ? tr("present: %1").arg(name) : tr("%1 added, but it cannot be merged").arg(name);
            if (ready)
                break;
        }
        if (ready)
            ++present;
        const QStringList cells{list[row].name, signerText(list[row].signer), exportText};
        for (int c = 0; c < MemberColumnCount; ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            item->setToolTip(cells[c]);
            if (c == MemberExportColumn)
                item->setForeground(ready ? QColor(0x1b, 0x5e, 0x20) : QColor(0x5f, 0x63, 0x68));
            m_members->setItem(static_cast<int>(row), c, item);
        }
    }
    m_members->resizeColumnsToContents();
    m_membersInfo->setText(tr("%1 of %n member clinic(s) of network \"%2\" have an export here; a file of any other "
                              "clinic is refused.",
                              nullptr, static_cast<int>(list.size()))
                               .arg(present)
                               .arg(m_key->network() ? m_key->network()->name : QString()));
}

QString NetworkMergeDialog::namingFiles(const QString& message) const
{
    QString out = message;
    static const QRegularExpression which(QStringLiteral("exported file (\\d+)"));
    auto match = which.match(out);
    while (match.hasMatch()) {
        const auto index = static_cast<std::size_t>(match.captured(1).toUInt());
        const QString name = index >= 1 && index <= m_sites.size() ? QDir::toNativeSeparators(m_sites[index - 1].path)
                                                                   : match.captured(0);
        out.replace(match.capturedStart(), match.capturedLength(), name);
        match = which.match(out, match.capturedStart() + name.size());
    }
    return out;
}

void NetworkMergeDialog::merge()
{
    if (const QString problem = validate(); !problem.isEmpty())
        return;
    m_go->setEnabled(false);
    std::vector<std::vector<std::uint8_t>> files;
    for (const auto& site : m_sites)
        files.push_back(site.bytes);
    const QString output = m_output->path();
    auto merged = m_call(files, *m_key->network(), static_cast<std::uint32_t>(m_minimumSites->value()),
                         m_memberList ? &*m_memberList : nullptr);
    m_result->show();
    m_result->setStyleSheet(kRed);
    if (!merged) {
        m_result->setText(
            tr("Not merged, nothing was written: %1").arg(namingFiles(ErrorText::forError(merged.error()))));
        m_go->setEnabled(true);
        return;
    }
    if (auto saved = ReportFolder::writeNew(output, merged->bundle()); !saved) {
        m_result->setText(tr("Merged, but %1 was not written: %2")
                              .arg(QDir::toNativeSeparators(output), ErrorText::forError(saved.error())));
        m_go->setEnabled(true);
        return;
    }
    m_merged = true;
    m_problem->hide();
    m_result->setStyleSheet(kGreen);
    m_result->setText(tr("Merged %n clinic(s)' exports into %1 (merge id %2): %3. %4 cell(s) of \"%5\". Next, each "
                         "network custodian checks the merge again and decrypts the merged totals only "
                         "(cipherchart-cli network decrypt-share, then network publish).",
                         nullptr, static_cast<int>(merged->sites.size()))
                          .arg(QDir::toNativeSeparators(output),
                               QString::fromStdString(reports::reportIdHex(merged->id)),
                               merged->siteNames().join(QStringLiteral(", ")))
                          .arg(merged->figures.size())
                          .arg(merged->spec.title));
}

} // namespace cc::ui
