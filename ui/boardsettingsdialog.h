#pragma once

#include "ui/boardsettings.h"

#include <QDialog>

class QCheckBox;
class QSpinBox;

namespace LittleLemon::Ui {

// When cards turn amber and red, and whether new orders beep.
class BoardSettingsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit BoardSettingsDialog(const BoardSettings &settings, QWidget *parent = nullptr);
    BoardSettings settings() const;

private:
    QSpinBox *m_amber;
    QSpinBox *m_red;
    QCheckBox *m_sound;
    QSpinBox *m_beep;
};

} // namespace LittleLemon::Ui
