#include "ui/elidedlabel.h"

#include <QEvent>

namespace LittleLemon::Ui {

namespace {
// Enough for "#1174…" or "Ready (9…": the label is never the widest thing.
constexpr int kMinimumCharacters = 6;
} // namespace

ElidedLabel::ElidedLabel(QWidget *parent)
    : QLabel(parent)
{
    setTextFormat(Qt::PlainText);
    setWordWrap(false);
    // The layout gives the label what is left; its text never asks for more.
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
}

void ElidedLabel::setFullText(const QString &text)
{
    if (text == m_full && !text.isEmpty())
        return;
    m_full = text;
    updateGeometry(); // the size it would like follows the text
    elide();
}

QSize ElidedLabel::minimumSizeHint() const
{
    const QMargins m = contentsMargins();
    return { fontMetrics().averageCharWidth() * kMinimumCharacters + m.left() + m.right(),
             QLabel::minimumSizeHint().height() };
}

QSize ElidedLabel::sizeHint() const
{
    const QMargins m = contentsMargins();
    // +1: horizontalAdvance rounds down, and a pixel short elides the last letter.
    return { fontMetrics().horizontalAdvance(m_full) + m.left() + m.right() + 2 * margin() + 1,
             QLabel::sizeHint().height() };
}

void ElidedLabel::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    elide();
}

void ElidedLabel::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange) {
        updateGeometry();
        elide();
    }
}

void ElidedLabel::elide()
{
    const int room = contentsRect().width() - 2 * margin();
    const QString shown = fontMetrics().elidedText(m_full, Qt::ElideRight, std::max(room, 0));
    if (shown != text())
        QLabel::setText(shown);
    setToolTip(shown == m_full ? QString() : m_full);
}

} // namespace LittleLemon::Ui
