#pragma once

#include "money.h"

#include <QString>

namespace LittleLemon {

// One dish or drink on the menu. `available` is our server's "availability"
// extension: false when the kitchen has run out (86'd); the cloud never sends
// it, and then every item counts as available.
struct MenuItem
{
    qint64 id = 0;
    QString title;
    Money price;
    bool featured = false;
    qint64 category = 0;
    bool available = true;

    bool operator==(const MenuItem &o) const
    {
        return id == o.id && title == o.title && price == o.price && featured == o.featured
            && category == o.category && available == o.available;
    }
    bool operator!=(const MenuItem &o) const { return !(*this == o); }
};

// One row of a customer's cart, as /api/cart shows it.
struct CartItem
{
    qint64 id = 0;
    qint64 menuitem = 0;
    QString menuitemName;
    int quantity = 0;
    Money price; // quantity x unit price

    bool operator==(const CartItem &o) const
    {
        return id == o.id && menuitem == o.menuitem && menuitemName == o.menuitemName
            && quantity == o.quantity && price == o.price;
    }
    bool operator!=(const CartItem &o) const { return !(*this == o); }
};

} // namespace LittleLemon
