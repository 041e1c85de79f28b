#pragma once

#include "models/user.h"

#include <QString>
#include <QStringList>

namespace LittleLemon {

// Whether someone may do something, and if not, why, in words for a tooltip
// or an error. The one answer the desk, the CLI and our server all ask for.
struct Verdict
{
    bool allowed = true;
    QString reason;

    explicit operator bool() const { return allowed; }
    static Verdict yes() { return {}; }
    static Verdict no(const QString &why) { return { false, why }; }
};

// The permission table: CONTRACT.md's roles and our server's extensions, in
// one place. The desk builds it from the signed-in user and the server's
// features (it greys out what would be refused), the CLI from the user it
// remembers (it refuses before queueing), and littlelemon-server from the
// caller (onOurServer: every extension present) to answer 403. A rule added
// here holds for all three.
class Permissions
{
public:
    Permissions() = default;
    Permissions(const User &user, const QStringList &features, bool standalone);
    // As our server judges `user`: it has every extension it lists.
    static Permissions onOurServer(const User &user);

    Verdict moveOrders() const;
    Verdict cancelOrders() const;
    Verdict assignCrew() const;
    Verdict takeCounterOrders() const;
    Verdict editMenu() const;
    Verdict eightySix() const; // needs the server's "availability"
    Verdict addRemoveMenuItems() const;
    Verdict manageCategories() const;
    Verdict seeBookings() const;
    Verdict manageBookings() const; // also: sees everyone's bookings, not only their own
    Verdict readTables() const;
    Verdict manageTables() const; // needs the server's "tables"
    Verdict seeStaff() const; // the staff lists and their changes
    Verdict manageAccounts() const; // create users, reset passwords: standalone only
    Verdict seeReports() const;
    Verdict hostKitchenPrinting() const; // the restaurant's print host lease

    const User &user() const { return m_user; }
    bool hasFeature(const QString &feature) const { return m_features.contains(feature); }

private:
    User m_user;
    QStringList m_features;
    bool m_standalone = false;
};

} // namespace LittleLemon
