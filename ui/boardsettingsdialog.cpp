#include "ui/boardsettingsdialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QPushButton>
#include <QSpinBox>

namespace LittleLemon::Ui {

BoardSettingsDialog::BoardSettingsDialog(const BoardSettings &settings, QWidget *parent)
    : QDialog(parent)
    , m_amber(new QSpinBox(this))
    , m_red(new QSpinBox(this))
    , m_sound(new QCheckBox(tr("Beep until a new order is acknowledged"), this))
    , m_beep(new QSpinBox(this))
{
    setWindowTitle(tr("Orders board settings"));
    m_amber->setRange(1, 600);
    m_amber->setSuffix(tr(" min"));
    m_amber->setValue(settings.amberMinutes);
    m_red->setRange(1, 1200);
    m_red->setSuffix(tr(" min"));
    m_red->setValue(settings.redMinutes);
    m_sound->setChecked(settings.sound);
    m_beep->setRange(2, 120);
    m_beep->setSuffix(tr(" s"));
    m_beep->setValue(settings.beepSeconds);
    m_beep->setEnabled(settings.sound);
    connect(m_sound, &QCheckBox::toggled, m_beep, &QWidget::setEnabled);
    // Red never comes before amber.
    connect(m_amber, &QSpinBox::valueChanged, this, [this](int v) { m_red->setMinimum(v); });
    m_red->setMinimum(m_amber->value());

    auto *form = new QFormLayout(this);
    form->addRow(tr("Amber after"), m_amber);
    form->addRow(tr("Red after"), m_red);
    form->addRow(m_sound);
    form->addRow(tr("Beep every"), m_beep);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

BoardSettings BoardSettingsDialog::settings() const
{
    BoardSettings s;
    s.amberMinutes = m_amber->value();
    s.redMinutes = m_red->value();
    s.sound = m_sound->isChecked();
    s.beepSeconds = m_beep->value();
    return s;
}

} // namespace LittleLemon::Ui
