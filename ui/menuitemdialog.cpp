#include "ui/menuitemdialog.h"

#include "models/categorymodel.h"
#include "models/fieldlimits.h"
#include "models/localstore.h"
#include "ui/moneyvalidator.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>

namespace LittleLemon::Ui {

MenuItemDialog::MenuItemDialog(LocalStore *store, CategoryModel *categories, qint64 category, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_title(new QLineEdit(this))
    , m_price(new QLineEdit(this))
    , m_category(new QComboBox(this))
    , m_featured(new QCheckBox(tr("Featured on the menu's front page"), this))
    , m_error(new QLabel(this))
    , m_priceProblem(new QLabel(this))
{
    setWindowTitle(tr("New menu item"));
    m_title->setMaxLength(Limits::kTitle);
    auto *validator = new MoneyValidator(m_price);
    m_price->setValidator(validator);
    m_price->setObjectName(QStringLiteral("priceField"));
    m_price->setPlaceholderText(Money(1250).toInput(QLocale()));
    m_priceProblem->setObjectName(QStringLiteral("priceProblem"));
    m_priceProblem->setProperty("role", QStringLiteral("error"));
    m_priceProblem->setWordWrap(true);
    m_priceProblem->hide();
    // Said while typing, not only on OK: "12,50" is a price in pt_BR and es,
    // "5,999" is not anywhere.
    connect(m_price, &QLineEdit::textChanged, this, [this, validator](const QString &text) {
        const QString why = text.trimmed().isEmpty() ? QString() : validator->problem(text);
        m_priceProblem->setText(why);
        m_priceProblem->setVisible(!why.isEmpty());
        growForWords();
    });
    m_price->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    for (int row = 0; row < categories->rowCount(); ++row) {
        const QModelIndex c = categories->index(row, 0);
        m_category->addItem(c.data(CategoryModel::TitleRole).toString(), c.data(CategoryModel::IdRole));
    }
    const int current = m_category->findData(category);
    m_category->setCurrentIndex(current >= 0 ? current : 0);
    m_error->setProperty("role", QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->hide();

    auto *form = new QFormLayout(this);
    form->addRow(tr("Title"), m_title);
    form->addRow(tr("Price"), m_price);
    form->addRow(QString(), m_priceProblem);
    form->addRow(tr("Category"), m_category);
    form->addRow(m_featured);
    form->addRow(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Add to the menu"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
    resize(480, height());
}

void MenuItemDialog::growForWords()
{
    // A wrapped sentence needs the height it takes at this width; a dialog
    // only grows by itself for its fields' minimum sizes.
    layout()->invalidate();
    layout()->activate();
    const int h = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width()) : sizeHint().height();
    if (height() < h)
        resize(width(), h);
}

void MenuItemDialog::accept()
{
    QString why;
    const auto price = Money::parseInput(m_price->text(), QLocale(), Money::MenuPrice, &why);
    if (!price) {
        m_error->setText(tr("Price: %1").arg(why));
        m_error->show();
        growForWords();
        m_price->setFocus();
        return;
    }
    MenuItem item;
    item.title = m_title->text().trimmed();
    item.price = *price;
    item.category = m_category->currentData().toLongLong();
    item.featured = m_featured->isChecked();
    const LocalEdit edit = m_store->outbox()->createMenuItem(item);
    if (!edit) {
        m_error->setText(edit.error);
        m_error->show();
        growForWords();
        return;
    }
    m_created = edit.id;
    QDialog::accept();
}

} // namespace LittleLemon::Ui
