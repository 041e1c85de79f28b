#include "ui/bookingssplit.h"

#include "ui/tableoccupancystrip.h"

#include <algorithm>
#include <QEvent>
#include <QHeaderView>
#include <QScrollArea>
#include <QScrollBar>
#include <QTableView>

namespace LittleLemon::Ui {

namespace {
constexpr int kGap = 6;
} // namespace

BookingsSplit::BookingsSplit(QTableView *list, QWidget *bar, TableOccupancyStrip *strip, QWidget *parent)
    : QWidget(parent)
    , m_list(list)
    , m_bar(bar)
    , m_strip(strip)
    , m_stripArea(new QScrollArea(this))
{
    setObjectName(QStringLiteral("bookingsSplit"));
    m_list->setParent(this);
    m_bar->setParent(this);
    m_stripArea->setObjectName(QStringLiteral("occupancyStripArea"));
    m_stripArea->setWidget(m_strip);
    m_stripArea->setWidgetResizable(true);
    m_stripArea->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_stripArea->setFrameShape(QFrame::NoFrame);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Expanding);
    // Tables added or removed change the strip's height; a scroll bar shown
    // under the list takes rows' pixels: lay out again then.
    m_strip->installEventFilter(this);
    m_list->horizontalScrollBar()->installEventFilter(this);
}

int BookingsSplit::rowHeight() const
{
    return std::max(1, m_list->verticalHeader()->defaultSectionSize());
}

int BookingsSplit::listChrome() const
{
    const QScrollBar *h = m_list->horizontalScrollBar();
    const bool scrollBar
        = m_list->horizontalScrollBarPolicy() != Qt::ScrollBarAlwaysOff && h->isVisibleTo(m_list);
    return (m_list->horizontalHeader()->isHidden() ? 0 : m_list->horizontalHeader()->sizeHint().height())
        + 2 * m_list->frameWidth() + (scrollBar ? h->sizeHint().height() : 0);
}

int BookingsSplit::stripHeight(int lanes) const
{
    const int all = m_strip->laneCount();
    return TableOccupancyStrip::heightForLanes(lanes < 0 ? all : std::min(lanes, all));
}

QSize BookingsSplit::sizeHint() const
{
    const int height
        = listChrome() + 8 * rowHeight() + kGap + m_bar->sizeHint().height() + kGap + stripHeight(-1);
    return { std::max(m_list->sizeHint().width(), m_strip->sizeHint().width()), height };
}

QSize BookingsSplit::minimumSizeHint() const
{
    const int height = listChrome() + rowHeight() + kGap + m_bar->minimumSizeHint().height() + kGap
        + stripHeight(kStripLanes);
    return { std::max(m_bar->minimumSizeHint().width(), m_strip->minimumSizeHint().width()), height };
}

void BookingsSplit::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    relayout();
}

bool BookingsSplit::eventFilter(QObject *watched, QEvent *event)
{
    const bool strip = watched == m_strip && event->type() == QEvent::LayoutRequest;
    const bool bar = watched == m_list->horizontalScrollBar()
        && (event->type() == QEvent::Show || event->type() == QEvent::Hide);
    if (strip || bar) {
        updateGeometry();
        relayout();
    }
    return QWidget::eventFilter(watched, event);
}

void BookingsSplit::relayout()
{
    const int w = width();
    const int barHeight = m_bar->sizeHint().height();
    const int room = height() - barHeight - 2 * kGap; // for the list and the strip
    const int chrome = listChrome();
    const int row = rowHeight();
    const int stripAll = stripHeight(-1);
    const int stripLeast = stripHeight(kStripLanes);
    // The strip gets all its tables when the list keeps kMinRows besides;
    // otherwise the list gets up to kMinRows and the strip scrolls.
    int rows = (room - stripAll - chrome) / row;
    if (rows < kMinRows)
        rows = std::clamp((room - stripLeast - chrome) / row, 1, kMinRows);
    const int listHeight = chrome + rows * row;
    const int stripShown = std::clamp(room - listHeight, 0, stripAll);
    m_list->setGeometry(0, 0, w, listHeight);
    m_bar->setGeometry(0, listHeight + kGap, w, barHeight);
    // What is left under the strip (less than a row) stays empty.
    m_stripArea->setGeometry(0, listHeight + kGap + barHeight + kGap, w, stripShown);
}

} // namespace LittleLemon::Ui
