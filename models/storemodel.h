#pragma once

#include "models/entity.h"
#include "models/localstore.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QStringList>

#include <functional>

#include <initializer_list>
#include <optional>
#include <utility>

namespace LittleLemon {

// The names of another entity's records by id, for rows that refer to them
// (a menu item's category, a booking's table): read from the cache, and read
// again when a change to that entity comes.
class NamesById
{
public:
    using Reader = std::function<QHash<qint64, QString>(const LocalCache &)>;
    NamesById(Entity entity, Reader read);

    void load(const LocalStore *store);
    // Reads the names again when `change` is about their entity; true then.
    bool reloadOn(const StoreChange &change, const LocalStore *store);
    QString value(qint64 id, const QString &unknown = QString()) const { return m_names.value(id, unknown); }

private:
    Entity m_entity;
    Reader m_read;
    QHash<qint64, QString> m_names;
};

// What every item model over the local store does the same way, written
// once: column titles, role names, the sync state of a row as roles and as
// a column, and edits — an edit goes to the store; a refused one is said
// (editRefused) and kept (lastError). StoreRowsModel<Row> adds the rows.
class StoreModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Read-only for someone the server would refuse (the flags change).
    void setEditable(bool editable);
    bool isEditable() const { return m_editable; }
    // Why the last edit through the model was refused; empty after one that was not.
    QString lastError() const { return m_lastError; }

signals:
    void editRefused(const QString &message);

protected:
    using QAbstractTableModel::QAbstractTableModel;

    // The title of a column, translated; called each time (the language may change).
    virtual QString columnTitle(int column) const = 0;

    // An edit made through setData: true when the store took it.
    bool commit(const LocalEdit &edit);
    // An edit refused before it reached the store (an unreadable price).
    bool refuse(const QString &message);

    // The row's sync state for `role` (its SyncStateRole, its PendingRole,
    // a tooltip for an unsent row); nullopt for any other role.
    static std::optional<QVariant> syncData(SyncState sync, int role, int syncStateRole, int pendingRole);
    // The "Sync" column: the state in words while unsent, sorted by state.
    static QVariant syncColumnData(SyncState sync, int role, int sortKeyRole);
    // QAbstractTableModel's role names and `named`.
    QHash<int, QByteArray> withRoleNames(std::initializer_list<std::pair<int, const char *>> named) const;

private:
    bool m_editable = true;
    QString m_lastError;
};

} // namespace LittleLemon
