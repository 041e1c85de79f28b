#include "ui/shortcutsdialog.h"

#include <QGuiApplication>
#include <QScreen>

#include "ui/page.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMainWindow>
#include <QTableWidget>
#include <QVBoxLayout>

namespace LittleLemon::Ui {

namespace {
QString plain(QString text)
{
    text.remove(u'&');
    if (text.endsWith(QStringLiteral("…")))
        text.chop(1);
    return text;
}
} // namespace

ShortcutsDialog::ShortcutsDialog(QMainWindow *window)
    : QDialog(window)
    , m_table(new QTableWidget(0, 3, this))
{
    setWindowTitle(tr("Keyboard shortcuts"));
    m_table->setHorizontalHeaderLabels({ tr("Where"), tr("Keys"), tr("What it does") });
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);

    auto addRow = [this](const QString &where, const QString &keys, const QString &what) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, 0, new QTableWidgetItem(where));
        m_table->setItem(row, 1, new QTableWidgetItem(keys));
        m_table->setItem(row, 2, new QTableWidgetItem(what));
    };
    // The window's own actions first, then each page's.
    for (QAction *a : window->findChildren<QAction *>(QString(), Qt::FindDirectChildrenOnly)) {
        if (!a->shortcut().isEmpty())
            addRow(tr("Everywhere"), a->shortcut().toString(QKeySequence::NativeText), plain(a->text()));
    }
    for (Page *page : window->findChildren<Page *>()) {
        for (QAction *a : page->actions()) {
            if (!a->shortcut().isEmpty())
                addRow(page->title(), a->shortcut().toString(QKeySequence::NativeText), plain(a->text()));
        }
        for (const auto &[keys, what] : page->keyHelp())
            addRow(page->title(), keys, what);
    }
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    // The list scrolls; the dialog stays within the screen (a 1366x768
    // laptop at 125 % has 614 pixels of height to give).
    const QScreen *screen = window && window->screen() ? window->screen() : QGuiApplication::primaryScreen();
    const QRect room = screen ? screen->availableGeometry() : QRect(0, 0, 1024, 700);
    resize(std::min(760, room.width() - 40), std::min(620, room.height() - 60));
}

int ShortcutsDialog::rowCount() const
{
    return m_table->rowCount();
}

QString ShortcutsDialog::shortcutFor(const QString &what) const
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (m_table->item(row, 2)->text() == what)
            return m_table->item(row, 1)->text();
    }
    return {};
}

} // namespace LittleLemon::Ui
