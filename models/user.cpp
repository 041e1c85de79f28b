#include "user.h"

#include <QCoreApplication>

namespace LittleLemon {

QString toWire(Role role)
{
    switch (role) {
    case Role::Admin:
        return QStringLiteral("admin");
    case Role::Manager:
        return QStringLiteral("manager");
    case Role::Kitchen:
        return QStringLiteral("kitchen");
    case Role::DeliveryCrew:
        return QStringLiteral("delivery-crew");
    case Role::Customer:
        return QStringLiteral("customer");
    }
    Q_UNREACHABLE();
}

std::optional<Role> roleFromWire(QStringView text)
{
    for (Role r : { Role::Admin, Role::Manager, Role::Kitchen, Role::DeliveryCrew, Role::Customer })
        if (text.compare(toWire(r), Qt::CaseInsensitive) == 0)
            return r;
    return std::nullopt;
}

QString displayName(Role role)
{
    switch (role) {
    case Role::Admin:
        return QCoreApplication::translate("LittleLemon::Role", "Administrator");
    case Role::Manager:
        return QCoreApplication::translate("LittleLemon::Role", "Manager");
    case Role::Kitchen:
        return QCoreApplication::translate("LittleLemon::Role", "Kitchen");
    case Role::DeliveryCrew:
        return QCoreApplication::translate("LittleLemon::Role", "Delivery crew");
    case Role::Customer:
        return QCoreApplication::translate("LittleLemon::Role", "Customer");
    }
    Q_UNREACHABLE();
}

QString groupTitle(const QString &group)
{
    // The role's context with a disambiguation: the people, not one person's role.
    if (group.compare(kManagerGroup, Qt::CaseInsensitive) == 0)
        return QCoreApplication::translate("LittleLemon::Role", "Managers", "the people with the role");
    if (group.compare(kDeliveryCrewGroup, Qt::CaseInsensitive) == 0)
        return QCoreApplication::translate("LittleLemon::Role", "Delivery crew", "the people with the role");
    if (group.compare(kKitchenGroup, Qt::CaseInsensitive) == 0)
        return QCoreApplication::translate("LittleLemon::Role", "Kitchen", "the people with the role");
    return group;
}

bool inGroup(const QStringList &groups, const QString &group)
{
    return groups.contains(group, Qt::CaseInsensitive);
}

Role roleFor(bool isStaff, const QStringList &groups)
{
    if (isStaff)
        return Role::Admin;
    if (inGroup(groups, kManagerGroup))
        return Role::Manager;
    if (inGroup(groups, kKitchenGroup))
        return Role::Kitchen;
    if (inGroup(groups, kDeliveryCrewGroup))
        return Role::DeliveryCrew;
    return Role::Customer;
}

} // namespace LittleLemon
