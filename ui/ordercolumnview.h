#pragma once

#include <QListView>

namespace LittleLemon::Ui {

// The list of order cards in one board column. Keys an order-board user
// needs (arrows between columns, Enter/Space forward, Backspace back) and
// dragging a card to another column come out as signals; the board decides.
class OrderColumnView : public QListView
{
    Q_OBJECT

public:
    static const char *const kMimeType; // "application/x-littlelemon-order"

    explicit OrderColumnView(QWidget *parent = nullptr);

    // The order id of the current card, 0 for none.
    qint64 currentOrder() const;

Q_SIGNALS:
    void stepColumn(int delta);
    void advanceRequested(qint64 orderId);
    void backRequested(qint64 orderId);
    void orderDropped(qint64 orderId);
    void orderClicked(qint64 orderId);
    // A card of this column is being dragged (until dragFinished).
    void dragStarted(qint64 orderId);
    void dragFinished(qint64 orderId);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void startDrag(Qt::DropActions supportedActions) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    bool m_dropHighlight = false;
};

} // namespace LittleLemon::Ui
