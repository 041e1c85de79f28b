#include "ui/actionexplainer.h"

#include "ui/page.h"

#include <QAction>
#include <QShortcut>

namespace LittleLemon::Ui {

ActionExplainer::ActionExplainer(QAction *action, Page *page)
    : QObject(action)
    , m_action(action)
    , m_page(page)
    , m_shortcut(new QShortcut(page))
{
    m_shortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(m_shortcut, &QShortcut::activated, this, [this] { Q_EMIT m_page->statusMessage(m_action->toolTip()); });
    connect(m_action, &QAction::changed, this, &ActionExplainer::follow);
    follow();
}

void ActionExplainer::follow()
{
    // Only one of the two holds the key at a time, so Qt never sees it as ambiguous.
    m_shortcut->setKey(m_action->shortcut());
    m_shortcut->setEnabled(!m_action->isEnabled() && !m_action->shortcut().isEmpty());
}

} // namespace LittleLemon::Ui
