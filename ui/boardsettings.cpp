#include "ui/boardsettings.h"

#include <QSettings>

#include <algorithm>

namespace LittleLemon::Ui {

BoardSettings BoardSettings::load()
{
    QSettings s;
    BoardSettings b;
    b.amberMinutes = std::clamp(s.value(QStringLiteral("board/amberMinutes"), b.amberMinutes).toInt(), 1, 600);
    b.redMinutes = std::clamp(s.value(QStringLiteral("board/redMinutes"), b.redMinutes).toInt(), b.amberMinutes, 1200);
    b.sound = s.value(QStringLiteral("board/sound"), b.sound).toBool();
    b.beepSeconds = std::clamp(s.value(QStringLiteral("board/beepSeconds"), b.beepSeconds).toInt(), 2, 120);
    return b;
}

void BoardSettings::save() const
{
    QSettings s;
    s.setValue(QStringLiteral("board/amberMinutes"), amberMinutes);
    s.setValue(QStringLiteral("board/redMinutes"), redMinutes);
    s.setValue(QStringLiteral("board/sound"), sound);
    s.setValue(QStringLiteral("board/beepSeconds"), beepSeconds);
}

} // namespace LittleLemon::Ui
