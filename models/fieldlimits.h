#pragma once

#include <QtGlobal>

// The limits on what a record's fields hold, once: the cloud's model fields
// (CONTRACT.md: Django CharField max_length, DecimalField digits) and our
// server's extensions. The server refuses past them (400 with the field), the
// store refuses an edit past them before it is queued, and the dialogs stop
// typing at them.
namespace LittleLemon::Limits {

// A menu item's and a category's title.
constexpr int kTitle = 255;
// A category's slug (SlugField), a user's username and email (Django's User).
constexpr int kSlug = 50;
constexpr int kUsername = 150;
constexpr int kEmail = 254;
// The quantity on a cart or order line.
constexpr qint64 kLineQuantity = 1000000;
// A menu price: DecimalField(max_digits=6, decimal_places=2), at most 9999.99.
constexpr int kPriceDigits = 6;
constexpr int kPricePlaces = 2;
constexpr qint64 kPriceMaxCents = 999999;
constexpr int kBookingName = 255;
constexpr int kBookingPhone = 64;
constexpr int kBookingNotes = 1000;
constexpr int kBookingGuests = 1000;
constexpr int kTableName = 100;
constexpr int kTableSeats = 1000;
constexpr int kOrderNote = 1000;
// A note on one line of a counter order ("no onions"), printed under it.
constexpr int kLineNote = 140;

static_assert(kPriceMaxCents == 999999 && kPriceDigits - kPricePlaces == 4,
    "kPriceMaxCents is the largest price kPriceDigits and kPricePlaces allow");

} // namespace LittleLemon::Limits
