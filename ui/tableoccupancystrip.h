#pragma once

#include <QDate>
#include <QDateTime>
#include <QWidget>

class QAbstractItemModel;

namespace LittleLemon::Ui {

// The day at a glance: one line per table, the bookings on it as blocks
// from their time to the end of their stay (booked lemon, seated green,
// done grey), bookings without a table on a line of their own, and the
// current time on today's strip.
class TableOccupancyStrip : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kStayMinutes = 90; // the server's default stay

    TableOccupancyStrip(QAbstractItemModel *bookings, QAbstractItemModel *tables, QWidget *parent = nullptr);

    void setDate(const QDate &date);
    // Bookings drawn on the strip (not cancelled or no-show), for tests.
    int blockCount() const;
    // The red "now" line: on today's strip, within its hours only.
    bool showsNowLine(const QDateTime &now = QDateTime::currentDateTime()) const;
    // Where the "now" line is drawn at `now` (x in the strip), -1 when it is not.
    int nowLineX(const QDateTime &now) const;
    // Where the hour `hour`:`minute` is on the strip (x), clamped to its hours.
    int xOf(int hour, int minute) const;
    // The strip drawn as at `now` (screenshots, tests); invalid: the clock.
    void setNow(const QDateTime &now);
    QDateTime now() const;
    // The height that shows `lanes` lanes, and the lanes there are now.
    static int heightForLanes(int lanes);
    int laneCount() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    struct Block
    {
        int lane;
        int start; // minutes since midnight
        QString label;
        int status;
    };
    QList<Block> blocks(int *laneCount, QStringList *laneNames) const;

    QRect laneArea(int lanes) const;

    QAbstractItemModel *m_bookings;
    QAbstractItemModel *m_tables;
    QDate m_date;
    QDateTime m_now;
};

} // namespace LittleLemon::Ui
