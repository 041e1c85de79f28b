#pragma once

#include "models/user.h"

#include <QString>
#include <QStringList>

class QAction;
class QWidget;

namespace LittleLemon::Ui {

// Whether the signed-in person may do something, and if not, why, in words
// for a tooltip. Mirrors CONTRACT.md's table and the server's extensions so
// the UI does not offer what the server would refuse; the server still decides.
struct Verdict
{
    bool allowed = true;
    QString reason;

    explicit operator bool() const { return allowed; }
    static Verdict yes() { return {}; }
    static Verdict no(const QString &why) { return { false, why }; }
};

class Permissions
{
public:
    Permissions() = default;
    Permissions(const User &user, const QStringList &features, bool standalone);

    Verdict moveOrders() const;
    Verdict cancelOrders() const;
    Verdict assignCrew() const;
    Verdict takeCounterOrders() const;
    Verdict editMenu() const;
    Verdict eightySix() const; // needs the server's "availability"
    Verdict addRemoveMenuItems() const;
    Verdict manageCategories() const;
    Verdict seeBookings() const;
    Verdict manageBookings() const;
    Verdict manageTables() const; // needs the server's "tables"
    Verdict seeStaff() const;
    Verdict manageAccounts() const; // create users, reset passwords: standalone only

    const User &user() const { return m_user; }
    bool hasFeature(const QString &feature) const { return m_features.contains(feature); }

private:
    User m_user;
    QStringList m_features;
    bool m_standalone = false;
};

// Enables or disables `widget` with the verdict's reason as its tooltip
// (the tooltip is kept as `enabledTip` while allowed).
void applyVerdict(QWidget *widget, const Verdict &verdict, const QString &enabledTip = QString());
void applyVerdict(QAction *action, const Verdict &verdict, const QString &enabledTip = QString());

} // namespace LittleLemon::Ui
