#pragma once

#include <QLabel>

namespace LittleLemon::Ui {

// A one-line label for text that comes from data (order numbers, names,
// server messages): it shows as much as fits and ends in "…", with the whole
// text in its tooltip. Its minimum width is a few characters whatever the
// text, so no amount of data can widen the window.
class ElidedLabel : public QLabel
{
    Q_OBJECT

public:
    explicit ElidedLabel(QWidget *parent = nullptr);

    void setFullText(const QString &text);
    QString fullText() const { return m_full; }
    bool isElided() const { return text() != m_full; }

    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void elide();

    QString m_full;
};

} // namespace LittleLemon::Ui
