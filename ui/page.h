#pragma once

#include <QList>
#include <QWidget>

#include <utility>

namespace LittleLemon::Ui {

// One page of the main window (orders, menu, bookings, staff). Its actions
// (QWidget::actions(), with shortcuts in Qt::WidgetWithChildrenShortcut
// context) are listed in the shortcuts help and the window's menu for it.
class Page : public QWidget
{
    Q_OBJECT

public:
    using QWidget::QWidget;

    virtual QString title() const = 0;
    // The page became the visible one: put the keyboard where work starts.
    virtual void activate() { }
    // Keys the page handles that are not actions (arrows, Enter), as
    // (key, what it does), for the shortcuts help.
    virtual QList<std::pair<QString, QString>> keyHelp() const { return {}; }

Q_SIGNALS:
    // Something to tell the person in the status bar.
    void statusMessage(const QString &text);
};

} // namespace LittleLemon::Ui
