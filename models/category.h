#pragma once

#include <QString>

namespace LittleLemon {

// A menu category ("Drinks", slug "drinks").
struct Category
{
    qint64 id = 0;
    QString slug;
    QString title;

    bool operator==(const Category &o) const { return id == o.id && slug == o.slug && title == o.title; }
    bool operator!=(const Category &o) const { return !(*this == o); }
};

} // namespace LittleLemon
