#pragma once

#include "ui/boardsettings.h"

#include <QStyledItemDelegate>

#include <functional>

namespace LittleLemon::Ui {

// Paints an order as a card on the board: number, age, items, total, crew,
// with ageing colours, the new-order highlight, an unsent-change mark and a
// big "next stage" button that moves the order with one click or tap.
class OrderCardDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit OrderCardDelegate(QObject *parent = nullptr);

    void setSettings(const BoardSettings &settings) { m_settings = settings; }
    // Whether an order is new and not acknowledged yet.
    void setNewTest(std::function<bool(qint64)> isNew) { m_isNew = std::move(isNew); }
    // Whether a card was just moved by someone else (drawn highlighted for a moment).
    void setFlashTest(std::function<bool(qint64)> isFlashing) { m_isFlashing = std::move(isFlashing); }
    // The label of the button that moves an order on (empty: no button).
    void setAdvanceLabel(std::function<QString(const QModelIndex &)> label) { m_advanceLabel = std::move(label); }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // Where the advance button of a card drawn in `cardRect` is.
    QRect advanceButtonRect(const QRect &cardRect, const QFont &font) const;
    // "4 min", "1 h 05"; empty when unknown.
    static QString ageText(qint64 seconds);
    // The total a card shows, as the locale writes amounts ("22,23" in pt_BR).
    static QString totalText(const QModelIndex &index);

Q_SIGNALS:
    void advanceClicked(const QModelIndex &index);

protected:
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;

private:
    QColor background(const QModelIndex &index) const;

    BoardSettings m_settings;
    std::function<bool(qint64)> m_isNew;
    std::function<bool(qint64)> m_isFlashing;
    std::function<QString(const QModelIndex &)> m_advanceLabel;
};

} // namespace LittleLemon::Ui
