#include "ui/outboxdialog.h"

#include "api/client/syncengine.h"
#include "models/localstore.h"
#include "models/outboxmodel.h"
#include "ui/theme.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace LittleLemon::Ui {

namespace {
QString describe(const QJsonObject &fields)
{
    QStringList lines;
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
        const QJsonValue v = it.value();
        QString text;
        if (v.isString())
            text = v.toString();
        else if (v.isBool())
            text = v.toBool() ? QCoreApplication::translate("LittleLemon::Ui::OutboxDialog", "yes")
                              : QCoreApplication::translate("LittleLemon::Ui::OutboxDialog", "no");
        else if (v.isNull())
            text = QCoreApplication::translate("LittleLemon::Ui::OutboxDialog", "none");
        else if (v.isDouble())
            text = QString::number(v.toInteger());
        else
            text = QString::fromUtf8((v.isArray() ? QJsonDocument(v.toArray()) : QJsonDocument(v.toObject()))
                                         .toJson(QJsonDocument::Compact));
        lines << QStringLiteral("<b>%1</b>: %2").arg(humanFieldName(it.key()).toHtmlEscaped(), text.toHtmlEscaped());
    }
    return lines.join(QStringLiteral("<br>"));
}
} // namespace

OutboxDialog::OutboxDialog(Client::SyncEngine *engine, LocalStore *store, OutboxModel *model, QWidget *parent)
    : QDialog(parent)
    , m_engine(engine)
    , m_store(store)
    , m_model(model)
    , m_status(new QLabel(this))
    , m_view(new QTableView(this))
    , m_details(new QTextBrowser(this))
    , m_retry(new QPushButton(tr("Send again"), this))
    , m_discard(new QPushButton(tr("Discard"), this))
    , m_keepMine(new QPushButton(tr("Keep mine"), this))
    , m_takeTheirs(new QPushButton(tr("Take theirs"), this))
    , m_syncNow(new QPushButton(tr("Sync now"), this))
{
    setObjectName(QStringLiteral("outboxDialog"));
    setWindowTitle(tr("Changes waiting for the server"));
    m_status->setObjectName(QStringLiteral("outboxStatus"));
    m_status->setWordWrap(true);

    auto *sorted = new QSortFilterProxyModel(this);
    sorted->setSourceModel(model);
    sorted->setSortRole(OutboxModel::SortKeyRole);
    sorted->sort(OutboxModel::CreatedColumn);
    m_view->setModel(sorted);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(Theme::touchRowHeight());
    m_view->horizontalHeader()->setSectionResizeMode(OutboxModel::ChangeColumn, QHeaderView::Stretch);
    m_view->horizontalHeader()->setSectionResizeMode(OutboxModel::MessageColumn, QHeaderView::Stretch);
    for (int column : { int(OutboxModel::StateColumn), int(OutboxModel::AttemptsColumn), int(OutboxModel::CreatedColumn) })
        m_view->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_view->setWordWrap(false);
    m_details->setObjectName(QStringLiteral("outboxDetails"));
    m_details->setMaximumHeight(170);
    m_details->setOpenLinks(false);

    m_retry->setObjectName(QStringLiteral("retryButton"));
    m_retry->setToolTip(tr("Put a refused change back in the queue as it is"));
    m_discard->setObjectName(QStringLiteral("discardButton"));
    m_discard->setToolTip(tr("Forget this change; the server's version stays"));
    m_keepMine->setObjectName(QStringLiteral("keepMineButton"));
    m_keepMine->setToolTip(tr("Send my change again on top of what the other person did"));
    m_takeTheirs->setObjectName(QStringLiteral("takeTheirsButton"));
    m_takeTheirs->setToolTip(tr("Drop my change and keep the other person's"));
    auto seqOf = [this] { return currentEntry(); };
    connect(m_retry, &QPushButton::clicked, this, [this, seqOf] { m_engine->retry(seqOf()); });
    connect(m_discard, &QPushButton::clicked, this, [this, seqOf] { m_engine->discard(seqOf()); });
    connect(m_keepMine, &QPushButton::clicked, this, [this, seqOf] { m_engine->keepMine(seqOf()); });
    connect(m_takeTheirs, &QPushButton::clicked, this, [this, seqOf] { m_engine->takeTheirs(seqOf()); });
    connect(m_syncNow, &QPushButton::clicked, m_engine, &Client::SyncEngine::syncNow);

    auto *actions = new QHBoxLayout;
    actions->addWidget(m_retry);
    actions->addWidget(m_discard);
    actions->addSpacing(16);
    actions->addWidget(m_keepMine);
    actions->addWidget(m_takeTheirs);
    actions->addStretch();
    actions->addWidget(m_syncNow);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_details);
    layout->addLayout(actions);
    layout->addWidget(buttons);
    resize(980, 600);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &OutboxDialog::updateDetails);
    connect(sorted, &QAbstractItemModel::dataChanged, this, &OutboxDialog::updateDetails);
    connect(sorted, &QAbstractItemModel::rowsRemoved, this, &OutboxDialog::updateDetails);
    connect(sorted, &QAbstractItemModel::rowsInserted, this, &OutboxDialog::updateStatus);
    connect(sorted, &QAbstractItemModel::rowsRemoved, this, &OutboxDialog::updateStatus);
    using Client::SyncEngine;
    connect(engine, &SyncEngine::statusChanged, this, &OutboxDialog::updateStatus);
    connect(engine, &SyncEngine::countsChanged, this, &OutboxDialog::updateStatus);
    connect(engine, &SyncEngine::lastSyncTimeChanged, this, &OutboxDialog::updateStatus);
    updateStatus();
    updateDetails();
}

