#include "ui/uilog.h"

namespace LittleLemon::Ui {

Q_LOGGING_CATEGORY(lcUi, "littlelemon.ui", QtInfoMsg)

} // namespace LittleLemon::Ui
