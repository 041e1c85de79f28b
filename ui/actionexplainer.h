#pragma once

#include <QObject>

class QAction;
class QShortcut;

namespace LittleLemon::Ui {

class Page;

// A disabled action's shortcut does nothing, silently: Ctrl+N on a server
// without counter orders looked broken. This gives the shortcut to a
// stand-in while the action is disabled, which puts the reason (the
// action's tooltip, set by applyVerdict) in the status bar.
class ActionExplainer : public QObject
{
    Q_OBJECT

public:
    ActionExplainer(QAction *action, Page *page);

private:
    void follow();

    QAction *m_action;
    Page *m_page;
    QShortcut *m_shortcut;
};

} // namespace LittleLemon::Ui
