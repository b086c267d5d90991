// SPDX-License-Identifier: GPL-3.0-or-later
// The custodian's decryption dialog: what exactly is to be decrypted, then the recomputation check
// and the partial decryption (ReportService::decryptShare) with progress, or the refusal's reason.
#pragma once

#include "core/reports/ReportFile.h"
#include "core/services/ReportService.h"

#include <QDialog>

#include <functional>

class QLabel;
class QPushButton;

namespace cc::ui {

class DecryptShareDialog : public QDialog
{
    Q_OBJECT

public:
    /// `contribute` runs the service call (the caller runs it off the GUI thread with progress).
    DecryptShareDialog(const reports::ReportFile& file, const services::ShareStatus& status,
                       std::uint32_t minimumCellSize, std::function<Result<services::ShareOutcome>()> contribute,
                       QWidget* parent = nullptr);

    /// Runs the check and the partial decryption (the "Recompute and decrypt my share" button).
    void contribute();
    /// True once a share was stored.
    [[nodiscard]] bool contributed() const { return m_contributed; }

private:
    std::function<Result<services::ShareOutcome>()> m_contribute;
    QLabel* m_result;
    QPushButton* m_go;
    QPushButton* m_close;
    bool m_contributed = false;
};

} // namespace cc::ui
