#include "ui/ordercolumn.h"

#include "ui/boardcolumnmodel.h"
#include "ui/elidedlabel.h"
#include "ui/ordercolumnview.h"
#include "ui/theme.h"

#include <QVBoxLayout>

namespace LittleLemon::Ui {

OrderColumn::OrderColumn(const QString &title, const QList<OrderStage> &stages, OrderStage target, QWidget *parent)
    : QWidget(parent)
    , m_title(title)
    , m_stages(stages)
    , m_target(target)
    , m_header(new ElidedLabel(this))
    , m_model(new BoardColumnModel(this))
    , m_view(new OrderColumnView(this))
{
    setObjectName(QStringLiteral("column-") + toWire(target));
    m_model->setStages(stages);
    m_model->setNewestFirst(isFinal(target));
    m_view->setModel(m_model);
    m_view->setAccessibleName(title);
    m_header->setProperty("role", QStringLiteral("title"));
    m_header->setAlignment(Qt::AlignCenter);
    m_header->setMinimumHeight(Theme::touchRowHeight());
    m_header->setAutoFillBackground(true);
    QPalette p = m_header->palette();
    p.setColor(QPalette::Window, isFinal(target) ? QColor(0xE4, 0xE7, 0xE5) : Theme::lemon());
    m_header->setPalette(p);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 0, 2, 0);
    layout->setSpacing(4);
    layout->addWidget(m_header);
    layout->addWidget(m_view, 1);
    setAutoFillBackground(true);
    QPalette bg = palette();
    bg.setColor(QPalette::Window, QColor(0xF1, 0xF2, 0xEE));
    bg.setColor(QPalette::Base, QColor(0xF1, 0xF2, 0xEE));
    setPalette(bg);
    m_view->setPalette(bg);

    connect(m_model, &QAbstractItemModel::rowsInserted, this, &OrderColumn::updateCount);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &OrderColumn::updateCount);
    connect(m_model, &QAbstractItemModel::modelReset, this, &OrderColumn::updateCount);
    connect(m_model, &QAbstractItemModel::layoutChanged, this, &OrderColumn::updateCount);
    updateCount();
}

void OrderColumn::updateCount()
{
    m_header->setFullText(tr("%1 (%2)").arg(m_title).arg(m_model->rowCount()));
}

} // namespace LittleLemon::Ui
