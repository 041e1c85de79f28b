#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace LittleLemon {

// What a person may do. Derived from Django's is_staff and group names
// (case-insensitively: real deployments hold "Manager" as well as "manager").
// Kitchen is our servers' extension (a "kitchen" group): it moves orders
// from received to ready and reads their notes, nothing else.
enum class Role { Customer, DeliveryCrew, Kitchen, Manager, Admin };

QString toWire(Role role); // "admin", "manager", "kitchen", "delivery-crew", "customer"
std::optional<Role> roleFromWire(QStringView text);
QString displayName(Role role);

inline const QString kManagerGroup = QStringLiteral("manager");
inline const QString kDeliveryCrewGroup = QStringLiteral("delivery-crew");
inline const QString kKitchenGroup = QStringLiteral("kitchen");

// The people of a staff group as a person reads it, the same word everywhere
// (the Staff page's lists, the outbox, refusals): "Managers", "Delivery
// crew", "Kitchen"; an unknown group as the server names it.
QString groupTitle(const QString &group);

bool inGroup(const QStringList &groups, const QString &group);
// The highest role: admin (is_staff) > manager > kitchen > delivery crew > customer.
Role roleFor(bool isStaff, const QStringList &groups);

// A person known to a server. `id`, `groups` and `isStaff` come from our
// server's "me" extension or are learned otherwise (the token's user_id, the
// group endpoints); the cloud's /auth/users/me/ only gives email and username.
struct User
{
    qint64 id = 0;
    QString username;
    QString email;
    QStringList groups;
    bool isStaff = false;

    Role role() const { return roleFor(isStaff, groups); }
    bool isAdmin() const { return isStaff; }
    bool isManager() const { return inGroup(groups, kManagerGroup); }
    bool isDeliveryCrew() const { return inGroup(groups, kDeliveryCrewGroup); }
    bool isKitchen() const { return inGroup(groups, kKitchenGroup); }
    // Every order is in their lists: managers, and the kitchen that cooks them all.
    bool seesEveryOrder() const { return isManager() || isKitchen(); }
    // Not in a staff group and not an admin: the cart is theirs.
    bool isCustomer() const { return !isStaff && !isManager() && !isDeliveryCrew() && !isKitchen(); }

    bool operator==(const User &o) const
    {
        return id == o.id && username == o.username && email == o.email && groups == o.groups
            && isStaff == o.isStaff;
    }
    bool operator!=(const User &o) const { return !(*this == o); }
};

// The pair /auth/jwt/create/ answers.
struct TokenPair
{
    QString access;
    QString refresh;
};

} // namespace LittleLemon
