#pragma once

#include "models/order.h"

#include <QList>
#include <QWidget>

namespace LittleLemon::Ui {

class BoardColumnModel;
class ElidedLabel;
class OrderColumnView;

// One column of the orders board: a header with the stage and how many
// orders it holds, and the cards. Dropping a card here moves the order to
// targetStage().
class OrderColumn : public QWidget
{
    Q_OBJECT

public:
    OrderColumn(const QString &title, const QList<OrderStage> &stages, OrderStage target, QWidget *parent = nullptr);

    QString title() const { return m_title; }
    QList<OrderStage> stages() const { return m_stages; }
    OrderStage targetStage() const { return m_target; }
    BoardColumnModel *model() const { return m_model; }
    OrderColumnView *view() const { return m_view; }

private:
    void updateCount();

    QString m_title;
    QList<OrderStage> m_stages;
    OrderStage m_target;
    ElidedLabel *m_header;
    BoardColumnModel *m_model;
    OrderColumnView *m_view;
};

} // namespace LittleLemon::Ui
