// SPDX-License-Identifier: GPL-3.0-or-later
// Shows a decrypted image attachment (PNG, JPEG), scaled to the window or at full size, scrollable.
#pragma once

#include <QDialog>
#include <QImage>

#include <memory>

namespace Ui {
class ImageViewerDialog;
}

namespace cc::ui {

/// A modal viewer for one image held in memory only (never written to a temporary file).
class ImageViewerDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ImageViewerDialog(QWidget* parent = nullptr);
    ~ImageViewerDialog() override;

    /// Decodes `content` (PNG or JPEG) and shows it with `title`; false if it does not decode.
    bool setImage(const QByteArray& content, const QString& title);
    /// Fit to the window (true) or full size with scroll bars (false).
    void setFitToWindow(bool fit);
    [[nodiscard]] const QImage& image() const { return m_image; }
    /// The size the image is shown at.
    [[nodiscard]] QSize shownSize() const;

protected:
    /// Refits the image when the scroll area's viewport changes size (after the layout ran).
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void updatePixmap();
    std::unique_ptr<Ui::ImageViewerDialog> m_ui;
    QImage m_image;
};

} // namespace cc::ui
