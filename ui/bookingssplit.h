#pragma once

#include <QWidget>

class QScrollArea;
class QTableView;

namespace LittleLemon::Ui {
class TableOccupancyStrip;
}

namespace LittleLemon::Ui {

// The bookings list above the day's strip, sharing the page's height so the
// list shows whole rows (never 5½) and at least kMinRows of them when the
// window allows it, with the strip taking the rest: all its tables when
// there is room, otherwise a few lanes that scroll. Between them a bar (the
// booking buttons, the strip's title). A box layout cannot do this: it hands
// out pixels, not rows, and a minimum height on the list made the whole
// window taller than a small screen (issue 14).
class BookingsSplit : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kMinRows = 6; // the list's rows before the strip gets all it wants
    static constexpr int kStripLanes = 2; // lanes the strip keeps, scrolling, when the height is short

    BookingsSplit(QTableView *list, QWidget *bar, TableOccupancyStrip *strip, QWidget *parent = nullptr);

    QScrollArea *stripArea() const { return m_stripArea; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void relayout();
    int rowHeight() const;
    int listChrome() const; // header, frame and a horizontal scroll bar when shown
    int stripHeight(int lanes) const; // the strip area for this many lanes (all of them: -1)

    QTableView *m_list;
    QWidget *m_bar;
    TableOccupancyStrip *m_strip;
    QScrollArea *m_stripArea;
};

} // namespace LittleLemon::Ui
