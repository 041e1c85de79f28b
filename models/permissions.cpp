#include "models/permissions.h"

#include <QCoreApplication>

namespace LittleLemon {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("LittleLemon::Permissions", text);
}
} // namespace

Permissions::Permissions(const User &user, const QStringList &features, bool standalone)
    : m_user(user)
    , m_features(features)
    , m_standalone(standalone)
{ }

Permissions Permissions::onOurServer(const User &user)
{
    // The extensions whose rules this table checks; /api/meta lists them all.
    static const QStringList features { QStringLiteral("stages"), QStringLiteral("counter_orders"),
        QStringLiteral("availability"), QStringLiteral("bookings"), QStringLiteral("tables"),
        QStringLiteral("reports") };
    return Permissions(user, features, false);
}

Verdict Permissions::moveOrders() const
{
    if (m_user.isManager() || m_user.isDeliveryCrew() || m_user.isKitchen())
        return Verdict::yes();
    return Verdict::no(tr("Only managers, the kitchen and delivery crew move orders along."));
}

Verdict Permissions::cancelOrders() const
{
    if (!hasFeature(QStringLiteral("stages")))
        return Verdict::no(
            tr("This server does not track order stages, so orders cannot be cancelled here."));
    if (!m_user.isManager())
        return Verdict::no(tr("Only managers cancel orders."));
    return Verdict::yes();
}

Verdict Permissions::assignCrew() const
{
    if (!m_user.isManager())
        return Verdict::no(tr("Only managers assign delivery crew."));
    return Verdict::yes();
}

Verdict Permissions::takeCounterOrders() const
{
    if (!hasFeature(QStringLiteral("counter_orders")))
        return Verdict::no(tr("Counter orders need a Little Lemon server or standalone mode."));
    // As the server has it: managers (and administrators) take them.
    if (!m_user.isManager() && !m_user.isAdmin())
        return Verdict::no(tr("Counter orders are taken by managers at the counter."));
    return Verdict::yes();
}

Verdict Permissions::editMenu() const
{
    if (!m_user.isManager())
        return Verdict::no(tr("Only managers change menu items."));
    return Verdict::yes();
}

Verdict Permissions::eightySix() const
{
    if (Verdict v = editMenu(); !v)
        return v;
    if (!hasFeature(QStringLiteral("availability")))
        return Verdict::no(tr("This server does not keep track of items that ran out; 86'ing needs a Little "
                              "Lemon server or standalone mode."));
    return Verdict::yes();
}

Verdict Permissions::addRemoveMenuItems() const
{
    if (!m_user.isAdmin())
        return Verdict::no(tr("Only an administrator adds or deletes menu items."));
    return Verdict::yes();
}

Verdict Permissions::manageCategories() const
{
    if (!m_user.isAdmin())
        return Verdict::no(tr("Only an administrator changes categories."));
    return Verdict::yes();
}

Verdict Permissions::seeBookings() const
{
    if (!hasFeature(QStringLiteral("bookings")))
        return Verdict::no(tr("Bookings need a Little Lemon server or standalone mode."));
    return Verdict::yes();
}

Verdict Permissions::manageBookings() const
{
    if (Verdict v = seeBookings(); !v)
        return v;
    if (!m_user.isManager() && !m_user.isAdmin())
        return Verdict::no(tr("Only managers take and change bookings."));
    return Verdict::yes();
}

Verdict Permissions::readTables() const
{
    if (!hasFeature(QStringLiteral("tables")))
        return Verdict::no(tr("Tables need a Little Lemon server or standalone mode."));
    if (!m_user.isManager() && !m_user.isAdmin() && !m_user.isDeliveryCrew())
        return Verdict::no(tr("Only staff see the tables."));
    return Verdict::yes();
}

Verdict Permissions::manageTables() const
{
    if (!hasFeature(QStringLiteral("tables")))
        return Verdict::no(tr("Tables need a Little Lemon server or standalone mode."));
    if (!m_user.isManager() && !m_user.isAdmin())
        return Verdict::no(tr("Only managers set up the tables."));
    return Verdict::yes();
}

Verdict Permissions::seeStaff() const
{
    if (!m_user.isManager() && !m_user.isAdmin())
        return Verdict::no(tr("Only managers manage staff."));
    return Verdict::yes();
}

Verdict Permissions::manageAccounts() const
{
    if (!m_standalone)
        return Verdict::no(tr("Accounts are created and passwords reset on the server that holds them; "
                              "here only in standalone mode."));
    if (Verdict v = seeStaff(); !v)
        return v;
    return Verdict::yes();
}

Verdict Permissions::hostKitchenPrinting() const
{
    if (!m_user.isManager() && !m_user.isAdmin() && !m_user.isKitchen())
        return Verdict::no(tr("Only managers and the kitchen choose the terminal that prints kitchen tickets."));
    return Verdict::yes();
}

Verdict Permissions::seeReports() const
{
    if (!m_user.isManager() && !m_user.isAdmin())
        return Verdict::no(tr("Only managers see the day's figures."));
    return Verdict::yes();
}

} // namespace LittleLemon
