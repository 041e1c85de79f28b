#pragma once

#include <QString>

namespace LittleLemon {

// A table in the dining room (our server's "tables" extension).
struct DiningTable
{
    qint64 id = 0;
    QString name;
    int seats = 0;

    bool operator==(const DiningTable &o) const { return id == o.id && name == o.name && seats == o.seats; }
    bool operator!=(const DiningTable &o) const { return !(*this == o); }
};

} // namespace LittleLemon
