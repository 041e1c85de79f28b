#include "ui/counterorderdialog.h"

#include "models/menumodel.h"
#include "ui/menufiltermodel.h"
#include "ui/outboxwatcher.h"
#include "ui/theme.h"
#include "ui/workspace.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSpinBox>
#include <QStyle>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace LittleLemon::Ui {

namespace {
constexpr int kIdRole = Qt::UserRole;
constexpr int kCentsRole = Qt::UserRole + 1;
} // namespace

CounterOrderDialog::CounterOrderDialog(Workspace *workspace, QWidget *parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_store(workspace->store())
    , m_menu(workspace->menuModel())
    , m_filter(new MenuFilterModel(this))
    , m_search(new QLineEdit(this))
    , m_items(new QListView(this))
    , m_lines(new QTableWidget(0, 4, this))
    , m_note(new QLineEdit(this))
    , m_total(new QLabel(this))
    , m_error(new QLabel(this))
    , m_send(new QPushButton(tr("Send order"), this))
    , m_submission(new EditSubmission(m_store, this))
{
    connect(m_submission, &EditSubmission::settled, this, [this](OutboxWatcher::Outcome outcome, const QString &message) {
        setBusy(false);
        if (outcome == OutboxWatcher::Outcome::Refused) {
            showError(tr("The server refused this order: %1").arg(message));
            return;
        }
        m_outcome = outcome == OutboxWatcher::Outcome::Accepted
            ? tr("Counter order sent to the kitchen.")
            : tr("The server has not answered yet; the counter order waits in the changes to send.");
        Q_EMIT statusMessage(m_outcome);
        QDialog::accept();
    });
    setWindowTitle(tr("Counter order"));
    m_filter->setSourceModel(m_menu);
    m_filter->setAvailableOnly(true);
    m_filter->sort(MenuModel::TitleColumn);
    m_items->setModel(m_filter);
    m_items->setModelColumn(MenuModel::TitleColumn);
    m_items->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_items->setUniformItemSizes(true);
    m_items->setStyleSheet(QStringLiteral("QListView::item { min-height: %1px; }").arg(Theme::touchRowHeight()));
    m_search->setPlaceholderText(tr("Find an item"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, m_filter, &MenuFilterModel::setSearchText);
    // Ctrl+Enter is taken before the field or the list sees it (eventFilter):
    // it sends what is there and adds nothing more.
    m_search->installEventFilter(this);
    m_items->installEventFilter(this);
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        if (m_filter->rowCount() > 0)
            addItem(m_filter->index(0, 0).data(MenuModel::IdRole).toLongLong());
    });
    connect(m_items, &QListView::activated, this,
            [this](const QModelIndex &index) { addItem(index.data(MenuModel::IdRole).toLongLong()); });

    m_lines->setHorizontalHeaderLabels({ tr("Item"), tr("Quantity"), tr("Price"), tr("Note") });
    m_lines->verticalHeader()->hide();
    m_lines->verticalHeader()->setDefaultSectionSize(Theme::touchRowHeight() + 4);
    m_lines->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_lines->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
    // A line's note ("no onions") is printed under it on the kitchen ticket;
    // only a server with line_notes keeps it.
    m_lines->setColumnHidden(3, !m_workspace->hasFeature(QStringLiteral("line_notes")));
    m_lines->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_lines->setSelectionMode(QAbstractItemView::NoSelection);
    m_note->setPlaceholderText(tr("Note for the kitchen (optional)"));
    m_error->setProperty("role", QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->hide();

    auto *left = new QVBoxLayout;
    left->addWidget(new QLabel(tr("Available items (Enter or tap to add)"), this));
    m_search->setObjectName(QStringLiteral("counterSearch"));
    m_send->setObjectName(QStringLiteral("counterSend"));
    left->addWidget(m_search);
    left->addWidget(m_items, 1);
    auto *right = new QVBoxLayout;
    right->addWidget(new QLabel(tr("This order"), this));
    right->addWidget(m_lines, 1);
    right->addWidget(m_note);
    m_total->setProperty("role", QStringLiteral("title"));
    right->addWidget(m_total);
    right->addWidget(m_error);
    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 2);
    columns->addLayout(right, 3);

    // Send is an ActionRole button, not AcceptRole: a button box makes its
    // first accept button the default one, which any Enter would press.
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_send->setAutoDefault(false);
    m_send->setToolTip(tr("Send the order (Ctrl+Enter)"));
    buttons->addButton(m_send, QDialogButtonBox::ActionRole);
    for (QAbstractButton *b : buttons->buttons()) {
        if (auto *push = qobject_cast<QPushButton *>(b))
            push->setAutoDefault(false);
    }
    connect(m_send, &QPushButton::clicked, this, &CounterOrderDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &CounterOrderDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(buttons);
    updateTotal();
    resize(920, 560);
    m_search->setFocus();
}

int CounterOrderDialog::rowOf(qint64 menuItemId) const
{
    for (int row = 0; row < m_lines->rowCount(); ++row) {
        if (m_lines->item(row, 0)->data(kIdRole).toLongLong() == menuItemId)
            return row;
    }
    return -1;
}

void CounterOrderDialog::addItem(qint64 menuItemId)
{
    const int existing = rowOf(menuItemId);
    if (existing >= 0) {
        auto *spin = qobject_cast<QSpinBox *>(m_lines->cellWidget(existing, 1));
        spin->setValue(spin->value() + 1);
        return;
    }
    const int sourceRow = m_menu->rowOf(menuItemId);
    if (sourceRow < 0)
        return;
    const QModelIndex source = m_menu->index(sourceRow, 0);
    const int row = m_lines->rowCount();
    m_lines->insertRow(row);
    auto *title = new QTableWidgetItem(source.data(MenuModel::TitleRole).toString());
    title->setData(kIdRole, menuItemId);
    title->setData(kCentsRole, source.data(MenuModel::PriceCentsRole).toLongLong());
    m_lines->setItem(row, 0, title);
    auto *spin = new QSpinBox(m_lines);
    spin->setRange(0, 99);
    spin->setValue(1);
    spin->setToolTip(tr("0 takes the item off the order"));
    m_lines->setCellWidget(row, 1, spin);
    auto *price = new QTableWidgetItem;
    price->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_lines->setItem(row, 2, price);
    auto *note = new QLineEdit(m_lines);
    note->setObjectName(QStringLiteral("lineNote"));
    note->setMaxLength(Limits::kLineNote);
    note->setPlaceholderText(tr("e.g. no onions"));
    note->setToolTip(tr("Printed under this line on the kitchen ticket (at most %n character(s))", nullptr,
                        Limits::kLineNote));
    m_lines->setCellWidget(row, 3, note);
    connect(spin, &QSpinBox::valueChanged, this, [this, menuItemId](int value) {
        if (value == 0) {
            const int r = rowOf(menuItemId);
            if (r >= 0)
                m_lines->removeRow(r);
        }
        updateTotal();
    });
    updateTotal();
}

void CounterOrderDialog::setQuantity(qint64 menuItemId, int quantity)
{
    if (rowOf(menuItemId) < 0)
        addItem(menuItemId);
    const int row = rowOf(menuItemId);
    if (row >= 0)
        qobject_cast<QSpinBox *>(m_lines->cellWidget(row, 1))->setValue(quantity);
}

void CounterOrderDialog::setNote(const QString &note)
{
    m_note->setText(note);
}

void CounterOrderDialog::setLineNote(qint64 menuItemId, const QString &note)
{
    const int row = rowOf(menuItemId);
    if (row >= 0)
        qobject_cast<QLineEdit *>(m_lines->cellWidget(row, 3))->setText(note);
}

QList<CounterOrderLine> CounterOrderDialog::lines() const
{
    QList<CounterOrderLine> out;
    for (int row = 0; row < m_lines->rowCount(); ++row) {
        const int quantity = qobject_cast<QSpinBox *>(m_lines->cellWidget(row, 1))->value();
        if (quantity > 0)
            out.append({ m_lines->item(row, 0)->data(kIdRole).toLongLong(), quantity,
                         qobject_cast<QLineEdit *>(m_lines->cellWidget(row, 3))->text().trimmed() });
    }
    return out;
}

void CounterOrderDialog::updateTotal()
{
    Money total;
    for (int row = 0; row < m_lines->rowCount(); ++row) {
        const int quantity = qobject_cast<QSpinBox *>(m_lines->cellWidget(row, 1))->value();
        const Money line = Money(m_lines->item(row, 0)->data(kCentsRole).toLongLong()) * quantity;
        m_lines->item(row, 2)->setText(line.toDisplay());
        total += line;
    }
    m_total->setText(tr("Total: %1").arg(total.toDisplay()));
    m_send->setEnabled(!lines().isEmpty());
}

bool CounterOrderDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress && (watched == m_search || watched == m_items)) {
        auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && (key->modifiers() & Qt::ControlModifier)) {
            if (m_send->isEnabled())
                accept();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void CounterOrderDialog::keyPressEvent(QKeyEvent *event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (!enter) {
        QDialog::keyPressEvent(event);
        return;
    }
    // Ctrl+Enter sends; a plain Enter has done its work where it was typed
    // (added the item found, finished a quantity) and never sends.
    if (event->modifiers() & Qt::ControlModifier) {
        if (m_send->isEnabled())
            accept();
    }
    event->accept();
}

void CounterOrderDialog::setBusy(bool busy, const QString &message)
{
    m_send->setEnabled(!busy && !lines().isEmpty());
    m_search->setEnabled(!busy);
    m_items->setEnabled(!busy);
    m_lines->setEnabled(!busy);
    m_note->setEnabled(!busy);
    if (busy) {
        m_error->setProperty("role", QStringLiteral("hint"));
        m_error->style()->polish(m_error);
        m_error->setText(message);
        m_error->show();
    } else {
        m_error->hide();
    }
}

void CounterOrderDialog::showError(const QString &message)
{
    m_error->setProperty("role", QStringLiteral("error"));
    m_error->style()->polish(m_error);
    m_error->setText(message);
    m_error->show();
}

void CounterOrderDialog::accept()
{
    if (m_submission->isWaiting())
        return;
    if (lines().isEmpty()) {
        showError(tr("Add at least one item to the order."));
        return;
    }
    // A refused attempt, corrected and sent again: the old one goes.
    m_submission->dropRefused();
    const LocalEdit edit = m_store->outbox()->createCounterOrder(lines(), m_note->text().trimmed());
    if (!edit) {
        showError(edit.error);
        return;
    }
    m_created = edit.id;
    if (edit.seq == 0 || !m_workspace->isOnline()) {
        m_outcome = tr("Counter order saved on this terminal; it will be sent to the kitchen when the server is back.");
        Q_EMIT statusMessage(m_outcome);
        QDialog::accept();
        return;
    }
    setBusy(true, tr("Sending to the kitchen…"));
    m_submission->watch(edit.seq);
    m_workspace->syncNow();
}

void CounterOrderDialog::reject()
{
    // Refused and given up: the refused order does not stay in the outbox.
    m_submission->dropRefused();
    QDialog::reject();
}

} // namespace LittleLemon::Ui