qint64 OutboxDialog::currentEntry() const
{
    const QModelIndex index = m_view->currentIndex();
    return index.isValid() ? index.data(OutboxModel::IdRole).toLongLong() : 0;
}

bool OutboxDialog::selectEntry(qint64 seq)
{
    QAbstractItemModel *model = m_view->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(OutboxModel::IdRole).toLongLong() == seq) {
            m_view->setCurrentIndex(index);
            return true;
        }
    }
    return false;
}

void OutboxDialog::updateStatus()
{
    QString state;
    switch (m_engine->status()) {
    case Client::SyncEngine::Status::Offline:
        state = tr("Offline. Changes are kept here and sent when the server is back.");
        break;
    case Client::SyncEngine::Status::Syncing:
        state = tr("Syncing with the server…");
        break;
    case Client::SyncEngine::Status::Online:
        state = tr("Online.");
        break;
    }
    const QDateTime last = m_engine->lastSyncTime();
    const QString lastText = last.isValid()
        ? tr("Last sync: %1.").arg(QLocale().toString(last.toLocalTime(), QLocale::ShortFormat))
        : tr("Not synced yet.");
    QString message = m_engine->statusMessage();
    const int count = m_model->rowCount();
    const QString waiting = count == 0 ? tr("Nothing is waiting: the server has every change.")
                                       : tr("Not on the server yet: %1.").arg(count);
    m_status->setText(QStringList { state, message, lastText, waiting }.join(u' ').simplified());
}

void OutboxDialog::updateDetails()
{
    const QModelIndex index = m_view->currentIndex();
    const qint64 seq = index.isValid() ? index.data(OutboxModel::IdRole).toLongLong() : 0;
    const auto entry = seq ? m_store->outbox()->entry(seq) : std::nullopt;
    if (!entry) {
        m_details->setHtml(tr("<i>Select a change to see it in full.</i>"));
        for (QPushButton *b : { m_retry, m_discard, m_keepMine, m_takeTheirs })
            b->setEnabled(false);
        return;
    }
    using State = OutboxEntry::State;
    const bool refused = entry->state == State::Failed;
    const bool conflict = entry->state == State::Conflict;
    m_retry->setEnabled(refused);
    m_discard->setEnabled(entry->state != State::Sending);
    m_keepMine->setEnabled(conflict);
    m_takeTheirs->setEnabled(conflict);

    QString html = QStringLiteral("<p><b>%1</b> — %2</p>").arg(entry->summary.toHtmlEscaped(), displayName(entry->state));
    if (!entry->lastError.isEmpty())
        html += tr("<p>The server said: <i>%1</i></p>").arg(entry->lastError.toHtmlEscaped());
    if (conflict) {
        html += QStringLiteral("<table width=\"100%\"><tr><td valign=\"top\" width=\"50%\"><b>%1</b><br>%2</td>"
                               "<td valign=\"top\"><b>%3</b><br>%4</td></tr></table>")
                    .arg(tr("Mine"), describe(entry->overlay), tr("On the server now"),
                         describe([&] {
                             // Only the fields my change touches: that is where we differ.
                             QJsonObject theirs;
                             for (auto it = entry->overlay.constBegin(); it != entry->overlay.constEnd(); ++it) {
                                 if (entry->serverValue.contains(it.key()))
                                     theirs.insert(it.key(), entry->serverValue.value(it.key()));
                             }
                             return theirs;
                         }()));
    } else if (entry->isBlocked()) {
        html += tr("<p>Waits for an earlier change to reach the server first.</p>");
    }
    m_details->setHtml(html);
}

} // namespace LittleLemon::Ui
