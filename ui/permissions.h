#pragma once

#include "models/permissions.h"

#include <QString>

class QAction;
class QWidget;

namespace LittleLemon::Ui {

// The rules are the domain core's (models/permissions.h); the UI only shows
// their verdicts.
using LittleLemon::Permissions;
using LittleLemon::Verdict;

// Enables or disables `widget` with the verdict's reason as its tooltip
// (the tooltip is kept as `enabledTip` while allowed).
void applyVerdict(QWidget *widget, const Verdict &verdict, const QString &enabledTip = QString());
void applyVerdict(QAction *action, const Verdict &verdict, const QString &enabledTip = QString());

} // namespace LittleLemon::Ui
