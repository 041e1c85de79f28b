#pragma once

namespace LittleLemon::Ui {

// How the orders board looks and sounds, kept in QSettings ("board/...").
struct BoardSettings
{
    int amberMinutes = 10; // an open order this old turns amber
    int redMinutes = 20;   // and this old, red
    bool sound = true;     // beep until a new order is acknowledged
    int beepSeconds = 6;   // how often

    static BoardSettings load();
    void save() const;
};

} // namespace LittleLemon::Ui
