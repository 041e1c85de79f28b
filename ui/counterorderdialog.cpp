#include "ui/counterorderdialog.h"

#include "models/menumodel.h"
#include "ui/menufiltermodel.h"
#include "ui/theme.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace LittleLemon::Ui {

namespace {
constexpr int kIdRole = Qt::UserRole;
constexpr int kCentsRole = Qt::UserRole + 1;
} // namespace

CounterOrderDialog::CounterOrderDialog(LocalStore *store, MenuModel *menu, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_menu(menu)
    , m_filter(new MenuFilterModel(this))
    , m_search(new QLineEdit(this))
    , m_items(new QListView(this))
    , m_lines(new QTableWidget(0, 3, this))
    , m_note(new QLineEdit(this))
    , m_total(new QLabel(this))
    , m_error(new QLabel(this))
    , m_send(new QPushButton(tr("Send order"), this))
{
    setWindowTitle(tr("Counter order"));
    m_filter->setSourceModel(menu);
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
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        if (m_filter->rowCount() > 0)
            addItem(m_filter->index(0, 0).data(MenuModel::IdRole).toLongLong());
    });
    connect(m_items, &QListView::activated, this,
            [this](const QModelIndex &index) { addItem(index.data(MenuModel::IdRole).toLongLong()); });

    m_lines->setHorizontalHeaderLabels({ tr("Item"), tr("Quantity"), tr("Price") });
    m_lines->verticalHeader()->hide();
    m_lines->verticalHeader()->setDefaultSectionSize(Theme::touchRowHeight() + 4);
    m_lines->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_lines->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_lines->setSelectionMode(QAbstractItemView::NoSelection);
    m_note->setPlaceholderText(tr("Note for the kitchen (optional)"));
    m_error->setProperty("role", QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->hide();

    auto *left = new QVBoxLayout;
    left->addWidget(new QLabel(tr("Available items (Enter or tap to add)"), this));
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

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_send->setDefault(false);
    m_send->setAutoDefault(false);
    m_send->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_send->setToolTip(tr("Send the order (Ctrl+Enter)"));
    buttons->addButton(m_send, QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(buttons);
    updateTotal();
    resize(860, 560);
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

QList<CounterOrderLine> CounterOrderDialog::lines() const
{
    QList<CounterOrderLine> out;
    for (int row = 0; row < m_lines->rowCount(); ++row) {
        const int quantity = qobject_cast<QSpinBox *>(m_lines->cellWidget(row, 1))->value();
        if (quantity > 0)
            out.append({ m_lines->item(row, 0)->data(kIdRole).toLongLong(), quantity });
    }
    return out;
}

void CounterOrderDialog::updateTotal()
{
    Money total;
    for (int row = 0; row < m_lines->rowCount(); ++row) {
        const int quantity = qobject_cast<QSpinBox *>(m_lines->cellWidget(row, 1))->value();
        const Money line = Money(m_lines->item(row, 0)->data(kCentsRole).toLongLong()) * quantity;
        m_lines->item(row, 2)->setText(line.toString());
        total += line;
    }
    m_total->setText(tr("Total: %1").arg(total.toString()));
    m_send->setEnabled(!lines().isEmpty());
}

void CounterOrderDialog::accept()
{
    const LocalEdit edit = m_store->createCounterOrder(lines(), m_note->text().trimmed());
    if (!edit) {
        m_error->setText(edit.error);
        m_error->show();
        return;
    }
    m_created = edit.id;
    QDialog::accept();
}

} // namespace LittleLemon::Ui
