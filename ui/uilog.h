#pragma once

#include <QLoggingCategory>

namespace LittleLemon::Ui {

// littlelemon.ui: what the staff terminal did on a person's behalf (never a password or token).
Q_DECLARE_LOGGING_CATEGORY(lcUi)

} // namespace LittleLemon::Ui
