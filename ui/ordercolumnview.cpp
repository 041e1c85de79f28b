#include "ui/ordercolumnview.h"

#include "models/ordersmodel.h"
#include "ui/theme.h"

#include <QDrag>
#include <QDragEnterEvent>
#include <QKeyEvent>
#include <QMimeData>
#include <QPainter>

namespace LittleLemon::Ui {

const char *const OrderColumnView::kMimeType = "application/x-littlelemon-order";

namespace {
std::optional<qint64> droppedOrder(const QMimeData *mime)
{
    if (!mime || !mime->hasFormat(QLatin1String(OrderColumnView::kMimeType)))
        return std::nullopt;
    bool ok = false;
    const qint64 id = mime->data(QLatin1String(OrderColumnView::kMimeType)).toLongLong(&ok);
    return ok ? std::optional<qint64>(id) : std::nullopt;
}
} // namespace

OrderColumnView::OrderColumnView(QWidget *parent)
    : QListView(parent)
{
    setUniformItemSizes(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setDragEnabled(true);
    setAcceptDrops(true);
    setDragDropMode(QAbstractItemView::DragDrop);
    setDefaultDropAction(Qt::MoveAction);
    setMouseTracking(true);
    setFrameShape(QFrame::NoFrame);
    viewport()->setAutoFillBackground(false);
    connect(this, &QAbstractItemView::clicked, this, [this](const QModelIndex &index) {
        Q_EMIT orderClicked(index.data(OrdersModel::IdRole).toLongLong());
    });
}

qint64 OrderColumnView::currentOrder() const
{
    const QModelIndex index = currentIndex();
    return index.isValid() ? index.data(OrdersModel::IdRole).toLongLong() : 0;
}

void OrderColumnView::keyPressEvent(QKeyEvent *event)
{
    if (event->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier)) {
        QListView::keyPressEvent(event);
        return;
    }
    switch (event->key()) {
    case Qt::Key_Left:
        Q_EMIT stepColumn(-1);
        return;
    case Qt::Key_Right:
        Q_EMIT stepColumn(1);
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        if (const qint64 id = currentOrder())
            Q_EMIT advanceRequested(id);
        return;
    case Qt::Key_Backspace:
        if (const qint64 id = currentOrder())
            Q_EMIT backRequested(id);
        return;
    default:
        QListView::keyPressEvent(event);
    }
}

void OrderColumnView::startDrag(Qt::DropActions)
{
    const QModelIndex index = currentIndex();
    if (!index.isValid())
        return;
    auto *mime = new QMimeData;
    mime->setData(QLatin1String(kMimeType), QByteArray::number(index.data(OrdersModel::IdRole).toLongLong()));
    auto *drag = new QDrag(this);
    drag->setMimeData(mime);
    const QRect rect = visualRect(index);
    drag->setPixmap(viewport()->grab(rect));
    drag->setHotSpot(viewport()->mapFromGlobal(QCursor::pos()) - rect.topLeft());
    const qint64 id = index.data(OrdersModel::IdRole).toLongLong();
    Q_EMIT dragStarted(id);
    drag->exec(Qt::MoveAction);
    Q_EMIT dragFinished(id);
}

void OrderColumnView::dragEnterEvent(QDragEnterEvent *event)
{
    if (droppedOrder(event->mimeData()) && event->source() != this) {
        m_dropHighlight = true;
        viewport()->update();
        event->acceptProposedAction();
        return;
    }
    event->ignore();
}

void OrderColumnView::dragMoveEvent(QDragMoveEvent *event)
{
    if (droppedOrder(event->mimeData()) && event->source() != this)
        event->acceptProposedAction();
    else
        event->ignore();
}

void OrderColumnView::dragLeaveEvent(QDragLeaveEvent *event)
{
    m_dropHighlight = false;
    viewport()->update();
    event->accept();
}

void OrderColumnView::dropEvent(QDropEvent *event)
{
    m_dropHighlight = false;
    viewport()->update();
    const auto id = droppedOrder(event->mimeData());
    if (!id || event->source() == this) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    Q_EMIT orderDropped(*id);
}

void OrderColumnView::paintEvent(QPaintEvent *event)
{
    QListView::paintEvent(event);
    if (m_dropHighlight) {
        QPainter p(viewport());
        p.setPen(QPen(Theme::green(), 4, Qt::DashLine));
        p.drawRect(viewport()->rect().adjusted(2, 2, -2, -2));
    }
}

} // namespace LittleLemon::Ui
