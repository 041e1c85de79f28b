#include "ui/tableoccupancystrip.h"

#include "models/booking.h"
#include "models/bookingsmodel.h"
#include "models/tablesmodel.h"
#include "ui/theme.h"

#include <QAbstractItemModel>
#include <QPainter>
#include <QTime>
#include <QTimer>

#include <algorithm>

namespace LittleLemon::Ui {

namespace {
constexpr int kLaneHeight = 26;
constexpr int kNameWidth = 110;
constexpr int kFirstHour = 10;
constexpr int kLastHour = 24;

bool drawn(int status)
{
    const auto s = BookingStatus(status);
    return s != BookingStatus::Cancelled && s != BookingStatus::NoShow;
}
} // namespace

TableOccupancyStrip::TableOccupancyStrip(QAbstractItemModel *bookings, QAbstractItemModel *tables, QWidget *parent)
    : QWidget(parent)
    , m_bookings(bookings)
    , m_tables(tables)
    , m_date(QDate::currentDate())
{
    setObjectName(QStringLiteral("occupancyStrip"));
    auto repaint = [this] {
        updateGeometry();
        update();
    };
    for (QAbstractItemModel *m : { bookings, tables }) {
        connect(m, &QAbstractItemModel::dataChanged, this, repaint);
        connect(m, &QAbstractItemModel::rowsInserted, this, repaint);
        connect(m, &QAbstractItemModel::rowsRemoved, this, repaint);
        connect(m, &QAbstractItemModel::modelReset, this, repaint);
        connect(m, &QAbstractItemModel::layoutChanged, this, repaint);
    }
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    // The "now" line moves with the clock (a strip left open all evening).
    auto *minute = new QTimer(this);
    minute->setInterval(60 * 1000);
    connect(minute, &QTimer::timeout, this, [this] {
        if (m_date == now().date())
            update();
    });
    minute->start();
}

void TableOccupancyStrip::setNow(const QDateTime &now)
{
    m_now = now;
    update();
}

QDateTime TableOccupancyStrip::now() const
{
    return m_now.isValid() ? m_now : QDateTime::currentDateTime();
}

int TableOccupancyStrip::heightForLanes(int lanes)
{
    return 24 + std::max(1, lanes) * kLaneHeight + 4;
}

int TableOccupancyStrip::laneCount() const
{
    int lanes = 0;
    QStringList names;
    blocks(&lanes, &names);
    return lanes;
}

QRect TableOccupancyStrip::laneArea(int lanes) const
{
    return { kNameWidth, 22, width() - kNameWidth - 8, std::max(1, lanes) * kLaneHeight };
}

int TableOccupancyStrip::xOf(int hour, int minute) const
{
    const QRect area = laneArea(1);
    const int span = (kLastHour - kFirstHour) * 60;
    return area.left() + int(qint64(std::clamp(hour * 60 + minute - kFirstHour * 60, 0, span)) * area.width() / span);
}

int TableOccupancyStrip::nowLineX(const QDateTime &now) const
{
    // Only while the strip's hours last: at 01:18 there is no "now" on a
    // 10:00-24:00 strip, and a line at its left edge would say 10:00.
    if (!showsNowLine(now))
        return -1;
    return xOf(now.time().hour(), now.time().minute());
}

void TableOccupancyStrip::setDate(const QDate &date)
{
    m_date = date;
    update();
}

QList<TableOccupancyStrip::Block> TableOccupancyStrip::blocks(int *laneCount, QStringList *laneNames) const
{
    // Lanes: tables by name, then "no table".
    QList<std::pair<QString, qint64>> tables;
    for (int row = 0; row < m_tables->rowCount(); ++row) {
        const QModelIndex t = m_tables->index(row, 0);
        tables.append({ t.data(TablesModel::NameRole).toString(), t.data(TablesModel::IdRole).toLongLong() });
    }
    std::sort(tables.begin(), tables.end(),
              [](const auto &a, const auto &b) { return a.first.localeAwareCompare(b.first) < 0; });
    QHash<qint64, int> lane;
    QStringList names;
    for (const auto &[name, id] : tables) {
        lane.insert(id, int(names.size()));
        names << name;
    }
    const int noTable = int(names.size());
    bool anyWithout = false;
    QList<Block> out;
    for (int row = 0; row < m_bookings->rowCount(); ++row) {
        const QModelIndex b = m_bookings->index(row, 0);
        const int status = b.data(BookingsModel::StatusRole).toInt();
        if (!drawn(status))
            continue;
        const QTime time = b.data(BookingsModel::TimeRole).toTime();
        const qint64 table = b.data(BookingsModel::TableIdRole).toLongLong();
        const int l = lane.value(table, noTable);
        anyWithout |= l == noTable;
        out.append({ l, time.hour() * 60 + time.minute(),
                     tr("%1 (%2)").arg(b.data(BookingsModel::NameRole).toString()).arg(
                         b.data(BookingsModel::GuestsRole).toInt()),
                     status });
    }
    if (anyWithout)
        names << tr("No table");
    *laneCount = int(names.size());
    *laneNames = names;
    return out;
}

int TableOccupancyStrip::blockCount() const
{
    int lanes = 0;
    QStringList names;
    return int(blocks(&lanes, &names).size());
}

bool TableOccupancyStrip::showsNowLine(const QDateTime &now) const
{
    const int minutes = now.time().hour() * 60 + now.time().minute();
    return m_date == now.date() && minutes >= kFirstHour * 60 && minutes <= kLastHour * 60;
}

QSize TableOccupancyStrip::sizeHint() const
{
    int lanes = 0;
    QStringList names;
    blocks(&lanes, &names);
    return { 800, heightForLanes(lanes) };
}

QSize TableOccupancyStrip::minimumSizeHint() const
{
    return { 400, sizeHint().height() };
}

void TableOccupancyStrip::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().base());
    int lanes = 0;
    QStringList names;
    const QList<Block> all = blocks(&lanes, &names);
    const QRect area = laneArea(lanes);
    auto x = [this](int minutes) { return xOf(minutes / 60, minutes % 60); };

    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    p.setFont(small);
    // Hours.
    for (int h = kFirstHour; h <= kLastHour; ++h) {
        const int hx = x(h * 60);
        p.setPen(QColor(0xDD, 0xDD, 0xD5));
        p.drawLine(hx, area.top(), hx, area.bottom());
        if (h < kLastHour && (h % 2 == 0)) {
            p.setPen(QColor(0x55, 0x55, 0x55));
            p.drawText(QRect(hx + 2, 2, 60, 18), Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("%1:00").arg(h));
        }
    }
    // Lanes.
    p.setFont(font());
    for (int i = 0; i < lanes; ++i) {
        const QRect laneRect(0, area.top() + i * kLaneHeight, width(), kLaneHeight);
        if (i % 2)
            p.fillRect(laneRect.adjusted(kNameWidth, 0, 0, 0), QColor(0xF7, 0xF7, 0xF2));
        p.setPen(Qt::black);
        p.drawText(QRect(6, laneRect.top(), kNameWidth - 10, kLaneHeight), Qt::AlignLeft | Qt::AlignVCenter,
                   names.at(i));
    }
    if (lanes == 0) {
        p.setPen(QColor(0x70, 0x70, 0x70));
        p.drawText(area, Qt::AlignCenter, tr("No tables yet"));
    }
    // Bookings.
    p.setFont(small);
    for (const Block &b : all) {
        const QRect r(QPoint(x(b.start), area.top() + b.lane * kLaneHeight + 3),
                      QPoint(x(b.start + kStayMinutes) - 1, area.top() + (b.lane + 1) * kLaneHeight - 3));
        QColor fill = Theme::lemon();
        if (BookingStatus(b.status) == BookingStatus::Seated)
            fill = Theme::green();
        else if (BookingStatus(b.status) == BookingStatus::Completed)
            fill = QColor(0xC8, 0xC8, 0xC0);
        p.setPen(fill.darker(130));
        p.setBrush(fill);
        p.drawRoundedRect(r, 4, 4);
        p.setPen(BookingStatus(b.status) == BookingStatus::Seated ? Qt::white : Qt::black);
        p.drawText(r.adjusted(4, 0, -2, 0), Qt::AlignLeft | Qt::AlignVCenter,
                   QFontMetrics(small).elidedText(b.label, Qt::ElideRight, r.width() - 6));
    }
    // Now (nowLineX: none outside the strip's hours).
    if (const int nx = nowLineX(now()); nx >= 0) {
        p.setPen(QPen(Theme::red().darker(140), 2));
        p.drawLine(nx, area.top() - 4, nx, area.bottom());
    }
}

} // namespace LittleLemon::Ui
