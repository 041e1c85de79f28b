#include "ui/ordercarddelegate.h"

#include "models/order.h"
#include "models/ordersmodel.h"
#include "ui/theme.h"

#include <QApplication>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

namespace LittleLemon::Ui {

namespace {
constexpr int kMargin = 6;
constexpr int kPadding = 10;

QFont scaled(const QFont &base, qreal factor, bool bold)
{
    QFont f = base;
    if (f.pointSizeF() > 0)
        f.setPointSizeF(f.pointSizeF() * factor);
    else
        f.setPixelSize(qRound(f.pixelSize() * factor));
    f.setBold(bold);
    return f;
}
} // namespace

OrderCardDelegate::OrderCardDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

QString OrderCardDelegate::ageText(qint64 seconds)
{
    if (seconds < 0)
        return {};
    const qint64 minutes = seconds / 60;
    if (minutes < 1)
        return tr("just now");
    if (minutes < 60)
        return tr("%1 min").arg(minutes);
    if (minutes < 24 * 60)
        return tr("%1 h %2").arg(minutes / 60).arg(minutes % 60, 2, 10, QLatin1Char('0'));
    return tr("%1 d").arg(minutes / (24 * 60));
}

QColor OrderCardDelegate::background(const QModelIndex &index) const
{
    const auto stage = OrderStage(index.data(OrdersModel::StageRole).toInt());
    const qint64 age = index.data(OrdersModel::AgeSecondsRole).toLongLong();
    if (isFinal(stage) || age < 0)
        return Theme::cardBase();
    if (age >= qint64(m_settings.redMinutes) * 60)
        return Theme::red();
    if (age >= qint64(m_settings.amberMinutes) * 60)
        return Theme::amber();
    return Theme::cardBase();
}

QSize OrderCardDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const QFontMetrics big(scaled(option.font, 1.25, true));
    const QFontMetrics normal(option.font);
    const int height = 2 * kMargin + 2 * kPadding + big.height() + 2 * normal.lineSpacing() + 8
        + qMax(normal.height() + 12, Theme::touchRowHeight());
    return { 220, height };
}

QRect OrderCardDelegate::advanceButtonRect(const QRect &cardRect, const QFont &font) const
{
    const QFontMetrics fm(font);
    const QFontMetrics bold(scaled(font, 0.95, true));
    const int h = qMax(fm.height() + 12, Theme::touchRowHeight() - 4);
    // Wide enough for the longest stage, leaving room for the total.
    const int w = qMin((cardRect.width() - 2 * kPadding) * 64 / 100,
                       bold.horizontalAdvance(tr("Out for delivery ›")) + 20);
    return QRect(cardRect.right() - kPadding - w + 1, cardRect.bottom() - kPadding - h + 1, w, h);
}

void OrderCardDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRect card = option.rect.adjusted(kMargin, kMargin / 2, -kMargin, -kMargin / 2);
    const qint64 id = index.data(OrdersModel::IdRole).toLongLong();
    const bool selected = option.state & QStyle::State_Selected;
    const bool isNew = m_isNew && m_isNew(id);
    const bool pending = index.data(OrdersModel::PendingRole).toBool();
    const auto sync = SyncState(index.data(OrdersModel::SyncStateRole).toInt());

    QPainterPath path;
    path.addRoundedRect(QRectF(card).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8);
    painter->fillPath(path, background(index));
    QPen border(QColor(0xC8, 0xC8, 0xC0), 1);
    if (isNew)
        border = QPen(Theme::lemon().darker(110), 4);
    if (selected)
        border = QPen(Theme::green(), 3);
    if (pending && !selected && !isNew) {
        border = QPen(Theme::pending(), 2, Qt::DashLine);
    }
    if (m_isFlashing && m_isFlashing(id)) {
        // Moved by someone else just now: one flash, so the eye finds it.
        QColor glow = Theme::lemon();
        glow.setAlpha(150);
        painter->fillPath(path, glow);
        border = QPen(Theme::lemon().darker(130), 4);
    }
    painter->setPen(border);
    painter->drawPath(path);

    const QRect inner = card.adjusted(kPadding, kPadding, -kPadding, -kPadding);
    const QFont bigFont = scaled(option.font, 1.25, true);
    const QFontMetrics big(bigFont);
    const QFontMetrics fm(option.font);
    painter->setPen(Qt::black);

    // Line 1: number (and NEW), age on the right.
    painter->setFont(bigFont);
    const QString number = index.sibling(index.row(), OrdersModel::NumberColumn).data().toString();
    QRect line1(inner.left(), inner.top(), inner.width(), big.height());
    painter->drawText(line1, Qt::AlignLeft | Qt::AlignVCenter, number);
    int x = inner.left() + big.horizontalAdvance(number) + 10;
    const QFont small = scaled(option.font, 0.85, true);
    const QFontMetrics sm(small);
    auto badge = [&](const QString &text, const QColor &bg, const QColor &fg) {
        const int w = sm.horizontalAdvance(text) + 12;
        const QRect r(x, line1.center().y() - sm.height() / 2 - 2, w, sm.height() + 4);
        painter->setPen(Qt::NoPen);
        painter->setBrush(bg);
        painter->drawRoundedRect(r, 4, 4);
        painter->setFont(small);
        painter->setPen(fg);
        painter->drawText(r, Qt::AlignCenter, text);
        x += w + 6;
    };
    if (isNew)
        badge(tr("NEW"), Theme::lemon(), Qt::black);
    if (sync == SyncState::Pending)
        badge(tr("not sent"), Theme::pending(), Qt::white);
    else if (sync == SyncState::Failed || sync == SyncState::Conflict)
        badge(displayName(sync), QColor(0xB3, 0x26, 0x1E), Qt::white);

    const auto stage = OrderStage(index.data(OrdersModel::StageRole).toInt());
    const qint64 age = index.data(OrdersModel::AgeSecondsRole).toLongLong();
    QString ageLabel = isFinal(stage) ? QString() : ageText(age);
    if (ageLabel.isEmpty()) {
        // The server does not say when (the cloud): the day is all we know.
        const QDate date = index.data(OrdersModel::DateRole).toDate();
        ageLabel = date == QDate::currentDate() ? tr("today")
                                                : index.sibling(index.row(), OrdersModel::PlacedColumn).data().toString();
    }
    const bool late = !isFinal(stage) && age >= qint64(m_settings.amberMinutes) * 60;
    const QFont ageFont = scaled(option.font, 1.0, late);
    painter->setFont(ageFont);
    painter->setPen(Qt::black);
    painter->drawText(line1, Qt::AlignRight | Qt::AlignVCenter, ageLabel);

    // Who delivers it, between the number and the age.
    const QString crew = index.data(OrdersModel::CrewNameRole).toString();
    const qint64 crewId = index.data(OrdersModel::CrewIdRole).toLongLong();
    // A name, never a number: until the names are read, "crew assigned".
    const QString crewText = crewId ? (crew.isEmpty() ? tr("crew assigned") : crew) : tr("no crew");
    const int crewRight = line1.right() - QFontMetrics(ageFont).horizontalAdvance(ageLabel) - 10;
    if (crewRight - x > 24) {
        painter->setFont(option.font);
        painter->setPen(crewId ? QColor(0x2B, 0x3A, 0x35) : QColor(0x80, 0x80, 0x80));
        painter->drawText(QRect(x, line1.top(), crewRight - x, line1.height()), Qt::AlignLeft | Qt::AlignVCenter,
                          fm.elidedText(crewText, Qt::ElideRight, crewRight - x));
    }

    // Lines 2-3: the items, wrapped, elided at the end of the second line;
    // a note has the third line to itself, in bold, before any item
    // (allergies first); the whole of it is in the tooltip and the details.
    painter->setFont(option.font);
    painter->setPen(Qt::black);
    const QString items = index.data(OrdersModel::ItemsSummaryRole).toString();
    const QString note = index.data(OrdersModel::NoteRole).toString();
    const QString text = items;
    const QRect itemsRect(inner.left(), line1.bottom() + 6, inner.width(), 2 * fm.lineSpacing());
    if (!note.isEmpty()) {
        const QFont noteFont = scaled(option.font, 1.0, true);
        painter->setFont(noteFont);
        painter->setPen(QColor(0x8A, 0x4B, 0x00));
        painter->drawText(QRect(itemsRect.left(), itemsRect.top() + fm.lineSpacing(), itemsRect.width(),
                                fm.lineSpacing()),
                          Qt::AlignLeft | Qt::AlignVCenter,
                          QFontMetrics(noteFont).elidedText(tr("Note: %1").arg(note), Qt::ElideRight,
                                                            itemsRect.width()));
        painter->setFont(option.font);
        painter->setPen(Qt::black);
    }
    // Split by hand so the second line ends with an ellipsis, never a cut word.
    QString rest = text;
    QString line2;
    {
        int cut = rest.size();
        while (cut > 0 && fm.horizontalAdvance(rest.left(cut)) > itemsRect.width()) {
            const int space = rest.lastIndexOf(u' ', cut - 1);
            cut = space > 0 ? space : cut - 1;
        }
        line2 = rest.left(cut);
        rest = rest.mid(cut).trimmed();
    }
    if (!note.isEmpty())
        line2 = fm.elidedText(text, Qt::ElideRight, itemsRect.width());
    painter->drawText(QRect(itemsRect.left(), itemsRect.top(), itemsRect.width(), fm.lineSpacing()),
                      Qt::AlignLeft | Qt::AlignVCenter, line2);
    if (!rest.isEmpty() && note.isEmpty()) {
        painter->drawText(QRect(itemsRect.left(), itemsRect.top() + fm.lineSpacing(), itemsRect.width(),
                                fm.lineSpacing()),
                          Qt::AlignLeft | Qt::AlignVCenter, fm.elidedText(rest, Qt::ElideRight, itemsRect.width()));
    }

    // Bottom: total and crew on the left, the advance button on the right.
    const QString advance = m_advanceLabel ? m_advanceLabel(index) : QString();
    const QRect button = advanceButtonRect(card, option.font);
    const int bottomRight = advance.isEmpty() ? inner.right() : button.left() - 8;
    const QRect bottom(inner.left(), button.top(), bottomRight - inner.left(), button.height());
    const QString total = totalText(index);
    painter->setFont(scaled(option.font, 1.0, true));
    painter->setPen(Qt::black);
    painter->drawText(bottom, Qt::AlignLeft | Qt::AlignVCenter, total);

    if (!advance.isEmpty()) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(Theme::green());
        painter->drawRoundedRect(button, 6, 6);
        painter->setPen(Qt::white);
        // A narrow column gets a smaller label before it gets a cut one.
        QFont label = scaled(option.font, 0.95, true);
        for (qreal f = 0.95; f > 0.74 && QFontMetrics(label).horizontalAdvance(advance) > button.width() - 10; f -= 0.05)
            label = scaled(option.font, f, true);
        painter->setFont(label);
        painter->drawText(button, Qt::AlignCenter,
                          QFontMetrics(label).elidedText(advance, Qt::ElideRight, button.width() - 8));
    }
    painter->restore();
}

QString OrderCardDelegate::totalText(const QModelIndex &index)
{
    return Money(index.data(OrdersModel::TotalCentsRole).toLongLong()).toDisplay();
}

bool OrderCardDelegate::editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                                    const QModelIndex &index)
{
    if (event->type() == QEvent::MouseButtonRelease && m_advanceLabel && !m_advanceLabel(index).isEmpty()) {
        auto *mouse = static_cast<QMouseEvent *>(event);
        const QRect card = option.rect.adjusted(kMargin, kMargin / 2, -kMargin, -kMargin / 2);
        if (mouse->button() == Qt::LeftButton && advanceButtonRect(card, option.font).contains(mouse->position().toPoint())) {
            Q_EMIT advanceClicked(index);
            return true;
        }
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

} // namespace LittleLemon::Ui
