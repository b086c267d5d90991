// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/doctor/ImageViewerDialog.h"

#include "ui_ImageViewerDialog.h"

#include <QEvent>
#include <QLocale>
#include <QPixmap>

namespace cc::ui {

ImageViewerDialog::ImageViewerDialog(QWidget* parent) : QDialog(parent), m_ui(std::make_unique<Ui::ImageViewerDialog>())
{
    m_ui->setupUi(this);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->fitCheckBox, &QCheckBox::toggled, this, &ImageViewerDialog::updatePixmap);
    m_ui->imageScrollArea->viewport()->installEventFilter(this);
}

ImageViewerDialog::~ImageViewerDialog() = default;

bool ImageViewerDialog::setImage(const QByteArray& content, const QString& title)
{
    m_image = QImage::fromData(content);
    setWindowTitle(title);
    if (m_image.isNull()) {
        m_ui->imageLabel->setText(tr("This image cannot be shown: save it and open it with another program."));
        m_ui->imageLabel->adjustSize();
        return false;
    }
    m_ui->infoLabel->setText(
        tr("%1 × %2 pixels").arg(QLocale().toString(m_image.width()), QLocale().toString(m_image.height())));
    updatePixmap();
    return true;
}

void ImageViewerDialog::setFitToWindow(bool fit)
{
    m_ui->fitCheckBox->setChecked(fit);
    updatePixmap();
}

QSize ImageViewerDialog::shownSize() const
{
    return m_ui->imageLabel->size();
}

bool ImageViewerDialog::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_ui->imageScrollArea->viewport() && event->type() == QEvent::Resize &&
        m_ui->fitCheckBox->isChecked())
        updatePixmap();
    return QDialog::eventFilter(watched, event);
}

void ImageViewerDialog::updatePixmap()
{
    if (m_image.isNull())
        return;
    QPixmap pixmap = QPixmap::fromImage(m_image);
    if (m_ui->fitCheckBox->isChecked()) {
        // Shrink to the visible area, never enlarge: a small scan stays sharp at its own size.
        const QSize room = m_ui->imageScrollArea->viewport()->size() - QSize(4, 4);
        if (pixmap.width() > room.width() || pixmap.height() > room.height())
            pixmap = pixmap.scaled(room, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    }
    m_ui->imageLabel->setPixmap(pixmap);
    m_ui->imageLabel->resize(pixmap.size());
}

} // namespace cc::ui
