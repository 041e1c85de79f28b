#include "ui/crewpickerdialog.h"

#include "models/localstore.h"
#include "models/user.h"
#include "ui/theme.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace LittleLemon::Ui {

CrewPickerDialog::CrewPickerDialog(LocalStore *store, qint64 orderId, qint64 currentCrew, QWidget *parent)
    : QDialog(parent)
    , m_list(new QListWidget(this))
{
    setWindowTitle(tr("Delivery crew for order #%1").arg(orderId));
    auto *layout = new QVBoxLayout(this);
    auto *label = new QLabel(tr("Who delivers order #%1?").arg(orderId), this);
    label->setProperty("role", QStringLiteral("title"));
    layout->addWidget(label);

    auto add = [this](const QString &text, qint64 id) {
        auto *item = new QListWidgetItem(text, m_list);
        item->setData(Qt::UserRole, id);
        item->setSizeHint(QSize(0, Theme::touchRowHeight() + 4));
    };
    add(tr("Nobody yet"), 0);
    QList<Cached<GroupMember>> crew = store->cache()->groupMembers(kDeliveryCrewGroup);
    std::sort(crew.begin(), crew.end(), [](const auto &a, const auto &b) {
        return a.record.username.localeAwareCompare(b.record.username) < 0;
    });
    for (const auto &member : crew) {
        if (member.record.userId > 0)
            add(member.record.username, member.record.userId);
    }
    if (crew.isEmpty()) {
        auto *hint = new QLabel(tr("Nobody is in the delivery crew yet: add people on the Staff page."), this);
        hint->setProperty("role", QStringLiteral("hint"));
        hint->setWordWrap(true);
        layout->addWidget(hint);
    }
    layout->addWidget(m_list, 1);
    if (!choose(currentCrew))
        choose(0);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Assign"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::itemActivated, this, &QDialog::accept);
    layout->addWidget(buttons);
    resize(420, 460);
}

qint64 CrewPickerDialog::chosenCrew() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toLongLong() : 0;
}

bool CrewPickerDialog::choose(qint64 userId)
{
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->data(Qt::UserRole).toLongLong() == userId) {
            m_list->setCurrentRow(i);
            return true;
        }
    }
    return false;
}

} // namespace LittleLemon::Ui
