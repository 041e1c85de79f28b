#pragma once

#include "models/storerowsmodel.h"

namespace LittleLemon {

// The bookings of one day (today unless told otherwise). A booking moved to
// another day leaves the model; one moved here joins it.
class BookingsModel : public StoreRowsModel<Cached<Booking>>
{
    Q_OBJECT

public:
    enum Column {
        TimeColumn,
        GuestsColumn,
        TableColumn,
        NameColumn,
        PhoneColumn,
        NotesColumn,
        StatusColumn,
        SyncColumn,
        ColumnCount
    };
    enum Role {
        IdRole = Qt::UserRole,
        DateRole,
        TimeRole, // QTime
        GuestsRole,
        TableIdRole, // qint64, 0 for none
        TableNameRole,
        NameRole,
        PhoneRole,
        NotesRole,
        StatusRole, // int(BookingStatus)
        SyncStateRole,
        PendingRole,
        SortKeyRole,
    };
    Q_ENUM(Column)
    Q_ENUM(Role)

    explicit BookingsModel(
        LocalStore *store, const QDate &date = QDate::currentDate(), QObject *parent = nullptr);

    QDate date() const { return m_date; }
    void setDate(const QDate &date); // a reset: a different day

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // StatusColumn takes an int(BookingStatus).
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QHash<int, QByteArray> roleNames() const override;


signals:
    void dateChanged(const QDate &date);

protected:
    QString columnTitle(int column) const override;
    qint64 idOf(const Cached<Booking> &row) const override { return row.record.id; }
    void setIdOf(Cached<Booking> &row, qint64 id) const override { row.record.id = id; }
    QList<Cached<Booking>> fetchAll() const override { return store()->cache()->bookingsOn(m_date); }
    QList<Cached<Booking>> fetch(const QList<qint64> &ids) const override { return store()->cache()->bookings(ids); }
    bool accepts(const Cached<Booking> &row) const override { return row.record.date == m_date; }

private:
    void onStoreChanged(const StoreChange &change);

    QDate m_date;
    NamesById m_tables;
};

} // namespace LittleLemon
